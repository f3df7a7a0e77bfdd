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
