"""The "Verwandte Inhalte" rule.

Editor-chosen pages come first, then the most recent news items sharing a topic. Never the
page itself, never a draft or private page, and always in the reader's language.
"""

from caching import tags
from core.localization import localize_all
from core.restrictions import public_q

RELATED_LIMIT = 4


def related_content(page, limit=RELATED_LIMIT):
    chosen_links = page.related_links.select_related("related_page")
    chosen = localize_all([link.related_page for link in chosen_links], page.locale,
                          fallback=False)
    chosen = [item for item in chosen if item.translation_key != page.translation_key][:limit]
    if len(chosen) >= limit:
        return chosen

    news_model = type(page)
    topic_keys = list(page.topics.values_list("translation_key", flat=True))
    # A new item of these topics may take a place here.
    tags.shows(*(tags.topic(key) for key in topic_keys))
    exclude_keys = [page.translation_key, *(item.translation_key for item in chosen)]
    # The items of these topics as a subquery on the link table: no join over the topics'
    # pages and no DISTINCT over whole page rows, so only the newest few are sorted out.
    links = news_model.topics.through.objects.filter(
        topicpage__translation_key__in=topic_keys).values("newspage_id")
    recent = (
        news_model.objects.live().filter(public_q())
        .filter(locale_id=page.locale_id, pk__in=links)
        .exclude(translation_key__in=exclude_keys)
        .order_by("-date", "-pk")
        .defer_streamfields()[: limit - len(chosen)]
    )
    return chosen + list(recent)
