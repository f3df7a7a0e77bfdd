"""`make mail-bench`: one issue to 20,000 confirmed subscribers (`MAIL_BENCH_SIZE`) through a
local SMTP server (aiosmtpd, in this process), with the worker killed (SIGKILL) halfway and a
second worker finishing the send.

It builds a fresh PostgreSQL database (`MAIL_BENCH_DATABASE_URL`, default `mailbench` on the
local server), runs the first worker until half the mails arrived, kills it, lets its lease run
out (set to the past here, instead of waiting its two minutes), runs a second worker, and
prints: the time spent sending, mails per second, each worker's resident memory over the run
(sampled every 0.2 s: start, middle, peak), and the check that matters: nobody got the issue
twice, and everyone got it except at most the one mail the killed worker was sending.
The JSON goes to var/bench/mail-bench.json. Fails (exit 1) on a duplicate or a missing mail.
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsletter.tests.smtp import SMTPServer  # noqa: E402

SIZE = int(os.environ.get("MAIL_BENCH_SIZE", "20000"))
DATABASE_URL = os.environ.get("MAIL_BENCH_DATABASE_URL",
                              "postgres://postgres@127.0.0.1:5432/mailbench")
PY = sys.executable
DJANGO = str(ROOT / "bench" / "mail_bench_django.py")


def env():
    return {**os.environ, "DATABASE_URL": DATABASE_URL, "PYTHONWARNINGS": "ignore",
            "DJANGO_SETTINGS_MODULE": "siteconfig.settings.test"}


def fresh_database():
    url = urlsplit(DATABASE_URL)
    name = url.path.lstrip("/")
    admin = url._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    subprocess.run([PY, "manage.py", "migrate", "--noinput", "-v", "0"],  # noqa: S603
                   cwd=ROOT, env=env(), check=True)


def rss_kib(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except FileNotFoundError:
        return None
    return None


def run_worker(delivery_id, port, server, kill_at=None):
    """Run one worker; sample its memory; kill it once `kill_at` mails arrived."""
    process = subprocess.Popen(  # noqa: S603
        [PY, DJANGO, "work", str(delivery_id), str(port)], cwd=ROOT, env=env(),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    samples, started, killed = [], time.monotonic(), False
    while process.poll() is None:
        if (kib := rss_kib(process.pid)) is not None:
            samples.append((round(time.monotonic() - started, 1), sum(server.recipients.values()),
                            kib))
        if kill_at is not None and sum(server.recipients.values()) >= kill_at:
            process.send_signal(signal.SIGKILL)
            killed = True
            break
        time.sleep(0.2)
    process.wait()
    if not killed and process.returncode != 0:
        sys.exit(f"The worker failed:\n{process.stderr.read()}")
    return {"seconds": round(time.monotonic() - started, 1), "killed": killed,
            "rss_mib": memory(samples)}


def memory(samples):
    if not samples:
        return {}
    values = [kib for _t, _sent, kib in samples]
    def mib(kib):
        return round(kib / 1024, 1)

    return {"start": mib(values[0]), "middle": mib(values[len(values) // 2]),
            "end": mib(values[-1]), "peak": mib(max(values))}


def main():
    print(f"Building {SIZE} subscribers in a fresh database …", flush=True)
    fresh_database()
    setup = subprocess.run([PY, DJANGO, "setup", str(SIZE)], cwd=ROOT,  # noqa: S603
                           env=env(), check=True, capture_output=True, text=True)
    delivery_id = int(setup.stdout.strip().splitlines()[-1])
    with SMTPServer(keep_messages=False) as server:
        print("First worker, killed halfway …", flush=True)
        first = run_worker(delivery_id, server.port, server, kill_at=SIZE // 2)
        with psycopg.connect(DATABASE_URL, autocommit=True) as connection:
            connection.execute("UPDATE newsletter_delivery SET lease_until = now() - "
                               "interval '1 second' WHERE id = %s", [delivery_id])
        print("Second worker, finishing the send …", flush=True)
        second = run_worker(delivery_id, server.port, server)
        received = dict(server.recipients)
    with psycopg.connect(DATABASE_URL) as connection:
        states = dict(connection.execute(
            "SELECT state, count(*) FROM newsletter_sendlog WHERE delivery_id = %s "
            "GROUP BY state", [delivery_id]).fetchall())
    duplicates = sum(1 for count in received.values() if count > 1)
    missing = SIZE - len(received)
    result = {
        "subscribers": SIZE,
        "mails_received": sum(received.values()),
        "duplicates": duplicates,
        "missing": missing,
        "log_states": states,
        "first_worker": first,
        "second_worker": second,
        "sending_seconds": round(first["seconds"] + second["seconds"], 1),
        "mails_per_second": round(sum(received.values())
                                  / max(first["seconds"] + second["seconds"], 0.1), 1),
    }
    print(json.dumps(result, indent=2))
    out = ROOT / "var" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / "mail-bench.json").write_text(json.dumps(result, indent=2))
    # The killed worker may have been sending one mail: it is `uncertain`, and either arrived
    # or not; nobody else may be missing.
    if duplicates or missing > states.get("uncertain", 0) or states.get("uncertain", 0) > 1:
        sys.exit("Mails were duplicated or lost.")


if __name__ == "__main__":
    main()
