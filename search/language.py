"""How each language's words are reduced to what the search index stores.

PostgreSQL stems with its text-search configuration of the language ("german", "english"),
whose dictionaries are the Snowball stemmers. On SQLite the same Snowball algorithms run in
Python (PyStemmer wraps Snowball's C library, the code PostgreSQL compiles in), so a page is
found by the same word forms on both. A language without a Snowball stemmer is indexed and
searched word for word ("simple").

PostgreSQL also drops stop words ("die", "und", "the") from what it indexes and from queries.
`STOP_WORDS` lists the ones dropped from queries on SQLite, so that "die Folgen" does not ask
every result to contain "die"; each of them is a stop word of PostgreSQL's configuration too
(search/tests/test_search_cases.py checks that on PostgreSQL).
"""

import re
import unicodedata
from functools import cache

import Stemmer

SIMPLE = "simple"
# PostgreSQL's built-in Snowball configurations by language code. PyStemmer knows the same
# algorithms under the same names, so a language added to SITE_LANGUAGES is stemmed on both.
SNOWBALL = {
    "ar": "arabic", "ca": "catalan", "da": "danish", "de": "german", "el": "greek",
    "en": "english", "es": "spanish", "eu": "basque", "fi": "finnish", "fr": "french",
    "ga": "irish", "hi": "hindi", "hu": "hungarian", "hy": "armenian", "id": "indonesian",
    "it": "italian", "lt": "lithuanian", "ne": "nepali", "nl": "dutch", "no": "norwegian",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian", "sv": "swedish",
    "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}

# Common function words; only those that a reader is likely to type into a search box.
_GERMAN_STOP_WORDS = """
    aber als am an auch auf aus bei bin bis bist da das dem den der des die dir du ein eine
    einem einen einer eines er es für hat hatte ich ihr im in ist mit nach nicht noch nur oder
    sich sie sind so über um und uns unter vom von vor war was wie wir wird zu zum zur
"""
_ENGLISH_STOP_WORDS = """
    a about an and are as at be been but by for from has have he her his i if in into is it its
    my not of on or our she so that the their there they this to was we were what which who
    will with you your
"""
STOP_WORDS = {
    "de": frozenset(_GERMAN_STOP_WORDS.split()),
    "en": frozenset(_ENGLISH_STOP_WORDS.split()),
}

# Languages whose words combine into compounds ("Pandemiefolgen"): there, a word also matches
# as the beginning of a longer word. Snowball's German stemmer writes ä, ö, ü without their
# dots and ß as "ss", so the beginning is spelled that way too.
COMPOUNDING = {"de"}

WORD = re.compile(r"[^\W_]+")


def base_language(language_code):
    return (language_code or "").lower().split("-")[0]


def config_for_language(language_code):
    """The PostgreSQL text-search configuration of a language."""
    code = (language_code or "").lower()
    return SNOWBALL.get(code) or SNOWBALL.get(base_language(code), SIMPLE)


@cache
def _stemmer(algorithm):
    return Stemmer.Stemmer(algorithm) if algorithm in Stemmer.algorithms() else None


def normalise(word):
    return unicodedata.normalize("NFC", word).lower()


def stem(word, language_code):
    """`word` as the index of `language_code` stores it."""
    stemmer = _stemmer(config_for_language(language_code))
    word = normalise(word)
    return stemmer.stemWord(word) if stemmer else word


def is_stop_word(word, language_code):
    return normalise(word) in STOP_WORDS.get(base_language(language_code), ())


def compounds(language_code):
    return base_language(language_code) in COMPOUNDING


def fold(word):
    """The beginning of a compound as the German stemmer spells it."""
    return normalise(word).replace("ä", "a").replace("ö", "o").replace("ü", "u").replace(
        "ß", "ss")


def words(text):
    return WORD.findall(text or "")


def stemmed_text(text, language_code):
    """`text` as the SQLite index stores it: every word stemmed, in its place."""
    return " ".join(stem(word, language_code) for word in words(text))
