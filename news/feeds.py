"""The news feeds: RSS 2.0 and Atom of "Aktuelles" in its language (/aktuelles/feed/rss/,
/en/news/feed/rss/ …), built on the feed infrastructure in `core.feeds`."""

from core.feeds import FeedsMixin


class NewsFeedsMixin(FeedsMixin):
    """The news index's feeds list what the index lists: its news items and the site's videos,
    newest first, unfiltered."""

    def feed_items(self):
        return self.listing_items()
