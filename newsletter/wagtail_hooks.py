"""The newsletter in the admin: subscribers (with their consent record, exportable
formula-safe, removable), the send screen of an issue, and "Neue Ausgabe"."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import admin_views
from .models import NewsletterIndexPage, NewsletterIssuePage, RemovedSubscriber, Subscriber


class ConsentOnlyPolicy(ModelPermissionPolicy):
    """Nobody adds or edits a subscriber in the admin: only their own confirmed request puts
    them on the list (double opt-in)."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action not in ("add", "change")])


class RemoveSubscriberView(generic.DeleteView):
    def delete_action(self):
        RemovedSubscriber.objects.create(language=self.object.language, state=self.object.state)
        super().delete_action()


CONSENT_RECORD = [
    "email", "language", "name", "organisation", "state",
    "requested_at", "request_address", "consent_text_version",
    "confirmation_sent_at", "confirmation_mail_version",
    "confirmed_at", "confirm_address", "unsubscribed_at", "bounced_at", "bounce_reason",
]


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Newsletter subscribers")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "newsletter/subscribers"
    list_display = ["email", "language", "state", "requested_at", "confirmed_at"]
    list_filter = ["language", "state"]
    list_export = CONSENT_RECORD
    export_filename = "newsletter-subscribers"
    search_fields = ["email", "name", "organisation"]
    inspect_view_enabled = True
    inspect_view_fields = CONSENT_RECORD
    copy_view_enabled = False
    delete_view_class = RemoveSubscriberView
    form_fields = ["name", "organisation"]



register_permission_policy(Subscriber, ConsentOnlyPolicy(Subscriber))


@hooks.register("register_admin_viewset")
def subscribers():
    return SubscriberViewSet("newsletter_subscribers")


@hooks.register("register_admin_urls")
def newsletter_admin_urls():
    return [
        path("newsletter/issue/<int:page_id>/send/", admin_views.send_view,
             name="newsletter_send"),
        path("newsletter/issue/<int:page_id>/preview/<str:kind>/", admin_views.preview_view,
             name="newsletter_preview"),
        path("newsletter/new-issue/<int:index_id>/", admin_views.new_issue_view,
             name="newsletter_new_issue"),
    ]


@hooks.register("register_page_header_buttons")
def newsletter_buttons(page, user, view_name=None, next_url=None):
    specific_class = page.specific_class
    if specific_class is NewsletterIssuePage and admin_views.may_send(user):
        return [Button(_("Send newsletter"), url=reverse("newsletter_send", args=[page.pk]),
                       icon_name="mail", priority=32)]
    if specific_class is NewsletterIndexPage and page.permissions_for_user(
            user).can_add_subpage():
        url = reverse("newsletter_new_issue", args=[page.pk])
        return [Button(_("New issue"), url=url, icon_name="plus", priority=32,
                       attrs={"data-controller": "w-action", "data-action": "w-action#post",
                              "data-w-action-url-value": url})]
    return []
