"""Backups of the whole site: the PostgreSQL database and every media file.

A backup is a directory named after its time (UTC) holding `database.dump` (pg_dump's custom
format, restored by pg_restore), `media.tar` (every file of Django's default storage, read
through the storage API, so local MEDIA_ROOT and object storage alike) and `manifest.json`
(what was saved, for a human and for `restore`). pg_dump and pg_restore come from the PATH;
the password travels in the environment, never on the command line.
"""

import json
import os
import shutil
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar"
MANIFEST_FILE = "manifest.json"


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why, for the operator."""


def default_backup_dir():
    return Path(os.environ.get("BACKUP_DIR") or Path(settings.BASE_DIR) / "backups")


def _postgres(database):
    """Command-line options and environment for the PostgreSQL tools, from a Django
    DATABASES entry."""
    if database["ENGINE"] != "django.db.backends.postgresql":
        raise BackupError(
            "Backups need PostgreSQL (DATABASE_URL=postgres://…); this database is "
            f"{database['ENGINE'].rsplit('.', 1)[-1]}."
        )
    options = ["--dbname", database["NAME"]]
    if database.get("HOST"):
        options += ["--host", database["HOST"]]
    if database.get("PORT"):
        options += ["--port", str(database["PORT"])]
    if database.get("USER"):
        options += ["--username", database["USER"]]
    environment = {**os.environ}
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = database["PASSWORD"]
    return options, environment


def _tool(name):
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} was not found on the PATH (install the PostgreSQL client).")
    return path


def _run(command, environment):
    result = subprocess.run(  # noqa: S603 - PostgreSQL's own tools, arguments as a list
        command, env=environment, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")
    return result


def storage_files(storage, folder=""):
    """Every file name in `storage`, walked through the storage API."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # no media uploaded yet: MEDIA_ROOT does not exist
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from storage_files(storage, f"{folder}/{sub}" if folder else sub)


def backup(database, target_dir, storage=default_storage, now=None):
    """Dump `database` (a DATABASES entry) and `storage` into a new directory below
    `target_dir`; returns that directory."""
    options, environment = _postgres(database)
    pg_dump = _tool("pg_dump")
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H%M%SZ")
    directory = Path(target_dir) / stamp
    directory.mkdir(parents=True, exist_ok=False)
    _run([pg_dump, "--format=custom", "--no-owner", "--no-privileges",
          "--file", str(directory / DATABASE_FILE), *options], environment)

    count = size = 0
    with tarfile.open(directory / MEDIA_FILE, "w") as archive:
        for name in storage_files(storage):
            with storage.open(name, "rb") as file:
                info = tarfile.TarInfo(name)
                info.size = storage.size(name)
                info.mtime = int(storage.get_modified_time(name).timestamp())
                archive.addfile(info, file)
            count += 1
            size += info.size
    manifest = {
        "created": stamp,
        "database": database["NAME"],
        "media_files": count,
        "media_bytes": size,
        "storage": type(storage).__name__,
    }
    (directory / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n")
    return directory


def database_tables(database):
    """The names of the tables in `database`'s public schema."""
    options, environment = _postgres(database)
    query = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
    result = _run([_tool("psql"), "--no-psqlrc", "--tuples-only", "--no-align",
                   "--command", query, *options], environment)
    return result.stdout.split()


def restore(directory, database, storage=default_storage, force=False):
    """Restore a backup made by `backup` into `database` and `storage`. The database must be
    empty unless `force`, which replaces what is there. Returns the manifest."""
    directory = Path(directory)
    for name in (DATABASE_FILE, MEDIA_FILE):
        if not (directory / name).is_file():
            raise BackupError(f"{directory} is not a backup: {name} is missing.")
    options, environment = _postgres(database)
    tables = database_tables(database)
    if tables and not force:
        raise BackupError(
            f"The database {database['NAME']} is not empty ({len(tables)} tables). Restore into "
            "an empty database, or set FORCE=1 to replace its content."
        )
    clean = ["--clean", "--if-exists"] if tables else []
    _run([_tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error",
          "--single-transaction", *clean, *options, str(directory / DATABASE_FILE)],
         environment)

    with tarfile.open(directory / MEDIA_FILE) as archive:
        for member in archive:
            if not member.isfile():
                continue
            if storage.exists(member.name):
                storage.delete(member.name)
            saved = storage.save(member.name, ContentFile(archive.extractfile(member).read()))
            if saved != member.name:
                raise BackupError(f"The storage refused the name {member.name} ({saved}).")
    manifest_file = directory / MANIFEST_FILE
    return json.loads(manifest_file.read_text()) if manifest_file.is_file() else {}
