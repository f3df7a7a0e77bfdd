"""The "Übersetzungsstatus" report: every page and snippet in every language, one status each.

Who sees it: whoever may edit content (authors, the Redaktion, administrators) sees every
target language; a translator whose only editing rights come from translators' groups sees the
languages of those groups. Filters (language, status, type) come from GET parameters; values
that are not offered are ignored. The statuses are computed in the database (`status.py`), so
the report costs the same few queries for ten pages or ten thousand; rows get their titles in
one query per kind of object shown.
"""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import GroupPagePermission, Locale, Page

from translation.guards.permissions import (
    is_language_limited,
    other_groups,
    translator_languages,
)
from translation.work.start import may_start, start_url

from ..conf import SOURCE_LANGUAGE
from ..roles import target_languages
from .compute import (
    IN_PROGRESS,
    MISSING,
    OUTDATED,
    STATUS_CHOICES,
    kinds,
    status_rows,
)

PAGE_EDITING = ("add_page", "change_page", "publish_page")


def _edits_beyond_translation(user):
    """May `user` edit content through a group that is not a translators' group?"""
    others = other_groups(user)
    if GroupPagePermission.objects.filter(
        group__in=others, permission__codename__in=PAGE_EDITING
    ).exists():
        return True
    for kind in kinds():
        model = kind.model
        if kind.is_page:
            continue
        codename = f"{model._meta.app_label}.change_{model._meta.model_name}"
        if user.has_perm(codename) and not is_language_limited(user, model):
            return True
    return False


