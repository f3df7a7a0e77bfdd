"""Find the page for a URL in one lookup instead of one query per path segment.

Wagtail routes `/aktuelles/meldung/` by asking each page on the way for its child (a query
per level, and one more per level for the specific type). A language's home page can find
the page directly by its stored `url_path`, through the slug index. URLs that match no page's
path (a routable page's sub-routes such as `feed/rss/`) fall back to Wagtail's walk, so both
give the same page.
"""

from wagtail.models import Page


def page_at(root, path_components):
    """The specific page at `root`'s URL plus `path_components`, or None (two queries)."""
    if not path_components or any(not part for part in path_components):
        return None
    url_path = root.url_path + "/".join(path_components) + "/"
    base = (
        Page.objects.filter(
            slug=path_components[-1],
            depth=root.depth + len(path_components),
            url_path=url_path,
            path__startswith=root.path,
        )
        .only("pk", "content_type_id")
        .first()
    )
    if base is None:
        return None
    return base.specific


class DirectRoutingMixin:
    """For a tree's root page (the home page of each language)."""

    def route(self, request, path_components):
        page = page_at(self, path_components)
        if page is not None:
            return page.route(request, [])
        return super().route(request, path_components)
