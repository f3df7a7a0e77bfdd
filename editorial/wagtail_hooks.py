from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.action_menu import ActionMenuItem, CancelWorkflowMenuItem
from wagtail.models import DraftStateMixin
from wagtail.snippets.permissions import get_permission_name

from . import concurrent_edits  # noqa: F401 - registers the edit-conflict hooks
from .deleting import pages_deleted_with
from .duplicate import URL_NAME, duplicate_button, duplicate_view
from .feedback import (
    replace_last_success_message,
    scheduled_publication_message,
    workflow_outcome_message,
)
from .panels import REPLACED_PANELS, editorial_panels
from .publishing import direct_publishing_blocked
from .shortcuts import ShortcutsPanel


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    """Put "Awaiting my approval", "My drafts" and "Scheduled publications" on the dashboard.

    They replace Wagtail's two workflow panels, which list the same items at a cost of several
    queries per item; the recent-edits and locked-pages panels stay.
    """
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED_PANELS]
    panels.insert(0, ShortcutsPanel())
    panels.extend(editorial_panels())


@hooks.register("after_edit_page")
def say_what_the_workflow_action_did(request, page):
    """"Freigegeben und veröffentlicht", "Änderungen angefordert", "eingeplant für …" instead of
    Wagtail's "Seite wurde aktualisiert" after a review action in the editor."""
    if request.method != "POST" or "action-workflow-action" not in request.POST:
        return None
    text = workflow_outcome_message(page, request.POST.get("workflow-action-name", ""))
    if text:
        replace_last_success_message(request, text)
    return None


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def say_when_a_scheduled_page_goes_live(request, page):
    """"„…“ ist eingeplant für 30. November 2026 10:00" instead of Wagtail's message without
    the date, after publishing with a future "Veröffentlichen am"."""
    if request.method != "POST" or "action-publish" not in request.POST:
        return None
    text = scheduled_publication_message(page, was_live=page.live)
    if text:
        replace_last_success_message(request, text)
    return None


class AwaitingApprovalMenuItem(ActionMenuItem):
    """A disabled main button that says what is happening, so that withdrawing the submission
    is never the biggest button a waiting author sees."""

    name = "editorial-awaiting-approval"
    label = _("Waiting for approval")
    template_name = "editorial/action_menu/awaiting_approval.html"


@hooks.register("construct_page_action_menu")
def keep_withdrawing_out_of_the_main_button(menu_items, request, context):
    if menu_items and isinstance(menu_items[0], CancelWorkflowMenuItem):
        menu_items.insert(0, AwaitingApprovalMenuItem())


@hooks.register("register_admin_urls")
def duplicate_urls():
    return [path("editorial/duplicate/<int:page_id>/", duplicate_view, name=URL_NAME)]


@hooks.register("register_page_header_buttons")
def duplicate_in_the_editors_header(page, user, view_name=None, next_url=None):
    button = duplicate_button(page, user, priority=31)  # just after Wagtail's "Kopieren"
    return [button] if button else []


@hooks.register("register_page_listing_more_buttons")
def duplicate_in_the_news_list(page, user, next_url=None):
    button = duplicate_button(page, user, priority=21)
    return [button] if button else []


@hooks.register("insert_editor_js")
def german_wording_in_the_translation_editor():
    """Page, snippet and translation editors: a script (no inline code, see security/csp.py)
    that replaces the English phrases wagtail-localize's editor script hard-codes."""
    return format_html(
        '<script src="{}" data-more-actions="{}" data-translation-title="{}" defer></script>',
        static("editorial/js/editor-german.js"),
        gettext("More actions"),
        gettext("{source} to {target} translation"),
    )


@hooks.register("insert_editor_js")
def date_pickers_stay_out_of_the_schedule_dialogs_way():
    return format_html('<script src="{}" defer></script>',
                       static("editorial/js/schedule-dialog.js"))


@hooks.register("insert_editor_js")
def autosave_of_a_new_page_waits_for_its_title():
    return format_html('<script src="{}" defer></script>',
                       static("editorial/js/autosave-waits-for-title.js"))


@hooks.register("construct_snippet_action_menu")
def no_publish_button_past_the_approval(menu_items, request, context):
    """Contacts: with the four-eyes rule on, "Veröffentlichen" is not offered (pages lose it
    through `editorial.publishing`)."""
    model = context.get("model")
    if model is None or not issubclass(model, DraftStateMixin):
        return
    if direct_publishing_blocked(context.get("instance")):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


def _refuse_direct_publication(request, model, instance):
    """A posted `action-publish` of a contact under the four-eyes rule (the button is not
    offered) is refused with a message, and nothing is saved. (Without the publish permission,
    Wagtail itself saves a draft instead.)"""
    if request.method != "POST" or "action-publish" not in request.POST:
        return None
    if not request.user.has_perm(get_permission_name("publish", model)):
        return None
    if not direct_publishing_blocked(instance):
        return None
    messages.error(request, gettext(
        "Nothing was published: under the four-eyes principle a contact goes live only when "
        "another member of the Redaktion approves it. Submit it for approval instead."
    ))
    return redirect(request.get_full_path())


@hooks.register("before_edit_snippet")
def no_direct_snippet_publication(request, instance):
    """Editor and "Diese Version veröffentlichen" (revert) of a contact."""
    if isinstance(instance, DraftStateMixin):
        return _refuse_direct_publication(request, type(instance), instance)
    return None


@hooks.register("before_create_snippet")
def no_direct_publication_of_a_new_snippet(request, model):
    if issubclass(model, DraftStateMixin):
        return _refuse_direct_publication(request, model, None)
    return None


hooks.register("construct_translated_pages_to_cascade_actions", pages_deleted_with)
