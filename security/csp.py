"""The Content-Security-Policy: a strict one for the public site, a workable one for the admin.

The public site has no inline script or style and no inline event handler (see DESIGN.md), so
its policy allows scripts, styles and images from the site itself only. Scripts may also carry
the request's nonce (`{{ csp_nonce }}`); the nonce only enters the header when a template used
it, so a page without inline code stays byte-identical for every reader (front cache). Frames
may only come from the privacy-enhanced video players that the consent button loads, and no
other site may frame a public page.

Wagtail's admin (8.0) and wagtail-localize's editor still print inline scripts (InlinePanel,
date pickers, the translation editor's set-up) and inline styles, so the admin, which includes
the preview of pages, keeps 'unsafe-inline' for those two; everything else stays on the site's
own origin, and only the site itself may frame the admin (the preview panel).
"""

from django.conf import settings
from django.middleware import csp as django_csp
from django.utils.csp import CSP

VIDEO_FRAME_SOURCES = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]

PUBLIC_POLICY = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF],
    "frame-src": VIDEO_FRAME_SOURCES,
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

ADMIN_POLICY = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF, "blob:"],
    "frame-src": [CSP.SELF, *VIDEO_FRAME_SOURCES],
    "worker-src": [CSP.SELF, "blob:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}


def is_admin_path(path):
    return path.startswith(getattr(settings, "SECURITY_ADMIN_PATH_PREFIX", "/admin/"))


class ContentSecurityPolicyMiddleware(django_csp.ContentSecurityPolicyMiddleware):
    """Django's CSP middleware, with the admin's policy for admin URLs (and the page previews,
    which are admin URLs) and the public policy everywhere else. A view decorated with
    `csp_override` still sets its own."""

    def process_response(self, request, response):
        if not hasattr(response, "_csp_config"):
            # Wagtail renders previews through the middleware with a dummy request for the
            # page's public URL (is_dummy); the admin frames the result.
            admin = is_admin_path(request.path_info) or getattr(request, "is_dummy", False)
            response._csp_config = ADMIN_POLICY if admin else PUBLIC_POLICY
        return super().process_response(request, response)
