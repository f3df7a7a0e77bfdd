"""Language and machine-translation settings, built from the environment.

This module is imported by the settings, so it must not import models or anything that needs
configured settings: Django's language table (`django.conf.locale.LANG_INFO`) is plain data.

* `site_languages("de,en,ar")` gives `LANGUAGES`: German always first (it is the source
  language and the default), then the other languages in the given order, each with its own
  name as Django knows it ("English", "العربيّة"). An unknown code stops start-up with a clear
  message instead of serving a site with a broken language.
* `machine_translator(deepl_api_key)` gives `WAGTAILLOCALIZE_MACHINE_TRANSLATOR`: DeepL through
  wagtail-localize's backend when a key is set, otherwise the offline development translator.
"""

from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

SOURCE_LANGUAGE = "de"
DEFAULT_SITE_LANGUAGES = "de,en"

DEEPL_TRANSLATOR = "wagtail_localize.machine_translators.deepl.DeepLTranslator"
OFFLINE_TRANSLATOR = "translation.machine.OfflineTranslator"


def _known(code):
    info = LANG_INFO.get(code)
    # Some entries only point elsewhere ("zh-cn" → fallback "zh-hans"); they have no name.
    return info if info and "name_local" in info else None


def site_languages(value=None):
    """`LANGUAGES` for a comma-separated list of language codes ("de,en,ar")."""
    codes = [code.strip().lower().replace("_", "-") for code in (value or "").split(",")]
    ordered = [SOURCE_LANGUAGE]
    for code in codes:
        if code and code not in ordered:
            ordered.append(code)
    unknown = [code for code in ordered if _known(code) is None]
    if unknown:
        raise ImproperlyConfigured(
            f"SITE_LANGUAGES names unknown language codes: {', '.join(unknown)}. "
            "Use codes from Django's language list, such as de, en, es, fr or ar."
        )
    return [(code, _known(code)["name_local"]) for code in ordered]


def machine_translator(deepl_api_key=""):
    """`WAGTAILLOCALIZE_MACHINE_TRANSLATOR`: DeepL with a key, the offline translator without.

    Keys of DeepL's free plan end in ":fx"; wagtail-localize then uses the free API endpoint.
    """
    deepl_api_key = (deepl_api_key or "").strip()
    if deepl_api_key:
        return {"CLASS": DEEPL_TRANSLATOR, "OPTIONS": {"AUTH_KEY": deepl_api_key, "TIMEOUT": 30}}
    return {"CLASS": OFFLINE_TRANSLATOR, "OPTIONS": {}}
