"""The Redaktion's newsletter screens: sending an issue (preview, test, send or schedule,
progress), "Neue Ausgabe" pre-filled with what was published since the last issue, and the
removal of a subscriber that keeps only an anonymous count."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.models import Page

from . import sending
from .mail import render_issue
from .models import Delivery, NewsletterIndexPage, NewsletterIssuePage, Subscriber

SEND_PERMISSION = "newsletter.send_newsletter"


def may_send(user):
    return user.has_perm(SEND_PERMISSION)


class ScheduleForm(forms.Form):
    send_at = forms.DateTimeField(
        label=gettext_lazy("Send at"), required=False, widget=AdminDateTimeInput,
        help_text=gettext_lazy("Leave empty to send now."),
    )

    def clean_send_at(self):
        send_at = self.cleaned_data["send_at"]
        if send_at and send_at < timezone.now():
            raise forms.ValidationError(_("This time has passed; choose a later one."))
        return send_at


def _issue(request, page_id):
    if not may_send(request.user):
        raise PermissionDenied
    return get_object_or_404(NewsletterIssuePage.objects.select_related("locale"), pk=page_id)


def send_view(request, page_id):
    issue = _issue(request, page_id)
    delivery = Delivery.objects.filter(issue=issue).first()
    form = ScheduleForm(request.POST or None)
    if request.method == "POST" and request.POST.get("action") == "test":
        return _send_test(request, issue)
    if request.method == "POST":
        if not issue.live:
            messages.error(request, _("Only a published issue can be sent."))
        elif delivery is not None:
            messages.error(request, _("This issue has been sent or scheduled already."))
        elif form.is_valid():
            delivery = sending.start(issue, request.user, form.cleaned_data["send_at"])
            if delivery.send_at > timezone.now():
                messages.success(request, _("Sending is scheduled for %(when)s.") % {
                    "when": formats.date_format(timezone.localtime(delivery.send_at),
                                                "DATETIME_FORMAT")})
            else:
                messages.success(request, _("Sending has started."))
            return redirect("newsletter_send", issue.pk)
    recipients = Subscriber.objects.filter(language=issue.locale.language_code,
                                           state=Subscriber.State.CONFIRMED).count()
    return TemplateResponse(request, "newsletter/admin/send.html", {
        "issue": issue,
        "delivery": delivery,
        "progress": delivery.progress() if delivery else None,
        "form": form,
        "recipients": recipients,
        "header_title": _("Send “%(title)s”") % {"title": issue.title},
        "page_title": _("Send “%(title)s”") % {"title": issue.title},
        "header_icon": "mail",
    })


def _send_test(request, issue):
    address = request.user.email
    if not address:
        messages.error(request, _("Your account has no e-mail address for the test."))
    else:
        try:
            sending.send_test(issue, address)
        except Exception:
            messages.error(request, _("The test could not be sent; the mail server refused."))
        else:
            messages.success(request, _("A test has been sent to %(address)s.") % {
                "address": address})
    return redirect("newsletter_send", issue.pk)


def preview_view(request, page_id, kind):
    """The latest version of an issue as its mail (HTML or plain text), for the send screen."""
    issue = _issue(request, page_id)
    issue = issue.get_latest_revision_as_object() if issue.has_unpublished_changes else issue
    html, text = render_issue(issue, unsubscribe_url="#unsubscribe")
    if kind == "html":
        return HttpResponse(html, content_type="text/html; charset=utf-8")
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


def _since_last_issue(index):
    last = (NewsletterIssuePage.objects.child_of(index)
            .exclude(first_published_at__isnull=True)
            .order_by("-first_published_at").first())
    since = last.first_published_at if last else timezone.now() - datetime.timedelta(days=31)
    root = index.get_parent()
    return (Page.objects.live().public().descendant_of(root)
            .filter(locale_id=index.locale_id, first_published_at__gt=since)
            .exclude(depth__lte=index.depth)
            .not_type(NewsletterIssuePage, NewsletterIndexPage)
            .filter(_listed_q())
            .order_by("-first_published_at")[:20])


def _listed_q():
    from django.db.models import Q

    from core.models import BasePage

    types = [model for model in _page_models()
             if issubclass(model, BasePage) and model.announced_in_newsletter]
    condition = Q(pk__in=[])
    for model in types:
        condition |= Page.objects.type_q(model)
    return condition


def _page_models():
    from wagtail.models import get_page_models

    return get_page_models()


@require_POST
def new_issue_view(request, index_id):
    """A draft issue below `index_id`, with an introduction and every news item, video and
    event published since the last issue; the editor lands in it."""
    index = get_object_or_404(NewsletterIndexPage, pk=index_id)
    if not index.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    with translation.override(index.locale.language_code):
        title = _("Newsletter %(month)s") % {
            "month": formats.date_format(timezone.localdate(), "F Y")}
        body = [("introduction", "<p></p>")]
        body += [("item", {"page": page, "title": "", "teaser": ""})
                 for page in _since_last_issue(index)]
    issue = NewsletterIssuePage(title=title, body=body, owner=request.user, live=False,
                                locale=index.locale)
    index.add_child(instance=issue)
    issue.save_revision(user=request.user)
    return redirect(reverse("wagtailadmin_pages:edit", args=[issue.pk]))
