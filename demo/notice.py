"""The programme notice of 27 July 2021, verbatim, and its English translation."""

import datetime

DATE = datetime.date(2021, 7, 27)
SLUG = "connective-cities-covid-19-programm-2021"
TITLE = "Connective Cities COVID-19 Programm 2021"
SUBTITLE = (
    "Städtische Praktikerinnen und Praktiker entwickeln kommunale Strategien zur Bewältigung "
    "der Pandemiefolgen"
)
INTRO = (
    "Nachdem die letztjährige Connective Cities Veranstaltungsserie „Municipal Response to "
    "COVID-19“, mit über 750 Teilnehmenden aus verschiedenen Städten und Kommunen weltweit, auf "
    "große Resonanz gestoßen ist, bietet Connective Cities dieses Jahr abermals ein umfangreiches "
    "Programm zu COVID-19 an. Zuletzt lag der  Schwerpunkt des  Programms beim "
    "Erfahrungsaustausch von unmittelbaren kommunalen Maßnahmen während der Pandemie - dieses "
    "Jahr wird die Perspektive erweitert und kommunale Strategien zur Bewältigung der "
    "Pandemiefolgen, auch im Zusammenhang mit der Agenda 2030, thematisiert. Anstatt reiner "
    "Austauschformate werden im zweiten Teil des Corona-Programms bewährte Methoden von "
    "Connective Cities abgeleitet sowie neue Ansätze genutzt, um einen vertieften kommunalen "
    "Erfahrungsaustausch zu fördern. In diesem Sinne ist geplant, dass kommunale Praktikerinnen "
    "und Praktiker aktuelle COVID-19-bezogene Themen in kompakten Lernprozessen gemeinsam "
    "behandeln. Ziel hierbei ist die (Weiter-)Entwicklung von (Projekt-)Initiativen und "
    "Leitlinien für kommunale Herausforderungen sowie die Ausarbeitung und Verbreitung "
    "bestehender Lösungsansätze. Aufbauend auf der bisherigen Dynamik können so Herausforderungen "
    "im Zusammenhang mit COVID-19 vertieft und praxisnah bearbeitet werden."
)
FOCUS_LEAD = (
    "Bereits im Vorjahr thematisierte Aspekte werden so weiter ausgebaut. Folgende thematische "
    "Schwerpunkte setzt Connective Cities in seinem diesjährigen COVID-19 Programm:"
)
FOCUS_AREAS = [
    "Lokale Wirtschaft & Industrie",
    "Digitalisierung & Kommunikation",
    "Öffentliche Gesundheit & kommunale Dienste",
    "Krisenmanagement",
    "Klimaneutrale Stadtentwicklung",
    "Gender-Sensitivität in der Pandemie",
    "Innovation",
]
MORE_INFO = (
    "Mehr Informationen zu unseren diesjährigen COVID-19 Aktivitäten finden Sie in unserem "
    "Informationsvideo und auf unserer COVID-19 Seite."
)
VIDEO_CAPTION = "Informationsvideo Connective Cities COVID-19 Programm"
CTA_TITLE = "Werden Sie Teil des diesjährigen COVID-19 Programms!"
CTA_TEXT = [
    "Falls Sie an der Teilnahme an einem kompakten Lernprozess interessiert sind, können Sie uns "
    "gerne kontaktieren.",
    "Die Beteiligung von Akteurinnen und Akteuren von verschiedenen Interessengruppen, wie z.B. "
    "lokale Regierung und Verwaltung, Privatwirtschaft, Zivilgesellschaft und Wissenschaft, ist "
    "erwünscht. Durch die Einbeziehung internationaler Praktikerinnen und Praktikern und deren "
    "guter Praktiken und Erfahrungen können lokale Strategien und Ansätze mit frischem Blick "
    "reflektiert werden und neue innovative Ideen in kommunale Maßnahmen aufgriffen werden.",
]
CONTACTS = [
    {"name": "Paulina Koschmieder", "organisation": "GIZ", "email": "paulina.koschmieder@giz.de"},
    {"name": "Thiago Garcia", "organisation": "Engagement Global",
     "email": "thiago.garcia@engagement-global.de"},
]
BYLINE = "Redaktion Connective Cities"
TEASER = (
    "Städtische Praktikerinnen und Praktiker entwickeln in kompakten Lernprozessen kommunale "
    "Strategien zur Bewältigung der Pandemiefolgen."
)

ENGLISH = {
    TITLE: "Connective Cities COVID-19 Programme 2021",
    SUBTITLE: "Municipal practitioners develop local strategies for coping with the consequences "
              "of the pandemic",
    TEASER: "In compact learning processes, municipal practitioners develop local strategies for "
            "coping with the consequences of the pandemic.",
    INTRO: (
        "After last year's Connective Cities event series “Municipal Response to COVID-19”, with "
        "more than 750 participants from cities and municipalities worldwide, met with a great "
        "response, Connective Cities is once again offering an extensive COVID-19 programme this "
        "year. Last time the programme focused on sharing experience of immediate municipal "
        "measures during the pandemic – this year the perspective widens to municipal strategies "
        "for coping with the consequences of the pandemic, also in connection with the 2030 "
        "Agenda. Instead of pure exchange formats, the second part of the corona programme "
        "derives proven Connective Cities methods and uses new approaches to foster a deeper "
        "municipal exchange of experience. To this end, municipal practitioners are to work "
        "together on current COVID-19-related topics in compact learning processes. The aim is "
        "to (further) develop (project) initiatives and guidelines for municipal challenges and "
        "to work out and spread existing solutions. Building on the momentum so far, challenges "
        "related to COVID-19 can thus be addressed in depth and in a practical way."
    ),
    FOCUS_LEAD: (
        "Aspects already addressed last year will be developed further. Connective Cities sets "
        "the following thematic focus areas in this year's COVID-19 programme:"
    ),
    "Lokale Wirtschaft & Industrie": "Local economy & industry",
    "Digitalisierung & Kommunikation": "Digitalisation & communication",
    "Öffentliche Gesundheit & kommunale Dienste": "Public health & municipal services",
    "Krisenmanagement": "Crisis management",
    "Klimaneutrale Stadtentwicklung": "Climate-neutral urban development",
    "Gender-Sensitivität in der Pandemie": "Gender sensitivity in the pandemic",
    "Innovation": "Innovation",
    MORE_INFO: (
        "You will find more information on this year's COVID-19 activities in our information "
        "video and on our COVID-19 page."
    ),
    VIDEO_CAPTION: "Information video Connective Cities COVID-19 Programme",
    CTA_TITLE: "Become part of this year's COVID-19 programme!",
    CTA_TEXT[0]: (
        "If you are interested in taking part in a compact learning process, please feel free to "
        "contact us."
    ),
    CTA_TEXT[1]: (
        "We welcome the participation of actors from different stakeholder groups, such as local "
        "government and administration, the private sector, civil society and academia. By "
        "involving international practitioners and their good practices and experience, local "
        "strategies and approaches can be reflected on with a fresh eye, and new innovative ideas "
        "can be taken up in municipal measures."
    ),
    BYLINE: "Connective Cities editorial team",
}
