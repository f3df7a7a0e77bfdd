"""Factories for the events index, series and events. Pass `parent=` to place a page.

`EventPageFactory(local=(datetime(2021, 9, 29, 10), datetime(2021, 9, 29, 11, 30)),
time_zone="Europe/Berlin")` stores start and end as the editor's form would: local times
in the event's zone, in UTC.
"""

import datetime

import factory

from core.factories import BasePageFactory

from .models import EventIndexPage, EventPage, EventSeriesPage
from .timezones import zone


class EventIndexPageFactory(BasePageFactory):
    title = "Veranstaltungen"
    slug = "veranstaltungen"
    show_in_menus = True
    introduction = "<p>Was im Netzwerk ansteht.</p>"

    class Meta:
        model = EventIndexPage


class EventSeriesPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Reihe {n}")

    class Meta:
        model = EventSeriesPage


def in_zone(local, time_zone):
    return local.replace(tzinfo=zone(time_zone)).astimezone(datetime.UTC)


class EventPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    time_zone = "Europe/Berlin"
    teaser = "Ein Austausch unter Praktikerinnen und Praktikern."

    class Meta:
        model = EventPage

    class Params:
        # (start, end) as naive local times in `time_zone`.
        local = (datetime.datetime(2021, 9, 29, 10), datetime.datetime(2021, 9, 29, 11, 30))

    @factory.lazy_attribute
    def start(self):
        return in_zone(self.local[0], self.time_zone)

    @factory.lazy_attribute
    def end(self):
        return in_zone(self.local[1], self.time_zone) if self.local[1] else None
