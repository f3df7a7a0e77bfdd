from wagtail import hooks

from . import concurrent_edits  # noqa: F401 - registers the edit-conflict hooks
from .panels import REPLACED_PANELS, editorial_panels


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    """Put "Awaiting my approval", "My drafts" and "Scheduled publications" on the dashboard.

    They replace Wagtail's two workflow panels, which list the same items at a cost of several
    queries per item; the recent-edits and locked-pages panels stay.
    """
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED_PANELS]
    panels.extend(editorial_panels())
