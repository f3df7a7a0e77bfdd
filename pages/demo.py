"""Demo content of this app: imprint, privacy notice, accessibility statement and its feedback
form, in German, with the English of every text (keyed by the German) for the demo builder,
which translates them through wagtail-localize like every other demo page."""

import datetime

from wagtail.rich_text import RichText

from .models import FeedbackFormField, FeedbackFormPage, StandardPage

# Each text is a (German, English) pair; the demo builder translates by looking the German up.
IMPRINT = {
    "slug": "impressum",
    "title": ("Impressum", "Imprint"),
    "introduction": (
        "Beispielangaben der Demo-Website: Die Redaktion ersetzt sie durch die Angaben des "
        "Herausgebers.",
        "Sample details of the demo website: the editorial team replaces them with the "
        "publisher's details.",
    ),
    "body": [
        ("heading", ("Herausgeber", "Publisher")),
        ("text", [
            ("Connective Cities – Redaktion, Beispielstraße 1, 53113 Bonn, Deutschland",
             "Connective Cities – editorial team, Beispielstraße 1, 53113 Bonn, Germany"),
            ("E-Mail: redaktion(at)example.org, Telefon: +49 228 000000-0",
             "E-mail: redaktion(at)example.org, phone: +49 228 000000-0"),
        ]),
        ("heading", ("Verantwortlich für den Inhalt", "Responsible for the content")),
        ("text", [
            ("Die Redaktion von Connective Cities, Anschrift wie oben.",
             "The editorial team of Connective Cities, at the address above."),
        ]),
        ("heading", ("Links auf andere Websites", "Links to other websites")),
        ("text", [
            ("Für die Inhalte verlinkter Websites sind deren Betreiber verantwortlich. Wir "
             "prüfen Links, wenn wir sie setzen, und entfernen sie, sobald wir von "
             "rechtswidrigen Inhalten erfahren.",
             "The operators of linked websites are responsible for their content. We check "
             "links when we add them and remove them as soon as we learn of unlawful content."),
        ]),
    ],
}

PRIVACY = {
    "slug": "datenschutz",
    "title": ("Datenschutz", "Privacy"),
    "introduction": (
        "Diese Website setzt keine Cookies, verfolgt Sie nicht und lädt nichts von Dritten, "
        "solange Sie nicht selbst ein Video laden.",
        "This website sets no cookies, does not track you and loads nothing from third "
        "parties unless you choose to load a video.",
    ),
    "body": [
        ("heading", ("Verantwortliche Stelle", "Controller")),
        ("text", [
            ("Verantwortlich für die Verarbeitung Ihrer Daten ist die im Impressum genannte "
             "Stelle.",
             "The body named in the imprint is responsible for processing your data."),
        ]),
        ("heading", ("Server-Protokolle", "Server logs")),
        ("text", [
            ("Wenn Sie eine Seite aufrufen, verarbeitet der Server die technisch nötigen "
             "Daten (IP-Adresse, Zeitpunkt, aufgerufene Adresse, Browser-Kennung), um die "
             "Seite auszuliefern und die Website vor Angriffen zu schützen. Die Protokolle "
             "werden nach sieben Tagen gelöscht.",
             "When you open a page, the server processes the technically necessary data (IP "
             "address, time, requested address, browser identifier) to deliver the page and "
             "to protect the website against attacks. The logs are deleted after seven days."),
        ]),
        ("heading", ("Keine Cookies", "No cookies")),
        ("text", [
            ("Wir setzen keine Cookies, auch nicht für die Suche oder das Feedback-Formular.",
             "We set no cookies, not even for the search or the feedback form."),
        ]),
        ("heading", ("Videos", "Videos")),
        ("text", [
            ("Videos von YouTube oder Vimeo werden erst geladen, wenn Sie die Schaltfläche "
             "zum Laden des Videos drücken. Erst dann wird eine Verbindung zum Anbieter "
             "hergestellt; er erhält Ihre IP-Adresse und kann Cookies setzen. Wir binden "
             "YouTube im erweiterten Datenschutzmodus ein.",
             "Videos from YouTube or Vimeo load only when you press the button to load the "
             "video. Only then does your browser connect to the provider, which receives "
             "your IP address and may set cookies. We embed YouTube in its privacy-enhanced "
             "mode."),
        ]),
        ("heading", ("Feedback-Formular", "Feedback form")),
        ("text", [
            ("Was Sie über das Feedback-Formular senden, speichern wir, um Ihr Anliegen zu "
             "bearbeiten, und leiten es per E-Mail an die Redaktion weiter. Name und "
             "E-Mail-Adresse sind freiwillig. Ist Ihr Anliegen erledigt, löschen wir Ihre "
             "Angaben.",
             "What you send through the feedback form is stored so that we can deal with "
             "it, and forwarded to the editorial team by e-mail. Your name and e-mail "
             "address are optional. Once your request has been dealt with, we delete it."),
        ]),
        ("heading", ("Ihre Rechte", "Your rights")),
        ("text", [
            ("Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der "
             "Verarbeitung Ihrer Daten sowie das Recht, sich bei einer "
             "Datenschutz-Aufsichtsbehörde zu beschweren.",
             "You have the right to access, rectify and erase your data and to restrict its "
             "processing, and the right to lodge a complaint with a data protection "
             "supervisory authority."),
        ]),
    ],
}

