"""`make run`'s stack for tests: a SQLite file, the shared file cache, the development server
and the task worker, each a process of its own, as a newcomer starts them.

Nothing here shares memory with the test process: what the tests see, they see over HTTP or
through `manage.py shell`, like a second person at another keyboard.
"""

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "embedded-stack-password-7"  # noqa: S105 - a throwaway test stack
SCHEDULER_INTERVAL = 3


WORKER_AT_WORK = """
from django_tasks_db.models import DBTaskResult
result = DBTaskResult.objects.filter(task_path="editorial.tasks.publish_scheduled",
                                     status="SUCCESSFUL").exists()
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class EmbeddedStack:
    def __init__(self, home):
        self.home = Path(home)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "siteconfig.settings.dev",
            "DATABASE_URL": f"sqlite:///{self.home / 'db.sqlite3'}",
            "CACHE_DIR": str(self.home / "cache"),
            "MEDIA_ROOT": str(self.home / "media"),
            "DEMO_PASSWORD": PASSWORD,
            "EDITORIAL_SCHEDULER_INTERVAL": str(SCHEDULER_INTERVAL),
            "WAGTAILADMIN_BASE_URL": self.url,
            "LOG_LEVEL": "ERROR",
        }
        for name in ("REQUIRE_POSTGRES", "REDIS_URL", "FRONTEND_CACHE_URLS"):
            self.env.pop(name, None)
        self.processes = []

    def manage(self, *args, timeout=300):
        result = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True,
            text=True, timeout=timeout,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def shell(self, code, **values):
        """Run `code` in `manage.py shell` (another process, as a script would); the values
        are given to it as `args`, and what it assigns to `result` comes back (JSON)."""
        script = (f"import json\nargs = json.loads({json.dumps(json.dumps(values))})\n"
                  f"result = None\n{code}\nprint('RESULT:' + json.dumps(result))")
        output = self.manage("shell", "--no-startup", "-c", script)
        return json.loads(output.rsplit("RESULT:", 1)[1])

    def set_up(self):
        self.manage("migrate", "--noinput")
        self.manage("load_demo_content")

    def start(self):
        log = open(self.home / "server.log", "w")  # noqa: SIM115 - closed with the stack
        self.processes.append(subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{self.port}"],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT))
        self.processes.append(subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "run_worker", "--no-reload", "--verbosity", "0"],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT))
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if requests.get(self.url + "/", timeout=5).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            time.sleep(0.5)
        else:
            raise AssertionError("The development server did not answer within 120 s: "
                                 + (self.home / "server.log").read_text()[-3000:])
        # The worker is at work once it has run its first scheduler tick.
        wait_until(lambda: self.shell(WORKER_AT_WORK), True, 120)

    def stop(self):
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()

    def server_errors(self):
        """Tracebacks the server logged (a 500 is logged by Django with its traceback)."""
        log = (self.home / "server.log").read_text()
        return [line for line in log.splitlines()
                if "Internal Server Error" in line or "OperationalError" in line]

    def login(self, username):
        session = requests.Session()
        form = session.get(self.url + "/admin/login/", timeout=30)
        response = session.post(self.url + "/admin/login/", data={
            "username": username, "password": PASSWORD,
            "csrfmiddlewaretoken": csrf_token(form.text), "next": "/admin/",
        }, timeout=60)
        assert response.url.rstrip("/").endswith("/admin"), (username, response.url)
        return Editor(self, session, username)


class Editor:
    """One person in the admin, with a browser's session."""

    def __init__(self, stack, session, username):
        self.stack, self.session, self.username = stack, session, username

    def get(self, path, **kwargs):
        return self.session.get(self.stack.url + path, timeout=60, **kwargs)

    def post_form(self, page_path, post_path, data, files=None):
        """Open `page_path` (for its CSRF token) and send `data` to `post_path`."""
        token = csrf_token(self.get(page_path).text)
        return self.session.post(self.stack.url + post_path,
                                 data={**data, "csrfmiddlewaretoken": token}, files=files,
                                 timeout=120, allow_redirects=False)


def csrf_token(html):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def at_once(actions):
    """Run the callables in threads that start at the same moment; their results in order."""
    barrier = threading.Barrier(len(actions))
    results = [None] * len(actions)

    def run(index, action):
        barrier.wait()
        try:
            results[index] = action()
        except Exception as error:  # reported as the result, so the test can say which failed
            results[index] = error

    threads = [threading.Thread(target=run, args=(i, action)) for i, action in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return results


def wait_until(read, expected, timeout):
    """Seconds until `read()` gave `expected`, polling; AssertionError with the last reading
    when it did not in time."""
    started = time.monotonic()
    while True:
        value = read()
        if value == expected:
            return time.monotonic() - started
        if time.monotonic() - started > timeout:
            raise AssertionError(f"not within {timeout} s: {value!r}")
        time.sleep(0.25)
