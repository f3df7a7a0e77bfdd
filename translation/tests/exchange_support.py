"""Shared by the PO and XLIFF exchange tests: the state a refused import must not change, the
strings an import stored, and the messages a translator reads."""

import html
import io

from django.contrib.messages import get_messages
from django.utils.translation import gettext, ngettext, override
from wagtail.models import Revision
from wagtail_localize.models import StringTranslation, TranslationLog, TranslationSource

from core.models import Contact
from news.models import NewsPage

from .helpers import (
    assert_refused,
    edit_url,
    english,
    publish,
    translate_strings,
    translation_of,
    workflow_action_url,
)


def exchange_url(translation, kind, action):
    """The editor's exchange endpoints: `kind` "pofile" or "xliff", `action` "download" or
    "upload"."""
    return f"/admin/localize/translate/{translation.pk}/{kind}/{action}/"


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response


def post_file(client, url, content, name, next_url="/admin/"):
    """Upload `content` (bytes or text) as the file `name`, as the editor's form does."""
    handle = io.BytesIO(content if isinstance(content, bytes) else content.encode())
    handle.name = name
    return client.post(url, {"file": handle, "next": next_url})


def snapshot():
    """Every stored translation string, revision and translation log, as comparable data."""
    return {
        "strings": list(
            StringTranslation.objects.order_by("pk").values_list(
                "pk", "data", "updated_at", "has_error", "translation_type", "tool_name",
                "last_translated_by_id",
            )
        ),
        "revisions": list(Revision.objects.order_by("pk").values_list("pk", flat=True)),
        "logs": list(TranslationLog.objects.order_by("pk").values_list("pk", flat=True)),
    }


def messages_of(response):
    """(level, text) of the messages, as the translator reads them (Wagtail escapes them)."""
    return [
        (message.level_tag, html.unescape(str(message)).strip())
        for message in get_messages(response.wsgi_request)
    ]


def errors_of(response):
    return " ".join(text for level, text in messages_of(response) if level == "error")


def make_live_notice_en(site):
    """The English notice, translated ("EN: …") and approved once: live."""
    translate_strings(site.notice)
    translation_of(site.notice).save_target(publish=False)
    return publish(english(site.notice))


def reload(page):
    return NewsPage.objects.get(pk=page.pk)


def de(message, **params):
    """`message` as the German admin shows it (the demo translators work in German)."""
    with override("de"):
        text = gettext(message)
    return text % params if params else text


def de_n(singular, plural, count, **params):
    with override("de"):
        return ngettext(singular, plural, count) % {"count": count, **params}


def english_strings(site, obj=None):
    """German text → English text stored for `obj` (the notice unless named)."""
    obj = obj or site.notice
    return dict(
        StringTranslation.objects.filter(
            locale=site.en, context__object_id=obj.translation_key
        ).values_list("translation_of__data", "data")
    )


def assert_imported_by(site, translator, tool_name):
    """Every English string of the notice was imported by `translator`:
    manual translations from the tool `tool_name`, none with an error."""
    stored = StringTranslation.objects.filter(
        locale=site.en, context__object_id=site.notice.translation_key
    )
    assert set(stored.values_list("translation_type", "tool_name", "has_error")) == {
        ("manual", tool_name, False)
    }
    assert {item.last_translated_by for item in stored} == {translator}


def refused_upload(upload, client, translation, content, *expected):
    """`upload` of `content` is refused with every `expected` text and changes nothing."""
    before = snapshot()
    response = upload(client, translation, content)
    assert response.status_code == 302
    errors = errors_of(response)
    assert de("Nothing was imported.") in errors
    for text in expected:
        assert text in errors
    assert snapshot() == before
    return errors


def change_german_subtitle(site, translation):
    """The Redaktion changes the notice's subtitle and publishes it after an export."""
    notice = site.notice
    notice.subtitle = "Bewerbungen bis zum 15. Oktober"
    notice.save_revision().publish()
    TranslationSource.objects.get(pk=translation.source_id).update_from_db()


def skipped_because_german_changed(units):
    return de_n(
        "%(count)d segment was skipped because its German text has changed since the export: "
        "%(units)s. Export the file again to translate it.",
        "%(count)d segments were skipped because their German text has changed since the "
        "export: %(units)s. Export the file again to translate them.",
        1, units=units)



def live_only_after_approval(notice_en, title, translator_client, redaktion_client, client):
    """An imported English notice is a draft readers cannot see; once the translator submits
    it and the Redaktion approves it, it is live. The live page's HTML."""
    notice_en = reload(notice_en)
    assert not notice_en.live
    assert notice_en.get_latest_revision_as_object().title == title
    assert client.get(notice_en.url).status_code == 404

    translator_client.post(edit_url(notice_en), {"action": "submit"})
    redaktion_client.post(workflow_action_url(notice_en, "approve"), {"comment": ""})
    notice_en = reload(notice_en)
    assert notice_en.live
    html = client.get(notice_en.url).content.decode()
    assert title in html
    return html


def assert_kept_out(translator_client, download_url, upload_file, contact_fr):
    """The translator can neither export nor import the French contact; nothing changes."""
    before = snapshot()

    assert_refused(translator_client.get(download_url))
    assert_refused(upload_file())

    assert snapshot() == before
    assert Contact.objects.get(pk=contact_fr.pk).role == "Projektleitung"
