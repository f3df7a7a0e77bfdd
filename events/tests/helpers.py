"""The events index in the test site tree, in German and English."""

from core.factories import translate_page
from events.factories import EventIndexPageFactory


def add_event_index(tree):
    """/veranstaltungen/ and its translation /en/events/, kept on the tree."""
    index = EventIndexPageFactory(parent=tree.home)
    index_en = translate_page(index, "en", title="Events", slug="events").specific
    tree.event_index, tree.event_index_en = index, index_en
    return index, index_en
