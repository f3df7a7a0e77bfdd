"""Exported XLIFF marks each unit's state, so CAT tools see what is new and what is done."""

import pytest
from wagtail_localize.models import StringTranslation

from news.models import NewsPage

from ..helpers import NOTICE_INTRO, NOTICE_TITLE, english, publish, translation_of
from .test_exchange_xliff import SUBTITLE, X, download, units

pytestmark = pytest.mark.django_db


def store(site, german, english_text, kind=StringTranslation.TRANSLATION_TYPE_MANUAL):
    translation = translation_of(site.notice)
    segment = translation.source.stringsegment_set.select_related("string", "context").get(
        string__data=german
    )
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=site.en,
        context=segment.context,
        defaults={"data": english_text, "translation_type": kind},
    )


def states(site, client):
    _root, by_id = units(download(client, translation_of(site.notice)).content)
    result = {}
    for unit in by_id.values():
        source = "".join(unit.find(f"{X}source").itertext())
        target = unit.find(f"{X}target")
        result[source] = (target.get("state"), unit.get("approved"),
                          target.get("state-qualifier"))
    return result


def test_each_unit_says_whether_it_is_new_machine_made_or_translated(site, translator_client):
    store(site, NOTICE_TITLE, "Funding programme")
    store(site, SUBTITLE, "Applications until 30 September",
          kind=StringTranslation.TRANSLATION_TYPE_MACHINE)
    store(site, NOTICE_INTRO, f"[EN] {NOTICE_INTRO}")

    found = states(site, translator_client)

    assert found[NOTICE_TITLE] == ("translated", None, None)
    assert found[SUBTITLE] == ("needs-review-translation", None, "mt-suggestion")
    assert found[NOTICE_INTRO] == ("needs-review-translation", None, "mt-suggestion")
    assert found["Mehr dazu auf der Website."] == ("needs-translation", None, None)


def test_approved_published_units_are_final(site, translator_client):
    store(site, NOTICE_TITLE, "Funding programme")
    translation_of(site.notice).save_target(publish=False)
    publish(english(site.notice))
    assert NewsPage.objects.get(pk=english(site.notice).pk).live

    found = states(site, translator_client)
    assert found[NOTICE_TITLE] == ("final", "yes", None)
    assert found["Mehr dazu auf der Website."] == ("needs-translation", None, None)

    # Changed after publication: translated again, no longer approved.
    store(site, NOTICE_TITLE, "Funding programme for partnerships")
    assert states(site, translator_client)[NOTICE_TITLE] == ("translated", None, None)
