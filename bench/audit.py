"""`make audit`: Lighthouse on the production stack, through Varnish, as readers meet the site.

Builds (or reuses) the bench's small database (bench/run.py: the demo content and 100 news
items), starts gunicorn with the production settings and Varnish with the project's VCL in front
of it, and runs Lighthouse 12 (npm `lighthouse`, driving Debian's Chromium) on every public page
type in its mobile and desktop presets. Prints the four category scores per page and preset,
and each audit that fell short with the pages it fell short on; writes every report as JSON to
var/audit/. Search pages are `noindex` by design, so their SEO score is not counted.

Environment: LIGHTHOUSE (the lighthouse command; default var/lighthouse's), CHROME_PATH
(default /usr/bin/chromium), and the bench's BENCH_DATABASE_URL and BENCH_REDIS_URL.
"""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from run import (  # noqa: E402
    DATABASE_URL,
    PROJECT,
    AppServer,
    Varnish,
    app_env,
    ensure_database,
    free_port,
    http_get,
    log,
    manage,
    python,
    with_database,
)

OUT = PROJECT / "var" / "audit"
LIGHTHOUSE = os.environ.get(
    "LIGHTHOUSE", str(PROJECT / "var" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"))
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
PRESETS = ["mobile", "desktop"]
PAGE_TYPES = ["home", "home (en)", "news index", "news item (notice)", "topic hub", "video page",
              "legal page", "search"]


def audited_pages(env):
    pages = json.loads(python(env, "measure.py", "pages"))["pages"]
    return {
        **{name: pages[name] for name in PAGE_TYPES if name in pages},
        "home (en)": "/en/",
        "legal page": "/impressum/",
    }


def lighthouse(url, name, preset):
    report = OUT / f"{name.replace(' ', '-').replace('(', '').replace(')', '')}-{preset}.json"
    command = [
        LIGHTHOUSE, url, "--quiet", "--output=json", f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    for attempt in range(3):
        # On a busy machine Lighthouse sometimes loses the trace (NO_NAVSTART); it says so and
        # asks to be run again.
        finished = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME},  # noqa: S603
                                  stdout=subprocess.DEVNULL, timeout=300)
        if finished.returncode == 0:
            return json.loads(report.read_text())
        log(f"  Lighthouse failed (attempt {attempt + 1} of 3)")
    raise RuntimeError(f"Lighthouse failed three times on {url} ({preset})")


def scores(report):
    return {key: round((report["categories"][key]["score"] or 0) * 100) for key in CATEGORIES}


def shortfalls(report):
    """Audits in the four categories that scored below 1, by title."""
    wanted = {ref["id"] for key in CATEGORIES for ref in report["categories"][key]["auditRefs"]
              if ref.get("weight", 0) > 0}
    return sorted(
        audit["title"] for audit_id, audit in report["audits"].items()
        if audit_id in wanted and audit.get("score") is not None and audit["score"] < 1
        and audit.get("scoreDisplayMode") in {"binary", "numeric"}
    )


def table(results):
    lines = [f"{'page':<22}{'preset':<9}" + "".join(f"{key[:13]:>15}" for key in CATEGORIES)]
    failing = {}
    for (name, preset), (score, short) in results.items():
        seo = "–" if name == "search" else score["seo"]
        row = [score["performance"], score["accessibility"], score["best-practices"], seo]
        lines.append(f"{name:<22}{preset:<9}" + "".join(f"{value:>15}" for value in row))
        for title in short:
            failing.setdefault(title, []).append(f"{name} ({preset})")
    if failing:
        lines.append("")
        lines.append("audits that fell short:")
        for title, where in sorted(failing.items()):
            lines.append(f"  {title}: {', '.join(where)}")
    return "\n".join(lines)


def main():
    if not Path(LIGHTHOUSE).exists():
        sys.exit(f"Lighthouse is missing at {LIGHTHOUSE}: run `make audit`, which installs it.")
    OUT.mkdir(parents=True, exist_ok=True)
    url = with_database(DATABASE_URL, urlsplit(DATABASE_URL).path.lstrip("/") + "_small")
    if not any((PROJECT / "var" / "bench" / "media").glob("*/*")):
        # A database built by another checkout has no image files here: build it again.
        os.environ["BENCH_FRESH"] = "1"
    ensure_database(url, "small")
    manage(app_env(url), "collectstatic", "--noinput", "--verbosity", "0")
    manage(app_env(url), "shell", "-c", "from django.core.cache import cache; cache.clear()")
    pages = audited_pages(app_env(url))

    app_port = free_port()
    varnish = Varnish([("127.0.0.1", app_port)], memory="128m")
    env = app_env(url, FRONTEND_CACHE_URLS=varnish.purge_url)
    with open(OUT / "gunicorn.log", "w") as log_file:
        app = AppServer(env, port=app_port, workers=2, log=log_file, timeout=120)
        try:
            app.wait()
            # Lighthouse asks for localhost: Varnish drops the port, and the site answers there.
            base = varnish.url.replace("127.0.0.1", "localhost")
            results = {}
            for name, path in pages.items():
                http_get(varnish.url + path)  # in the cache, as readers mostly meet it
                for preset in PRESETS:
                    log(f"lighthouse: {name}, {preset} …")
                    report = lighthouse(base + path, name, preset)
                    results[(name, preset)] = (scores(report), shortfalls(report))
        finally:
            app.stop()
            varnish.stop()
    print(table(results))
    (OUT / "scores.json").write_text(json.dumps(
        {f"{name} ({preset})": {"scores": score, "short": short}
         for (name, preset), (score, short) in results.items()}, indent=2))
    log(f"reports in {OUT.relative_to(PROJECT)}/")


if __name__ == "__main__":
    main()
