"""Run Varnish with the project's VCL in front of a given app server (for tests and the bench).

The VCL in deploy/varnish/default.vcl names the production backend; here it is pointed at the
app server that is being tested, and at extra ones for load balancing between instances.
"""

import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from .processes import stop_process

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "default.vcl"


def varnishd_path():
    return shutil.which("varnishd") or next(
        (path for path in ("/usr/sbin/varnishd", "/usr/local/sbin/varnishd")
         if Path(path).exists()), None)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def vcl_for(backends):
    """The project's VCL with its backend replaced by `backends` ([(host, port), …]); more than
    one are balanced round-robin."""
    text = VCL.read_text()
    definitions = "\n".join(
        f'backend app{number} {{\n    .host = "{host}";\n    .port = "{port}";\n'
        f"    .connect_timeout = 2s;\n    .first_byte_timeout = 60s;\n}}"
        for number, (host, port) in enumerate(backends)
    )
    text = re.sub(r"backend default \{.*?\n\}", definitions, text, count=1, flags=re.S)
    if len(backends) > 1:
        members = "\n".join(f"    apps.add_backend(app{n});" for n in range(len(backends)))
        text = text.replace("import std;", "import std;\nimport directors;", 1)
        text = text.replace(
            "sub vcl_recv {",
            "sub vcl_init {\n    new apps = directors.round_robin();\n" + members
            + "\n}\n\nsub vcl_recv {\n    set req.backend_hint = apps.backend();", 1)
    return text


def http_get(url, host="localhost", headers=None, timeout=20):
    """(status, headers, body) of a GET to a local server, redirects followed."""
    # Only ever local http:// URLs built by the tests and the bench.
    request = urllib.request.Request(url, headers={"Host": host, **(headers or {})})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class Varnish:
    """A varnishd in the foreground, in its own working directory; stop() ends it.

    Readers reach it at `url`; the app servers purge and ban at `purge_url`, the listen address
    named "purge" (see the VCL)."""

    def __init__(self, backends, port=None, memory="64m"):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.purge_port = free_port()
        self.purge_url = f"http://127.0.0.1:{self.purge_port}"
        self.workdir = Path(tempfile.mkdtemp(prefix="varnish-"))
        vcl = self.workdir / "site.vcl"
        vcl.write_text(vcl_for(backends))
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [varnishd_path(), "-F", "-j", "none", "-n", str(self.workdir / "n"),
             "-a", f"public=127.0.0.1:{self.port}", "-a", f"purge=127.0.0.1:{self.purge_port}",
             "-f", str(vcl), "-s", f"malloc,{memory}",
             "-p", "ban_lurker_sleep=0.01", "-p", "default_grace=0"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )
        self._wait()

    def _wait(self, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                output = self.process.stdout.read().decode(errors="replace")
                raise RuntimeError(f"varnishd did not start:\n{output}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("varnishd did not listen in time.")

    def get(self, path, host="localhost", headers=None):
        """(status, headers, body) of a GET through the cache."""
        return http_get(self.url + path, host, headers)

    def stop(self):
        stop_process(self.process)
        if self.process.stdout:
            self.process.stdout.close()
        shutil.rmtree(self.workdir, ignore_errors=True)
