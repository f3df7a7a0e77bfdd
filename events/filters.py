"""The filters of the events index: topic, format and year, as a plain GET form.

A value that is not valid (an unknown topic, `?year=abc`) is dropped with a message and the
listing does not filter by it; a page never fails because of its query string.
"""

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

FILTER_FIELDS = ("topic", "format", "year")
MIN_YEAR, MAX_YEAR = 1900, 2999


class EventFilterForm(forms.Form):
    topic = forms.ChoiceField(
        label=_("Topic"), required=False,
        error_messages={"invalid_choice": _("There is no such topic; showing all topics.")})
    format = forms.ChoiceField(
        label=_("Format"), required=False,
        error_messages={"invalid_choice": _("There is no such format; showing all formats.")})
    year = forms.IntegerField(
        label=_("Year"), required=False, min_value=MIN_YEAR, max_value=MAX_YEAR,
        widget=forms.Select,
        error_messages={
            "invalid": _("That is not a year; showing all years."),
            "min_value": _("That is not a year; showing all years."),
            "max_value": _("That is not a year; showing all years."),
        })

    def __init__(self, data, *, topics, years, **kwargs):
        from .models import EventFormat

        super().__init__(data, auto_id="filter-%s", **kwargs)
        self.topics = {topic.slug: topic for topic in topics}
        self.fields["topic"].choices = [("", _("All topics"))] + [
            (topic.slug, topic.title) for topic in topics]
        self.fields["format"].choices = [("", _("All formats")), *EventFormat.choices]
        self.is_valid()
        years = list(years)
        chosen = self.cleaned_data.get("year")
        if chosen and chosen not in years:
            years = sorted([*years, chosen], reverse=True)
        self.fields["year"].widget.choices = [("", _("All years"))] + [
            (year, str(year)) for year in years]

    @property
    def filters(self):
        values = {name: self.cleaned_data.get(name) for name in FILTER_FIELDS}
        values["topic"] = self.topics.get(values["topic"]) if values["topic"] else None
        return {name: value for name, value in values.items() if value}

    def query(self):
        values = {name: self.cleaned_data.get(name) for name in FILTER_FIELDS}
        return urlencode([(name, value) for name, value in values.items() if value])
