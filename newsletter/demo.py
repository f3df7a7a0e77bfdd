"""Demo content of this app: the newsletter page and one published issue with the demo's news,
in German, with the English of every text (keyed by the German) for the demo builder, which
translates them through wagtail-localize like every other demo page."""

from .models import NewsletterIndexPage, NewsletterIssuePage

INDEX = {
    "slug": "newsletter",
    "title": ("Newsletter", "Newsletter"),
    "introduction": (
        "<p>Einmal im Monat: neue Programme, Veranstaltungen und Erfahrungen aus dem Netzwerk. "
        "Sie können den Newsletter jederzeit abbestellen.</p>",
        "<p>Once a month: new programmes, events and experience from the network. You can "
        "unsubscribe at any time.</p>",
    ),
}
ISSUE = {
    "slug": "newsletter-nr-1",
    "title": ("Newsletter Connective Cities Nr. 1", "Connective Cities Newsletter No. 1"),
    "preheader": ("Neues aus dem Netzwerk.", "News from the network."),
    "teaser": ("Die erste Ausgabe: neue Programme und Erfahrungen aus den Städten des Netzwerks.",
               "The first issue: new programmes and experience from the network's cities."),
    "introduction": (
        "<p>Liebe Leserinnen und Leser, hier ist das Neueste aus dem Netzwerk.</p>",
        "<p>Dear readers, here is the latest from the network.</p>",
    ),
    "cta": ("Mitmachen", "Take part"),
    "cta_text": ("Bewerben Sie sich für die nächste Runde.",
                 "Apply for the next round."),
    "cta_label": ("Zur Ausschreibung", "To the call"),
}

ENGLISH = {
    german: english
    for german, english in [
        INDEX["title"], INDEX["introduction"], ISSUE["title"], ISSUE["preheader"],
        ISSUE["teaser"], ISSUE["introduction"], ISSUE["cta"], ISSUE["cta_text"],
        ISSUE["cta_label"],
    ]
}


def build_newsletter(home, news, publish):
    """Publish the newsletter page below `home` and one issue presenting `news` (the last item
    is the call to action's page); return them, parents first, ready to be translated."""
    index = NewsletterIndexPage(title=INDEX["title"][0], slug=INDEX["slug"],
                                introduction=INDEX["introduction"][0])
    home.add_child(instance=index)
    index = publish(index)
    body = [("introduction", ISSUE["introduction"][0])]
    body += [("item", {"page": page, "title": "", "teaser": ""}) for page in news]
    body.append(("call_to_action", {"heading": ISSUE["cta"][0], "text": ISSUE["cta_text"][0],
                                    "page": news[-1], "url": "",
                                    "label": ISSUE["cta_label"][0]}))
    issue = NewsletterIssuePage(title=ISSUE["title"][0], slug=ISSUE["slug"],
                                preheader=ISSUE["preheader"][0], teaser=ISSUE["teaser"][0],
                                body=body)
    index.add_child(instance=issue)
    return [index, publish(issue)]
