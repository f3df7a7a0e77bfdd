"""`make backup` and `make restore`: a backup restored into an empty database gives back the
same pages, revisions, translations, images (with their files) and form submissions."""

import shutil
import subprocess

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.contrib.forms.models import FormSubmission
from wagtail.images import get_image_model

from core.factories import ImageFactory
from ops.backup import BackupError, backup, database_tables, restore, storage_files
from pages.factories import FeedbackFormPageFactory

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql" or shutil.which("pg_dump") is None,
    reason="backups need PostgreSQL and its client tools",
)
pytestmark = [needs_postgres]

COMPARED_TABLES = [
    "wagtailcore_locale",
    "wagtailcore_page",
    "wagtailcore_revision",
    "news_newspage",
    "wagtail_localize_translationsource",
    "wagtail_localize_translation",
    "wagtail_localize_stringtranslation",
    "wagtailimages_image",
    "wagtailimages_rendition",
    "wagtailforms_formsubmission",
]


def rows(database, table):
    import psycopg

    with psycopg.connect(
        dbname=database["NAME"], host=database.get("HOST") or None,
        port=database.get("PORT") or None, user=database.get("USER") or None,
        password=database.get("PASSWORD") or None,
    ) as conn:
        return conn.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()  # noqa: S608


@pytest.fixture
def media(settings, tmp_path):
    location = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": str(location)}},
    }
    return FileSystemStorage(location=location)


@pytest.fixture
def empty_database():
    """A new, empty PostgreSQL database beside the test database, dropped afterwards."""
    database = {**connection.settings_dict, "NAME": f"{connection.settings_dict['NAME']}_restore"}
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{database["NAME"]}"')
        cursor.execute(f'CREATE DATABASE "{database["NAME"]}"')
    yield database
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{database["NAME"]}" WITH (FORCE)')


def make_content():
    from translation.tests.helpers import build_site

    site = build_site()  # German and English pages with revisions, through wagtail-localize
    image = ImageFactory(title="Rathaus")
    rendition = image.get_rendition("fill-120x80")
    form_page = FeedbackFormPageFactory(parent=site.home)
    FormSubmission.objects.create(
        page=form_page, form_data={"ihr_name": "Erika Muster", "nachricht": "Grüße aus Köln"}
    )
    return image, rendition


@pytest.mark.django_db(transaction=True)
def test_a_backup_restored_into_an_empty_database_is_identical(
    media, empty_database, tmp_path
):
    image, rendition = make_content()
    source = connection.settings_dict

    directory = backup(source, tmp_path / "backups")
    restored_media = FileSystemStorage(location=tmp_path / "restored-media")
    manifest = restore(directory, empty_database, storage=restored_media)

    for table in COMPARED_TABLES:
        original = rows(source, table)
        assert original, f"the test made no rows in {table}"
        assert rows(empty_database, table) == original, table
    assert {"de", "en"} <= {row[1] for row in rows(empty_database, "wagtailcore_locale")}
    names = list(storage_files(media))
    assert {image.file.name, rendition.file.name} <= set(names)
    assert manifest["media_files"] == len(names)
    assert list(storage_files(restored_media)) == names
    for name in names:
        with media.open(name, "rb") as before, restored_media.open(name, "rb") as after:
            assert after.read() == before.read(), name
    assert get_image_model().objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_restore_into_a_database_with_tables_is_refused(media, tmp_path):
    make_content()
    pages_before = rows(connection.settings_dict, "wagtailcore_page")
    call_command("backup", dir=str(tmp_path / "backups"))
    (directory,) = (tmp_path / "backups").iterdir()
    assert sorted(path.name for path in directory.iterdir()) == [
        "database.dump", "manifest.json", "media.tar"
    ]

    with pytest.raises(CommandError, match="is not empty .* FORCE=1"):
        call_command("restore", str(directory))

    assert rows(connection.settings_dict, "wagtailcore_page") == pages_before


def test_a_folder_that_is_no_backup_is_refused(tmp_path):
    with pytest.raises(BackupError, match="database.dump is missing"):
        restore(tmp_path, connection.settings_dict)


def test_make_restore_asks_which_backup():
    result = subprocess.run(  # noqa: S603
        ["make", "--no-print-directory", "-s", "restore"],  # noqa: S607
        capture_output=True, text=True, check=False,
        cwd=__import__("pathlib").Path(__file__).resolve().parents[2],
    )
    assert result.returncode != 0
    assert "make restore BACKUP=backups/<time>" in result.stdout


@pytest.mark.django_db
def test_the_test_database_has_tables():
    assert "wagtailcore_page" in database_tables(connection.settings_dict)
