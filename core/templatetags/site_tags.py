from django import template
from django.conf import settings
from django.utils.translation import get_language_info
from wagtail.models import Page, Site

from core.cache import active_locale, cached_pages, site_key, site_version
from core.restrictions import public_q

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
    """The live translations of a page, the page itself included, in the order of LANGUAGES."""
    if not isinstance(page, Page):
        return []
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


@register.filter
def reversed_string(value):
    return str(value)[::-1]
