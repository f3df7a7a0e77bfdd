from django import template
from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info, gettext
from wagtail.models import Page, Site

from caching.policy import is_public_request
from core.cache import active_locale, cached, cached_pages, revision_key, site_key, site_version
from core.restrictions import public_q
from core.seo import canonical_url, find_paginated

register = template.Library()


@register.simple_tag
def content_version():
    """Changes with every publication: a `vary_on` for `{% wagtailpagecache %}` fragments that
    show other pages too (links in a body)."""
    return site_version()


@register.simple_tag(takes_context=True)
def locale_root(context):
    """The home page in the reader's language (falls back to the site root)."""
    request = context.get("request")
    if "_locale_root" not in context.render_context:
        site = Site.find_for_request(request) if request else None
        root = None
        if site:
            roots = cached_pages(site_key("locale-root", site.pk), lambda: [
                Page.objects.filter(translation_key=site.root_page.translation_key,
                                    locale=active_locale())
                .live().first()
                or site.root_page
            ])
            root = roots[0]
        context.render_context["_locale_root"] = root
    return context.render_context["_locale_root"]


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    root = locale_root(context)
    items = []
    if root:
        items = cached_pages(site_key("menu", root.pk),
                             lambda: root.get_children().live().filter(public_q()).in_menu())
    return {"root": root, "items": items, "current": context.get("page"),
            "request": context.get("request")}


@register.simple_tag
def page_translations(page):
    """The live translations of a page, the page itself included, in the order of LANGUAGES.
    Read when first used: a page whose head and header come from the cache never needs them."""
    if not isinstance(page, Page):
        return []
    return SimpleLazyObject(lambda: _page_translations(page))


def _page_translations(page):
    order = [code for code, _name in settings.LANGUAGES]

    def build():
        return (page.get_translations(inclusive=True).live().filter(public_q())
                .select_related("locale"))

    # A page being previewed before its first save has no key of its own.
    translations = cached_pages(site_key("translations", page.pk), build) if page.pk else build()
    return sorted(translations, key=lambda p: order.index(p.locale.language_code)
                  if p.locale.language_code in order else len(order))


@register.filter
def language_name_local(language_code):
    return get_language_info(language_code)["name_local"]


@register.filter(is_safe=True)
def with_site_name(title):
    """The browser's title: the page's, then the site's name, but the name only once: the home
    page, titled "Connective Cities", is not "Connective Cities – Connective Cities"."""
    name = conditional_escape(gettext("Connective Cities"))
    title = " ".join(str(title).split())
    if not title or title == name:
        return name
    return f"{title} – {name}"


@register.filter
def reversed_string(value):
    return str(value)[::-1]


@register.filter
def with_address_breaks(value):
    """An e-mail address with line-break opportunities after "(at)" and before each dot, so a
    narrow card wraps "paulina.koschmieder(at)giz.de" between its parts, never inside a word."""
    escaped = conditional_escape(value)
    return mark_safe(escaped.replace("(at)", "(at)<wbr>").replace(".", "<wbr>."))  # noqa: S308


# What a frame fragment is kept per, beyond the site's content version and language.
PER = ("per_page", "per_view")


@register.tag
def framecache(parser, token):
    """`{% framecache "name" [per_page|per_view] %}…{% endframecache %}`: a part of the page's
    frame (its head, header, footer) that is the same for every reader, from the shared cache
    until the next change of content.

    - `per_page`: it shows the page (the menu marks it, the language switcher links its
      translations), so each live page has its own;
    - `per_view`: it also names the view's canonical URL (the head), so each view of a page
      that has several (page 2 of a listing, an archive year) has its own; filtered views
      share their listing's canonical URL, and so its entry.

    Previews, drafts, editors' views (a session), other methods than GET and views that are not
    pages render it afresh."""
    bits = token.split_contents()
    if len(bits) not in (2, 3) or (len(bits) == 3 and bits[2] not in PER):
        raise template.TemplateSyntaxError(
            f'Usage: {{% {bits[0]} "name" [per_page|per_view] %}}')
    nodelist = parser.parse(("endframecache",))
    parser.delete_first_token()
    return FrameCacheNode(bits[1].strip("\"'"), nodelist, per=bits[2] if len(bits) == 3 else None)



class FrameCacheNode(template.Node):
    def __init__(self, name, nodelist, per):
        self.name = name
        self.nodelist = nodelist
        self.per = per

    def key(self, context):
        request = context.get("request")
        if request is None or not is_public_request(request):
            return None
        if self.per is None:
            return site_key("frame", self.name)
        page = context.get("page")
        if not isinstance(page, Page) or revision_key("frame", page) is None:
            return None
        # The template too: one page can be shown by two (a form and its thank-you page).
        parts = [context.template.name, page.pk, page.live_revision_id]
        if self.per == "per_view":
            parts.append(canonical_url(page, request, find_paginated(context)))
        return site_key("frame", self.name, *parts)

    def render(self, context):
        key = self.key(context)
        if key is None:
            return self.nodelist.render(context)
        return cached(key, lambda: self.nodelist.render(context))
