"""Translations start from what is public, or submitted for approval: never from a draft.

Starting a translation copies the German text into the translation editor, where translators
read it. A German page or contact that nobody has submitted is its author's unfinished work,
embargoed even from translators (they may not open it in the page editor either). So every way
of starting or refreshing a translation asks `may_translate_from()` first:

* "Übersetzung beginnen" (`translation.work.start`) and its buttons;
* wagtail-localize's "Übersetzen" forms for pages and snippets and their buttons;
* "Übersetzte Seiten synchronisieren", which reads the German page anew.

A page or contact qualifies when it is live, or when its workflow is in progress (submitted for
approval). Snippets without a draft state (authors and teams) are public as soon as saved.
"""

import functools

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import DraftStateMixin, Page, WorkflowMixin
from wagtail.snippets.models import get_snippet_models

STATUS_FORBIDDEN = 403


def may_translate_from(obj):
    """True if `obj` (the source of a translation) is live or awaiting approval."""
    if isinstance(obj, Page) and obj.alias_of_id:
        obj = obj.alias_of
    if not isinstance(obj, DraftStateMixin) or obj.live:
        return True
    return isinstance(obj, WorkflowMixin) and obj.workflow_in_progress


def refusal(request, obj):
    """A 403 that says why, in the admin's language."""
    title = obj.get_admin_display_title() if isinstance(obj, Page) else str(obj)
    return TemplateResponse(
        request,
        "translation/translation_refused.html",
        {
            "header_title": _("Not translatable yet"),
            "page_title": _("Not translatable yet"),
            "page_subtitle": title,
            "header_icon": "site",
            "message": _(
                "“%(title)s” is an unpublished draft that has not been submitted for approval. "
                "It can be translated once its author submits it or it is published."
            ) % {"title": title},
        },
        status=STATUS_FORBIDDEN,
    )


def _snippet(app_label, model_name, pk):
    for model in get_snippet_models():
        if (model._meta.app_label, model._meta.model_name) == (app_label, model_name):
            return model._default_manager.filter(pk=unquote(pk)).first()
    return None


def only_from_public_sources(view, find_source):
    """Wrap a view so that it refuses (403) when `find_source(**kwargs)` is an embargoed draft;
    anything else, including "not found", is the view's to answer."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        source = find_source(**kwargs)
        if source is not None and not may_translate_from(source):
            return refusal(request, source)
        return view(request, *args, **kwargs)

    return wrapped


def page_source(page_id, **_kwargs):
    return Page.objects.filter(pk=page_id).first()


def snippet_source(app_label, model_name, pk, **_kwargs):
    return _snippet(app_label, model_name, pk)


def translation_source_object(translation_source_id, **_kwargs):
    from wagtail_localize.models import TranslationSource

    source = get_object_or_404(TranslationSource, pk=translation_source_id)
    try:
        return source.get_source_instance()
    except source.specific_content_type.model_class().DoesNotExist:
        return None


def _is_translation_start(button):
    url = str(getattr(button, "url", "") or "")
    return "/localize/submit/" in url or "/localize/update/" in url


def drop_translation_buttons(buttons):
    """Remove "Übersetzen" and "Synchronisieren" from listing buttons (also in "…" menus)."""
    buttons[:] = [button for button in buttons if not _is_translation_start(button)]
    for button in buttons:
        nested = getattr(button, "dropdown_buttons", None)
        if nested is not None:
            button.dropdown_buttons = [item for item in nested if not _is_translation_start(item)]


def only_for_public_sources(button_hook):
    """Wrap wagtail-localize's page button hook: no buttons for an embargoed draft."""

    @functools.wraps(button_hook)
    def wrapped(page, user, *args, **kwargs):
        if not may_translate_from(page):
            return []
        return button_hook(page, user, *args, **kwargs)

    return wrapped


def install():
    """wagtail-localize's "Übersetzen" header button has no `construct_…` hook to filter it:
    wrap its registered hook function in place (idempotent). `translation.wagtail_hooks`
    imports wagtail-localize's hooks first, so they are registered when this runs."""
    from wagtail import hooks
    from wagtail_localize import wagtail_hooks as localize_hooks

    for name in ("register_page_header_buttons", "register_page_listing_more_buttons"):
        registered = hooks._hooks.get(name, [])
        for index, (function, order) in enumerate(registered):
            if function is localize_hooks.page_listing_more_buttons:
                registered[index] = (only_for_public_sources(function), order)
