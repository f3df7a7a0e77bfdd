"""The filters of the news index: topic, content type, year and month, as a plain GET form.

Every value arrives from a URL, so anything may arrive. A value that is not valid (an unknown
topic, `?year=-1`, a 5,000-character string) is dropped with a message and the listing falls
back to not filtering by it; a page never fails because of its query string.
"""

from urllib.parse import urlencode

from django import forms
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

# Years outside this range cannot be dates in the database, and no item ever has them.
MIN_YEAR, MAX_YEAR = 1900, 2999
FILTER_FIELDS = ("topic", "type", "year", "month")


class ContentType:
    NEWS = "news"
    VIDEO = "video"
    CHOICES = [(NEWS, _("News items")), (VIDEO, _("Videos"))]


class NewsFilterForm(forms.Form):
    topic = forms.ChoiceField(
        label=_("Topic"),
        required=False,
        error_messages={"invalid_choice": _("There is no such topic; showing all topics.")},
    )
    type = forms.ChoiceField(
        label=_("Content type"),
        required=False,
        choices=[("", _("All content types")), *ContentType.CHOICES],
        error_messages={
            "invalid_choice": _("There is no such content type; showing all content types.")
        },
    )
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        widget=forms.Select,
        error_messages={
            "invalid": _("That is not a year; showing all years."),
            "min_value": _("That is not a year; showing all years."),
            "max_value": _("That is not a year; showing all years."),
        },
    )
    month = forms.IntegerField(
        label=_("Month"),
        required=False,
        min_value=1,
        max_value=12,
        widget=forms.Select(choices=[("", _("All months")), *MONTHS.items()]),
        error_messages={
            "invalid": _("That is not a month; showing all months."),
            "min_value": _("That is not a month; showing all months."),
            "max_value": _("That is not a month; showing all months."),
        },
    )

    def __init__(self, data, *, topics, **kwargs):
        """`topics`: the reader's topic hubs, in the reader's language. The form is validated
        at once; `offer_years()` then fills the year choices."""
        super().__init__(data, auto_id="filter-%s", **kwargs)
        self.topics = {topic.slug: topic for topic in topics}
        self.fields["topic"].choices = [("", _("All topics"))] + [
            (topic.slug, topic.title) for topic in topics
        ]
        self.is_valid()
        self.offer_years([])

    def offer_years(self, years):
        """The years to choose from (those with items), and the chosen one in any case."""
        years = list(years)
        chosen = self.cleaned_data.get("year")
        if chosen and chosen not in years:
            years = sorted([*years, chosen], reverse=True)
        self.fields["year"].widget.choices = [("", _("All years"))] + [
            (year, str(year)) for year in years
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("month") and not cleaned.get("year"):
            self.add_error("month", _("Choose a year to see one of its months."))
        return cleaned

    @property
    def filters(self):
        """The valid filters: {"topic": TopicPage, "type": "news", "year": 2021, "month": 7}."""
        values = {name: self.cleaned_data.get(name) for name in FILTER_FIELDS}
        values["topic"] = self.topics.get(values["topic"]) if values["topic"] else None
        return {name: value for name, value in values.items() if value}

    def query(self, **overrides):
        """The query string of the valid filters, with `overrides` (None drops a filter)."""
        values = {name: self.cleaned_data.get(name) for name in FILTER_FIELDS}
        values.update(overrides)
        return urlencode([(name, value) for name, value in values.items() if value])
