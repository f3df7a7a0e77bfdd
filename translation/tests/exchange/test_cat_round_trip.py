"""The XLIFF exchange read by a CAT tool's own library (translate-toolkit, on which Virtaal,
Pootle and Weblate's XLIFF support are built): what is published counts as translated, what a
translator changed counts as waiting for review, and what the tool marks as fuzzy is not
imported as finished."""

import io

import pytest
from translate.storage.xliff import xlifffile

from ..exchange_support import de_n, make_live_notice_en, messages_of
from ..helpers import NOTICE_TITLE, english, translation_of
from .test_exchange_xliff import SUBTITLE, download, upload

pytestmark = pytest.mark.django_db


def read(document):
    return xlifffile.parsefile(io.BytesIO(document))


def counts(store):
    units = [unit for unit in store.units if unit.istranslatable()]
    return {
        "translated": sum(unit.istranslated() for unit in units),
        "fuzzy": sum(unit.isfuzzy() for unit in units),
        "untranslated": sum(not unit.target for unit in units),
    }


def unit_for(store, german):
    return next(unit for unit in store.units if unit.source == german)


def test_published_units_stay_translated_after_a_round_trip_and_fuzzy_ones_are_skipped(
    site, translator_client
):
    make_live_notice_en(site)
    translation = translation_of(site.notice)
    store = read(download(translator_client, translation).content)
    total = len(store.units)
    assert counts(store) == {"translated": total, "fuzzy": 0, "untranslated": 0}

    # The agency revises two units and leaves a third for later (fuzzy), as its tool saves.
    for german, text in [(NOTICE_TITLE, "Funding for municipal partnerships"),
                         (SUBTITLE, "Apply by 30 September")]:
        unit = unit_for(store, german)
        unit.settarget(text)
        unit.markfuzzy(False)
    unfinished = next(unit for unit in store.units
                      if unit.source not in (NOTICE_TITLE, SUBTITLE) and "<" not in unit.source)
    published_wording = unfinished.target
    unfinished.settarget("Half-done rewording")
    unfinished.markfuzzy(True)
    assert unfinished.xmlelement.find(f"{{{unfinished.namespace}}}target").get("state") == (
        "needs-translation"
    )

    response = upload(translator_client, translation, bytes(store))

    assert ("success", de_n("%(count)d translated segment was imported.",
                            "%(count)d translated segments were imported.", 2)
            ) in messages_of(response)
    assert ("info", de_n(
        "%(count)d unit marked as not finished (“needs-translation”, “needs-review-…”) was "
        "skipped.",
        "%(count)d units marked as not finished (“needs-translation”, “needs-review-…”) were "
        "skipped.", 1)) in messages_of(response)
    assert english(site.notice).has_unpublished_changes  # a draft now waits for approval

    again = read(download(translator_client, translation).content)
    assert counts(again) == {"translated": total - 2, "fuzzy": 2, "untranslated": 0}
    assert unit_for(again, NOTICE_TITLE).target == "Funding for municipal partnerships"
    assert not unit_for(again, NOTICE_TITLE).isapproved()
    kept = unit_for(again, unfinished.source)
    assert kept.target == published_wording and kept.isapproved()
    assert kept.xmlelement.find(f"{{{kept.namespace}}}target").get("state") == "final"


@pytest.mark.parametrize("state", ["needs-translation", "needs-review-translation",
                                   "needs-review-l10n", "new"])
def test_a_unit_the_tool_marks_unfinished_is_not_imported(site, translator_client, state):
    translation = translation_of(site.notice)
    store = read(download(translator_client, translation).content)
    unit = unit_for(store, NOTICE_TITLE)
    unit.settarget("Rough draft of a title")
    unit.xmlelement.find(f"{{{unit.namespace}}}target").set("state", state)

    response = upload(translator_client, translation, bytes(store))

    assert ("success", de_n("%(count)d translated segment was imported.",
                            "%(count)d translated segments were imported.", 0)
            ) in messages_of(response)
    again = read(download(translator_client, translation).content)
    assert unit_for(again, NOTICE_TITLE).target == ""
