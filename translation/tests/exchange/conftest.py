"""Fixtures of the PO and XLIFF exchange tests."""

import pytest

from ..helpers import translate


@pytest.fixture
def french_contact(site, settings):
    """The demo contact, translated into French (a language the translator does not have)."""
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [*settings.LANGUAGES,
                                                               ("fr", "français")]
    return translate(site.contact, "fr")
