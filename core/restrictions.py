"""Which pages are private (privacy settings: login, groups, password), from one cached lookup.

Wagtail's `.public()` reads every `PageViewRestriction` again for each listing, and serving a
page reads its ancestors and their restrictions: three queries per request for a site where
almost nothing is private. Here the paths of the restricted pages (and of aliases of pages
in a restricted section, which Wagtail protects like their source) are read once and cached
until a privacy setting is saved or deleted, or an alias is published (both retire everything,
caching/changes.py).
"""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from caching.fragments import cached, key


def _private_paths():
    """(paths of restricted pages, paths of aliases of pages in their sections)."""
    restricted = sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
    if not restricted:
        return (), ()
    in_section = Q()
    for path in restricted:
        in_section |= Q(alias_of__path__startswith=path)
    aliases = sorted(set(Page.objects.filter(in_section).values_list("path", flat=True)))
    return tuple(restricted), tuple(aliases)


def private_paths():
    """The cached `_private_paths()`: at most two queries after a change, then none."""
    return cached(key("private-paths", language="all"), _private_paths)


def public_q():
    """A Q for pages outside every private section: what Wagtail's `.public()` selects,
    without querying the restrictions again (`queryset.filter(public_q())`)."""
    restricted, _aliases = private_paths()
    q = Q()
    for path in restricted:
        q &= ~Q(path__startswith=path)
    return q


def may_be_private(page):
    """False when no privacy setting can apply to `page` (no query while cached): it lies in
    no restricted section and below no alias of a page in one."""
    restricted, aliases = private_paths()
    return any(page.path.startswith(path) for path in (*restricted, *aliases))
