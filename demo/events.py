"""The demo's events: the 2021 series "Municipal Response to COVID-19" with three sessions,
one past with its recording, one upcoming (three weeks after the day the demo is loaded, so a
fresh demo always has one) and one cancelled, in German with English translations keyed by
the German text (like `demo.content`)."""

import datetime

INDEX = {"title": "Veranstaltungen", "slug": "veranstaltungen",
         "introduction": "<p>Digitale Austausche, Werkstätten und Lernreihen des Netzwerks.</p>"}

SERIES = {
    "title": "Municipal Response to COVID-19",
    "slug": "municipal-response-to-covid-19",
    "subtitle": "Veranstaltungsreihe 2021",
    "teaser": "Eine digitale Lernreihe mit mehr als 750 Teilnehmenden aus Städten weltweit.",
    "introduction": "<p>In kompakten Lernprozessen tauschen kommunale Praktikerinnen und "
                    "Praktiker aus, wie ihre Städte auf die Pandemie antworten.</p>",
    "topics": ["krisenmanagement", "oeffentliche-gesundheit-kommunale-dienste"],
}

ZONES = "Africa/Nairobi, America/Sao_Paulo"


def sessions(today):
    """The three sessions; the upcoming one three weeks after `today`."""
    upcoming_day = today + datetime.timedelta(days=21)
    return [
        {
            "title": "Sitzung 1: Lokale Wirtschaft in der Krise",
            "slug": "sitzung-1-lokale-wirtschaft",
            "teaser": "Wie Städte kleine Unternehmen durch die Pandemie begleiten.",
            "body": "<p>Praktikerinnen und Praktiker aus drei Kontinenten berichten.</p>",
            "local": (datetime.datetime(2021, 9, 29, 10), datetime.datetime(2021, 9, 29, 11, 30)),
            "status": "scheduled", "event_format": "online", "platform": "Zoom",
            "languages": "de, en", "recording": True,
            "topics": ["lokale-wirtschaft-industrie"],
        },
        {
            "title": "Sitzung 2: Gesundheitsdienste und Gender",
            "slug": "sitzung-2-gesundheitsdienste-gender",
            "teaser": "Wie die Pandemie Frauen und Männer unterschiedlich trifft.",
            "body": "<p>Diese Sitzung findet nicht statt.</p>",
            "local": (datetime.datetime(2021, 10, 27, 10), datetime.datetime(2021, 10, 27, 11, 30)),
            "status": "cancelled", "event_format": "online", "platform": "Zoom",
            "languages": "en", "recording": False,
            "topics": ["gender-sensitivitaet-in-der-pandemie"],
        },
        {
            "title": "Sitzung 3: Krisenkommunikation digital",
            "slug": "sitzung-3-krisenkommunikation-digital",
            "teaser": "Bürgerinnen und Bürger in der Krise digital erreichen.",
            "body": "<p>Eine hybride Werkstatt im Bonner Rathaus und online.</p>",
            "local": (datetime.datetime.combine(upcoming_day, datetime.time(10)),
                      datetime.datetime.combine(upcoming_day, datetime.time(12))),
            "status": "scheduled", "event_format": "hybrid", "platform": "BigBlueButton",
            "venue": "Altes Rathaus", "address": "Markt 2", "city": "Bonn",
            "country": "Deutschland", "languages": "de, en, pt", "recording": False,
            "topics": ["digitalisierung-kommunikation", "krisenmanagement"],
        },
    ]


ENGLISH = {
    "Veranstaltungen": "Events",
    INDEX["introduction"]: "<p>Digital exchanges, workshops and learning series of the "
                           "network.</p>",
    SERIES["subtitle"]: "Event series 2021",
    SERIES["teaser"]: "A digital learning series with more than 750 participants from cities "
                      "worldwide.",
    SERIES["introduction"]: "<p>In compact learning processes, municipal practitioners share "
                            "how their cities respond to the pandemic.</p>",
    "Municipal Response to COVID-19": "Municipal Response to COVID-19",
    "Sitzung 1: Lokale Wirtschaft in der Krise": "Session 1: The local economy in the crisis",
    "Wie Städte kleine Unternehmen durch die Pandemie begleiten.":
        "How cities support small businesses through the pandemic.",
    "<p>Praktikerinnen und Praktiker aus drei Kontinenten berichten.</p>":
        "<p>Practitioners from three continents report.</p>",
    "Sitzung 2: Gesundheitsdienste und Gender": "Session 2: Health services and gender",
    "Wie die Pandemie Frauen und Männer unterschiedlich trifft.":
        "How the pandemic affects women and men differently.",
    "<p>Diese Sitzung findet nicht statt.</p>": "<p>This session will not take place.</p>",
    "Sitzung 3: Krisenkommunikation digital": "Session 3: Digital crisis communication",
    "Bürgerinnen und Bürger in der Krise digital erreichen.":
        "Reaching citizens digitally in a crisis.",
    "<p>Eine hybride Werkstatt im Bonner Rathaus und online.</p>":
        "<p>A hybrid workshop in Bonn's town hall and online.</p>",
    "Altes Rathaus": "Old Town Hall",
    "Deutschland": "Germany",
}
