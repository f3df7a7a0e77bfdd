"""Page links inside blocks follow the reader's language."""

from core.factories import translate_page
from news.factories import NewsPageFactory
from topics.factories import TopicPageFactory


def _body(target):
    return [
        ("call_to_action", {"title": "Mitmachen", "text": None, "page": target, "url": "",
                            "contact": None, "label": ""}),
        ("related_links", {"heading": "Links", "links": [
            {"page": target, "url": "", "title": ""},
        ]}),
    ]


def test_an_english_page_links_to_the_english_translation_of_a_chosen_page(client, site_tree):
    topic = TopicPageFactory(parent=site_tree.topic_index, title="Innovation", slug="innovation")
    translate_page(topic, "en", title="Innovation (EN)", slug="innovation-en")
    news = NewsPageFactory(parent=site_tree.news_index, slug="aufruf", body=_body(topic))
    translate_page(news, "en", title="Call", slug="call")

    english = client.get("/en/news/call/").content.decode()
    assert english.count('href="/en/topics/innovation-en/"') == 2
    assert 'href="/themen/innovation/"' not in english
    german = client.get("/aktuelles/aufruf/").content.decode()
    assert german.count('href="/themen/innovation/"') == 2


def test_a_link_to_an_untranslated_page_keeps_the_german_page(client, site_tree):
    topic = TopicPageFactory(parent=site_tree.topic_index, title="Nur Deutsch", slug="nur-de")
    news = NewsPageFactory(parent=site_tree.news_index, slug="hinweis", body=_body(topic))
    translate_page(news, "en", title="Notice", slug="notice")
    english = client.get("/en/news/notice/").content.decode()
    assert english.count('href="/themen/nur-de/"') == 2