ACCESSIBILITY = {
    "slug": "erklaerung-zur-barrierefreiheit",
    "title": ("Erklärung zur Barrierefreiheit", "Accessibility statement"),
    "introduction": (
        "Connective Cities ist bemüht, diese Website barrierefrei zugänglich zu machen, im "
        "Einklang mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0).",
        "Connective Cities is committed to making this website accessible, in accordance "
        "with the German Barrier-Free Information Technology Ordinance (BITV 2.0).",
    ),
    "last_reviewed": datetime.date(2021, 7, 27),
    "body": [
        ("heading", ("Stand der Vereinbarkeit mit den Anforderungen",
                     "Compliance status")),
        ("text", [
            ("Diese Website ist mit der BITV 2.0 und den Web Content Accessibility Guidelines "
             "(WCAG) 2.1 auf Stufe AA weitgehend vereinbar. Die unten genannten Inhalte sind "
             "nicht vollständig barrierefrei.",
             "This website is largely compliant with BITV 2.0 and the Web Content "
             "Accessibility Guidelines (WCAG) 2.1 at level AA. The content listed below is "
             "not fully accessible."),
        ]),
        ("heading", ("Nicht barrierefreie Inhalte", "Content that is not accessible")),
        ("text", [
            ("Der Videoplayer von YouTube ist nicht vollständig barrierefrei. Zu jedem Video "
             "gibt es deshalb ein Transkript.",
             "YouTube's video player is not fully accessible. Every video therefore comes "
             "with a transcript."),
            ("Ältere PDF-Dokumente sind teilweise nicht barrierefrei. Auf Anfrage senden wir "
             "Ihnen die Inhalte in einer zugänglichen Form.",
             "Some older PDF documents are not accessible. On request we send you their "
             "content in an accessible format."),
        ]),
        ("heading", ("Erstellung dieser Erklärung", "Preparation of this statement")),
        ("text", [
            ("Die Erklärung beruht auf einer Selbstbewertung: automatische Prüfungen mit "
             "axe-core auf allen Seitentypen in beiden Sprachen sowie Tests mit Tastatur und "
             "Screenreader.",
             "The statement is based on a self-assessment: automated checks with axe-core on "
             "every page type in both languages, and tests with keyboard and screen reader."),
        ]),
        ("heading", ("Feedback und Kontakt", "Feedback and contact")),
        ("text", [
            ("Sind Ihnen Barrieren auf dieser Website aufgefallen? Dann schreiben Sie uns "
             "über das Feedback-Formular. Wir antworten innerhalb von zwei Wochen.",
             "Have you come across barriers on this website? Then please write to us through "
             "the feedback form. We reply within two weeks."),
        ]),
        ("heading", ("Schlichtungsverfahren", "Conciliation procedure")),
        ("text", [
            ("Wenn auch nach Ihrem Feedback keine zufriedenstellende Lösung gefunden wurde, "
             "können Sie sich an die Schlichtungsstelle nach § 16 des "
             "Behindertengleichstellungsgesetzes (BGG) wenden: www.schlichtungsstelle-bgg.de. "
             "Das Verfahren ist kostenlos, ein Rechtsbeistand ist nicht nötig.",
             "If your feedback has not led to a satisfactory solution, you can turn to the "
             "conciliation body under section 16 of the German Disability Equality Act (BGG): "
             "www.schlichtungsstelle-bgg.de. The procedure is free of charge and needs no "
             "legal counsel."),
        ]),
    ],
}

