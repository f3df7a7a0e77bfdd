// wagtail-localize's translation editor writes two English phrases into its compiled script
// (a section title "<source> to <target> translation" and the "More actions" label of its
// action menu); this puts the German wording, handed over by the server, in their place.
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script) return;
  var moreActions = script.dataset.moreActions;
  var titleTemplate = script.dataset.translationTitle;
  var ENGLISH_TITLE = /^(.+) to (.+) translation$/;

  function fix(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      var text = node.nodeValue.trim();
      if (text === 'More actions') {
        node.nodeValue = moreActions;
        continue;
      }
      var match = ENGLISH_TITLE.exec(text);
      if (match) {
        node.nodeValue = titleTemplate.replace('{source}', match[1]).replace('{target}', match[2]);
      }
    }
  }

  function start() {
    var editor = document.querySelector('.js-translation-editor');
    if (!editor) return;
    fix(editor);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(function (added) {
          if (added.nodeType === Node.ELEMENT_NODE) fix(added);
          else if (added.nodeType === Node.TEXT_NODE && added.parentNode) fix(added.parentNode);
        });
        if (mutation.type === 'characterData' && mutation.target.parentNode) {
          fix(mutation.target.parentNode);
        }
      });
    }).observe(editor, { childList: true, subtree: true, characterData: true });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
