"""Machine translation: DeepL when configured, an offline translator otherwise; its output is a
draft and is sanitised like any translation. DeepL is never called in tests."""

import importlib.util
import json
from urllib.parse import urlencode

import pytest
import requests
from django.test import override_settings
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.deepl import DeepLTranslator
from wagtail_localize.models import OverridableSegment, SegmentOverride, StringTranslation

from news.models import NewsPage
from translation.conf import machine_translator
from translation.machine import OfflineTranslator

from .helpers import (
    NOTICE_INTRO,
    edit_url,
    english,
    translation_of,
    workflow_action_url,
)

pytestmark = pytest.mark.django_db

HOSTILE = "translation.tests.test_machine_translation.HostileTranslator"
BROKEN = "translation.tests.test_machine_translation.BrokenTranslator"


class HostileTranslator(OfflineTranslator):
    """A translator whose output tries to smuggle script into the page."""

    display_name = "Hostile"

    def translate(self, source_locale, target_locale, strings):
        from wagtail_localize.strings import StringValue

        return {
            string: StringValue(
                f'<script>alert("x")</script><b onclick="alert(1)">{string.data}</b>'
            )
            for string in strings
        }


class BrokenTranslator(OfflineTranslator):
    display_name = "Broken"

    def translate(self, source_locale, target_locale, strings):
        raise requests.ConnectionError("no network")


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a machine translator tried to reach the network")

    monkeypatch.setattr(requests, "post", refuse)
    monkeypatch.setattr(requests, "get", refuse)


def machine_translate(client, site):
    translation = translation_of(site.notice)
    return client.post(
        f"/admin/localize/translate/{translation.pk}/machine_translate/",
        {"next": edit_url(english(site.notice))},
    )


def confirm_machine_output(site, strip_marker=False):
    """A person checks every machine segment and saves it (unchanged, or without the offline
    translator's marker), as the editor's "Edit" and "Save" do."""
    for translation in StringTranslation.objects.filter(
        locale=site.en, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    ):
        if strip_marker:
            translation.data = translation.data.removeprefix("[EN] ")
        translation.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
        translation.save()


def submit_and_approve(site, translator_client, redaktion_client):
    notice_en = english(site.notice)
    translator_client.post(edit_url(notice_en), {"action": "submit"})
    redaktion_client.post(workflow_action_url(notice_en, "approve"), {"comment": ""})
    return NewsPage.objects.get(pk=notice_en.pk)


# --- Which translator ------------------------------------------------------------------------


def test_without_a_deepl_key_the_offline_translator_is_used(settings):
    assert machine_translator("") == settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR
    assert isinstance(get_machine_translator(), OfflineTranslator)


def test_with_a_deepl_key_wagtail_localizes_deepl_backend_is_configured(no_network):
    setting = machine_translator(" secret-key:fx ")

    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=setting):
        translator = get_machine_translator()

    assert isinstance(translator, DeepLTranslator)
    assert translator.options["AUTH_KEY"] == "secret-key:fx"
    assert translator.get_api_endpoint() == "https://api-free.deepl.com/v2/translate"
    assert translator.get_headers() == {"Authorization": "DeepL-Auth-Key secret-key:fx"}
    assert DeepLTranslator({"AUTH_KEY": "paid"}).get_api_endpoint() == (
        "https://api.deepl.com/v2/translate"
    )


def test_the_settings_read_the_deepl_key_from_the_environment(monkeypatch):
    monkeypatch.setenv("DEEPL_API_KEY", "env-key")
    spec = importlib.util.find_spec("siteconfig.settings.base")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    assert module.WAGTAILLOCALIZE_MACHINE_TRANSLATOR == {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "env-key", "TIMEOUT": 30},
    }


def test_the_editor_offers_deepl_when_configured_without_calling_it(
    site, translator_client, no_network
):
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=machine_translator("k")):
        response = translator_client.get(edit_url(english(site.notice)))

    props = json.loads(_props(response))
    assert props["machineTranslator"]["name"] == "DeepL"


def _props(response):
    html = response.content.decode()
    import html as html_module
    import re

    return html_module.unescape(re.search(r'data-props="([^"]*)"', html).group(1))


# --- The offline translator ------------------------------------------------------------------


