"""One table: every admin and public action the workflow and translation features define, tried
by anonymous, autorin, redaktion, translator-en and admin, straight at the URL (posts that no
button offers included). The set of roles that succeed must equal the expected set exactly.

An action "succeeds" when its effect is there afterwards (a post: the page is live, the lock
is set, the string is stored …) or, for a screen, when it answers 200. Each cell runs in a
savepoint that is rolled back, so every cell starts from the same demo site.
"""

import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, TestCase
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    Revision,
    Site,
    WorkflowState,
)
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from core.factories import DocumentFactory, ImageFactory
from core.models import Author, Contact
from editorial.models import EditorialSettings
from editorial.tests.helpers import news_draft, news_form_data
from news.models import NewsIndexPage, NewsPage
from pages.models import StandardPage
from translation.models import TranslatorGroup
from translation.work.start import start_url

ROLES = ("anonymous", "autorin", "redaktion", "translator-en", "admin")
ANON, AUTHOR, REDAKTION, TRANSLATOR, ADMIN = ROLES
EVERYONE = set(ROLES)
LOGGED_IN = EVERYONE - {ANON}
EDITORS = {AUTHOR, REDAKTION, ADMIN}
REVIEWERS = {REDAKTION, ADMIN}
NOBODY = set()


class World:
    """The objects the actions act on, fetched afresh in each cell."""

    def __init__(self):
        self.de = Locale.objects.get(language_code="de")
        self.en = Locale.objects.get(language_code="en")
        self.news_index = NewsIndexPage.objects.get(locale=self.de)
        self.news_index_en = NewsIndexPage.objects.get(locale=self.en)
        news = NewsPage.objects.live().order_by("pk")
        self.notice = news.filter(locale=self.de,
                                  translation_key__in=news.filter(locale=self.en)
                                  .values("translation_key")).first()
        self.notice_en = news.get(locale=self.en, translation_key=self.notice.translation_key)
        self.untranslated = news.filter(locale=self.de).exclude(
            translation_key__in=news.filter(locale=self.en).values("translation_key")).first()
        self.standard_pages = list(
            StandardPage.objects.live().filter(locale=self.de).order_by("pk")[:2])
        self.contact = Contact.objects.filter(locale=self.de, live=True).first()
        self.author = Author.objects.filter(locale=self.de).first()
        self.translation = Translation.objects.get(
            source=TranslationSource.objects.get_for_instance(self.notice),
            target_locale=self.en,
        )

    def refresh(self, obj):
        return type(obj)._default_manager.filter(pk=obj.pk).first()


@dataclass
class Action:
    name: str
    allowed: set
    url: Any  # world -> str
    method: str = "get"
    data: Any = None  # (world, users) -> dict
    prepare: Any = None  # (world, users) -> None, run as the test, before the request
    effect: Any = None  # world -> bool: did the action happen?
    shows: Any = None  # world -> text a screen must show to count as allowed (choosers)
    headers: dict = field(default_factory=dict)


def admin_url(name, *args):
    return lambda world: reverse(name, args=[arg(world) if callable(arg) else arg
                                             for arg in args])


def page_form(page, title):
    data = news_form_data(page, title=title)
    data["slug"] = page.slug
    return data


def submitted_by_author(world, users):
    """The notice, edited and submitted for approval by the author."""
    page = world.refresh(world.notice)
    page.title = "Eingereicht von der Autorin"
    revision = page.save_revision(user=users[AUTHOR])
    page.get_workflow().start(page, users[AUTHOR])
    assert revision


def four_eyes_off(world, users):
    settings = EditorialSettings.for_site(Site.objects.get(is_default_site=True))
    settings.four_eyes = False
    settings.save()


def authors_draft(world, users, title="Matrix-Entwurf der Autorin"):
    """A news item the author saved as a draft and never submitted."""
    world.draft = news_draft(world.news_index, title, user=users[AUTHOR])


def authors_submitted_draft(world, users):
    authors_draft(world, users, "Matrix-Eingereicht")
    world.draft.get_workflow().start(world.draft, users[AUTHOR])


