"""sitemap.xml for every language tree, with xhtml:link alternates between translations.

Wagtail's own sitemap only walks the default language's tree (wagtail/wagtail#12420).
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .restrictions import public_q


class MultilingualSitemap(Sitemap):
    # URLs per section of the sitemap index; the protocol allows 50,000, fewer keep each
    # section quick to build.
    limit = 10_000

    def _tree_filter(self):
        if not hasattr(self, "_roots_q"):
            site_root = self.get_wagtail_site().root_page
            roots = site_root.get_translations(inclusive=True).live()
            query = Q(pk__in=[])
            for root in roots:
                query |= Q(path__startswith=root.path)
            self._roots_q = query
        return self._roots_q

    def items(self):
        return (
            Page.objects.live().filter(public_q()).filter(self._tree_filter())
            .select_related("locale").order_by("path")
        )

    def get_latest_lastmod(self):
        """The index's lastmod for this section, in one query (not one page at a time)."""
        latest = self.items().order_by().aggregate(
            latest=Max(Coalesce("last_published_at", "latest_revision_created_at"))
        )
        return latest["latest"]

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        for translation in (
            Page.objects.live().filter(public_q()).filter(self._tree_filter())
            .filter(translation_key__in={item.translation_key for item in items})
            .select_related("locale")
        ):
            translations[translation.translation_key].append(translation)

        order = [code for code, _name in settings.LANGUAGES]
        urls = []
        for item in items:
            siblings = sorted(
                translations[item.translation_key],
                key=lambda p: order.index(p.locale.language_code)
                if p.locale.language_code in order else len(order),
            )
            alternates = []
            if len(siblings) > 1:
                alternates = [
                    {"lang_code": p.locale.language_code, "location": p.get_full_url(self.request)}
                    for p in siblings
                ]
                alternates.append({"lang_code": "x-default", "location": alternates[0]["location"]})
            urls.append({
                "item": item,
                "location": item.get_full_url(self.request),
                "lastmod": item.last_published_at or item.latest_revision_created_at,
                "changefreq": None,
                "priority": None,
                "alternates": alternates,
            })
        lastmods = [url["lastmod"] for url in urls if url["lastmod"]]
        if lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
