"""The translation editor's footer (issue 26, point 5): a translator's main action is "Zur
Freigabe einreichen"; "In Alias umwandeln", which she may not do, is not offered. The Redaktion
keeps its actions; under the four-eyes rule it submits too, and with the rule off it keeps
wagtail-localize's footer with "Veröffentlichen"."""

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


def four_eyes(on):
    from wagtail.models import Site

    from editorial.models import EditorialSettings

    settings = EditorialSettings.for_site(Site.objects.get(is_default_site=True))
    settings.four_eyes = on
    settings.save()


def test_under_four_eyes_the_redaktion_submits_and_keeps_its_other_actions(site,
                                                                          redaktion_client):
    html, props = editor(redaktion_client, site)

    assert not props["perms"]["canPublish"]
    assert props["links"]["convertToAliasUrl"]
    assert props["perms"]["canDelete"] and props["perms"]["canLock"]
    assert "translation-footer" in html


def test_with_four_eyes_off_the_redaktion_keeps_wagtail_localizes_footer(site,
                                                                        redaktion_client):
    four_eyes(False)
    html, props = editor(redaktion_client, site)

    assert props["links"]["convertToAliasUrl"]
    assert props["perms"]["canPublish"]
    assert "translation-footer" not in html