def colleagues_draft(world, users):
    world.draft = news_draft(world.news_index, "Matrix-Entwurf der Kollegin", user=users[ADMIN])


def authors_unpublished_page(world, users):
    """The author's own page, published once and taken offline again."""
    authors_draft(world, users, "Matrix-War-Online")
    world.draft.save_revision(user=users[AUTHOR]).publish()
    world.draft = world.refresh(world.draft)
    world.draft.unpublish()


def english_draft_translation(world, users):
    """An English draft translation (of the untranslated notice), owned by the author."""
    translated = world.untranslated.copy_for_translation(world.en, copy_parents=False)
    translated.owner = users[AUTHOR]
    translated.save()
    world.draft = translated


def draft_gone(world):
    return not Page.objects.filter(pk=world.draft.pk).exists()


def english_copy_of_draft(world):
    return NewsPage.objects.filter(translation_key=world.draft.translation_key,
                                   locale=world.en).exists()


def rename_translators_group(world, users):
    Group.objects.filter(translator_role__locales=world.en).update(name="Team Englisch")


def translators_group_without_language(world, users):
    TranslatorGroup.objects.get(locales=world.en).locales.clear()


def old_revision(world, users):
    """The notice's live revision, then a newer one published over it."""
    page = world.refresh(world.notice)
    world.old_revision = page.live_revision
    page.title = "Matrix-Neuere-Fassung"
    page.save_revision().publish()


def bulk_publish_url(world):
    return reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + (
        f"?id={world.draft.pk}")


def scheduled(world):
    return Revision.page_revisions.filter(object_id=str(world.notice.pk),
                                          approved_go_live_at__isnull=False).exists()


def task_state_url(action_name):
    def url(world):
        page = world.refresh(world.notice)
        state = page.current_workflow_task_state
        return reverse("wagtailadmin_pages:workflow_action",
                       args=[page.pk, action_name, state.pk])
    return url


def workflow_status(world):
    state = WorkflowState.objects.filter(
        base_content_type__model="page", object_id=str(world.notice.pk)
    ).order_by("-pk").first()
    return state.status if state else None


def locked_by_admin(world, users):
    Page.objects.filter(pk=world.notice.pk).update(locked=True, locked_by=users[ADMIN])


def po_upload(world, users):
    """The notice's PO file as wagtail-localize exports it, translated by an agency."""
    po = world.translation.export_po()
    for entry in po:
        entry.msgstr = "Matrix translation"
    return {"file": SimpleUploadedFile("agentur.po", str(po).encode()), "next": "/admin/"}


def string_stored(world):
    return StringTranslation.objects.filter(locale=world.en, data="Matrix translation").exists()


def machine_stored(world):
    return StringTranslation.objects.filter(locale=world.en, data__startswith="[EN] ").exists()


def first_segment_url(world):
    segment = world.translation.source.stringsegment_set.first()
    return reverse("translation_edit_string", args=[world.translation.pk, segment.pk])


def private_collection(world, users):
    """A collection whose documents only logged-in people may download."""
    collection = Collection.get_first_root_node().add_child(name="Vertraulich")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    world.private_document = DocumentFactory(collection=collection, title="Intern",
                                             uploaded_by_user=users[ADMIN])
    world.private_image = ImageFactory(collection=collection, title="Intern",
                                       uploaded_by_user=users[ADMIN])


def private_page(world, users):
    PageViewRestriction.objects.create(page=world.notice,
                                       restriction_type=PageViewRestriction.LOGIN)


PAGE_PASSWORD = "geheim-2021"  # noqa: S105


def password_page(world, users):
    world.restriction = PageViewRestriction.objects.create(
        page=world.notice, restriction_type=PageViewRestriction.PASSWORD, password=PAGE_PASSWORD)


def password_page_after_guesses(world, users):
    """Someone at the same address guessed wrongly up to the limit (security/passwords.py)."""
    password_page(world, users)
    guesser = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        guesser.post(page_password_url(world), {"password": "falsch", "return_url": "/"})


