"""Content to search: news, a video and topic hubs in German, each translated into English.

The content is built once per test module, inside a transaction that is rolled back at the
end; each test runs in a savepoint within it, so what a test adds disappears after it.
"""

from dataclasses import dataclass, fields

import pytest
from django.core.cache import cache
from django.db import transaction
from wagtail.models import Page
from wagtail.rich_text import RichText

from core.factories import translate_page
from news.factories import NewsPageFactory
from topics.factories import TopicPageFactory
from videos.factories import VideoPageFactory


@dataclass
class SearchContent:
    tree: object
    crisis: Page
    crisis_en: Page
    climate: Page
    climate_en: Page
    programme: Page
    programme_en: Page
    tunisia: Page
    tunisia_en: Page
    video: Page
    video_en: Page


def paragraph(text):
    return [("rich_text", RichText(f"<p>{text}</p>"))]


def build_content():
    from conftest import build_site_tree

    tree = build_site_tree()
    crisis = TopicPageFactory(parent=tree.topic_index, title="Krisenmanagement",
                              slug="krisenmanagement",
                              introduction="Wie Kommunen Krisen vorbeugen.")
    crisis_en = translate_page(crisis, title="Crisis management", teaser="",
                               introduction="How municipalities prepare for crises.")
    climate = TopicPageFactory(parent=tree.topic_index, title="Klimaschutz",
                               slug="klimaschutz", introduction="Kommunaler Klimaschutz.")
    climate_en = translate_page(climate, title="Climate protection", teaser="",
                                introduction="Climate protection in municipalities.")
    programme = NewsPageFactory(
        parent=tree.news_index,
        title="Connective Cities COVID-19 Programm 2021",
        slug="covid-19-programm-2021",
        teaser="",
        subtitle="Kommunale Strategien zur Bewältigung der Pandemiefolgen",
        body=paragraph("Kommunen aus Deutschland und Tunesien tauschen Erfahrungen aus."),
        topics=[crisis],
    )
    programme_en = translate_page(
        programme,
        title="Connective Cities COVID-19 Programme 2021",
        teaser="",
        subtitle="Municipal strategies for coping with the consequences of the pandemic",
        body=paragraph("Every city learns from the others."),
    )
    tunisia = NewsPageFactory(
        parent=tree.news_index, title="Stadtentwicklung in Tunesien", slug="tunesien",
        teaser="Städte planen gemeinsam.", subtitle="", body=paragraph("Ein Werkstattbericht."),
        topics=[climate],
    )
    tunisia_en = translate_page(tunisia, title="Urban development in Tunisia",
                                teaser="Towns plan together.", body=paragraph("A report."))
    video = VideoPageFactory(
        parent=tree.video_index, title="Pandemie im Rathaus", slug="pandemie-im-rathaus",
        teaser="", description="<p>Ein Film über die Verwaltung.</p>", transcript="",
        topics=[crisis],
    )
    video_en = translate_page(video, title="The pandemic at the town hall", teaser="",
                              description="<p>A film about administration.</p>")
    return SearchContent(tree, crisis, crisis_en, climate, climate_en, programme, programme_en,
                         tunisia, tunisia_en, video, video_en)


@pytest.fixture(scope="module")
def _content_once(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_content()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def content(_content_once, db):
    """The content, fetched afresh, so that a test may change its pages."""
    cache.clear()
    pages = {
        field.name: type(page).objects.get(pk=page.pk)
        for field in fields(SearchContent)
        if isinstance(page := getattr(_content_once, field.name), Page)
    }
    return SearchContent(tree=_content_once.tree, **pages)
