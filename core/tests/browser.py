"""What the browser tests share: logging in through the admin's form, as a person does, and an
admin that keeps quiet in the background while a test clicks on SQLite."""

import re

from django.db import connection

SIGN_IN = re.compile("Anmelden|Sign in")


def log_in(page, username, password):
    """Log in through the admin's login form and wait for the dashboard."""
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name=SIGN_IN).click()
    page.wait_for_url("**/admin/")


def quiet_admin_on_sqlite(settings):
    """The in-memory SQLite test database is one connection shared by the live server's
    threads: a background autosave or editing-session ping racing a click locks its tables.
    PostgreSQL has separate connections, so there the admin runs as shipped."""
    if connection.vendor == "sqlite":
        settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
        settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 3_600_000


def footer_action(page, name):
    """Open the editor's footer menu and press the action whose label matches `name`."""
    page.locator("footer .w-dropdown__toggle").first.click()
    page.locator("footer").get_by_role("button", name=re.compile(name)).click()


def start_watching_edits(page):
    """Before opening an editor: note when Wagtail starts watching the form for edits."""
    page.add_init_script("document.addEventListener('w-unsaved:watch-edits', "
                         "() => { window.editsWatched = true; });")


def wait_until_edits_are_watched(page, seconds=15):
    """Wagtail records the editor's starting state a moment after it opens (and then says so
    with "w-unsaved:watch-edits"); edits made before count as the starting state and are
    never autosaved. Not wait_for_function: the admin's CSP forbids its eval."""
    for _ in range(seconds * 4):
        if page.evaluate("() => window.editsWatched === true"):
            return
        page.wait_for_timeout(250)
    raise AssertionError("the editor never started watching for edits")


def fill_until_autosaved(page, field, text, seconds=60):
    """Fill `field` with `text` and wait until autosave says "saved". On a busy machine Wagtail
    can miss an edit made while it still sets the editor up; an author then types on, so this
    touches the field again every few seconds (ending with `text`) until a save answers."""
    indicator = page.locator("#w-autosave-indicator")
    field.fill(text)
    state = None
    for tick in range(seconds * 4):
        state = indicator.get_attribute("data-w-autosave-state-value")
        if state == "saved":
            return
        if tick % 20 == 19 and state != "saving":
            field.fill(text + " ")
            field.fill(text)
        page.wait_for_timeout(250)
    raise AssertionError(f"autosave never said it had saved {text!r} (last state: {state})")
