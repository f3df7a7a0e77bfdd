"""The translation status of every page and translatable snippet, in every target language.

wagtail-localize calls a translation "up to date" when every string of its *last sync* is
translated; a German page changed and published since is not noticed (its issues #266, #543,
#823). Here each German page or snippet gets, per target language, one of:

* **missing**: no translation in that language (an alias page, a copy of the German page, is
  no translation either);
* **outdated** since a date: the German source was published (snippets without drafts, such as
  authors: edited) after the translation was last made from it;
* **in progress**: not every string is translated yet, or strings were changed since the
  translation was last saved;
* **up to date**: otherwise.

What "made from it" means, for translations that wagtail-localize manages:

* `changed`: when the source last changed for readers: its `last_published_at`; for snippets
  without drafts, the newest "created" or "edited" entry of Wagtail's audit log;
* `extracted`: `TranslationSource.last_updated_at`, when wagtail-localize last read the source
  (on submitting it for translation, and on "Sync translated pages");
* `saved`: the newest `TranslationLog` of that source and language, written each time the
  translation is saved from the source (a draft, a submission, a publication).

A translation is outdated when the source changed after it was last read (`changed >
extracted`), or when it was read again but the translation has not been saved since (`saved <
extracted`): only re-syncing and saving it makes it current. A translation edited outside
wagtail-localize (its translation stopped, or made by hand) is outdated when the source changed
after the translation's own last edit.

Everything is computed by the database, for all rows at once: one query counts, one fetches a
page of rows, whatever the number of pages, snippets and languages (`status_rows()` gives a
queryset to paginate). Nothing is computed per row in Python, no `get_progress()` per row.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    DateTimeField,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    DraftStateMixin,
    ModelLogEntry,
    Page,
    PageLogEntry,
    RevisionMixin,
    TranslatableMixin,
    WorkflowState,
)
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from translation.approval.machine_output import unconfirmed_q

MISSING = "missing"
IN_PROGRESS = "in_progress"
UP_TO_DATE = "up_to_date"
OUTDATED = "outdated"

STATUS_CHOICES = [
    (MISSING, _("missing")),
    (IN_PROGRESS, _("in progress")),
    (UP_TO_DATE, _("up to date")),
    (OUTDATED, _("outdated")),
]

# The columns of a report row, in the order every part of the union selects them.
COLUMNS = (
    "r_kind",
    "r_lang",
    "r_pk",
    "r_sort",
    "r_target",
    "r_source",
    "r_live",
    "r_managed",
    "r_status",
    "r_total",
    "r_done",
    "r_machine",
    "r_since",
    "r_startable",
)

PUBLISH_ACTIONS = ("wagtail.publish",)
EDIT_ACTIONS = ("wagtail.create", "wagtail.edit")


@dataclass(frozen=True)
class Kind:
    """Pages, or one translatable snippet model."""

    key: str
    model: type

    @property
    def is_page(self):
        return self.model is Page

    @property
    def label(self):
        return self.model._meta.verbose_name_plural


def kinds():
    """Pages first, then every translatable snippet model (contacts, authors …)."""
    snippets = [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]
    return [Kind("page", Page)] + [
        Kind(f"{model._meta.app_label}.{model._meta.model_name}", model) for model in snippets
    ]


def _has_drafts(model):
    return model is Page or issubclass(model, DraftStateMixin)


def _log_entries(model, pk):
    """Audit-log entries of the object whose primary key is `pk` (an expression)."""
    if model is Page:
        return PageLogEntry.objects.filter(page_id=pk)
    return ModelLogEntry.objects.filter(
        content_type__app_label=model._meta.app_label,
        content_type__model=model._meta.model_name,
        object_id=Cast(pk, output_field=CharField()),
    )


def _change_actions(model):
    return PUBLISH_ACTIONS if _has_drafts(model) else EDIT_ACTIONS


def _changed_at(model):
    """When the source last changed for readers."""
    if _has_drafts(model):
        return F("last_published_at")
    return Subquery(
        _log_entries(model, OuterRef("pk"))
        .filter(action__in=EDIT_ACTIONS)
        .order_by("-timestamp")
        .values("timestamp")[:1],
        output_field=DateTimeField(),
    )


def _first_change_after(model, reference):
    """When the source first changed for readers after the annotation `reference`."""
    return Subquery(
        _log_entries(model, OuterRef("pk"))
        .filter(action__in=_change_actions(model), timestamp__gt=OuterRef(reference))
        .order_by("timestamp")
        .values("timestamp")[:1],
        output_field=DateTimeField(),
    )


def _startable(model):
    """May a translation start from the source (`translation.guards.sources`): it is live, or
    awaiting approval. Content without drafts always may."""
    if not _has_drafts(model):
        return Value(True, output_field=BooleanField())
    in_review = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(model),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    return Case(When(Q(live=True) | Exists(in_review), then=Value(True)), default=Value(False),
                output_field=BooleanField())


def _sort_key(model):
    if model is Page:
        return F("path")
    for name in model._meta.ordering or ():
        if isinstance(name, str) and not name.startswith("-") and "__" not in name:
            return Cast(name, output_field=CharField())
    return Cast("pk", output_field=CharField())


def _targets(model, locale_id, translation_key):
    manager = Page.objects if model is Page else model._default_manager
    targets = manager.filter(translation_key=translation_key, locale_id=locale_id)
    if model is Page:
        targets = targets.filter(alias_of__isnull=True)
    return targets


def _target_edited_at(model, locale_id):
    """When the translation itself was last edited (for translations made by hand)."""
    targets = _targets(model, locale_id, OuterRef("translation_key"))
    if model is Page:
        return Subquery(targets.values("latest_revision_created_at")[:1])
    if issubclass(model, RevisionMixin):
        return Subquery(targets.values("latest_revision__created_at")[:1])
    target_pk = _targets(model, locale_id, OuterRef(OuterRef("translation_key"))).values("pk")[:1]
    return Subquery(
        _log_entries(model, Subquery(target_pk))
        .filter(action__in=EDIT_ACTIONS)
        .order_by("-timestamp")
        .values("timestamp")[:1],
        output_field=DateTimeField(),
    )


def annotate_status(kind, kind_index, locale_id, language_index, source_locale_id):
    """The source objects of `kind`, each annotated with its status in one language."""
    model = kind.model
    if model is Page:
        sources = Page.objects.filter(
            locale_id=source_locale_id, depth__gt=1, alias_of__isnull=True
        )
    else:
        sources = model._default_manager.filter(locale_id=source_locale_id)
    key = OuterRef("translation_key")
    of_source = {"source__object_id": key, "source__locale_id": source_locale_id}
    targets = _targets(model, locale_id, key)
    segments = StringSegment.objects.filter(**of_source).order_by().values("source_id")
    string_translations = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=locale_id,
        has_error=False,
    )
    # Machine output nobody confirmed is counted on its own, never as translated.
    translated = string_translations.exclude(unconfirmed_q())
    machine_made = string_translations.filter(unconfirmed_q())
    live = (
        Subquery(targets.values("live")[:1], output_field=BooleanField())
        if _has_drafts(model)
        else Value(True, output_field=BooleanField())
    )
    queryset = sources.order_by().annotate(
        r_kind=Value(kind_index, output_field=IntegerField()),
        r_lang=Value(language_index, output_field=IntegerField()),
        r_pk=Cast("pk", output_field=CharField()),
        r_sort=_sort_key(model),
        r_target=Cast(Subquery(targets.values("pk")[:1]), output_field=CharField()),
        r_source=Subquery(
            TranslationSource.objects.filter(object_id=key, locale_id=source_locale_id).values(
                "pk"
            )[:1]
        ),
        r_live=live,
        r_startable=_startable(model),
        r_managed=Exists(
            Translation.objects.filter(**of_source, target_locale_id=locale_id, enabled=True)
        ),
        r_extracted=Subquery(
            TranslationSource.objects.filter(
                object_id=key, locale_id=source_locale_id
            ).values("last_updated_at")[:1]
        ),
        r_saved=Subquery(
            TranslationLog.objects.filter(**of_source, locale_id=locale_id)
            .order_by()
            .values("source_id")
            .annotate(latest=Max("created_at"))
            .values("latest")[:1]
        ),
        r_total=Coalesce(
            Subquery(segments.annotate(count=Count("pk")).values("count")[:1]), Value(0)
        ),
        r_done=Coalesce(
            Subquery(
                segments.filter(Exists(translated)).annotate(count=Count("pk")).values("count")[:1]
            ),
            Value(0),
        ),
        r_machine=Coalesce(
            Subquery(
                segments.filter(Exists(machine_made))
                .annotate(count=Count("pk"))
                .values("count")[:1]
            ),
            Value(0),
        ),
        r_strings_at=Subquery(
            StringTranslation.objects.filter(context__object_id=key, locale_id=locale_id)
            .order_by()
            .values("locale_id")
            .annotate(latest=Max("updated_at"))
            .values("latest")[:1]
        ),
        r_changed=_changed_at(model),
        r_edited=_target_edited_at(model, locale_id),
    )
    # The last moment the translation surely reflected the source.
    queryset = queryset.annotate(
        r_basis=Case(
            When(r_saved__lt=F("r_extracted"), then=F("r_saved")),
            default=F("r_extracted"),
            output_field=DateTimeField(),
        )
    )
    managed_outdated = (
        Q(r_changed__gt=F("r_extracted"))
        | Q(r_saved__isnull=True)
        | Q(r_saved__lt=F("r_extracted"))
    )
    unfinished = Q(r_done__lt=F("r_total")) | Q(r_strings_at__gt=F("r_saved"))
    hand_made_outdated = Q(r_changed__isnull=False) & (
        Q(r_edited__isnull=True) | Q(r_changed__gt=F("r_edited"))
    )
    return queryset.annotate(
        r_status=Case(
            When(r_target__isnull=True, then=Value(MISSING)),
            When(Q(r_managed=True) & managed_outdated, then=Value(OUTDATED)),
            When(Q(r_managed=True) & unfinished, then=Value(IN_PROGRESS)),
            When(r_managed=True, then=Value(UP_TO_DATE)),
            When(hand_made_outdated, then=Value(OUTDATED)),
            default=Value(UP_TO_DATE),
            output_field=CharField(),
        ),
        r_since=Case(
            When(
                r_managed=True,
                then=Coalesce(
                    _first_change_after(model, "r_basis"),
                    Case(
                        When(r_changed__gt=F("r_extracted"), then=F("r_changed")),
                        default=F("r_extracted"),
                    ),
                ),
            ),
            default=Coalesce(_first_change_after(model, "r_edited"), F("r_changed")),
            output_field=DateTimeField(),
        ),
    )


def status_rows(locales, source_locale, kinds_=None, status=None, only_translatable=False):
    """Every (source object, language) of the given kinds and locales, as one queryset of
    dicts (`COLUMNS`), ordered pages first in tree order, then snippets by name; or None if
    there is nothing to list. `locales` is a list of (index, Locale). `only_translatable`
    leaves out German drafts nobody has submitted that have no translation (for translators,
    who may not read them)."""
    all_kinds = kinds()
    chosen = kinds_ if kinds_ is not None else all_kinds
    parts = []
    for kind in chosen:
        kind_index = all_kinds.index(kind)
        for language_index, locale in locales:
            part = annotate_status(kind, kind_index, locale.pk, language_index, source_locale.pk)
            if status:
                part = part.filter(r_status=status)
            if only_translatable:
                part = part.exclude(r_status=MISSING, r_startable=False)
            parts.append(part.values(*COLUMNS))
    if not parts:
        return None
    combined = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return combined.order_by("r_kind", "r_sort", "r_pk", "r_lang")
