from django import template
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Page

from .. import fragments, tags
from ..policy import has_session, is_public_request

register = template.Library()


@register.simple_tag(takes_context=True)
def editor_userbar(context, position="bottom-right"):
    """Wagtail's user bar, for logged-in editors only.

    A reader without a session cookie never touches the session, so the page does not depend on
    who asks and can be shared by a front cache (see caching/middleware.py).
    """
    request = context.get("request")
    if request is None or not has_session(request):
        return ""
    return wagtailuserbar(context, position)


@register.simple_tag
def shows(*items):
    """`{% shows item %}`: the output being made shows these pages (or contacts, authors), so a
    change to them retires it (caching/tags.py)."""
    for item in items:
        if isinstance(item, Page):
            tags.shows(tags.page(item.pk))
        elif getattr(item, "pk", None) is not None:
            tags.shows(tags.snippet(item))
    return ""


# What a fragment is kept per, beyond its name, the language and what it shows.
PER = ("per_page", "per_view")


@register.tag
def fragment(parser, token):
    """`{% fragment "name" [per_page|per_view] [value …] [shows=tags] %}…{% endfragment %}`:
    a part of a page that is the same for every reader, from the shared cache until something
    it shows changes (caching/fragments.py).

    - without `per_…`: the same on every page (the footer);
    - `per_page`: it shows the page, so each live page has its own;
    - `per_view`: it also names the view's canonical URL (the head), so each view of a page
      that has several (page 2 of a listing, an archive year) has its own;
    - further values (a listing's filters and page number) are part of the key;
    - `shows`: tags (caching/tags.py) of what it may show that is not in it yet (a listing:
      the items that will be published into it).

    Previews, drafts, editors' views (a session), other methods than GET and views that are not
    pages render it afresh."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            f'Usage: {{% {bits[0]} "name" [per_page|per_view] [value …] %}}')
    per = bits[2] if len(bits) > 2 and bits[2] in PER else None
    shown = None
    if bits[-1].startswith("shows="):
        shown = parser.compile_filter(bits.pop()[len("shows="):])
    values = [parser.compile_filter(bit) for bit in bits[3 if per else 2:]]
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(bits[1].strip("\"'"), nodelist, per, values, shown)


class FragmentNode(template.Node):
    def __init__(self, name, nodelist, per, values, shown):
        self.name = name
        self.nodelist = nodelist
        self.per = per
        self.values = values
        self.shown = shown

    def key(self, context):
        from core.seo import canonical_url, find_paginated

        request = context.get("request")
        if request is None or not is_public_request(request):
            return None
        parts = [value.resolve(context) for value in self.values]
        name = f"template-{self.name}"  # apart from what code caches under the same name
        if self.per is None:
            return fragments.key(name, *parts)
        page = context.get("page")
        if not isinstance(page, Page) or not fragments.live_page(page):
            return None
        # The template too: one page can be shown by two (a form and its thank-you page).
        parts += [context.template.name, page.pk, page.live_revision_id]
        if self.per == "per_view":
            parts.append(canonical_url(page, request, find_paginated(context)))
        return fragments.key(name, *parts)

    def render(self, context):
        entry_key = self.key(context)
        if entry_key is None:
            return self.compute(context)
        return fragments.cached(entry_key, lambda: self.compute(context))

    def compute(self, context):
        page = context.get("page")
        if self.per and isinstance(page, Page):
            tags.shows(tags.page(page.pk))
        if self.shown is not None:
            tags.shows(*(self.shown.resolve(context) or ()))
        return self.nodelist.render(context)
