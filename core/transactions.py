"""Every action of a user is all or nothing: one database transaction per form sent.

Django's ATOMIC_REQUESTS would wrap reads too; on SQLite, whose transactions take the write
lock when they begin (site/settings/base.py), every reader would then queue behind every
writer. So only requests that change something (POST, PUT, PATCH, DELETE) run their view in
one transaction: a publication, an approval, a translation start or a PO/XLIFF import either
commits whole, or leaves nothing behind (no live page without a revision, no half-import).
What Wagtail and our code hand to `transaction.on_commit` (tasks, front-cache bans, the change
mark) happens only after the commit.

A write that meets a busy database (SQLite's lock, held longer than its busy timeout, or a
PostgreSQL deadlock) is rolled back whole and tried again; the view has then done nothing yet
that outlives the transaction. If the database stays busy, the editor gets a page that says
so in German, and the browser's "Back" brings back the form as she filled it in.
"""

import logging
import time

from django.db import OperationalError, transaction
from django.shortcuts import render

logger = logging.getLogger(__name__)

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
ATTEMPTS = 3
PAUSE = 0.5  # seconds before the second attempt; doubled before the third


def is_busy(error):
    """True when the database refused because another writer held it, not for a real fault."""
    message = str(error).lower()
    if "database is locked" in message or "database table is locked" in message:
        return True
    cause = getattr(error, "__cause__", None)
    return getattr(cause, "sqlstate", None) in {"40P01", "40001"}  # deadlock, serialization


class AtomicWritesMiddleware:
    """Runs the views of write requests in one transaction each (see above). Last among the
    middleware with `process_view`: those after it would not run."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in WRITE_METHODS or getattr(view_func, "_non_atomic_requests",
                                                          None):
            return None
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with transaction.atomic():
                    return view_func(request, *view_args, **view_kwargs)
            except OperationalError as error:
                if not is_busy(error) or transaction.get_connection().in_atomic_block:
                    raise
                logger.warning("Database busy for %s %s (attempt %d of %d): %s",
                               request.method, request.path, attempt, ATTEMPTS, error)
                if attempt == ATTEMPTS:
                    return busy_response(request)
                _rewind_uploads(request)
                time.sleep(PAUSE * 2 ** (attempt - 1))
        return None  # not reached


def _rewind_uploads(request):
    for upload in request.FILES.values():
        upload.seek(0)


def busy_response(request):
    response = render(request, "errors/database_busy.html", status=503)
    response["Retry-After"] = "5"
    response["Cache-Control"] = "private, no-store"
    return response
