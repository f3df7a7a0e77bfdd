"""A form sent is one transaction; a busy database is waited for, then reported in German."""

import pytest
from django.db import OperationalError
from django.http import HttpResponse
from django.test import RequestFactory

from core import transactions
from core.transactions import AtomicWritesMiddleware

pytestmark = pytest.mark.django_db(transaction=True)


def send(view, method="post"):
    request = getattr(RequestFactory(), method)("/admin/pages/1/edit/", {"title": "Neu"})
    middleware = AtomicWritesMiddleware(lambda request: HttpResponse())
    return middleware.process_view(request, view, (), {})


class BusyDatabase:
    """A view that meets a locked database `times` times, then works."""

    def __init__(self, times):
        self.times, self.calls = times, 0

    def __call__(self, request):
        self.calls += 1
        if self.calls <= self.times:
            raise OperationalError("database is locked")
        return HttpResponse("gespeichert")


@pytest.fixture(autouse=True)
def no_pause(monkeypatch):
    monkeypatch.setattr(transactions, "PAUSE", 0)


def test_a_write_that_meets_a_busy_database_is_tried_again_and_saved():
    view = BusyDatabase(times=2)
    response = send(view)
    assert view.calls == 3
    assert response.content == b"gespeichert"


def test_a_database_that_stays_busy_gets_a_german_page_not_a_500():
    view = BusyDatabase(times=10)
    response = send(view)
    assert view.calls == transactions.ATTEMPTS
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Cache-Control"] == "private, no-store"
    html = response.content.decode()
    assert "nichts wurde gespeichert" in html
    assert "Ihre Eingaben stehen noch im Formular" in html


def test_other_database_faults_are_not_retried():
    def broken(request):
        broken.calls = getattr(broken, "calls", 0) + 1
        raise OperationalError("no such table: news_newspage")

    with pytest.raises(OperationalError):
        send(broken)
    assert broken.calls == 1


def test_reading_runs_outside_a_transaction():
    seen = {}

    def view(request):
        from django.db import connection

        seen["atomic"] = connection.in_atomic_block
        return HttpResponse()

    assert send(view, method="get") is None  # the view runs as usual, not from here
    send(view, method="post")
    assert seen == {"atomic": True}
