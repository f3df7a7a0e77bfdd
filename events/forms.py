"""The event's admin form: local start and end in the event's own time zone.

Editors type wall-clock times as they appear on the invitation ("10:00 in Berlin"); the
form turns them into UTC with the zone chosen in the same form. Its labels name the zone.
An unknown zone, a time that does not exist in that zone (the hour skipped when the clocks go
forward) or an end before the start is refused with a message at the field, and everything
typed stays in the form.
"""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateTimeInput

from core.forms import EditorialPageForm

from .timezones import DEFAULT_ZONE, local_to_utc, zone


class LocalDateTimeField(forms.DateTimeField):
    """A wall-clock date and time with no zone of its own (naive): the form applies the
    event's zone. Django's field would read it in the admin's zone, and refuse times that do
    not exist there, though they may exist in the event's."""

    widget = AdminDateTimeInput

    def to_python(self, value):
        with timezone.override(datetime.UTC):
            moment = super().to_python(value)
        return moment.replace(tzinfo=None) if moment else None

    def prepare_value(self, value):
        return value


def lead_image_checked(form, cleaned_data):
    if (cleaned_data.get("lead_image") and not cleaned_data.get("lead_image_decorative")
            and not (cleaned_data.get("lead_image_alt") or "").strip()):
        form.add_error("lead_image_alt", _(
            "Describe the image for people who cannot see it, or mark it as decorative."))


class EventSeriesPageForm(EditorialPageForm):
    def clean(self):
        cleaned_data = super().clean()
        if not self.is_deferred_validation:
            lead_image_checked(self, cleaned_data)
        return cleaned_data


class EventPageForm(EditorialPageForm):
    start_local = LocalDateTimeField(
        label=_("Start (local time)"), required=False,
        help_text=_("Date and time in the event's time zone."))
    end_local = LocalDateTimeField(
        label=_("End (local time)"), required=False,
        help_text=_("Date and time in the event's time zone. For an all-day event, the last "
                    "day."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        name = page.time_zone or DEFAULT_ZONE
        tz = zone(name)
        if tz is not None:
            if page.start and "start_local" not in self.initial:
                self.initial["start_local"] = page.start.astimezone(tz).replace(tzinfo=None)
            if page.end and "end_local" not in self.initial:
                end = page.end.astimezone(tz)
                if page.all_day:  # stored as the midnight after the last day
                    end -= datetime.timedelta(days=1)
                self.initial["end_local"] = end.replace(tzinfo=None)
        # The form names the zone the times are read in.
        for field_name, label in (("start_local", _("Start (local time, %(zone)s)")),
                                  ("end_local", _("End (local time, %(zone)s)"))):
            if field_name in self.fields:
                self.fields[field_name].label = label % {"zone": name}

    def clean(self):
        cleaned_data = super().clean()
        deferred = self.is_deferred_validation
        if not deferred:
            lead_image_checked(self, cleaned_data)
        name = cleaned_data.get("time_zone") or ""
        tz = zone(name)
        all_day = cleaned_data.get("all_day")
        start_local, end_local = cleaned_data.get("start_local"), cleaned_data.get("end_local")
        if not deferred and start_local is None and "start_local" not in self.errors:
            self.add_error("start_local", _("Enter when the event starts."))
        if not deferred and end_local is None and not all_day and "end_local" not in self.errors:
            self.add_error("end_local", _("Enter when the event ends."))
        if tz is None:
            return cleaned_data  # the zone field says why
        start = end = None
        if start_local is not None:
            if all_day:
                start_local = datetime.datetime.combine(start_local.date(), datetime.time())
            start = self._utc(start_local, tz, name, "start_local")
        if end_local is not None:
            if all_day:
                end_local = datetime.datetime.combine(
                    end_local.date() + datetime.timedelta(days=1), datetime.time())
            end = self._utc(end_local, tz, name, "end_local")
        elif all_day and start is not None:
            end = self._utc(start_local + datetime.timedelta(days=1), tz, name, "end_local")
        if start and end and end <= start:
            self.add_error("end_local", _(
                "The event ends before it starts. Check the end (in %(zone)s).") % {
                "zone": name})
            return cleaned_data
        self.instance.start, self.instance.end = start, end
        return cleaned_data

    def _utc(self, local, tz, name, field_name):
        moment = local_to_utc(local, tz)
        if moment is None:
            self.add_error(field_name, _(
                "%(time)s does not exist in %(zone)s: the clocks go forward then. Choose a "
                "time before or after.") % {
                "time": local.strftime("%d.%m.%Y %H:%M"), "zone": name})
        return moment
