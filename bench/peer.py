"""Wagtail's bakerydemo as the bench's peer, on the same stack (PostgreSQL, gunicorn with two
workers, production settings), from a git checkout given as BAKERYDEMO=path.

Its code is never copied into this project: it runs from the checkout, with its own virtualenv
in var/bench/peer-venv (its own Wagtail and Django versions), and its own database
"<bench database>_bakerydemo", filled by its `load_initial_data`.
"""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from bench.once import fetch_each
from bench.stack.appserver import AppServer
from bench.stack.varnish import http_get

OUT = Path(__file__).resolve().parent.parent / "var" / "bench"


class Peer:
    def __init__(self, checkout, database_url, log):
        self.checkout, self.log = checkout.resolve(), log
        if not (self.checkout / "bakerydemo").is_dir():
            sys.exit(f"BAKERYDEMO={checkout} is not a checkout of wagtail/bakerydemo.")
        venv = OUT / "peer-venv"
        python = venv / "bin" / "python"
        if not python.exists():
            log("bakerydemo: creating its virtualenv …")
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)  # noqa: S603
            subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-r",  # noqa: S603
                            str(self.checkout / "requirements" / "base.txt"),
                            "psycopg[binary]>=3.2", "gunicorn", "whitenoise"], check=True)
        name = urlsplit(database_url).path.lstrip("/") + "_bakerydemo"
        self.database_url = urlsplit(database_url)._replace(path="/" + name).geturl()
        self.env = {
            "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50), "DATABASE_URL": self.database_url,
            "DJANGO_ALLOWED_HOSTS": "localhost,127.0.0.1", "SECURE_SSL_REDIRECT": "false",
            "DJANGO_LOG_LEVEL": "ERROR", "PRIMARY_HOST": "localhost",
            "PATH": f"{venv / 'bin'}:{os.environ['PATH']}", "VIRTUAL_ENV": str(venv),
        }
        self.python = python
        self.prepare(name)
        self.server = AppServer(self.env, workers=2, cwd=self.checkout, python=python,
                                wsgi="bakerydemo.wsgi", timeout=300)
        self.server.wait()

    def manage(self, *args):
        subprocess.run([str(self.python), "manage.py", *args], cwd=self.checkout,  # noqa: S603
                       env={**os.environ, **self.env}, check=True, stdout=subprocess.DEVNULL)

    def prepare(self, name):
        import psycopg

        admin_url = urlsplit(self.database_url)._replace(path="/postgres").geturl()
        with psycopg.connect(admin_url, autocommit=True) as admin:
            exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                   [name]).fetchone()
            if not exists:
                admin.execute(f'CREATE DATABASE "{name}"')
        self.manage("migrate", "--noinput")
        with psycopg.connect(self.database_url) as db:
            pages = db.execute("SELECT count(*) FROM wagtailcore_page").fetchone()[0]
        if pages < 5:
            self.log("bakerydemo: loading its initial data …")
            self.manage("load_initial_data")
        self.manage("collectstatic", "--noinput", "--verbosity", "0")
        self.manage("update_index")
        self.manage("shell", "-c", "from django.db import connection; "
                    "connection.cursor().execute('ANALYZE')")

    def pages(self):
        blog_index = http_get(self.server.url + "/blog/")[2].decode()
        post = re.search(r'href="(/blog/[^"/]+/)"', blog_index)
        return {"home": "/", "blog index": "/blog/", "blog post": post.group(1) if post else None,
                "search": "/search/?q=bread"}

    def run(self, wrk):
        command = ["git", "-C", str(self.checkout), "rev-parse", "HEAD"]
        commit = subprocess.run(command, capture_output=True, text=True)  # noqa: S603, S607
        results = {"commit": commit.stdout.strip()}
        for name, path in self.pages().items():
            if path:
                # The first view makes the image renditions; not part of the measurement.
                status = http_get(self.server.url + path, timeout=300)[0]
                if status != 200:
                    self.log(f"peer {name} ({path}) answers {status}; left out")
                    continue
                self.log(f"peer {name}: uncached …")
                results[name] = wrk(self.server.url + path)
                results[name]["path"] = path
        return results

    def once(self, count):
        """`count` requests over the blog posts in turn, with bench/once.py's clients: what
        the readers of as many different news items meet here (it has no cache: each request
        renders the page)."""
        blog_index = http_get(self.server.url + "/blog/")[2].decode()
        posts = list(dict.fromkeys(re.findall(r'href="(/blog/[^"/]+/)"', blog_index)))
        for path in posts:
            http_get(self.server.url + path, timeout=300)  # the renditions, as in run()
        self.log(f"peer: {count} requests over its {len(posts)} blog posts, "
                 "each post in turn …")
        return {**fetch_each(self.server.url, [posts[n % len(posts)] for n in range(count)]),
                "posts": posts}

    def stop(self):
        self.server.stop()
