"""Document addresses that reveal nothing: not how many documents exist, nor the next one's.

Wagtail serves a document at /documents/<id>/<file name>, so the numbers count the uploads and
the next one can be guessed. Readers get /documents/<key>/<file name> instead, where the key is
an HMAC of the document's id and file name with the site's secret (SECRET_KEY_FALLBACKS still
open links made before a key rotation). Django gives every file a name of its own, so the name
finds the document and the key proves the address was handed out by the site; no number is
needed, and nothing is stored.

The new address goes through Wagtail's own document view, so its privacy checks stay as they
are: private collections ("Zur Freigabe"), password and login restrictions. The old numbered
address answers 404, except to logged-in editors (the admin still links it), who are sent on.
"""

import hmac

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.urls import re_path, reverse
from django.utils.crypto import salted_hmac
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.documents.views.serve import serve as wagtail_serve

from .passwords import throttled_document_password

SALT = "security.documents.url"
KEY_LENGTH = 32


def _key(document_id, filename, secret):
    digest = salted_hmac(SALT, f"{document_id}/{filename}", secret=secret, algorithm="sha256")
    return digest.hexdigest()[:KEY_LENGTH]


def document_key(document):
    return _key(document.pk, document.filename, settings.SECRET_KEY)


def key_matches(document, key):
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return any(
        hmac.compare_digest(_key(document.pk, document.filename, secret), key)
        for secret in secrets
    )


def document_url(document):
    """The address readers get for `document`."""
    return reverse("document_serve", args=[document_key(document), document.filename])


def serve_document(request, key, filename):
    Document = get_document_model()
    for document in Document.objects.filter(file__endswith=f"/{filename}").only("id", "file"):
        if document.filename == filename and key_matches(document, key):
            return wagtail_serve(request, document.pk, filename)
    raise Http404


def numbered_document(request, document_id, filename):
    """Wagtail's numbered address: only editors (the admin links it) are sent on."""
    if not request.user.has_perm("wagtailadmin.access_admin"):
        raise Http404
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None or document.filename != filename:
        raise Http404
    return redirect(document_url(document))


class KeyedDocumentLinkHandler(DocumentLinkHandler):
    """Document links in rich text point at the keyed address."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [
            f'<a href="{escape(document_url(document))}">' if document else "<a>"
            for document in cls.get_many(attrs_list)
        ]


urlpatterns = [
    re_path(rf"^documents/(?P<key>[0-9a-f]{{{KEY_LENGTH}}})/(?P<filename>[^/]+)$",
            serve_document, name="document_serve"),
    # Wagtail's name, so that the admin's links (Document.url) reach the redirect above.
    re_path(r"^documents/(?P<document_id>\d+)/(?P<filename>[^/]+)$", numbered_document,
            name="wagtaildocs_serve"),
    re_path(r"^documents/authenticate_with_password/(?P<restriction_id>\d+)/$",
            throttled_document_password, name="wagtaildocs_authenticate_with_password"),
]
