"""The offline development translator, used when no DeepL key is configured.

It makes no request and invents no language: it copies the German text and marks it with the
target language ("[EN] Förderprogramm …"), so the "Translate with …" button works offline,
translators see at a glance which segments are still machine output, and nothing that looks
finished reaches the Redaktion by accident. Its output is stored like any machine translation:
as draft strings that wagtail-localize validates (only inline tags, no attributes) and that go
live only through the approval workflow.
"""

from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue


def _language(code):
    return code.split("-")[0].lower()


def mark(text, language_code):
    marker = f"[{language_code.upper()}] "
    return text if text.startswith(marker) else marker + text


class OfflineTranslator(BaseMachineTranslator):
    display_name = _("offline draft translator")

    def translate(self, source_locale, target_locale, strings):
        return {
            string: StringValue(mark(string.data, target_locale.language_code))
            for string in strings
        }

    def can_translate(self, source_locale, target_locale):
        return _language(source_locale.language_code) != _language(target_locale.language_code)
