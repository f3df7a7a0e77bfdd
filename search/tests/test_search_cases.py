"""One table of searches, run on whichever database the suite runs on (SQLite in `make test`,
PostgreSQL in CI), with the same expected hits on both.

Where one database cannot give what the other gives, the case says which and why (an xfail
naming the database); the README's search section lists the same cases.
"""

from dataclasses import dataclass, field

import pytest
from django.db import connection, transaction
from django.urls import reverse
from django.utils import translation

from core.factories import translate_page
from news.factories import NewsPageFactory
from search import language

from .conftest import paragraph
from .test_search_page import get, result_titles

pytestmark = pytest.mark.django_db

STARKREGEN = "Starkregen in Tunis"
KLIMA = "Klimaanpassung in Kommunen"
PANDEMIE = "Pandemiefolgen für die Verwaltung"
MUELL = "Müllabfuhr und Straßenreinigung"
KRISE = "Kommunikation in der Krise"
RAIN = "Cities adapt to heavy rain"
LEARNING = "Learning from the pandemic"

PAGES = [
    # German title and text, then the English translation's (or None)
    (STARKREGEN, "Der Starkregen überflutete die Altstadt.",
     RAIN, "Flooded streets and municipal planning after the storm."),
    (KLIMA, "Städte planen gemeinsam die Anpassung an den Klimawandel.", None, None),
    (PANDEMIE, "Wie Bürgermeister und ihre Teams die Krise bewältigen.",
     LEARNING, "Every city learns from the others."),
    (MUELL, "Der Müll wird zweimal abgeholt; die Straße bleibt sauber, größere Häuser "
     "brauchen mehr Tonnen.", None, None),
    (KRISE, "Connective Cities berichtet über neue Städtepartnerschaften.", None, None),
]

OLD_SNOWBALL = (
    "PostgreSQL 15 ships Snowball 2.2; the German stemmer of Snowball 3 (PyStemmer, SQLite) "
    "also {}"
)


@dataclass(frozen=True)
class Case:
    name: str
    language: str
    query: str
    hits: set
    not_on: dict = field(default_factory=dict)  # database vendor -> why not


CASES = [
    # Word forms (German)
    Case("genitive", "de", "Starkregens", {STARKREGEN}),
    Case("plural", "de", "Klimaanpassungen", {KLIMA}),
    Case("plural with umlaut", "de", "Städten", {KLIMA}),
    Case("plural finds singular", "de", "Kommunen", {KLIMA}),
    Case("singular finds plural, not another word", "de", "Kommune", {KLIMA}),
    Case("inflected adjective", "de", "groß", {MUELL}),
    Case("umlaut plural", "de", "Haus", {MUELL}),
    Case("ß typed as ss", "de", "Strasse", {MUELL}),
    Case("umlaut typed without dots", "de", "Haeuser", {MUELL},
         {"postgresql": OLD_SNOWBALL.format("reads ae, oe, ue as ä, ö, ü")}),
    Case("ue typed for ü", "de", "Muell", {MUELL},
         {"postgresql": OLD_SNOWBALL.format("reads ae, oe, ue as ä, ö, ü")}),
    Case("feminine form", "de", "Bürgermeisterin", {PANDEMIE},
         {"postgresql": OLD_SNOWBALL.format("strips the feminine ending -in")}),
    # Compounds: a word finds compounds it begins, not those it ends
    Case("compound by its first part", "de", "Pandemie", {PANDEMIE}),
    Case("compound in another form", "de", "Städtepartnerschaft", {KRISE}),
    Case("compound by its last part", "de", "Regen", set()),
    # Stop words
    Case("stop words alone", "de", "die der und", set()),
    Case("stop word beside a word", "de", "die Klimaanpassung", {KLIMA}),
    # Phrases, exclusion, OR
    Case("phrase", "de", '"Connective Cities"', {KRISE}),
    Case("phrase in another order", "de", '"Cities Connective"', set()),
    Case("phrase with inflected words", "de", '"Städte planen"', {KLIMA}),
    Case("exclusion", "de", "Krise -Pandemie", {KRISE}),
    Case("excluded phrase", "de", 'Krise -"neue Städtepartnerschaften"', {PANDEMIE}),
    Case("or", "de", "Starkregen OR Müll", {STARKREGEN, MUELL}),
    Case("or in German", "de", "Starkregen ODER Klimaanpassung", {STARKREGEN, KLIMA}),
    Case("and binds or groups", "de", "Krise Bürgermeister OR Städtepartnerschaften",
         {PANDEMIE, KRISE}),
    # English
    Case("English plural", "en", "cities", {RAIN, LEARNING}),
    Case("English past tense", "en", "flood", {RAIN}),
    Case("English -ing", "en", "learned", {LEARNING}),
    Case("English derived form", "en", "municipalities", {RAIN}),
    Case("English stop word", "en", "the storm", {RAIN}),
    Case("English has no compounds", "en", "pan", set()),
    Case("English phrase", "en", '"every city"', {LEARNING}),
    Case("English exclusion", "en", "cities -storm", {LEARNING}),
    Case("German words are not in English pages", "en", "Starkregen", set()),
]


@pytest.fixture(scope="module")
def _pages(django_db_setup, django_db_blocker):
    from conftest import build_site_tree

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            tree = build_site_tree()
            for title, text, title_en, text_en in PAGES:
                page = NewsPageFactory(parent=tree.news_index, title=title, teaser="",
                                       subtitle="", body=paragraph(text))
                if title_en:
                    translate_page(page, title=title_en, body=paragraph(text_en))
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def pages(_pages, db):
    return None


def search_url(language_code):
    with translation.override(language_code):
        return reverse("search")


@pytest.mark.parametrize("case", [
    pytest.param(case, id=case.name, marks=[
        pytest.mark.xfail(connection.vendor == vendor, reason=reason, strict=True)
        for vendor, reason in case.not_on.items()
    ])
    for case in CASES
])
def test_search_finds_the_same_pages_on_every_database(client, pages, case):
    titles = result_titles(get(client, search_url(case.language), q=case.query))
    assert len(titles) == len(set(titles))
    assert set(titles) == case.hits


@pytest.mark.skipif(connection.vendor != "postgresql", reason="compares with PostgreSQL")
def test_every_stop_word_sqlite_drops_is_one_postgresql_drops_too(db):
    with connection.cursor() as cursor:
        for code, words in language.STOP_WORDS.items():
            config = language.config_for_language(code)
            for word in sorted(words):
                cursor.execute("SELECT numnode(plainto_tsquery(%s::regconfig, %s))",
                               [config, word])
                assert cursor.fetchone()[0] == 0, (code, word)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="compares with PostgreSQL")
def test_the_python_stemmer_agrees_with_postgresql_on_the_words_of_the_cases(db):
    """The cases above hold because both stem alike; this shows where they do not."""
    differ = {"muell", "haeuser", "bürgermeisterin"}
    with connection.cursor() as cursor:
        for case in CASES:
            config = language.config_for_language(case.language)
            for word in language.words(case.query):
                if language.is_stop_word(word, case.language) or word in {"OR", "ODER"}:
                    continue
                cursor.execute("SELECT ts_lexize(%s, lower(%s))", [f"{config}_stem", word])
                expected = cursor.fetchone()[0][0]
                stemmed = language.stem(word, case.language)
                assert (stemmed == expected) != (word.lower() in differ), (word, stemmed, expected)
