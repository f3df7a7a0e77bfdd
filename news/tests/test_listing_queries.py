"""The news index costs a fixed number of queries, whatever the number of items it lists."""

import datetime

import pytest

from core.factories import ImageFactory, translate_page
from core.tests.helpers import warm_and_count
from news.tests.helpers import add_news, add_video, titles
from topics.factories import TopicPageFactory

pytestmark = pytest.mark.django_db

# A page of the listing costs the same whatever the number of items (news and videos, with
# images, on topics). The budget guards against a silent rise.
NEWS_INDEX_QUERY_BUDGET = 40


def grow(tree, topic, pairs, language):
    """`pairs` news items and as many videos, alternating by day from 1 January 2021, each with
    an image and the topic; translated into English for `language="en"`."""
    start = datetime.date(2021, 1, 1)
    for number in range(pairs):
        news = add_news(tree, f"Meldung {pairs}-{number}",
                        start + datetime.timedelta(days=2 * number),
                        topics=[topic], lead_image=ImageFactory())
        video = add_video(tree, f"Video {pairs}-{number}",
                          start + datetime.timedelta(days=2 * number + 1),
                          topics=[topic], poster=ImageFactory())
        if language == "en":
            translate_page(news, title=f"News {pairs}-{number}")
            translate_page(video, title=f"Video {pairs}-{number} (en)")


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("query", ["", "?page=2", "?topic=thema&type=video&year=2021&month=1"])
def test_query_count_does_not_grow_with_the_number_of_items(site_tree, client, language, query):
    topic = TopicPageFactory(parent=site_tree.topic_index, title="Thema", slug="thema")
    if language == "en":
        translate_page(topic, title="Topic")
    index = site_tree.news_index if language == "de" else site_tree.news_index_en
    url = index.url + query

    grow(site_tree, topic, 6, language)
    small = warm_and_count(client, url)
    grow(site_tree, topic, 12, language)
    large = warm_and_count(client, url)

    assert len(titles(client.get(url))) == 10
    assert small == large <= NEWS_INDEX_QUERY_BUDGET, (small, large)