def page_password_url(world):
    return reverse("wagtailcore_authenticate_with_password",
                   args=[world.restriction.pk, world.notice.pk])


def page_password_accepted(world):
    key = PageViewRestriction.passed_view_restrictions_session_key
    return any(world.restriction.pk in session.get_decoded().get(key, [])
               for session in Session.objects.all())


def new_title_live(title):
    return lambda world: world.refresh(world.notice).title == title


def latest_revision_title(title):
    def effect(world):
        revision = Revision.page_revisions.filter(object_id=str(world.notice.pk)).order_by(
            "-pk").first()
        return revision is not None and revision.content.get("title") == title
    return effect


ACTIONS = [
    # --- Public site ---------------------------------------------------------------------
    Action("view a live page", EVERYONE, lambda w: w.notice.url),
    Action("view a login-restricted page", LOGGED_IN, lambda w: w.notice.url,
           prepare=private_page),
    Action("enter a page's password", EVERYONE, page_password_url, "post",
           lambda w, u: {"password": PAGE_PASSWORD, "return_url": w.notice.url},
           prepare=password_page, effect=page_password_accepted),
    Action("enter a page's password after too many wrong ones from the address", set(),
           page_password_url, "post",
           lambda w, u: {"password": PAGE_PASSWORD, "return_url": w.notice.url},
           prepare=password_page_after_guesses, effect=page_password_accepted),
    # --- Pages ---------------------------------------------------------------------------
    Action("explore the German news", EDITORS, admin_url("wagtailadmin_explore",
                                                          lambda w: w.news_index.pk)),
    Action("open the add-page form", EDITORS,
           admin_url("wagtailadmin_pages:add", "news", "newspage", lambda w: w.news_index.pk)),
    Action("create and submit a page", EDITORS,
           admin_url("wagtailadmin_pages:add", "news", "newspage", lambda w: w.news_index.pk),
           "post", lambda w, u: {**news_form_data(title="Matrix-Meldung"), "action-submit": "1"},
           effect=lambda w: NewsPage.objects.filter(title="Matrix-Meldung").exists()),
    # With the four-eyes rule on (the default), nothing goes live except by another member's
    # "Freigeben": every direct publication is refused, to the administrator too.
    Action("create and publish a page (forged publish)", NOBODY,
           admin_url("wagtailadmin_pages:add", "news", "newspage", lambda w: w.news_index.pk),
           "post", lambda w, u: {**news_form_data(title="Matrix-Live"), "action-publish": "1"},
           effect=lambda w: NewsPage.objects.live().filter(title="Matrix-Live").exists()),
    Action("open a German page in the editor", EDITORS,
           admin_url("wagtailadmin_pages:edit", lambda w: w.notice.pk)),
    Action("save a draft of a German page", EDITORS,
           admin_url("wagtailadmin_pages:edit", lambda w: w.notice.pk), "post",
           lambda w, u: page_form(w.notice, "Matrix-Entwurf"),
           effect=latest_revision_title("Matrix-Entwurf")),
    Action("publish a German page (forged publish)", NOBODY,
           admin_url("wagtailadmin_pages:edit", lambda w: w.notice.pk), "post",
           lambda w, u: {**page_form(w.notice, "Matrix-Publiziert"), "action-publish": "1"},
           effect=new_title_live("Matrix-Publiziert")),
    Action("publish a German page with the four-eyes rule off", REVIEWERS,
           admin_url("wagtailadmin_pages:edit", lambda w: w.notice.pk), "post",
           lambda w, u: {**page_form(w.notice, "Matrix-Allein"), "action-publish": "1"},
           prepare=four_eyes_off, effect=new_title_live("Matrix-Allein")),
    Action("publish a page in review by direct POST", NOBODY,
           admin_url("wagtailadmin_pages:edit", lambda w: w.notice.pk), "post",
           lambda w, u: {**page_form(w.notice, "Matrix-Am-Review-vorbei"),
                         "action-publish": "1"},
           prepare=submitted_by_author,
           effect=lambda w: w.refresh(w.notice).title == "Matrix-Am-Review-vorbei"
           or workflow_status(w) != WorkflowState.STATUS_IN_PROGRESS),
    Action("schedule a page by publishing with a go-live date", NOBODY,
           admin_url("wagtailadmin_pages:edit", lambda w: w.notice.pk), "post",
           lambda w, u: {**page_form(w.notice, "Matrix-Später"), "go_live_at": "2030-03-04 10:30",
                         "action-publish": "1"},
           effect=scheduled),
    Action("publish an old revision", NOBODY,
           lambda w: reverse("wagtailadmin_pages:revisions_revert",
                             args=[w.notice.pk, w.old_revision.pk]), "post",
           lambda w, u: {**page_form(w.notice, w.old_revision.content["title"]),
                         "action-publish": "1"},
           prepare=old_revision,
           effect=lambda w: w.refresh(w.notice).title != "Matrix-Neuere-Fassung"),
    Action("bulk-publish a draft", NOBODY, bulk_publish_url, "post",
           prepare=authors_draft, effect=lambda w: w.refresh(w.draft).live),
    Action("submit a German page for approval", EDITORS,
           admin_url("wagtailadmin_pages:edit", lambda w: w.notice.pk), "post",
           lambda w, u: {**page_form(w.notice, "Matrix-Eingereicht"), "action-submit": "1"},
           effect=lambda w: workflow_status(w) == WorkflowState.STATUS_IN_PROGRESS),
    Action("unpublish a page", REVIEWERS,
           admin_url("wagtailadmin_pages:unpublish", lambda w: w.notice.pk), "post",
           effect=lambda w: not w.refresh(w.notice).live),
    Action("delete a live page", REVIEWERS,
           admin_url("wagtailadmin_pages:delete", lambda w: w.untranslated.pk), "post",
           effect=lambda w: w.refresh(w.untranslated) is None),
    Action("delete a German page, and with it its translation", REVIEWERS,
           admin_url("wagtailadmin_pages:delete", lambda w: w.notice.pk), "post",
           effect=lambda w: w.refresh(w.notice) is None and w.refresh(w.notice_en) is None),
    Action("delete the author's own unsubmitted draft", EDITORS,
           admin_url("wagtailadmin_pages:delete", lambda w: w.draft.pk), "post",
           prepare=authors_draft, effect=draft_gone),
    Action("delete a colleague's draft", REVIEWERS,
           admin_url("wagtailadmin_pages:delete", lambda w: w.draft.pk), "post",
           prepare=colleagues_draft, effect=draft_gone),
    Action("delete the author's page awaiting approval", REVIEWERS,
           admin_url("wagtailadmin_pages:delete", lambda w: w.draft.pk), "post",
           prepare=authors_submitted_draft, effect=draft_gone),
    Action("delete the author's page that was once published", REVIEWERS,
           admin_url("wagtailadmin_pages:delete", lambda w: w.draft.pk), "post",
           prepare=authors_unpublished_page, effect=draft_gone),
    Action("delete an English draft translation", REVIEWERS,
           admin_url("wagtailadmin_pages:delete", lambda w: w.draft.pk), "post",
           prepare=english_draft_translation, effect=draft_gone),
    Action("approve a submitted page", REVIEWERS, task_state_url("approve"), "post",
           lambda w, u: {"comment": ""}, prepare=submitted_by_author,
           effect=lambda w: workflow_status(w) == WorkflowState.STATUS_APPROVED),
    Action("request changes to a submitted page", REVIEWERS, task_state_url("reject"), "post",
           lambda w, u: {"comment": "Bitte kürzen."}, prepare=submitted_by_author,
           effect=lambda w: workflow_status(w) == WorkflowState.STATUS_NEEDS_CHANGES),
    Action("cancel a running workflow", {AUTHOR, REDAKTION, ADMIN},
           admin_url("wagtailadmin_pages:edit", lambda w: w.notice.pk), "post",
           lambda w, u: {**page_form(w.notice, "Eingereicht von der Autorin"),
                         "action-cancel-workflow": "1"},
           prepare=submitted_by_author,
           effect=lambda w: workflow_status(w) == WorkflowState.STATUS_CANCELLED),
    Action("preview a submitted page", REVIEWERS,
           admin_url("wagtailadmin_pages:workflow_preview", lambda w: w.notice.pk,
                     lambda w: w.refresh(w.notice).current_workflow_task_state.task_id),
           prepare=submitted_by_author),
    Action("view the draft of a page", EDITORS,
           admin_url("wagtailadmin_pages:view_draft", lambda w: w.notice.pk)),
    Action("lock a page", EDITORS, admin_url("wagtailadmin_pages:lock", lambda w: w.notice.pk),
           "post", effect=lambda w: w.refresh(w.notice).locked),
    Action("unlock a page someone else locked", REVIEWERS,
           admin_url("wagtailadmin_pages:unlock", lambda w: w.notice.pk), "post",
           prepare=locked_by_admin, effect=lambda w: not w.refresh(w.notice).locked),
    Action("a page's history and revisions", EDITORS,
           admin_url("wagtailadmin_pages:history", lambda w: w.notice.pk)),
    Action("compare two revisions", EDITORS,
           lambda w: reverse("wagtailadmin_pages:revisions_compare", args=[
               w.notice.pk, "earliest", w.refresh(w.notice).latest_revision_id])),
    Action("copy a page", EDITORS,
           admin_url("wagtailadmin_pages:copy", lambda w: w.notice.pk), "post",
           lambda w, u: {"new_title": "Matrix-Kopie", "new_slug": "matrix-kopie",
                         "new_parent_page": str(w.news_index.pk)},
           effect=lambda w: NewsPage.objects.filter(slug="matrix-kopie").exists()),
    Action("copy a page and publish the copy", NOBODY,
           admin_url("wagtailadmin_pages:copy", lambda w: w.notice.pk), "post",
           lambda w, u: {"new_title": "Matrix-Kopie", "new_slug": "matrix-kopie",
                         "new_parent_page": str(w.news_index.pk), "publish_copies": "on"},
           effect=lambda w: NewsPage.objects.filter(slug="matrix-kopie", live=True).exists()),
    Action("move a page", REVIEWERS,
           admin_url("wagtailadmin_pages:move_confirm", lambda w: w.standard_pages[0].pk,
                     lambda w: w.standard_pages[1].pk), "post",
           effect=lambda w: w.refresh(w.standard_pages[0]).get_parent().pk
           == w.standard_pages[1].pk),
    # Wagtail's page chooser lists every page to everyone in the admin (for links).
    Action("page chooser lists German news", LOGGED_IN,
           admin_url("wagtailadmin_choose_page_child", lambda w: w.news_index.pk),
           shows=lambda w: w.notice.slug),
    # --- Translation ---------------------------------------------------------------------
    Action("copy a page for translation", REVIEWERS,
           admin_url("wagtail_localize:submit_page_translation", lambda w: w.untranslated.pk),
           "post", lambda w, u: {"locales": [str(w.en.pk)]},
           effect=lambda w: NewsPage.objects.filter(
               translation_key=w.untranslated.translation_key, locale=w.en).exists()),
    Action("copy an unsubmitted draft for translation", NOBODY,
           admin_url("wagtail_localize:submit_page_translation", lambda w: w.draft.pk),
           "post", lambda w, u: {"locales": [str(w.en.pk)]},
           prepare=authors_draft, effect=english_copy_of_draft),
    Action("start a translation of an unsubmitted draft", NOBODY,
           lambda w: start_url(NewsPage, w.draft.pk, "en"), "post",
           prepare=authors_draft, effect=english_copy_of_draft),
    Action("start a translation of a page awaiting approval", {REDAKTION, TRANSLATOR, ADMIN},
           lambda w: start_url(NewsPage, w.draft.pk, "en"), "post",
           prepare=authors_submitted_draft, effect=english_copy_of_draft),
    Action("open the translation editor", {AUTHOR, REDAKTION, TRANSLATOR, ADMIN},
           admin_url("wagtailadmin_pages:edit", lambda w: w.notice_en.pk)),
    Action("edit a translated string", {AUTHOR, REDAKTION, TRANSLATOR, ADMIN},
           first_segment_url, "put", lambda w, u: {"value": "Matrix translation"},
           effect=string_stored),
    Action("submit a translation for approval", {AUTHOR, REDAKTION, TRANSLATOR, ADMIN},
           admin_url("wagtailadmin_pages:edit", lambda w: w.notice_en.pk), "post",
           lambda w, u: {"action": "submit"},
           effect=lambda w: w.refresh(w.notice_en).workflow_in_progress),
    Action("publish a translation (forged publish)", NOBODY,
           admin_url("wagtailadmin_pages:edit", lambda w: w.notice_en.pk), "post",
           lambda w, u: {"action": "publish"},
           effect=lambda w: w.refresh(w.notice_en).last_published_at
           != w.notice_en.last_published_at),
    Action("download the PO file", {AUTHOR, REDAKTION, TRANSLATOR, ADMIN},
           admin_url("translation_po_download", lambda w: w.translation.pk)),
    Action("import a PO file", {AUTHOR, REDAKTION, TRANSLATOR, ADMIN},
           admin_url("translation_po_upload", lambda w: w.translation.pk), "post", po_upload,
           effect=string_stored),
    Action("download the XLIFF file", {AUTHOR, REDAKTION, TRANSLATOR, ADMIN},
           admin_url("translation_xliff_download", lambda w: w.translation.pk)),
    Action("machine-translate", {AUTHOR, REDAKTION, TRANSLATOR, ADMIN},
           admin_url("translation_machine_translate", lambda w: w.translation.pk), "post",
           lambda w, u: {"next": "/admin/"},
           prepare=lambda w, u: StringTranslation.objects.filter(locale=w.en).delete(),
           effect=machine_stored),
    # Authors edit pages in every language, so they see the translation status too.
    Action("translation status report", LOGGED_IN,
           admin_url("translation_status_report")),
    # --- Snippets ------------------------------------------------------------------------
    Action("list contacts", LOGGED_IN, admin_url("wagtailsnippets_core_contact:list")),
    Action("create a contact", EDITORS, admin_url("wagtailsnippets_core_contact:add"), "post",
           lambda w, u: {"name": "Matrix Kontakt", "role": "", "organisation": "",
                         "email": "", "phone": "", "photo": ""},
           effect=lambda w: Contact.objects.filter(name="Matrix Kontakt").exists()),
    Action("save a contact draft", EDITORS,
           admin_url("wagtailsnippets_core_contact:edit", lambda w: w.contact.pk), "post",
           lambda w, u: {"name": "Matrix Entwurf", "role": "", "organisation": "",
                         "email": "", "phone": "", "photo": ""},
           effect=lambda w: w.refresh(w.contact).latest_revision.content["name"]
           == "Matrix Entwurf"),
    Action("publish a contact (forged publish)", NOBODY,
           admin_url("wagtailsnippets_core_contact:edit", lambda w: w.contact.pk), "post",
           lambda w, u: {"name": "Matrix Live", "role": "", "organisation": "",
                         "email": "", "phone": "", "photo": "", "action-publish": "1"},
           effect=lambda w: w.refresh(w.contact).name == "Matrix Live"),
    Action("save a German contact draft after the translators' group was renamed", EDITORS,
           admin_url("wagtailsnippets_core_contact:edit", lambda w: w.contact.pk), "post",
           lambda w, u: {"name": "Matrix Umbenannt", "role": "", "organisation": "",
                         "email": "", "phone": "", "photo": ""},
           prepare=rename_translators_group,
           effect=lambda w: w.refresh(w.contact).latest_revision.content["name"]
           == "Matrix Umbenannt"),
    Action("open the English contact after the translators' group was renamed",
           {AUTHOR, REDAKTION, TRANSLATOR, ADMIN},
           lambda w: reverse("wagtailsnippets_core_contact:edit", args=[
               Contact.objects.get(translation_key=w.contact.translation_key, locale=w.en).pk]),
           prepare=rename_translators_group),
    Action("open an English page when the translators' group has no language", EDITORS,
           admin_url("wagtailadmin_pages:edit", lambda w: w.notice_en.pk),
           prepare=translators_group_without_language),
    Action("delete a contact", REVIEWERS,
           admin_url("wagtailsnippets_core_contact:delete", lambda w: w.contact.pk), "post",
           effect=lambda w: w.refresh(w.contact) is None),
    Action("contact chooser", LOGGED_IN - {ANON},
           admin_url("wagtailsnippetchoosers_core_contact:choose"),
           shows=lambda w: w.contact.name),
    Action("list authors", LOGGED_IN, admin_url("wagtailsnippets_core_author:list")),
    # Authors may add an Author entry for their own byline; editing entries stays with the
    # Redaktion.
    Action("create an author", EDITORS, admin_url("wagtailsnippets_core_author:add"), "post",
           lambda w, u: {"name": "Matrix Autorin", "kind": "person"},
           effect=lambda w: Author.objects.filter(name="Matrix Autorin").exists()),
    Action("edit a German author", REVIEWERS,
           admin_url("wagtailsnippets_core_author:edit", lambda w: w.author.pk), "post",
           lambda w, u: {"name": "Matrix Team", "kind": "team"},
           effect=lambda w: w.refresh(w.author).name == "Matrix Team"),
    Action("delete an author", REVIEWERS,
           admin_url("wagtailsnippets_core_author:delete", lambda w: w.author.pk), "post",
           effect=lambda w: w.refresh(w.author) is None),
    # --- Images and documents ------------------------------------------------------------
    Action("image chooser lists a private collection's image", EDITORS,
           admin_url("wagtailimages_chooser:choose"), prepare=private_collection,
           shows=lambda w: reverse("wagtailimages_chooser:chosen", args=[w.private_image.pk])),
    Action("document chooser lists a private collection's document", EDITORS,
           admin_url("wagtaildocs_chooser:choose"), prepare=private_collection,
           shows=lambda w: reverse("wagtaildocs_chooser:chosen",
                                   args=[w.private_document.pk])),
    Action("edit an image in a private collection", REVIEWERS,
           admin_url("wagtailimages:edit", lambda w: w.private_image.pk),
           prepare=private_collection),
    Action("delete a document in a private collection", REVIEWERS,
           admin_url("wagtaildocs:delete", lambda w: w.private_document.pk), "post",
           prepare=private_collection,
           effect=lambda w: not get_document_model().objects.filter(
               pk=w.private_document.pk).exists()),
    Action("delete an image in a private collection", REVIEWERS,
           admin_url("wagtailimages:delete", lambda w: w.private_image.pk), "post",
           prepare=private_collection,
           effect=lambda w: not get_image_model().objects.filter(
               pk=w.private_image.pk).exists()),
    # --- Administration and reports ------------------------------------------------------
    Action("list users", {ADMIN}, admin_url("wagtailusers_users:index")),
    Action("make oneself a member of the Redaktion", {ADMIN},
           lambda w: reverse("wagtailusers_groups:edit",
                             args=[Group.objects.get(name="Redaktion").pk])),
    Action("sites", {ADMIN}, admin_url("wagtailsites:index")),
    Action("edit the default site", {ADMIN},
           lambda w: reverse("wagtailsites:edit", args=[Site.objects.get().pk])),
    Action("languages", {ADMIN}, admin_url("wagtaillocales:index")),
    Action("workflows", {ADMIN}, admin_url("wagtailadmin_workflows:index")),
    Action("redirects", REVIEWERS, admin_url("wagtailredirects:index")),
    Action("locked pages report", REVIEWERS, admin_url("wagtailadmin_reports:locked_pages")),
    # Wagtail opens these reports to everyone with a page permission; a translator sees the
    # titles of pages in moderation in every language there (noted, left as Wagtail has it).
    Action("workflow report", LOGGED_IN, admin_url("wagtailadmin_reports:workflow")),
    Action("site history report", LOGGED_IN, admin_url("wagtailadmin_reports:site_history")),
    Action("aging pages report", LOGGED_IN - {ANON}, admin_url("wagtailadmin_reports:aging_pages")),
]


