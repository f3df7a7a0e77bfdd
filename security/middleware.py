import re
from urllib.parse import unquote_to_bytes

from django.http import Http404, HttpResponseNotAllowed
from django.urls import get_resolver
from django.utils.cache import add_never_cache_headers

from .permissions_policy import PERMISSIONS_POLICY


class RefuseTraceMiddleware:
    """TRACE (and its old alias TRACK) echo a request back; nothing here needs them."""

    REFUSED = frozenset({"TRACE", "TRACK"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in self.REFUSED:
            return HttpResponseNotAllowed(["GET", "HEAD", "POST", "OPTIONS"])
        return self.get_response(request)


# Django hands on bytes of a path that are not UTF-8 as "%XX" (repercent_broken_unicode); no
# address of this site has a "%" of its own.
REPERCENTED = re.compile(r"%[0-9A-Fa-f]{2}")


def _raw(text):
    """The bytes a WSGI string stands for (WSGI hands them over as Latin-1)."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:  # already decoded (ASGI)
        return text.encode("utf-8", "surrogatepass")


def is_malformed(request):
    """A path with a control character (NUL above all, which PostgreSQL refuses in a string)
    or bytes that are not UTF-8, or a query string with NUL or bytes that are not UTF-8."""
    path = _raw(request.META.get("PATH_INFO", ""))
    query = unquote_to_bytes(request.META.get("QUERY_STRING", "").replace("+", " "))
    try:
        path_text = path.decode("utf-8")
        query.decode("utf-8")
    except UnicodeDecodeError:
        return True
    if REPERCENTED.search(path_text):
        return True
    return b"\x00" in query or any(ord(char) < 0x20 or ord(char) == 0x7F for char in path_text)


class MalformedUrlMiddleware:
    """Such a URL names nothing on this site: 404, before any view or database sees it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_malformed(request):
            callback = get_resolver().resolve_error_handler(404)
            response = callback(request, exception=Http404("Malformed URL"))
            add_never_cache_headers(response)
            return response
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """Browser features the site does not use are switched off for it and for every frame
    (security/permissions_policy.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
