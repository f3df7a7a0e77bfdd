"""`make bench`: the site under load on the production stack, against static files and a peer.

Builds (or reuses) a PostgreSQL database with the bench corpus (bench/corpus.py), starts
gunicorn with the production settings, Varnish with the project's VCL in front of it, and nginx
serving a saved copy of the notice (the static limit); optionally Wagtail's bakerydemo as the
peer (BAKERYDEMO=path to a checkout, see bench/peer.py). Loads every public page type with wrk,
uncached and through Varnish, then the search in each language with several searches in turn
(bench/rotate.lua). Then what readers of many different news items meet, each item requested
once (bench/once.py) from the app itself: 400 items with the shared cache emptied (cold), the
same again (warm), and again after the Redaktion published one other item; the peer as many
requests over its blog posts. Prints a table and writes it as JSON to var/bench/. Then load
with writes: 50 readers for 60 s through Varnish (SIZE=small: 10 s) while the Redaktion
publishes 20 news items (small: 5); the bench fails if a reader gets a 5xx, the app logs an
error, or a published item is still served stale after its purge (at the end, or 30 s after
publishing it).

Environment: SIZE=small|full (default full), BENCH_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/bench; "<name>_small" holds the 100-item reference),
BENCH_REDIS_URL (Redis for the app's cache, emptied at the start and before the cold pass;
default redis://127.0.0.1:6379/14), BENCH_DURATION (seconds per wrk run), BENCH_WRITE_SECONDS
and BENCH_WRITE_PAGES (the load with writes), BENCH_FRESH=1 (rebuild the databases),
BAKERYDEMO (path).
"""

import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
sys.path.insert(0, str(PROJECT))

from bench.once import fetch_each  # noqa: E402
from bench.stack.appserver import AppServer  # noqa: E402
from bench.stack.processes import stop_process  # noqa: E402
from bench.stack.varnish import Varnish, free_port, http_get, varnishd_path  # noqa: E402

OUT = PROJECT / "var" / "bench"
SIZE = os.environ.get("SIZE", "full")
DURATION = int(os.environ.get("BENCH_DURATION", "10" if SIZE == "full" else "1"))
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
# Readers' browsers accept gzip, which Varnish stores and sends (deploy/varnish/default.vcl).
ACCEPT_GZIP = ["-H", "Accept-Encoding: gzip"]
WRK = ["wrk", "-t2", "-c8", "--latency", *ACCEPT_GZIP, "-s", str(BENCH / "report.lua")]
READERS = 50
# Different news items each requested once, cold and after a publication (bench/once.py).
ONCE_ITEMS = 400
CLEAR_CACHE = "from django.core.cache import cache; cache.clear()"
WRITE_SECONDS = int(os.environ.get("BENCH_WRITE_SECONDS", "60" if SIZE == "full" else "10"))
WRITE_PAGES = int(os.environ.get("BENCH_WRITE_PAGES", "20" if SIZE == "full" else "5"))
# gunicorn's access log: `127.0.0.1 - - [time] "GET / HTTP/1.1" 200 …`
ACCESS_LINE = re.compile(r'^\S+ - \S+ \[[^\]]+\] "[^"]*" (\d{3}) ')


def log(message):
    print(f"[bench] {message}", flush=True)


def with_database(url, name):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def app_env(database_url, **extra):
    return {
        "DJANGO_SETTINGS_MODULE": "siteconfig.settings.production",
        "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(60),
        "DATABASE_URL": database_url, "DB_CONN_MAX_AGE": "60",
        "ALLOWED_HOSTS": "localhost,127.0.0.1", "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(OUT / "static"), "MEDIA_ROOT": str(OUT / "media"),
        # One cache per database: the small and full corpora share page ids.
        "REDIS_URL": REDIS_URL, "LOG_LEVEL": "ERROR",
        "CACHE_KEY_PREFIX": "bench-" + urlsplit(database_url).path.lstrip("/"),
        # The demo content on a throwaway database, with accounts nobody can guess.
        "DEMO_CONTENT": "1", "DEMO_PASSWORD": secrets.token_urlsafe(16),
        # Production refuses placeholders; Varnish hands over the reader's address.
        "SECURITY_CONTACT": "sicherheit@example.org", "TRUSTED_PROXY_COUNT": "1",
        "WAGTAILADMIN_BASE_URL": "https://bench.example.org",
        **extra,
    }


