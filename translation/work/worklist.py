"""The translator's dashboard panel "Zu übersetzen": work waiting in their own languages.

Pages and translatable snippets (contacts …) that are missing, in progress or outdated in the
languages of the user's translators' groups, with the German title, the state and the
percentage translated; each row opens the translation editor (or starts the translation when
it is missing). The statuses come from `status.compute.annotate_status`, computed by the
database, so the panel costs the same few queries whatever the amount of content: one for the
rows, one for the total, one per kind of object shown for the titles.
"""

from dataclasses import dataclass

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page

from translation.conf import SOURCE_LANGUAGE
from translation.guards.permissions import translator_languages
from translation.roles import target_languages
from translation.status.compute import (
    COLUMNS,
    IN_PROGRESS,
    MISSING,
    OUTDATED,
    annotate_status,
    kinds,
)

from .start import start_url

WORK_STATUSES = (MISSING, OUTDATED, IN_PROGRESS)
STATUS_LABELS = {
    MISSING: _("not started"),
    IN_PROGRESS: _("in progress"),
    OUTDATED: _("outdated"),
}
LIMIT = 15


@dataclass
class WorkItem:
    title: str
    kind: str
    language: str
    status: str
    status_label: str
    percent: int | None
    url: str
    live: bool
    machine: int = 0


def work_locales(user):
    """([(index, Locale)] of the user's translators' languages, the source Locale), or None."""
    own = translator_languages(user)
    codes = [code for code in target_languages() if code in own]
    if not codes:
        return None
    by_code = {
        locale.language_code: locale
        for locale in Locale.objects.filter(language_code__in=[*codes, SOURCE_LANGUAGE])
    }
    locales = [(index, by_code[code]) for index, code in enumerate(codes) if code in by_code]
    if SOURCE_LANGUAGE not in by_code or not locales:
        return None
    return locales, by_code[SOURCE_LANGUAGE]


def work_rows(locales, source_locale):
    """Every (German object, language) with work waiting, as one queryset of dicts."""
    all_kinds = kinds()
    parts = []
    for kind_index, kind in enumerate(all_kinds):
        for language_index, locale in locales:
            part = annotate_status(kind, kind_index, locale.pk, language_index, source_locale.pk)
            if kind.is_page:
                part = part.filter(depth__gt=2)  # a language's home page comes with the language
            # A German draft nobody has submitted is no work yet (translation.guards.sources).
            part = part.filter(r_status__in=WORK_STATUSES).exclude(
                r_status=MISSING, r_startable=False
            )
            parts.append(part.values(*COLUMNS))
    combined = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return combined.order_by("r_kind", "r_sort", "r_pk", "r_lang")


def _edit_url(model, pk):
    if model is Page:
        return reverse("wagtailadmin_pages:edit", args=[pk])
    return reverse(model.snippet_viewset.get_url_name("edit"), args=[quote(pk)])


def work_items(user, limit=LIMIT):
    """(items, total) for the panel: at most `limit` rows, and how many there are in all."""
    found = work_locales(user)
    if not found:
        return [], 0
    locales, source_locale = found
    rows = work_rows(locales, source_locale)
    values = list(rows[:limit])
    total = rows.count()
    all_kinds = kinds()
    titles, types = {}, {}
    for kind_index in {value["r_kind"] for value in values}:
        model = all_kinds[kind_index].model
        pks = [value["r_pk"] for value in values if value["r_kind"] == kind_index]
        if model is Page:
            pages = Page.objects.filter(pk__in=pks).select_related("content_type").only(
                "pk", "title", "content_type__app_label", "content_type__model"
            )
            for page in pages:
                titles[(kind_index, str(page.pk))] = page.title
                page_model = page.content_type.model_class() or Page
                types[(kind_index, str(page.pk))] = page_model._meta.verbose_name
        else:
            for obj in model._default_manager.filter(pk__in=pks):
                titles[(kind_index, str(obj.pk))] = str(obj)
                types[(kind_index, str(obj.pk))] = model._meta.verbose_name
    locales_by_index = dict(locales)
    items = []
    for value in values:
        kind = all_kinds[value["r_kind"]]
        key = (value["r_kind"], value["r_pk"])
        locale = locales_by_index[value["r_lang"]]
        status = value["r_status"]
        percent = None
        if status != MISSING:
            total_segments, done = value["r_total"], value["r_done"]
            percent = 100 if not total_segments else (done * 100) // total_segments
        if status == MISSING or value["r_target"] is None:
            url = start_url(kind.model, value["r_pk"], locale.language_code)
        else:
            url = _edit_url(kind.model, value["r_target"])
        items.append(
            WorkItem(
                title=titles.get(key, ""),
                kind=str(types.get(key, kind.model._meta.verbose_name)).capitalize(),
                language=locale.get_display_name(),
                status=status,
                status_label=str(STATUS_LABELS[status]),
                percent=percent,
                url=url,
                live=bool(value["r_live"]) if status != MISSING else False,
                machine=value["r_machine"] if status != MISSING else 0,
            )
        )
    return items, total


class WorkToTranslatePanel(Component):
    """ "Zu übersetzen" on a translator's dashboard; nothing for anyone else."""

    name = "work_to_translate"
    order = 90
    template_name = "translation/panels/work_to_translate.html"

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        items, total = work_items(request.user)
        return {
            "items": items,
            "total": total,
            "more": max(total - len(items), 0),
            "report_url": reverse("translation_status_report"),
        }

    def render_html(self, parent_context=None):
        if not translator_languages(parent_context["request"].user):
            return ""
        return super().render_html(parent_context)
