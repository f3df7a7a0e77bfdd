"""Moving contacts and authors from `home` to `core` keeps everything an editor or translator
had: the same rows under the same ids, the pages that name them, their revisions, workflow,
translation sources, and the groups' permissions on them."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.models import Revision, WorkflowContentType, WorkflowState
from wagtail_localize.models import TranslationSource

from core.models import Author, Contact
from news.models import NewsPage

# The newest migration of each app before the move.
BEFORE_THE_MOVE = [
    ("home", "0001_initial"),
    ("core", "0001_listing_date"),
    ("news", "0004_lead_image_alt_text"),
    ("topics", "0001_initial"),
    ("pages", "0001_initial"),
]


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def before_the_move():
    """BEFORE_THE_MOVE, and every other app at its newest migration, or unmigrated if that
    needs a migration of the moved apps from after the move (apps added since: events …)."""
    graph = MigrationExecutor(connection).loader.graph
    moved_apps = {app for app, _name in BEFORE_THE_MOVE}
    then = {node for target in BEFORE_THE_MOVE for node in graph.forwards_plan(target)}

    def target(node):
        later = [step for step in graph.forwards_plan(node)
                 if step[0] in moved_apps and step not in then]
        return (node[0], None) if later else node

    return [target(node) for node in latest() if node[0] not in moved_apps] + BEFORE_THE_MOVE


def migrate(targets):
    """Migrate the test database to `targets`; the models of that state."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state([node for node in targets if node[1]]).apps


@pytest.fixture
def old_world():
    """The database as it was before the move, with content in it; migrated to the newest
    state afterwards whatever happens, so that later tests find the schema they expect."""
    try:
        yield build_old_world(migrate(before_the_move()))
    finally:
        migrate(latest())
        ContentType.objects.clear_cache()


def build_old_world(apps):
    """What an editorial team had made before the move, through the models of that time."""
    ContentTypeThen = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    GroupThen = apps.get_model("auth", "Group")
    Locale = apps.get_model("wagtailcore", "Locale")

    def content_type(app_label, model):
        return ContentTypeThen.objects.get_or_create(app_label=app_label, model=model)[0]

    contact_type, author_type = content_type("home", "contact"), content_type("home", "author")
    # A database that never ran post_migrate under `core` has no content type there yet.
    assert not ContentTypeThen.objects.filter(app_label="core", model="contact").exists()
    de = Locale.objects.get_or_create(language_code="de")[0]
    en = Locale.objects.get_or_create(language_code="en")[0]

    contact = apps.get_model("home", "Contact").objects.create(
        name="Anna Beispiel", role="Projektleitung", email="anna@example.org", locale=de)
    author = apps.get_model("home", "Author").objects.create(
        name="Redaktion Connective Cities", kind="team", locale=de)

    news_type = content_type("news", "newspage")
    news = apps.get_model("news", "NewsPage").objects.create(
        title="Starkregen", draft_title="Starkregen", slug="starkregen", path="ZZZY", depth=1,
        numchild=0, url_path="/starkregen/", locale=de, content_type=news_type, byline=author,
        live=True)
    through = apps.get_model("news", "NewsPage")._meta.get_field("contacts").remote_field.through
    through.objects.create(newspage_id=news.pk, contact_id=contact.pk)

    revision = apps.get_model("wagtailcore", "Revision").objects.create(
        content_type=contact_type, base_content_type=contact_type, object_id=str(contact.pk),
        object_str=contact.name, content={"pk": contact.pk, "name": contact.name},
        created_at=timezone.now())
    workflow = apps.get_model("wagtailcore", "Workflow").objects.create(
        name="Freigabe vor dem Umzug", active=True)
    apps.get_model("wagtailcore", "WorkflowContentType").objects.update_or_create(
        content_type=contact_type, defaults={"workflow": workflow})
    user = apps.get_model(*get_user_model()._meta.label.split(".")).objects.create(
        username="autorin-vor-dem-umzug")
    state = apps.get_model("wagtailcore", "WorkflowState").objects.create(
        content_type=contact_type, base_content_type=contact_type, object_id=str(contact.pk),
        workflow=workflow, status="in_progress", requested_by=user)

    translatable = apps.get_model("wagtail_localize", "TranslatableObject").objects.create(
        translation_key=contact.translation_key, content_type=contact_type)
    source = apps.get_model("wagtail_localize", "TranslationSource").objects.create(
        object=translatable, specific_content_type=contact_type, locale=de,
        object_repr=contact.name, content_json="{}", schema_version="0001_initial",
        created_at=timezone.now(), last_updated_at=timezone.now())
    translation = apps.get_model("wagtail_localize", "Translation").objects.create(
        source=source, target_locale=en, enabled=True)

    group = GroupThen.objects.create(name="Übersetzung vor dem Umzug")
    for codename, model_type in (("change_contact", contact_type),
                                 ("change_author", author_type)):
        group.permissions.add(Permission.objects.get_or_create(
            content_type=model_type, codename=codename, defaults={"name": codename})[0])
    user.groups.add(group)

    return {
        "contact": contact.pk, "author": author.pk, "news": news.pk, "revision": revision.pk,
        "state": state.pk, "source": source.pk, "translation": translation.pk,
        "user": user.pk, "contact_type": contact_type.pk, "author_type": author_type.pk,
    }


@pytest.mark.django_db(transaction=True)
def test_contacts_and_authors_keep_everything_when_they_move_to_core(old_world):
    old = old_world

    migrate(latest())
    ContentType.objects.clear_cache()

    contact, author = Contact.objects.get(pk=old["contact"]), Author.objects.get(pk=old["author"])
    assert (contact.name, contact.email, author.name) == (
        "Anna Beispiel", "anna@example.org", "Redaktion Connective Cities")
    contact_type = ContentType.objects.get_for_model(Contact)
    assert (contact_type.pk, contact_type.app_label) == (old["contact_type"], "core")
    assert ContentType.objects.get_for_model(Author).pk == old["author_type"]
    assert not ContentType.objects.filter(app_label="home", model__in=["contact", "author"])

    news = NewsPage.objects.get(pk=old["news"])
    assert news.byline == author
    assert list(news.contacts.all()) == [contact]

    assert Revision.objects.get(pk=old["revision"]).content_object == contact
    assert WorkflowState.objects.get(pk=old["state"]).content_object == contact
    assert WorkflowContentType.objects.get(content_type=contact_type).workflow.name == (
        "Freigabe vor dem Umzug")
    source = TranslationSource.objects.get(pk=old["source"])
    assert source.get_source_instance() == contact
    assert not source.schema_out_of_date()  # no "data model changed" warning for translators
    assert source.translations.get().pk == old["translation"]

    user = get_user_model().objects.get(pk=old["user"])
    assert user.has_perm("core.change_contact") and user.has_perm("core.change_author")
    assert not user.has_perm("home.change_contact")
    assert Group.objects.get(name="Übersetzung vor dem Umzug").permissions.count() == 2


@pytest.mark.django_db(transaction=True)
def test_the_move_can_be_undone(old_world):
    migrate(latest())

    apps = migrate(before_the_move())

    contact = apps.get_model("home", "Contact").objects.get(pk=old_world["contact"])
    assert contact.name == "Anna Beispiel"
    ContentTypeThen = apps.get_model("contenttypes", "ContentType")
    assert ContentTypeThen.objects.get(pk=old_world["contact_type"]).app_label == "home"
    through = apps.get_model("news", "NewsPage")._meta.get_field("contacts").remote_field.through
    assert through.objects.filter(newspage_id=old_world["news"],
                                  contact_id=old_world["contact"]).exists()