def manage(env, *args, quiet=True):
    subprocess.run([sys.executable, "manage.py", *args], cwd=PROJECT,  # noqa: S603
                   env={**os.environ, **env},
                   check=True, stdout=subprocess.DEVNULL if quiet else None)


def python(env, script, *args):
    result = subprocess.run([sys.executable, str(BENCH / script), *args],  # noqa: S603
                            cwd=PROJECT,
                            env={**os.environ, **env}, check=True, capture_output=True,
                            text=True)
    return result.stdout


def ensure_database(url, size):
    """Create, migrate and fill the database unless it already holds a corpus of `size`."""
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    admin_url = with_database(url, "postgres")
    with psycopg.connect(admin_url, autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                               [name]).fetchone()
        built = False
        if exists and not os.environ.get("BENCH_FRESH"):
            with psycopg.connect(url) as db:
                built = db.execute(
                    "SELECT to_regclass('bench_corpus') IS NOT NULL").fetchone()[0] and \
                    db.execute("SELECT size FROM bench_corpus").fetchone() == (size,)
        if built:
            log(f"reusing database {name} ({size} corpus; BENCH_FRESH=1 rebuilds it)")
            manage(app_env(url), "migrate", "--noinput")
            # Idempotent; adds what the demo gained since the corpus was built (the events).
            manage(app_env(url), "load_demo_content", "--without-debug")
            return
        log(f"building database {name} ({size} corpus) …")
        if exists:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    env = app_env(url)
    started = time.monotonic()
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo_content", "--without-debug")
    log(f"  migrated and loaded the demo in {time.monotonic() - started:.0f} s")
    print(python(env, "corpus.py", size), end="")
    with psycopg.connect(url, autocommit=True) as db:
        db.execute("CREATE TABLE bench_corpus (size text)")
        db.execute("INSERT INTO bench_corpus VALUES (%s)", [size])


def wrk(url, host="localhost", duration=DURATION):
    result = subprocess.run([*WRK, "-d", f"{duration}s", "-H", f"Host: {host}", url],  # noqa: S603
                            capture_output=True, text=True, check=True)
    line = next(line for line in result.stdout.splitlines() if line.startswith("{"))
    data = json.loads(line)
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    data["bytes_per_request"] = data["bytes"] / max(data["requests"], 1)
    return data


