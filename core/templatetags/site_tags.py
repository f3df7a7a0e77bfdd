from django import template
from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info, gettext
from wagtail.models import Page, Site

from caching import tags
from caching.fragments import active_locale, cached_list, key
from core.restrictions import public_q

register = template.Library()


@register.simple_tag(takes_context=True)
def locale_root(context):
    """The home page in the reader's language (falls back to the site root)."""
    request = context.get("request")
    if "_locale_root" not in context.render_context:
        site = Site.find_for_request(request) if request else None
        root = None
        if site:
            roots = cached_list(key("locale-root", site.pk), lambda: [
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
        # Below a home page: a change to any of them retires everything (caching/changes.py).
        items = cached_list(key("menu", root.pk),
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

    translations = list(page.get_translations(inclusive=True).live().filter(public_q())
                        .select_related("locale"))
    tags.shows_pages(translations)
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
