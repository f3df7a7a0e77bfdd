"""Shared by the PO and XLIFF exchange tests: the state a refused import must not change."""

import html

from django.contrib.messages import get_messages
from django.utils.translation import gettext, ngettext, override
from wagtail.models import Revision
from wagtail_localize.models import StringTranslation, TranslationLog

from news.models import NewsPage

from .helpers import english, publish, translate_strings, translation_of


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
