"""Where the feedback form is sent.

The form posts here rather than to its page, so that it needs no CSRF cookie: a reader's visit
sets no cookie at all (see the privacy tests). Nothing is at stake for the reader in a forged
submission of an anonymous feedback form, and cross-site posts are refused all the same, by the
`Sec-Fetch-Site` header that browsers send. Spam is kept out by the form itself (forms.py).
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.restrictions import public_q

from .models import FeedbackFormPage


@csrf_exempt
@require_POST
def submit_feedback(request, page_id):
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        raise PermissionDenied("Cross-site form submission")
    page = get_object_or_404(
        FeedbackFormPage.objects.live().filter(public_q()).select_related("locale"), pk=page_id
    )
    with translation.override(page.locale.language_code):
        response = page.serve(request)
        response.render()
    return response