FEEDBACK_FORM = {
    "slug": "feedback",
    "title": ("Feedback zur Barrierefreiheit", "Feedback on accessibility"),
    "introduction": (
        "Schreiben Sie uns, wo Sie auf Barrieren gestoßen sind. Nur Ihre Nachricht ist "
        "nötig; alle anderen Angaben sind freiwillig.",
        "Tell us where you came across barriers. Only your message is needed; everything "
        "else is optional.",
    ),
    "thank_you_text": (
        "Vielen Dank für Ihre Nachricht. Die Redaktion liest jede Rückmeldung und antwortet "
        "innerhalb von zwei Wochen, wenn Sie eine E-Mail-Adresse angegeben haben.",
        "Thank you for your message. The editorial team reads every message and replies "
        "within two weeks if you gave an e-mail address.",
    ),
    "subject": ("Rückmeldung zur Barrierefreiheit", "Feedback on accessibility"),
    "to_address": "redaktion@example.org",
    "fields": [
        # field type, required, label, help text
        ("singleline", False, ("Ihr Name", "Your name"), None),
        ("email", False, ("Ihre E-Mail-Adresse", "Your e-mail address"),
         ("Nur nötig, wenn Sie eine Antwort wünschen.",
          "Only needed if you would like a reply.")),
        ("singleline", False, ("Seite oder Inhalt", "Page or content"),
         ("Wo ist Ihnen die Barriere begegnet? Eine Adresse oder ein Seitentitel hilft uns.",
          "Where did you come across the barrier? An address or a page title helps us.")),
        ("multiline", True, ("Ihre Nachricht", "Your message"), None),
    ],
}


def _pairs():
    for page in (IMPRINT, PRIVACY, ACCESSIBILITY, FEEDBACK_FORM):
        for key in ("title", "introduction", "thank_you_text", "subject"):
            if key in page:
                yield page[key]
        for kind, value in page.get("body", []):
            yield from value if kind == "text" else [value]
        for _type, _required, label, help_text in page.get("fields", []):
            yield label
            if help_text:
                yield help_text


ENGLISH = dict(_pairs())


def _body(blocks):
    body = []
    for kind, value in blocks:
        if kind == "heading":
            body.append(("heading", {"text": value[0], "level": "h2"}))
        else:
            body.append(("rich_text", RichText("".join(f"<p>{de}</p>" for de, _en in value))))
    return body


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _standard_page(parent, data, kind):
    return _publish(parent, StandardPage(
        kind=kind, slug=data["slug"], title=data["title"][0],
        introduction=data["introduction"][0], body=_body(data["body"]),
        last_reviewed=data.get("last_reviewed"),
    ))


def build_legal_pages(home):
    """Publish the German imprint, privacy notice, accessibility statement and its feedback
    form below `home`; return them, parents first, ready to be translated."""
    imprint = _standard_page(home, IMPRINT, StandardPage.Kind.IMPRINT)
    privacy = _standard_page(home, PRIVACY, StandardPage.Kind.PRIVACY)
    statement = _standard_page(home, ACCESSIBILITY, StandardPage.Kind.ACCESSIBILITY)
    data = FEEDBACK_FORM
    form = FeedbackFormPage(
        slug=data["slug"], title=data["title"][0],
        introduction=f"<p>{data['introduction'][0]}</p>",
        thank_you_text=f"<p>{data['thank_you_text'][0]}</p>",
        subject=data["subject"][0], to_address=data["to_address"],
    )
    form.form_fields = [
        FeedbackFormField(sort_order=index, field_type=field_type, required=required,
                          label=label[0], help_text=help_text[0] if help_text else "")
        for index, (field_type, required, label, help_text) in enumerate(data["fields"])
    ]
    form = _publish(statement, form)
    return [imprint, privacy, statement, form]
