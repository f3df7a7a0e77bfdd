"""A translator starts a translation into their own language, without waiting for the Redaktion.

wagtail-localize's "Translate this page" needs its "submit translation" permission, which only
the Redaktion has (it may translate into any language, and sync subtrees). Translators get this
narrower action instead: one German page or contact, into one of *their* languages, as a draft.
It is offered where translators look for work (the "Zu übersetzen" panel, the status report,
and the explorer for whoever can see the German page); a request for any other language is
refused, however it is made, and so is a German draft nobody has submitted for approval
(`translation.guards.sources`).

GET shows what will happen (or goes straight to the editor when the translation exists);
POST makes the draft and opens wagtail-localize's editor.
"""

from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from translation.conf import SOURCE_LANGUAGE
from translation.guards.permissions import translator_languages
from translation.guards.sources import may_translate_from, refusal
from translation.roles import target_languages

from .autodraft import existing_translation, start_translation

PAGE_KIND = "page"


def kind_key(model):
    if issubclass(model, Page):
        return PAGE_KIND
    return f"{model._meta.app_label}.{model._meta.model_name}"


def start_url(model, pk, language_code):
    return reverse("translation_start", args=[kind_key(model), quote(pk), language_code])


def startable_languages(user):
    """The target languages `user` may start translations into (settings order)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    languages = target_languages()
    if user.is_superuser or user.has_perm("wagtail_localize.submit_translation"):
        return languages
    own = translator_languages(user)
    return [code for code in languages if code in own]


def may_start(user, language_code):
    return language_code in startable_languages(user)


def _model_for(kind):
    if kind == PAGE_KIND:
        return Page
    for model in get_snippet_models():
        if issubclass(model, TranslatableMixin) and kind_key(model) == kind:
            return model
    raise Http404


def _edit_url(obj):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    return reverse(obj.snippet_viewset.get_url_name("edit"), args=[quote(obj.pk)])


def _source(kind, pk):
    model = _model_for(kind)
    obj = get_object_or_404(model._default_manager.select_related("locale"), pk=unquote(pk))
    if obj.locale.language_code != SOURCE_LANGUAGE:
        raise Http404
    if isinstance(obj, Page):
        if obj.depth < 2 or obj.alias_of_id:
            raise Http404
        obj = obj.specific
    return obj


@require_http_methods(["GET", "POST"])
def start_translation_view(request, kind, pk, language_code):
    if language_code not in target_languages():
        raise Http404
    if not may_start(request.user, language_code):
        raise PermissionDenied
    locale = get_object_or_404(Locale, language_code=language_code)
    obj = _source(kind, pk)
    if not may_translate_from(obj):
        return refusal(request, obj)
    labels = {"title": str(obj), "language": locale.get_display_name()}

    translated = existing_translation(obj, locale)
    if translated is not None:
        if request.method == "POST":
            messages.info(
                request,
                _("“%(title)s” already has a translation into %(language)s.") % labels,
            )
        return redirect(_edit_url(translated))

    if request.method == "GET":
        return TemplateResponse(
            request,
            "translation/start_translation.html",
            {
                "object": obj,
                "locale": locale,
                "language": labels["language"],
                "title": labels["title"],
                "header_title": _("Start translation"),
                "page_title": _("Start translation"),
                "page_subtitle": labels["title"],
                "header_icon": "site",
                "back_url": reverse("wagtailadmin_home"),
            },
        )

    translated = start_translation(obj, locale, user=request.user)
    if translated is None:
        messages.error(
            request,
            _(
                "%(language)s has no home page yet, so “%(title)s” cannot be translated. "
                "Ask the administrators to add the language."
            )
            % labels,
        )
        return redirect("wagtailadmin_home")
    messages.success(
        request,
        _(
            "The translation of “%(title)s” into %(language)s was started as a draft. "
            "Nothing is published before the Redaktion approves it."
        )
        % labels,
    )
    return redirect(_edit_url(translated))


def start_buttons(page, user, view_name=None, next_url=None):
    """ "Translate into <language>" on a German page for translators who may see it (the
    Redaktion has wagtail-localize's own "Translate this page" for every language)."""
    if page.depth <= 2 or page.alias_of_id or user.has_perm("wagtail_localize.submit_translation"):
        return
    if page.locale.language_code != SOURCE_LANGUAGE or not may_translate_from(page):
        return
    codes = startable_languages(user)
    if not codes:
        return
    for locale in Locale.objects.filter(language_code__in=codes):
        if existing_translation(page, locale) is None:
            yield ListingButton(
                _("Translate into %(language)s") % {"language": locale.get_display_name()},
                start_url(type(page), page.pk, locale.language_code),
                priority=61,
                icon_name="site",
            )
