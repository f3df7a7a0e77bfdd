"""The rest of the demo site: its structure, topic hubs, further news and the video, in German
with English translations keyed by the German text."""

import datetime

from . import notice

HOME = {
    "title": "Connective Cities",
    "introduction": "<p>Connective Cities ist die internationale Städteplattform für nachhaltige "
                    "Entwicklung. Kommunale Praktikerinnen und Praktiker tauschen hier "
                    "Erfahrungen aus und entwickeln gemeinsam Lösungen.</p>",
}
NEWS_INDEX = {"title": "Aktuelles", "slug": "aktuelles",
              "introduction": "<p>Neuigkeiten aus dem Netzwerk.</p>"}
TOPIC_INDEX = {"title": "Themen", "slug": "themen",
               "introduction": "<p>Die thematischen Schwerpunkte des Netzwerks.</p>"}
VIDEO_INDEX = {"title": "Videos", "slug": "videos",
               "introduction": "<p>Videos aus dem Netzwerk, jeweils mit Transkript.</p>"}

TOPICS = [
    ("lokale-wirtschaft-industrie", "Lokale Wirtschaft & Industrie",
     "Wie Kommunen lokale Unternehmen und Arbeitsplätze durch die Krise begleiten."),
    ("digitalisierung-kommunikation", "Digitalisierung & Kommunikation",
     "Digitale Verwaltung und Krisenkommunikation mit Bürgerinnen und Bürgern."),
    ("oeffentliche-gesundheit-kommunale-dienste", "Öffentliche Gesundheit & kommunale Dienste",
     "Gesundheitsschutz und die Daseinsvorsorge der Kommunen."),
    ("krisenmanagement", "Krisenmanagement",
     "Vorbereitet sein: kommunale Strukturen für die Bewältigung von Krisen."),
    ("klimaneutrale-stadtentwicklung", "Klimaneutrale Stadtentwicklung",
     "Wege zu einer klimaneutralen und widerstandsfähigen Stadt."),
    ("gender-sensitivitaet-in-der-pandemie", "Gender-Sensitivität in der Pandemie",
     "Wie die Pandemie Frauen und Männer unterschiedlich trifft, und was Kommunen tun können."),
    ("innovation", "Innovation",
     "Neue Ideen und Methoden für kommunale Herausforderungen."),
]

VIDEO = {
    "title": "Informationsvideo Connective Cities COVID-19 Programm 2021",
    "slug": "informationsvideo-covid-19-programm-2021",
    "date": datetime.date(2021, 7, 27),  # the programme video was published on 27.07.2021
    "video_url": "https://www.youtube.com/watch?v=CCcovid2021",
    "description": "<p>Das Connective Cities COVID-19 Programm 2021 in drei Minuten.</p>",
    "transcript": "<p>Willkommen beim Connective Cities COVID-19 Programm 2021. In kompakten "
                  "Lernprozessen arbeiten Praktikerinnen und Praktiker aus Städten weltweit an "
                  "den Folgen der Pandemie.</p>",
    "teaser": "Das Programm 2021 in drei Minuten.",
}

MORE_NEWS = [
    {
        "slug": "digitale-buergerdienste-in-der-krise",
        "title": "Digitale Bürgerdienste in der Krise",
        "subtitle": "Erfahrungen aus drei Kontinenten",
        "date": datetime.date(2021, 5, 12),
        "teaser": "Wie Kommunen ihre Dienste während der Pandemie ins Netz gebracht haben.",
        "body": "<p>Viele Kommunen mussten ihre Dienstleistungen innerhalb weniger Wochen "
                "digitalisieren. Im Austausch zeigen Praktikerinnen und Praktiker, was "
                "funktioniert hat.</p>",
        "topics": ["digitalisierung-kommunikation", "innovation"],
        "translate": True,
    },
    {
        "slug": "lokale-wirtschaft-nach-dem-lockdown",
        "title": "Lokale Wirtschaft nach dem Lockdown",
        "subtitle": "Werkstatt zur wirtschaftlichen Erholung",
        "date": datetime.date(2021, 9, 14),
        "teaser": "Eine Werkstatt zu Strategien für kleine und mittlere Unternehmen.",
        "body": "<p>In einer Werkstatt entwickelten Teilnehmende aus zwölf Städten Strategien, "
                "um kleine und mittlere Unternehmen nach dem Lockdown zu stärken.</p>",
        "topics": ["lokale-wirtschaft-industrie", "krisenmanagement"],
        "translate": True,
    },
    {
        "slug": "hitzeschutz-in-der-stadt",
        "title": "Hitzeschutz in der Stadt",
        "subtitle": "Kommunen planen für heiße Sommer",
        "date": datetime.date(2022, 3, 1),
        "teaser": "Klimaanpassung und Gesundheitsschutz gehören zusammen.",
        "body": "<p>Hitzeaktionspläne verbinden Klimaanpassung mit dem Schutz der Gesundheit. "
                "Städte berichten von ersten Erfahrungen.</p>",
        "topics": ["klimaneutrale-stadtentwicklung",
                   "oeffentliche-gesundheit-kommunale-dienste"],
        "translate": False,
    },
]

