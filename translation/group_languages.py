"""The "Übersetzung" panel in the administrators' group form (Einstellungen → Gruppen): whether
the group is a translators' group, and its languages. Its rights then apply in those languages
only (`guards/grants.py`); a translators' group must have at least one."""

from django import forms
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .conf import SOURCE_LANGUAGE
from .models import TranslatorGroup


class TranslatorLanguagesForm(forms.Form):
    is_translator_group = forms.BooleanField(
        label=_("Translators' group"),
        required=False,
        help_text=_("Its rights apply only in the languages ticked below."),
    )
    locales = forms.ModelMultipleChoiceField(
        label=_("Languages"),
        queryset=Locale.objects.exclude(language_code=SOURCE_LANGUAGE).order_by("language_code"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, data=None, files=None, instance=None, prefix="translator_languages"):
        self.instance = instance
        role = self._role()
        initial = {"is_translator_group": role is not None,
                   "locales": list(role.locales.all()) if role else []}
        super().__init__(data, files, prefix=prefix, initial=initial)
        self.fields["locales"].label_from_instance = lambda locale: locale.get_display_name()

    def _role(self):
        if self.instance is None or self.instance.pk is None:
            return None
        return TranslatorGroup.objects.filter(group=self.instance).first()

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("is_translator_group") and not cleaned_data.get("locales"):
            self.add_error("locales", _(
                "Choose at least one language: a translators' group without a language grants "
                "its members nothing."
            ))
        return cleaned_data

    def save(self):
        if not self.cleaned_data["is_translator_group"]:
            TranslatorGroup.objects.filter(group=self.instance).delete()
            return
        role = TranslatorGroup.objects.get_or_create(group=self.instance)[0]
        role.locales.set(self.cleaned_data["locales"])

    def as_admin_panel(self):
        return render_to_string("translation/group_languages_panel.html", {
            "form": self, "heading": _("Translation"), "panel_id": "translator-languages",
        })