def report_languages(user):
    """The target language codes whose status `user` may see, in settings order (cached on
    the user object, which lives as long as the request: menu, panel and report ask)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, "_translation_report_languages", None)
    if cached is None:
        cached = _report_languages(user)
        user._translation_report_languages = cached
    return list(cached)


def _report_languages(user):
    if not user.has_perm("wagtailadmin.access_admin"):
        return ()
    languages = target_languages()
    if user.is_superuser or _edits_beyond_translation(user):
        return tuple(languages)
    own = translator_languages(user)
    return tuple(code for code in languages if code in own)


def may_view_report(user):
    return bool(report_languages(user))


STATUS_LABELS = dict(STATUS_CHOICES)


@dataclass
class Row:
    title: str
    kind: str
    language: str
    language_code: str
    status: str
    status_label: str
    percent: int | None
    since: datetime | None
    live: bool
    edit_url: str
    source_url: str
    action_label: str = ""
    action_url: str = ""
    machine: int = 0

    @property
    def status_text(self):
        """The status as one phrase, as the export and screen readers get it."""
        if self.status == OUTDATED and self.since:
            return _("outdated since %(date)s") % {
                "date": date_format(self.since.astimezone(), "SHORT_DATE_FORMAT")
            }
        if self.status == IN_PROGRESS and self.percent is not None:
            return _("in progress (%(percent)d %%)") % {"percent": self.percent}
        return str(self.status_label)


class NoFilter(django_filters.ChoiceFilter):
    """A choice whose filtering happens in `status.status_rows`, not on a queryset."""

    def filter(self, qs, value):
        return qs


class TranslationStatusFilterSet(WagtailFilterSet):
    language = NoFilter(
        label=gettext_lazy("Language"),
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )
    status = NoFilter(
        label=gettext_lazy("Status"),
        choices=STATUS_CHOICES,
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )
    kind = NoFilter(
        label=gettext_lazy("Type"),
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Locale
        fields = []

    def __init__(self, *args, languages=(), kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["language"].extra["choices"] = [
            (locale.language_code, locale.get_display_name()) for locale in languages
        ]
        self.filters["kind"].extra["choices"] = [
            (kind.key, str(kind.label).capitalize()) for kind in kinds
        ]


class TranslationStatusReportView(ReportView):
    page_title = gettext_lazy("Translation status")
    header_icon = "site"
    template_name = "wagtailadmin/reports/base_report.html"
    results_template_name = "translation/report/status_results.html"
    index_url_name = "translation_status_report"
    index_results_url_name = "translation_status_report_results"
    filterset_class = TranslationStatusFilterSet
    paginate_by = 50
    export_filename = "translation-status"
    list_export = [
        "title", "kind", "language", "status_text", "percent", "machine", "since", "live"
    ]
    export_headings = {
        "title": gettext_lazy("Title"),
        "kind": gettext_lazy("Type"),
        "language": gettext_lazy("Language"),
        "status_text": gettext_lazy("Status"),
        "percent": gettext_lazy("Translated (%)"),
        "machine": gettext_lazy("Unconfirmed machine segments"),
        "since": gettext_lazy("Outdated since"),
        "live": gettext_lazy("Live"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not self.languages:
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def locales(self):
        return {locale.language_code: locale for locale in Locale.objects.all()}

    @cached_property
    def languages(self):
        """(index, Locale) of the target languages this user may see (that have a locale)."""
        codes = report_languages(self.request.user)
        if not codes or SOURCE_LANGUAGE not in self.locales:
            return []
        return [
            (index, self.locales[code]) for index, code in enumerate(codes) if code in self.locales
        ]

    @cached_property
    def source_locale(self):
        return self.locales[SOURCE_LANGUAGE]

    @cached_property
    def kinds(self):
        return kinds()

    def get_filterset_kwargs(self):
        return {
            **super().get_filterset_kwargs(),
            "queryset": Locale.objects.none(),
            "languages": [locale for _index, locale in self.languages],
            "kinds": self.kinds,
        }

    def _chosen(self, name):
        """A filter's value if it is one of its choices; anything else is ignored."""
        filters = self.filters
        if filters is None:
            return ""
        form = filters.form
        form.is_valid()
        return form.cleaned_data.get(name) or ""

    def get_queryset(self):
        language = self._chosen("language")
        locales = [
            (index, locale)
            for index, locale in self.languages
            if not language or locale.language_code == language
        ]
        kind = self._chosen("kind")
        chosen_kinds = [item for item in self.kinds if not kind or item.key == kind]
        user = self.request.user
        translator_only = bool(translator_languages(user)) and not _edits_beyond_translation(user)
        rows = status_rows(
            locales, self.source_locale, chosen_kinds, status=self._chosen("status") or None,
            only_translatable=translator_only and not user.is_superuser,
        )
        return rows if rows is not None else []

    def filter_queryset(self, queryset):
        return queryset  # filtered in get_queryset, before the parts are combined

    def decorate_paginated_queryset(self, object_list):
        values = list(object_list)
        titles, types = self._titles(values)
        locales = dict(self.languages)
        may_submit = self.request.user.has_perm("wagtail_localize.submit_translation")
        rows = []
        for value in values:
            kind = self.kinds[value["r_kind"]]
            key = (value["r_kind"], value["r_pk"])
            rows.append(self._row(value, kind, titles.get(key, ""), types.get(key),
                                  locales[value["r_lang"]], may_submit))
        return rows

    def _titles(self, values):
        """Titles (and page types) of the listed objects: one query per kind shown."""
        by_kind = {}
        for value in values:
            by_kind.setdefault(value["r_kind"], set()).add(value["r_pk"])
        titles, types = {}, {}
        for kind_index, pks in by_kind.items():
            kind = self.kinds[kind_index]
            if kind.is_page:
                pages = Page.objects.filter(pk__in=pks).select_related("content_type").only(
                    "pk", "title", "content_type__app_label", "content_type__model"
                )
                for page in pages:
                    titles[(kind_index, str(page.pk))] = page.title
                    model = page.content_type.model_class()
                    types[(kind_index, str(page.pk))] = (
                        model._meta.verbose_name if model else _("page")
                    )
            else:
                for obj in kind.model._default_manager.filter(pk__in=pks):
                    titles[(kind_index, str(obj.pk))] = str(obj)
        return titles, types

    def _row(self, value, kind, title, page_type, locale, may_submit):
        status = value["r_status"]
        model = kind.model
        percent = None
        if value["r_managed"] and status != MISSING:
            total, done = value["r_total"], value["r_done"]
            percent = 100 if not total else (done * 100) // total
        edit_url = source_url = ""
        source_url = self._edit_url(model, value["r_pk"])
        if value["r_target"] is not None:
            edit_url = self._edit_url(model, value["r_target"])
        row = Row(
            title=title,
            kind=str(page_type or model._meta.verbose_name).capitalize(),
            language=locale.get_display_name(),
            language_code=locale.language_code,
            status=status,
            status_label=STATUS_LABELS[status],
            percent=percent,
            since=value["r_since"] if status == OUTDATED else None,
            live=bool(value["r_live"]) if status != MISSING else False,
            edit_url=edit_url,
            source_url=source_url,
            machine=value["r_machine"] if status != MISSING else 0,
        )
        if status == MISSING and not value["r_startable"]:
            pass  # an unsubmitted draft: nothing to translate yet
        elif may_submit and status == MISSING:
            row.action_label = _("Translate")
            row.action_url = self._submit_url(model, value["r_pk"])
        elif status == MISSING and may_start(self.request.user, locale.language_code):
            row.action_label = _("Start translation")
            row.action_url = start_url(model, value["r_pk"], locale.language_code)
        elif may_submit and status == OUTDATED and value["r_managed"] and value["r_source"]:
            row.action_label = _("Sync translations")
            row.action_url = "{}?{}".format(
                reverse("wagtail_localize:update_translations", args=[value["r_source"]]),
                urlencode({"next": self.request.get_full_path()}),
            )
        return row

    @staticmethod
    def _edit_url(model, pk):
        if model is Page:
            return reverse("wagtailadmin_pages:edit", args=[pk])
        return reverse(model.snippet_viewset.get_url_name("edit"), args=[quote(pk)])

    @staticmethod
    def _submit_url(model, pk):
        if model is Page:
            return reverse("wagtail_localize:submit_page_translation", args=[pk])
        return reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[model._meta.app_label, model._meta.model_name, quote(pk)],
        )