def clients(users):
    made = {ANON: Client()}
    for role in ROLES[1:]:
        made[role] = Client()
        made[role].force_login(users[role])
    return made


def attempt(action, role, client, users):
    """Run one cell in a savepoint that is rolled back; True if the action succeeded."""
    with transaction.atomic():
        cache.clear()
        world = World()
        if action.prepare:
            action.prepare(world, users)
        url = action.url(world)
        data = action.data(world, users) if action.data else {}
        # wagtail-localize publishes in an on-commit hook: run such hooks as a commit would.
        with TestCase.captureOnCommitCallbacks(execute=True):
            if action.method == "post":
                response = client.post(url, data)
            elif action.method == "put":
                response = client.put(url, urlencode(data),
                                      content_type="application/x-www-form-urlencoded")
            else:
                response = client.get(url)
        assert response.status_code < 500, (action.name, role, response.status_code)
        if action.effect:
            succeeded = action.effect(world)
        else:
            succeeded = response.status_code == 200 and (
                action.shows is None or action.shows(world) in response.content.decode()
            )
        transaction.set_rollback(True)
    return bool(succeeded)


def test_every_role_can_do_exactly_what_the_workflow_allows(users):
    role_clients = clients(users)
    observed, expected = {}, {}
    started = time.monotonic()
    for action in ACTIONS:
        observed[action.name] = {
            role for role in ROLES if attempt(action, role, role_clients[role], users)
        }
        expected[action.name] = set(action.allowed)
    cells = len(ACTIONS) * len(ROLES)
    print(f"\npermission matrix: {len(ACTIONS)} actions x {len(ROLES)} roles = {cells} cells "
          f"in {time.monotonic() - started:.0f} s")
    differences = [
        f"{name}: unexpectedly allowed {sorted(observed[name] - expected[name])}, "
        f"unexpectedly refused {sorted(expected[name] - observed[name])}"
        for name in expected if observed[name] != expected[name]
    ]
    if differences:
        pytest.fail("\n".join(["The roles differ from the table:", *differences]))


