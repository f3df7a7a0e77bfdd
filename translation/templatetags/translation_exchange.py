from django import template
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("translation/exchange_bar.html", takes_context=True)
def translation_exchange_bar(context, translation):
    """Download and upload of the translation as XLIFF or PO, above wagtail-localize's editor.

    The editor is only shown to those who may edit the translation, and the views check it
    again (`exchange_views.py`).
    """
    request = context["request"]
    return {
        "csrf_token": context.get("csrf_token"),
        "next": request.get_full_path(),
        "language": translation.target_locale.get_display_name(),
        "xliff_download_url": reverse("translation_xliff_download", args=[translation.pk]),
        "xliff_upload_url": reverse("translation_xliff_upload", args=[translation.pk]),
        "po_download_url": reverse("translation_po_download", args=[translation.pk]),
        "po_upload_url": reverse("translation_po_upload", args=[translation.pk]),
    }
