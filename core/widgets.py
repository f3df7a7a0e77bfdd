"""Choice widgets for relations: every option visible as a checkbox or radio button, with a
filter box above the list, so that editors see what is chosen without Ctrl-clicking."""

from django import forms


class _FilterableChoices:
    template_name = "core/widgets/filterable_choices.html"

    class Media:
        js = ["core/js/choice-filter.js"]
        css = {"all": ["core/css/choice-filter.css"]}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["filter_id"] = f"{context['widget']['attrs'].get('id', name)}-filter"
        return context


class FilterableCheckboxes(_FilterableChoices, forms.CheckboxSelectMultiple):
    """Several choices, e.g. topics or contacts."""


class FilterableRadios(_FilterableChoices, forms.RadioSelect):
    """One choice, e.g. the byline; the empty choice reads "none"."""