# The direct publications nobody may make while the four-eyes rule is on.
PUBLISHING_CELLS = [action.name for action in ACTIONS if not action.allowed and (
    "publish" in action.name or "schedule" in action.name)]


@pytest.mark.parametrize("name", PUBLISHING_CELLS)
def test_with_the_rule_off_the_administrator_publishes_by_each_refused_path(users, name):
    """A refused publication is refused by the four-eyes rule, not by an incomplete form: the
    same request, with the rule switched off, publishes."""
    action = next(action for action in ACTIONS if action.name == name)

    def prepare(world, users):
        four_eyes_off(world, users)
        if action.prepare:
            action.prepare(world, users)

    control = Action(action.name, {ADMIN}, action.url, action.method, action.data, prepare,
                     action.effect)

    assert attempt(control, ADMIN, clients(users)[ADMIN], users)


@pytest.mark.parametrize("name", ["wagtailadmin_pages:add", "wagtailadmin_pages:edit"])
def test_the_matrix_posts_complete_forms(users, name):
    """A forged post is refused by permission, not by an incomplete form: the same data, sent
    by the admin, does what it says."""
    world = World()
    four_eyes_off(world, users)
    client = clients(users)[ADMIN]
    if name == "wagtailadmin_pages:add":
        response = client.post(reverse(name, args=["news", "newspage", world.news_index.pk]),
                               {**news_form_data(title="Vollständig"), "action-publish": "1"})
        assert response.status_code == 302
        assert NewsPage.objects.live().filter(title="Vollständig").exists()
    else:
        response = client.post(reverse(name, args=[world.notice.pk]),
                               {**page_form(world.notice, "Vollständig"), "action-publish": "1"})
        assert response.status_code == 302
        assert world.refresh(world.notice).title == "Vollständig"
