"""The Redaktion's "Übersetzen" form starts with every language that has no translation ticked.

wagtail-localize's form offers only the languages without a translation and ticks none (or the
one named by `?select_locale=`), so the usual case, "translate into all missing languages",
needed a click per language and was easy to get wrong. The form class is patched once at
start-up (`install()`, from `TranslationConfig.ready`); `tests/work/test_start_translation.py` has a
canary that fails when upstream's form changes shape.
"""

from wagtail_localize.views import submit_translations

_original_init = submit_translations.SubmitTranslationForm.__init__


def _init_with_missing_languages_ticked(self, instance, *args, **kwargs):
    _original_init(self, instance, *args, **kwargs)
    if self.is_bound or self.initial.get("locales"):
        return
    self.initial["locales"] = list(self.fields["locales"].queryset)


def install():
    form = submit_translations.SubmitTranslationForm
    if form.__init__ is not _init_with_missing_languages_ticked:
        form.__init__ = _init_with_missing_languages_ticked
