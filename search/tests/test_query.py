"""Reading what a reader typed, and turning it into database queries that cannot misbehave."""

from search.dialects import MARK_END, MARK_START, PostgresDialect, SqliteDialect, word_matcher
from search.engine import mark_up
from search.language import config_for_language, stem, stemmed_text
from search.query import MAX_QUERY_LENGTH, Clause, parse

postgres, sqlite = PostgresDialect(), SqliteDialect()


def test_words_must_all_occur():
    parsed = parse("  Pandemie   Folgen ")
    assert parsed.text == "Pandemie Folgen"
    assert parsed.groups == ((Clause(("Pandemie",)),), (Clause(("Folgen",)),))
    assert parsed.excluded == ()


def test_quotes_make_a_phrase_and_an_unclosed_quote_runs_to_the_end():
    assert parse('"Connective Cities" 2021').groups == (
        (Clause(("Connective", "Cities"), phrase=True),), (Clause(("2021",)),))
    assert parse('"x').groups == ((Clause(("x",), phrase=True),),)
    assert parse('say "a b').groups == ((Clause(("say",)),), (Clause(("a", "b"), phrase=True),))


def test_minus_and_not_leave_out():
    parsed = parse('Pandemie -Bonn NOT Berlin -"Köln Nord"')
    assert parsed.groups == ((Clause(("Pandemie",)),),)
    assert parsed.excluded == (Clause(("Bonn",)), Clause(("Berlin",)),
                               Clause(("Köln", "Nord"), phrase=True))
    assert parse("-Bonn").only_excludes and parse("-Bonn").is_empty


def test_or_joins_alternatives_and_binds_tighter_than_and():
    assert parse("a b OR c d").groups == (
        (Clause(("a",)),), (Clause(("b",)), Clause(("c",))), (Clause(("d",)),))
    assert parse("ODER a OR").groups == ((Clause(("a",)),),)
    # An alternative to a left-out word makes no sense: the OR is ignored.
    assert parse("a -b OR c").groups == ((Clause(("a",)),), (Clause(("c",)),))


def test_operators_and_symbols_only_separate_words():
    assert parse("a AND b && c & +d").groups == (
        (Clause(("a",)),), (Clause(("b",)),), (Clause(("c",)),), (Clause(("d",)),))
    assert parse("&|!():*").is_empty
    assert parse("-").is_empty and parse('""').is_empty and parse("").is_empty
    assert parse("a:*&b|!c").groups == ((Clause(("a", "b", "c")),),)
    assert parse("COVID-19 x_y").groups == ((Clause(("COVID-19",)),), (Clause(("x_y",)),))
    assert parse("'; DROP TABLE x; --").groups == ((Clause(("DROP",)),), (Clause(("TABLE",)),),
                                                  (Clause(("x",)),))


def test_control_characters_go_and_long_queries_are_shortened():
    assert parse("a\x00b\tc\u0085d").text == "a b c d"
    parsed = parse("wort " * 1000)
    assert parsed.shortened and len(parsed.text) <= MAX_QUERY_LENGTH
    assert len(parsed.groups) == 12
    assert not parse("kurz").shortened


def test_combining_accents_are_joined_to_their_letter():
    assert parse("Cafe\u0301").groups == ((Clause(("Café",)),),)


def test_sqlite_expression_quotes_every_stem_and_matches_german_compounds_by_beginning():
    assert sqlite.expression(parse('Pandemie EU "Connective Cities" -Bonn OR x'), "de") == (
        '((("pandemi" OR "pandemie"*) AND "eu" AND "connectiv citi" AND "x")) '
        'NOT ("bonn" OR "bonn"*)'
    )
    assert sqlite.expression(parse("a OR Städten"), "de") == '("a" OR ("stadt" OR "stadten"*))'


def test_sqlite_drops_stop_words_and_an_empty_query_asks_for_nothing():
    assert sqlite.expression(parse("die Folgen"), "de") == '("folg" OR "folgen"*)'
    assert sqlite.expression(parse("die der"), "de") is None
    assert sqlite.expression(parse("the cities -a"), "en") == '"citi"'


def test_sqlite_reads_a_hyphenated_word_as_its_parts_side_by_side():
    assert sqlite.expression(parse("COVID-19"), "de") == '"covid 19"'


def test_english_words_match_by_their_stem_only():
    assert sqlite.expression(parse("cities"), "en") == '"citi"'
    sql, params = postgres.tsquery(parse("cities"), "en")
    assert sql == "plainto_tsquery(%s::regconfig, %s)" and params == ["english", "cities"]


def test_tsquery_passes_every_word_as_a_parameter():
    sql, params = postgres.tsquery(parse("Pandemie'); -- EU -Bonn"), "de")
    assert "Pandemie" not in sql and "Bonn" not in sql and "--" not in sql
    assert params.count("Pandemie") == 3 and "'pandemie':*" in params
    assert "!!" in sql and params.count("EU") == 1  # too short to match a longer word


def test_german_compounds_fold_umlauts_like_the_stemmer():
    _sql, params = postgres.tsquery(parse("Städtepartnerschaft"), "de")
    assert "'stadtepartnerschaft':*" in params
    _sql, params = postgres.tsquery(parse("Straße"), "de")
    assert "'strasse':*" in params


def test_a_phrase_is_matched_as_a_phrase():
    sql, params = postgres.tsquery(parse('"Connective Cities"'), "de")
    assert "phraseto_tsquery" in sql and params == ["german", "Connective Cities"]


def test_sqlite_stores_the_stems_of_the_page_language():
    assert stemmed_text("Die Städte, der Starkregens!", "de") == "die stadt der starkreg"
    assert stemmed_text("Cities learning", "en") == "citi learn"
    assert stem("Städte", "zh") == "städte"


def test_word_matcher_marks_what_the_index_matches():
    matches = word_matcher(parse('Pandemie EU "Rat"'), "de")
    assert matches("Pandemiefolgen") and matches("PANDEMIE") and matches("Pandemien")
    assert matches("EU") and not matches("Europa")
    assert matches("Rat") and not matches("Rathaus")
    assert word_matcher(parse("Starkregens"), "de")("Starkregen")
    assert not word_matcher(parse("-Bonn x"), "de")("Bonn")
    assert not word_matcher(parse("die Stadt"), "de")("die")


def test_marked_text_is_escaped_before_it_is_marked():
    text = f'<b>fett</b> & {MARK_START}<i>Wort</i>{MARK_END} {MARK_START}offen {MARK_END}{MARK_END}'
    assert mark_up(text) == (
        "&lt;b&gt;fett&lt;/b&gt; &amp; <mark>&lt;i&gt;Wort&lt;/i&gt;</mark> <mark>offen </mark>"
    )
    assert mark_up(f"{MARK_START}x") == "x"


def test_each_language_gets_its_stemmer():
    assert config_for_language("de") == "german"
    assert config_for_language("en") == "english"
    assert config_for_language("fr") == "french"
    assert config_for_language("pt-br") == "portuguese"
    assert config_for_language("zh") == "simple"
