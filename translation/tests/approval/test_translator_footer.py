"""The translation editor's footer (issue 26, point 5): a translator's main action is "Zur
Freigabe einreichen"; "In Alias umwandeln", which she may not do, is not offered. The Redaktion
keeps wagtail-localize's footer."""

import json
import re

import pytest

from ..helpers import edit_url, english

pytestmark = pytest.mark.django_db


def editor(client, site):
    response = client.get(edit_url(english(site.notice)))
    assert response.status_code == 200
    html = response.content.decode()
    props = re.search(r'class="js-translation-editor[^"]*" data-props="([^"]*)"', html).group(1)
    return html, json.loads(props.replace("&quot;", '"').replace("&amp;", "&"))


def test_the_translators_footer_submits_and_offers_no_alias(site, translator_client):
    html, props = editor(translator_client, site)

    assert props["links"]["convertToAliasUrl"] is None
    assert not any(props["perms"].values())
    footer = html[html.index('class="footer w-grid md:w-grid-flow-col translation-footer"'):]
    assert re.search(r'name="action" value="submit"[^>]*>\s*(<svg.*?</svg>\s*)*'
                     r'<em[^>]*>Zur Freigabe einreichen</em>', footer, re.S)
    assert html.count("Zur Freigabe einreichen") == 1
    assert "translation-editor--own-footer" in html


def test_the_redaktion_keeps_wagtail_localizes_footer(site, redaktion_client):
    html, props = editor(redaktion_client, site)

    assert props["links"]["convertToAliasUrl"]
    assert props["perms"]["canPublish"]
    assert "translation-footer" not in html
