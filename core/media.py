"""Serve uploaded images when no object storage and no web server does.

Production serves media from a documented path: nginx in front of the app serves MEDIA_ROOT
(deploy/nginx/media.conf, the faster way), or, when the app stands alone, this view does. It
serves only the image folders (originals and renditions): documents keep going through
Wagtail's document view, which checks their privacy settings. Images awaiting approval
(security/private_images.py) are served only to whom their collection admits, uncached. It
answers conditional requests with 304, single byte ranges with 206, and sends cache headers.
"""

import mimetypes
import posixpath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseNotFound,
    StreamingHttpResponse,
)
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from security.private_images import image_file_access

# Wagtail's upload folders for images and their renditions; nothing else is public here.
PUBLIC_FOLDERS = ("original_images/", "images/")
CHUNK = 64 * 1024


def _public_name(name):
    """The storage name for a URL path, or None if it is not a public image file."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/"):
        return None
    if posixpath.normpath(name) != name or not name.startswith(PUBLIC_FOLDERS):
        return None
    return name


def parse_range(header, size):
    """(start, end) inclusive for a single satisfiable `bytes=` range; None to send the whole
    file (no header, a malformed one, or several ranges); "unsatisfiable" otherwise."""
    if not header or not header.startswith("bytes=") or "," in header:
        return None
    first, sep, last = header[len("bytes="):].strip().partition("-")
    if not sep:
        return None
    try:
        if first == "":
            length = int(last)
            if length <= 0:
                return "unsatisfiable"
            return max(size - length, 0), size - 1
        start = int(first)
        end = int(last) if last else size - 1
    except ValueError:
        return None
    if start >= size:
        return "unsatisfiable"
    if end < start:
        return None
    return start, min(end, size - 1)


def _read(file, start, length):
    try:
        file.seek(start)
        while length > 0:
            chunk = file.read(min(CHUNK, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk
    finally:
        file.close()


@require_safe
def serve_media(request, name):
    name = _public_name(name)
    if name is None:
        raise Http404
    access = image_file_access(request, name)
    if access is None:
        # Not the site's cached 404 page: the image may be released in a minute.
        return _with_cache_headers(HttpResponseNotFound(), "private")
    storage = default_storage
    try:
        if not storage.exists(name):
            raise Http404
        size = storage.size(name)
        modified = storage.get_modified_time(name)
    except (SuspiciousFileOperation, NotImplementedError, OSError):
        raise Http404 from None

    last_modified = modified.timestamp()
    etag = f'"{size:x}-{int(last_modified * 1000):x}"'
    not_modified = get_conditional_response(request, etag=etag, last_modified=int(last_modified))
    if not_modified is not None:
        return _with_cache_headers(not_modified, access)

    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    byte_range = parse_range(request.headers.get("Range"), size)
    if byte_range == "unsatisfiable":
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return _with_cache_headers(response, access)

    if request.method == "HEAD":
        response = HttpResponse(content_type=content_type)
        response["Content-Length"] = str(size)
    elif byte_range is None:
        response = FileResponse(storage.open(name, "rb"), content_type=content_type)
    else:
        start, end = byte_range
        length = end - start + 1
        response = StreamingHttpResponse(
            _read(storage.open(name, "rb"), start, length), status=206, content_type=content_type
        )
        response["Content-Length"] = str(length)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Accept-Ranges"] = "bytes"
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    return _with_cache_headers(response, access)


def _with_cache_headers(response, access):
    if access == "private":
        patch_cache_control(response, private=True, no_store=True)
    else:
        patch_cache_control(
            response, public=True, max_age=getattr(settings, "MEDIA_MAX_AGE", 86400)
        )
    return response