ENGLISH = {
    **notice.ENGLISH,
    HOME["introduction"]: "<p>Connective Cities is the international community of practice for "
                          "sustainable urban development. Municipal practitioners share their "
                          "experience here and develop solutions together.</p>",
    "Aktuelles": "News",
    NEWS_INDEX["introduction"]: "<p>News from the network.</p>",
    "Themen": "Topics",
    TOPIC_INDEX["introduction"]: "<p>The network's thematic focus areas.</p>",
    "Videos": "Videos",
    VIDEO_INDEX["introduction"]: "<p>Videos from the network, each with a transcript.</p>",
    "Wie Kommunen lokale Unternehmen und Arbeitsplätze durch die Krise begleiten.":
        "How municipalities support local businesses and jobs through the crisis.",
    "Digitale Verwaltung und Krisenkommunikation mit Bürgerinnen und Bürgern.":
        "Digital administration and crisis communication with citizens.",
    "Gesundheitsschutz und die Daseinsvorsorge der Kommunen.":
        "Health protection and municipal public services.",
    "Vorbereitet sein: kommunale Strukturen für die Bewältigung von Krisen.":
        "Being prepared: municipal structures for coping with crises.",
    "Wege zu einer klimaneutralen und widerstandsfähigen Stadt.":
        "Paths to a climate-neutral and resilient city.",
    "Wie die Pandemie Frauen und Männer unterschiedlich trifft, und was Kommunen tun können.":
        "How the pandemic affects women and men differently, and what municipalities can do.",
    "Neue Ideen und Methoden für kommunale Herausforderungen.":
        "New ideas and methods for municipal challenges.",
    VIDEO["title"]: "Information video Connective Cities COVID-19 Programme 2021",
    VIDEO["description"]: "<p>The Connective Cities COVID-19 Programme 2021 in three minutes.</p>",
    VIDEO["transcript"]: "<p>Welcome to the Connective Cities COVID-19 Programme 2021. In compact "
                         "learning processes, practitioners from cities worldwide work on the "
                         "consequences of the pandemic.</p>",
    VIDEO["teaser"]: "The 2021 programme in three minutes.",
    "Digitale Bürgerdienste in der Krise": "Digital public services in the crisis",
    "Erfahrungen aus drei Kontinenten": "Experience from three continents",
    "Wie Kommunen ihre Dienste während der Pandemie ins Netz gebracht haben.":
        "How municipalities moved their services online during the pandemic.",
    MORE_NEWS[0]["body"]: "<p>Many municipalities had to digitalise their services within a few "
                          "weeks. In the exchange, practitioners show what worked.</p>",
    "Lokale Wirtschaft nach dem Lockdown": "The local economy after the lockdown",
    "Werkstatt zur wirtschaftlichen Erholung": "A workshop on economic recovery",
    "Eine Werkstatt zu Strategien für kleine und mittlere Unternehmen.":
        "A workshop on strategies for small and medium-sized enterprises.",
    MORE_NEWS[1]["body"]: "<p>In a workshop, participants from twelve cities developed strategies "
                          "to strengthen small and medium-sized enterprises after the "
                          "lockdown.</p>",
    # Proper names stay as they are.
    "Connective Cities": "Connective Cities",
    "Engagement Global": "Engagement Global",
    "GIZ": "GIZ",
}
