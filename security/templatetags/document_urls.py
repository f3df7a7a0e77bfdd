from django import template

from security.documents import document_url as keyed_url

register = template.Library()


@register.filter
def document_url(document):
    """{{ document|document_url }}: the address readers get (security/documents.py)."""
    return keyed_url(document) if document else ""
