"""Child processes of the test and bench runners (gunicorn, varnishd, nginx)."""

import subprocess


def stop_process(process, timeout=10):
    """Ask `process` to end, and kill it if it has not ended within `timeout` seconds."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
