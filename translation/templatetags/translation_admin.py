from django import template

from translation.approval.workflow import review_state

register = template.Library()


@register.inclusion_tag("translation/review_bar.html", takes_context=True)
def translation_review_bar(context, instance, translation):
    """Approval status and actions above wagtail-localize's editor (see workflow.py)."""
    request = context["request"]
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "instance": instance,
        "language": translation.target_locale.get_display_name(),
        "review": review_state(request, instance),
    }
