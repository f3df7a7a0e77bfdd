"""`make import-bench`: import a large tx_news archive and print time and peak memory.

Builds a TYPO3 database in MariaDB (IMPORT_BENCH_SOURCE_URL, default
mysql://root@127.0.0.1:3306/import_bench) with ITEMS German news items, TRANSLATIONS English
translations and IMAGES images (defaults 10,000, 5,000 and 3,000; SIZE=small: 200, 100, 60),
a fresh PostgreSQL database for the site (IMPORT_BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/import_bench) with the demo's page tree, then runs
`manage.py import_typo3` twice: the import, and a re-run with nothing changed. Prints the time
and the peak memory (resident set) of each, against the targets: the import in under 10
minutes, a re-run in under 2, memory under 500 MB throughout.
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

SMALL = os.environ.get("SIZE") == "small"
ITEMS = int(os.environ.get("ITEMS", "200" if SMALL else "10000"))
TRANSLATIONS = int(os.environ.get("TRANSLATIONS", "100" if SMALL else "5000"))
IMAGES = int(os.environ.get("IMAGES", "60" if SMALL else "3000"))
SOURCE_URL = os.environ.get("IMPORT_BENCH_SOURCE_URL", "mysql://root@127.0.0.1:3306/import_bench")
DATABASE_URL = os.environ.get("IMPORT_BENCH_DATABASE_URL",
                              "postgres://postgres@127.0.0.1:5432/import_bench")
TARGETS = {"import": 600, "re-run": 120}
MEMORY_TARGET_MB = 500


def log(message):
    print(f"[import-bench] {message}", flush=True)


def run_manage(*args, env, **options):
    command = [sys.executable, str(PROJECT / "manage.py"), *args]
    subprocess.run(command, check=True, env=env, **options)  # noqa: S603 - fixed arguments


def manage(*args, env):
    """Run a management command; returns (seconds, peak resident memory of it in MB)."""
    started = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    run_manage(*args, env=env)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of the children is the largest of any child so far (kB on Linux).
    return time.monotonic() - started, max(peak, before) / 1024


def main():
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siteconfig.settings.dev")
    django.setup()
    from typo3import import fixtures

    with tempfile.TemporaryDirectory(prefix="import-bench-") as folder:
        web = Path(folder) / "web"
        media = Path(folder) / "media"
        log(f"building the TYPO3 source: {ITEMS} items, {TRANSLATIONS} translations, "
            f"{IMAGES} images")
        fixtures.build_bulk(SOURCE_URL, web, items=ITEMS, translations=TRANSLATIONS,
                            images=IMAGES)
        fixtures.create_database(DATABASE_URL)
        env = {**os.environ, "DATABASE_URL": DATABASE_URL,
               "DJANGO_SETTINGS_MODULE": "siteconfig.settings.dev", "MEDIA_ROOT": str(media),
               "CACHE_DIR": str(Path(folder) / "cache")}
        try:
            run_manage("migrate", "--noinput", "-v0", env=env)
            run_manage("load_demo_content", env=env, stdout=subprocess.DEVNULL)
            results = {}
            for name in ("import", "re-run"):
                log(f"{name} …")
                report_file = Path(folder) / f"{name}.json"
                results[name] = manage(
                    "import_typo3", "--database", SOURCE_URL, "--public-root", str(web),
                    "--detail-path", "de=/aktuelles/detail/", "--verbosity", "0",
                    "--report", str(report_file), env=env)
                report = json.loads(report_file.read_text())
                log(f"{name}: {report['counts']}; {len(report['failures'])} failure(s)")
                if report["failures"]:
                    log(f"first failure: {report['failures'][0]}")
                    return 1
        finally:
            fixtures.drop_database(SOURCE_URL)
            fixtures.drop_database(DATABASE_URL)
    failed = False
    for name, (seconds, memory) in results.items():
        ok = seconds <= TARGETS[name] and memory <= MEMORY_TARGET_MB
        failed |= not ok
        log(f"{name}: {seconds:.0f} s (target {TARGETS[name]} s), peak memory {memory:.0f} MB "
            f"(target {MEMORY_TARGET_MB} MB){'' if ok else '  ← over target'}")
    return 1 if failed and not SMALL else 0


if __name__ == "__main__":
    sys.exit(main())
