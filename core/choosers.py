"""The snippet choosers of contacts and authors, with their language filter labelled in German.

Wagtail's chooser adds the language filter as a bare form field named "locale", whose label
Django derives from the name ("Locale"), so no catalogue can translate it."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet


class LabelledLanguageFilterMixin:
    def get_filter_form_class(self):
        form_class = super().get_filter_form_class()

        class FilterForm(form_class):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if "locale" in self.fields:
                    self.fields["locale"].label = _("Locale")  # "Sprache"

        return FilterForm


class GermanChooseView(LabelledLanguageFilterMixin, ChooseView):
    pass


class GermanChooseResultsView(LabelledLanguageFilterMixin, ChooseResultsView):
    pass


class GermanSnippetChooserViewSet(SnippetChooserViewSet):
    choose_view_class = GermanChooseView
    choose_results_view_class = GermanChooseResultsView


# Wagtail 8.0's link chooser forms ("Externer Link", "Anker", "E-Mail", "Telefon") declare
# `link_text = forms.CharField(required=False)` without a label: Django derives "Link text" from
# the name, in English in every admin language. Labelled once at start-up (CoreConfig.ready);
# editorial/UPSTREAM.md has the report, core/tests/test_link_chooser_labels.py the canary.
LINK_TEXT_LABEL = _("Link text")


def label_link_text_fields():
    from wagtail.admin.forms import choosers

    for form_class in (choosers.ExternalLinkChooserForm, choosers.AnchorLinkChooserForm,
                       choosers.EmailLinkChooserForm, choosers.PhoneLinkChooserForm):
        form_class.base_fields["link_text"].label = LINK_TEXT_LABEL
