"""Run the site under gunicorn in a child process (the two-instance test and the bench)."""

import os
import subprocess
import sys
import time
from pathlib import Path

from .processes import stop_process
from .varnish import free_port, http_get

PROJECT = Path(__file__).resolve().parents[2]


class AppServer:
    """`gunicorn siteconfig.wsgi` on a free local port, with `env` added to this environment."""

    def __init__(self, env, port=None, workers=1, log=None, cwd=PROJECT, python=sys.executable,
                 wsgi="siteconfig.wsgi", timeout=30):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [str(python), "-m", "gunicorn", wsgi, "--bind",
             f"127.0.0.1:{self.port}", "--workers", str(workers), "--access-logfile", "-"
             if log else "/dev/null", "--graceful-timeout", "2", "--timeout", str(timeout)],
            cwd=cwd, env={**os.environ, **env},
            stdout=log or subprocess.DEVNULL, stderr=log or subprocess.STDOUT,
        )

    def wait(self, timeout=90):
        """Until a worker has loaded the site and answers at all (robots.txt needs no
        database here; another site may answer it with 404, which is an answer too)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn on port {self.port} exited "
                                   f"({self.process.returncode}).")
            try:
                if http_get(self.url + "/robots.txt", timeout=30)[0]:
                    return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn on port {self.port} did not answer in time.")

    def stop(self):
        stop_process(self.process)
