"""Shared pieces of the editing forms' layout."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

TEASER_HELP = _(
    "One or two sentences that make readers want more. Shown on the home page, in the news "
    "list, in RSS feeds, in search results and when the page is shared."
)


def without_teaser(panels):
    """`panels` without the teaser, for page types that show it on their content tab."""
    result = []
    for panel in panels:
        if isinstance(panel, MultiFieldPanel):
            kwargs = {**panel.clone_kwargs(), "children": without_teaser(panel.children)}
            result.append(type(panel)(**kwargs))
        elif not (isinstance(panel, FieldPanel) and panel.field_name == "teaser"):
            result.append(panel)
    return result
