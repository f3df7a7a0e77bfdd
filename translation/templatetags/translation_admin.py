import json

from django import template
from django.urls import reverse
from wagtail.models import Page

from translation.approval.workflow import holds_publish_permission, may_publish, review_state

register = template.Library()


def submits_for_approval(user, instance):
    """Translators (who may not publish) hand in work; the footer is theirs, see
    `translation_footer`."""
    return not may_publish(user, instance)


@register.simple_tag(takes_context=True)
def translation_has_own_footer(context, instance):
    return submits_for_approval(context["request"].user, instance)


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
        "submit_in_footer": submits_for_approval(request.user, instance),
    }


@register.simple_tag(takes_context=True)
def translation_editor_props(context, props, instance):
    """wagtail-localize's editor props, without the actions a translator may not take.

    Its footer offers "In Alias umwandeln" (which replaces the translation by a live copy of
    the German page) whenever there is a source page; only those who hold the publish
    permission may do that (`guards.views.convert_to_alias`), so the others do not see it. The
    Redaktion under the four-eyes rule keeps its actions (unpublish, delete, lock); publishing
    itself is already off for it (`editorial.publishing`)."""
    user = context["request"].user
    if not submits_for_approval(user, instance) or holds_publish_permission(user, instance):
        return props
    data = json.loads(props)
    data["links"]["convertToAliasUrl"] = None
    data["perms"] = {name: False for name in data.get("perms", {})}
    return json.dumps(data)


@register.inclusion_tag("translation/editor_footer.html", takes_context=True)
def translation_footer(context, instance, translation):
    """The translator's footer, in place of wagtail-localize's: her next step, "Zur Freigabe
    einreichen", is the main action (wagtail-localize's footer only knows "Publish in …" and
    would offer "In Alias umwandeln" or "Stop synced translation" instead)."""
    request = context["request"]
    if not submits_for_approval(request.user, instance):
        return {"show": False}
    review = review_state(request, instance)
    preview_url = (
        reverse("wagtail_localize:preview_translation", args=[translation.pk])
        if isinstance(instance, Page)
        else ""
    )
    return {
        "show": True,
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "can_submit": review.can_submit,
        "waiting": review.status == "in_moderation",
        "preview_url": preview_url,
    }
