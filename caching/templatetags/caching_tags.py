from django import template
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from ..policy import has_session

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