def test_the_offline_translator_marks_copied_text_with_the_target_language(site):
    from wagtail.models import Locale
    from wagtail_localize.strings import StringValue

    translator = OfflineTranslator({})
    de, en = Locale.objects.get(language_code="de"), Locale.objects.get(language_code="en")
    source = StringValue("Mehr dazu auf der <a id=\"a1\">Website</a>.")

    result = translator.translate(de, en, [source])[source]

    assert result.data == '[EN] Mehr dazu auf der <a id="a1">Website</a>.'
    assert translator.can_translate(de, en)
    assert not translator.can_translate(de, de)


def test_machine_translation_in_the_editor_works_offline(site, translator_client, no_network):
    response = machine_translate(translator_client, site)

    assert response.status_code == 302
    machine = StringTranslation.objects.filter(
        locale=site.en, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )
    assert machine.filter(data=f"[EN] {site.notice.title}").exists()
    assert machine.filter(data=f"[EN] {NOTICE_INTRO}").exists()
    assert not machine.filter(has_error=True).exists()


def test_machine_output_is_a_draft_until_the_redaktion_approves(
    site, translator_client, redaktion_client, client
):
    machine_translate(translator_client, site)
    confirm_machine_output(site, strip_marker=True)
    notice_en = english(site.notice)
    translator_client.post(edit_url(notice_en), {"action": "submit"})
    notice_en = NewsPage.objects.get(pk=notice_en.pk)
    assert not notice_en.live

    redaktion_client.post(workflow_action_url(notice_en, "approve"), {"comment": ""})

    notice_en = NewsPage.objects.get(pk=notice_en.pk)
    assert notice_en.live
    assert NOTICE_INTRO in client.get(notice_en.url).content.decode()


def test_a_failing_translator_gives_a_message_not_an_error_page(site, translator_client):
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR={"CLASS": BROKEN}):
        response = machine_translate(translator_client, site)

    assert response.status_code == 302
    assert response["Location"] == edit_url(english(site.notice))
    assert not StringTranslation.objects.filter(
        locale=site.en, context__object_id=site.notice.translation_key
    ).exists()


# --- Sanitising ------------------------------------------------------------------------------


def test_machine_output_with_script_never_reaches_the_page(
    site, translator_client, redaktion_client, client
):
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR={"CLASS": HOSTILE}):
        machine_translate(translator_client, site)
    assert StringTranslation.objects.filter(locale=site.en, has_error=True).exists()
    confirm_machine_output(site)

    notice_en = submit_and_approve(site, translator_client, redaktion_client)

    html = client.get(notice_en.url).content.decode()
    assert notice_en.live
    assert "alert(" not in html
    assert "onclick" not in html
    # The refused segments fall back to the German text until someone translates them.
    assert NOTICE_INTRO in html


def test_a_hand_edited_segment_with_script_never_reaches_the_page(
    site, translator_client, redaktion_client, client
):
    translation = translation_of(site.notice)
    segment = translation.source.stringsegment_set.get(string__data=NOTICE_INTRO)
    url = f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/"

    response = translator_client.put(
        url,
        urlencode({"value": '<img src=x onerror="alert(1)">Connective Cities <i>fördert</i>'}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201)
    notice_en = submit_and_approve(site, translator_client, redaktion_client)

    html = client.get(notice_en.url).content.decode()
    assert "onerror" not in html
    assert "<img src=x" not in html


def test_a_link_cannot_be_overridden_with_a_javascript_url(site, translator_client):
    translation = translation_of(site.notice)
    segment = OverridableSegment.objects.get(
        source=translation.source, data_json__contains="connective-cities.net"
    )
    url = f"/admin/localize/translate/{translation.pk}/overrides/{segment.pk}/edit/"

    def put(value):
        return translator_client.put(
            url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
        )

    refused = put(" JavaScript:alert(document.cookie)")
    assert refused.status_code == 400
    assert "error" in refused.json()
    assert not SegmentOverride.objects.filter(locale=site.en, context=segment.context).exists()

    accepted = put("https://www.connective-cities.net/en/")
    assert accepted.status_code in (200, 201)
    assert SegmentOverride.objects.filter(locale=site.en, context=segment.context).count() == 1