def load_with_writes(env, varnish_url, log_path, reading):
    """READERS readers through Varnish while the Redaktion publishes WRITE_PAGES news items."""
    targets = json.loads(python(env, "measure.py", "write-targets", str(WRITE_PAGES)))
    paths = [*reading, *(target["path"] for target in targets)]
    log_offset = log_path.stat().st_size
    log(f"load with writes: {READERS} readers for {WRITE_SECONDS} s through Varnish, "
        f"{len(targets)} pages published …")
    readers = subprocess.Popen(  # noqa: S603 - wrk from the PATH, as everywhere here
        [WRK[0], "-t2", f"-c{READERS}", "--latency", "-s", str(BENCH / "readers.lua"),
         "-d", f"{WRITE_SECONDS}s", "-H", "Host: localhost", *ACCEPT_GZIP, varnish_url],
        env={**os.environ, "BENCH_PATHS": ",".join(paths)},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    probe = DatabaseProbe(env["DATABASE_URL"])
    probe.start()
    try:
        # The writes end a little before the readers, so that every purge is read under load.
        writes = json.loads(python(env, "measure.py", "publish-many", varnish_url,
                                   str(WRITE_SECONDS * 0.8),
                                   *(str(target["id"]) for target in targets)))
    except subprocess.CalledProcessError as error:
        raise RuntimeError(f"publishing failed: {error.stderr.strip()[-2000:]}") from None
    finally:
        out, err = readers.communicate(timeout=WRITE_SECONDS + 120)
        probe.stop()
    if readers.returncode != 0:
        raise RuntimeError(f"wrk failed: {err.strip()}")
    load = json.loads(next(line for line in out.splitlines() if line.startswith("{")))
    load["rps"] = load["requests"] / (load["duration_us"] / 1e6)
    with open(log_path, encoding="utf-8", errors="replace") as app_log:
        app_log.seek(log_offset)
        errors = [line.rstrip() for line in app_log if is_log_error(line)]
    fresh = sorted(writes["fresh_after_s"])
    return {"readers": READERS, "seconds": WRITE_SECONDS, "load": load,
            "published": writes["published"], "stale": writes["stale"],
            "fresh_after_p50_s": fresh[len(fresh) // 2] if fresh else float("nan"),
            "fresh_after_max_s": fresh[-1] if fresh else float("nan"),
            # Fresh-after counts from the start of the publication: how long that took itself.
            "publish_max_s": max(writes["publish_s"], default=float("nan")),
            "database_round_trip": probe.summary(),
            "log_errors": errors[:20], "log_error_count": len(errors)}


class DatabaseProbe(threading.Thread):
    """`SELECT 1` to PostgreSQL every 100 ms over a connection of its own, beside the
    readers: how long any database round trip (a publication makes about 80) takes while the
    load saturates the machine."""

    def __init__(self, database_url):
        super().__init__(daemon=True)
        self.database_url = database_url
        self.took = []
        self.stopping = threading.Event()

    def run(self):
        import psycopg

        with psycopg.connect(self.database_url, autocommit=True) as connection:
            while not self.stopping.wait(0.1):
                started = time.monotonic()
                connection.execute("SELECT 1").fetchone()
                self.took.append(time.monotonic() - started)

    def stop(self):
        self.stopping.set()
        self.join(timeout=120)

    def summary(self):
        took = sorted(self.took)
        if not took:
            return {"count": 0}
        return {"count": len(took), "p50_s": took[len(took) // 2],
                "p99_s": took[int(len(took) * 0.99)], "max_s": took[-1],
                "over_1s": sum(1 for value in took if value > 1)}


def is_log_error(line):
    """With LOG_LEVEL=ERROR the app logs only errors; gunicorn adds access and [INFO] lines."""
    access = ACCESS_LINE.match(line)
    if access:
        return access.group(1).startswith("5")
    return bool(line.strip()) and "[INFO]" not in line


def write_problems(writes):
    problems = []
    if writes["load"]["status_5xx"]:
        problems.append(f"{writes['load']['status_5xx']} answers with status 5xx")
    if writes["log_error_count"]:
        problems.append(f"{writes['log_error_count']} error lines in var/bench/gunicorn.log")
    if writes["stale"]:
        problems.append(f"stale after publishing: {', '.join(writes['stale'])}")
    return problems


def wrk_rotating(base_url, paths, host="localhost", duration=DURATION):
    """wrk requesting `paths` in turn (bench/rotate.lua), reported like `wrk`."""
    script = OUT / "rotate-report.lua"
    script.write_text((BENCH / "rotate.lua").read_text() + (BENCH / "report.lua").read_text())
    # WRK with its script swapped for the rotating one.
    result = subprocess.run([*WRK[:-1], str(script), "-d", f"{duration}s",  # noqa: S603
                             "-H", f"Host: {host}", base_url, "--", *paths],
                            capture_output=True, text=True, check=True)
    line = next(line for line in result.stdout.splitlines() if line.startswith("{"))
    data = json.loads(line)
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    return data


def search_phase(app_url, env):
    """Search latency per language: several searches in turn, uncached (the app itself)."""
    searches = json.loads(python(env, "measure.py", "searches"))
    results = {}
    for language, paths in searches.items():
        log(f"search ({language}, {len(paths)} searches in turn): {DURATION} s …")
        for path in paths:
            http_get(app_url + path, timeout=300)  # warm the workers, not the results
        results[language] = {**wrk_rotating(app_url, paths), "searches": paths}
    return results


def first_time_search_phase(app_url, env):
    """Searches nobody has made yet, one at a time: what the shared cache cannot help with."""
    searches = json.loads(python(env, "measure.py", "first-time-searches"))
    results = {}
    for language, paths in searches.items():
        log(f"first-time searches ({language}, {len(paths)} different, one reader) …")
        times = []
        for path in paths:
            started = time.perf_counter()
            status = http_get(app_url + path, timeout=300)[0]
            times.append(time.perf_counter() - started)
            if status != 200:
                raise RuntimeError(f"{path} answered {status}")
        times.sort()
        results[language] = {"count": len(times), "p50_ms": statistics.median(times) * 1000,
                             "p95_ms": times[max(0, round(len(times) * 0.95) - 1)] * 1000,
                             "max_ms": times[-1] * 1000}
    return results


def once_phase(app_url, env, peer):
    """ONCE_ITEMS different news items, each requested once, from the app itself (Varnish
    bypassed): with the shared cache emptied, again (warm), and again after the Redaktion
    published one other news item; the peer as many requests over its blog posts."""
    targets = json.loads(python(env, "measure.py", "once-targets", str(ONCE_ITEMS)))
    paths = targets["paths"]
    manage(env, "shell", "-c", CLEAR_CACHE)
    log(f"cold: {len(paths)} different news items, each once, shared cache emptied …")
    results = {"items": len(paths), "cold": fetch_each(app_url, paths)}
    log("warm: the same items again …")
    results["warm"] = fetch_each(app_url, paths)
    results["publication"] = json.loads(python(env, "measure.py", "publish-other",
                                               str(targets["other"]["id"])))
    log(f"after publishing {targets['other']['path']}: the same items again …")
    results["after_publication"] = fetch_each(app_url, paths)
    if peer:
        try:
            results["peer"] = peer.once(len(paths))
        except OSError as error:
            log(f"the peer failed ({error}); no ratios for the items each once")
    return results


def once_table(results):
    """The block of items each requested once: ours, the peer's, and the ratio."""
    once = results.get("once")
    if not once:
        return []
    peer = once.get("peer")
    lines = [f"cold and after a publication ({once['items']} different news items, each once, "
             f"{once['cold']['clients']} clients, app directly):",
             f"  {'':34} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'×peer':>6} {'non-200':>7}"]
    rows = [("cold (shared cache emptied)", once["cold"]), ("warm (the same again)", once["warm"]),
            ("after a publication", once["after_publication"])]
    for name, data in rows:
        ratio = f"{data['rps'] / peer['rps']:.2f}" if peer else "–"
        lines.append(f"  {name:34} {data['rps']:7.1f} {data['p50_ms']:7.1f} "
                     f"{data['p99_ms']:7.1f} {ratio:>6} {len(data['not_200']):7}")
    if peer:
        lines.append(f"  {'peer (' + str(len(peer['posts'])) + ' blog posts in turn)':34} "
                     f"{peer['rps']:7.1f} {peer['p50_ms']:7.1f} {peer['p99_ms']:7.1f} "
                     f"{'':>6} {len(peer['not_200']):7}")
    publish_ms = once["publication"]["publish_s"] * 1000
    lines.append(f"  (the publication itself took {publish_ms:.0f} ms)")
    return lines


def search_table(results):
    """The search phase's lines: p50/p95/p99 per language and ratios to nginx and the peer."""
    nginx_rps = results["nginx_static"]["rps"]
    peer_search = results.get("peer", {}).get("search")
    lines = [f"search, {results['news_items']:,} news items, uncached, "
             "several searches in turn per language:"]
    for language, data in results.get("search", {}).items():
        ratio_peer = f"{data['rps'] / peer_search['rps']:.2f}" if peer_search else "–"
        lines.append(
            f"  {language}: p50 {data['p50_us'] / 1000:.1f} ms, p95 {data['p95_us'] / 1000:.1f}"
            f" ms, p99 {data['p99_us'] / 1000:.1f} ms, {data['rps']:.1f} req/s, "
            f"×nginx {data['rps'] / nginx_rps:.5f}, ×peer {ratio_peer} "
            f"({len(data['searches'])} searches, {data['non_2xx_3xx']} non-2xx)")
    first_time = results.get("first_time_search", {})
    if first_time:
        lines.append("first-time searches (each made once, one reader, the cache cannot help):")
        lines += [f"  {language}: p50 {data['p50_ms']:.1f} ms, p95 {data['p95_ms']:.1f} ms, "
                  f"max {data['max_ms']:.1f} ms ({data['count']} searches)"
                  for language, data in first_time.items()]
    return lines


def query_sizes_line(results):
    """What the query columns mean: the corpus each was counted on."""
    return "queries counted with warm caches on: " + ", ".join(
        f"{size} = {count:,} news items" for size, count in results.get("query_sizes",
                                                                         {}).items())


class Nginx:
    """nginx serving one saved HTML file, the static limit."""

    def __init__(self, html):
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
        (self.dir / "notice.html").write_bytes(html)
        conf = self.dir / "nginx.conf"
        conf.write_text(f"""
worker_processes 2;
pid {self.dir}/nginx.pid;
error_log {self.dir}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {self.dir}/body; proxy_temp_path {self.dir}/proxy;
    fastcgi_temp_path {self.dir}/fastcgi; uwsgi_temp_path {self.dir}/uwsgi;
    scgi_temp_path {self.dir}/scgi;
    server {{
        listen 127.0.0.1:{self.port};
        location / {{ root {self.dir}; default_type text/html; try_files /notice.html =404; }}
    }}
}}
""")
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.process = subprocess.Popen(  # noqa: S603
            [nginx, "-c", str(conf), "-p", str(self.dir), "-g", "daemon off;"],
            stderr=subprocess.DEVNULL)
        for _ in range(50):
            try:
                if http_get(f"http://127.0.0.1:{self.port}/")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        self.url = f"http://127.0.0.1:{self.port}/"

    def stop(self):
        stop_process(self.process)
        shutil.rmtree(self.dir, ignore_errors=True)


def worker_rss_mb(master_pid):
    """Resident memory of each gunicorn worker (children of the master), in MB."""
    sizes = []
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        if match:
            sizes.append(int(match.group(1)) / 1024)
    return sizes


def check_tools():
    missing = [tool for tool in ("wrk", "nginx") if not (shutil.which(tool)
                                                        or Path(f"/usr/sbin/{tool}").exists())]
    if not varnishd_path():
        missing.append("varnishd")
    if missing:
        sys.exit(f"make bench needs {', '.join(missing)} (apt-get install varnish nginx-light "
                 "wrk; `make cache-tools` does it as root).")


def main():
    check_tools()
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    small_url = with_database(DATABASE_URL, urlsplit(DATABASE_URL).path.lstrip("/") + "_small")
    databases = {"small": small_url} if SIZE == "small" else {"small": small_url,
                                                              "full": DATABASE_URL}
    for size, url in databases.items():
        ensure_database(url, size)
    main_url = databases[SIZE]
    manage(app_env(main_url), "collectstatic", "--noinput", "--verbosity", "0")
    for url in databases.values():
        # A rebuilt database must not meet fragments cached from its predecessor.
        manage(app_env(url), "shell", "-c", CLEAR_CACHE)

    measured = {size: json.loads(python(app_env(url), "measure.py", "pages"))
                for size, url in databases.items()}
    pages = measured[SIZE]["pages"]
    bad = {name: status for name, status in measured[SIZE]["status"].items() if status != 200}
    if bad:
        sys.exit(f"pages that do not answer 200: {bad}")

    app_port = free_port()
    varnish = Varnish([("127.0.0.1", app_port)], memory="256m")
    env = app_env(main_url, FRONTEND_CACHE_URLS=varnish.purge_url)
    log_file = open(OUT / "gunicorn.log", "w")  # noqa: SIM115 - closed in finally
    # A long worker timeout: slow pages under load are measured, not killed.
    app = AppServer(env, port=app_port, workers=2, log=log_file, timeout=300)
    nginx = None
    peer = None
    try:
        app.wait()
        app_url = f"http://127.0.0.1:{app_port}"
        notice = http_get(app_url + pages["news item (notice)"])[2]
        nginx = Nginx(notice)
        if os.environ.get("BAKERYDEMO"):
            from peer import Peer

            peer = Peer(Path(os.environ["BAKERYDEMO"]), DATABASE_URL, log)
        else:
            log("BAKERYDEMO is not set: no peer, ratios to nginx only "
                "(a checkout of github.com/wagtail/bakerydemo enables it)")
        results = {"size": SIZE, "news_items": measured[SIZE]["news_items"],
                   "query_sizes": {size: data["news_items"] for size, data in measured.items()},
                   "duration_s": DURATION, "pages": {}}
        log(f"nginx static: {DURATION} s …")
        results["nginx_static"] = wrk(nginx.url)
        for name, path in pages.items():
            log(f"{name}: {DURATION} s uncached, {DURATION} s through Varnish …")
            uncached = wrk(app_url + path)
            # Slow pages still have requests queued from wrk; the warm-up waits for them.
            http_get(varnish.url + path, timeout=300)
            cached = wrk(varnish.url + path)
            results["pages"][name] = {
                "path": path, "uncached": uncached, "varnish": cached,
                "queries": {size: data["queries"][name] for size, data in measured.items()},
            }
            (OUT / f"partial-{SIZE}.json").write_text(json.dumps(results, indent=2))
        results["search"] = search_phase(app_url, env)
        results["first_time_search"] = first_time_search_phase(app_url, env)
        (OUT / f"partial-{SIZE}.json").write_text(json.dumps(results, indent=2))
        if peer:
            try:
                results["peer"] = peer.run(wrk)
                (OUT / f"partial-{SIZE}.json").write_text(json.dumps(results, indent=2))
            except OSError as error:
                log(f"the peer failed ({error}); ratios to nginx only")
                results["peer"] = {}
        results["once"] = once_phase(app_url, env, peer)
        (OUT / f"partial-{SIZE}.json").write_text(json.dumps(results, indent=2))
        log_file.flush()
        results["writes"] = load_with_writes(
            env, varnish.url, OUT / "gunicorn.log", [pages["home"], pages["news index"]])
        (OUT / f"partial-{SIZE}.json").write_text(json.dumps(results, indent=2))
        results["worker_rss_mb"] = worker_rss_mb(app.process.pid)
        try:
            results["publish"] = json.loads(python(env, "measure.py", "publish", varnish.url))
        except subprocess.CalledProcessError as error:
            log(f"publish-to-fresh failed: {error.stderr.strip().splitlines()[-1:]}")
            results["publish"] = {"publish_s": float("nan"), "publish_to_fresh_s": float("nan"),
                                  "after_publish_s": float("nan")}
        results["notice_bytes"] = len(notice)
        results["elapsed_s"] = time.monotonic() - started
    finally:
        app.stop()
        log_file.close()
        varnish.stop()
        if nginx:
            nginx.stop()
        if peer:
            peer.stop()
    (OUT / f"results-{SIZE}.json").write_text(json.dumps(results, indent=2))
    print(table(results))
    log(f"written to var/bench/results-{SIZE}.json in {results['elapsed_s']:.0f} s")
    problems = write_problems(results["writes"])
    if problems:
        sys.exit("load with writes failed: " + "; ".join(problems))


def database_line(probe):
    if not probe.get("count"):
        return "  a SELECT 1 to PostgreSQL beside the readers: not measured"
    return ("  a SELECT 1 to PostgreSQL beside the readers, every 100 ms: p50 {p50:.1f} ms, "
            "p99 {p99:.0f} ms, max {longest:.0f} ms, {over} of {count} over 1 s").format(
        p50=probe["p50_s"] * 1000, p99=probe["p99_s"] * 1000, longest=probe["max_s"] * 1000,
        over=probe["over_1s"], count=probe["count"])


def table(results):
    nginx_rps = results["nginx_static"]["rps"]
    peer = results.get("peer", {})
    peer_rps = {"news item (notice)": peer.get("blog post"), "news index": peer.get("blog index"),
                "home": peer.get("home"), "search": peer.get("search"),
                "search (en)": peer.get("search"),
                "topic hub": peer.get("blog post")}
    sizes = list(next(iter(results["pages"].values()))["queries"])
    lines = [
        f"corpus: {results['size']} ({results['news_items']} news items incl. translations), "
        f"wrk -t2 -c8, {results['duration_s']} s per run",
        f"nginx static notice: {nginx_rps:,.0f} req/s",
        "",
        f"{'page':22} {'uncached':>9} {'p50 ms':>7} {'p99 ms':>7} {'×nginx':>8} {'×peer':>6}"
        f" {'varnish':>9} {'p99 ms':>7} {'queries ' + '/'.join(sizes):>18}",
    ]
    for name, data in results["pages"].items():
        uncached, cached = data["uncached"], data["varnish"]
        peer_value = peer_rps.get(name)
        ratio_peer = f"{uncached['rps'] / peer_value['rps']:.2f}" if peer_value else "–"
        lines.append(
            f"{name:22} {uncached['rps']:9.1f} {uncached['p50_us'] / 1000:7.1f} "
            f"{uncached['p99_us'] / 1000:7.1f} {uncached['rps'] / nginx_rps:8.5f} {ratio_peer:>6}"
            f" {cached['rps']:9.0f} {cached['p99_us'] / 1000:7.2f} "
            f"{' / '.join(str(data['queries'][size]) for size in sizes):>18}")
    search = results["pages"]["search"]["uncached"]
    publish = results["publish"]
    writes = results["writes"]
    lines += [query_sizes_line(results), "", *search_table(results), "", *once_table(results)]
    lines += [
        "",
        f"search uncached (one search): p50 {search['p50_us'] / 1000:.1f} ms, "
        f"p95 {search['p95_us'] / 1000:.1f} ms",
        f"publish to fresh through Varnish: {publish['publish_to_fresh_s'] * 1000:.0f} ms "
        f"(publish {publish['publish_s'] * 1000:.0f} ms, "
        f"then {publish['after_publish_s'] * 1000:.0f} ms)",
        "load with writes: {readers} readers × {seconds} s through Varnish while the Redaktion "
        "published {published} pages: {requests:,} requests ({rps:,.0f} req/s, p50 {p50:.1f} ms, "
        "p99 {p99:.1f} ms)".format(
            readers=writes["readers"], seconds=writes["seconds"], published=writes["published"],
            requests=writes["load"]["requests"], rps=writes["load"]["rps"],
            p50=writes["load"]["p50_us"] / 1000, p99=writes["load"]["p99_us"] / 1000),
        "  5xx {fivexx}, socket errors {socket}, log errors {log_errors}, stale after purge "
        "{stale}; fresh through Varnish after p50 {fresh50:.0f} ms, max {freshmax:.0f} ms "
        "(the longest publication itself: {publishmax:.0f} ms)".format(
            fivexx=writes["load"]["status_5xx"], socket=writes["load"]["socket_errors"],
            log_errors=writes["log_error_count"], stale=len(writes["stale"]),
            fresh50=writes["fresh_after_p50_s"] * 1000,
            freshmax=writes["fresh_after_max_s"] * 1000,
            publishmax=writes.get("publish_max_s", float("nan")) * 1000),
        database_line(writes.get("database_round_trip", {})),
        "gunicorn worker RSS: " + ", ".join(f"{mb:.0f} MB" for mb in results["worker_rss_mb"]),
        f"notice: {results['notice_bytes']:,} bytes of HTML "
        f"({results['pages']['news item (notice)']['varnish']['bytes_per_request']:,.0f} bytes "
        "per response through Varnish, gzipped, with headers)",
    ]
    if peer:
        lines.append("peer (bakerydemo, uncached): " + ", ".join(
            f"{name} {value['rps']:.1f} req/s" for name, value in peer.items()
            if isinstance(value, dict)))
    return "\n".join(lines)


if __name__ == "__main__":
    main()
