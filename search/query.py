"""What a reader types into the search box, made safe to search with.

The query language is the one readers know from web search engines:

    Pandemie Folgen          both words (in any order)
    "Connective Cities"      the words as a phrase
    -Bonn  -"Bonn Berlin"    leave out what contains the word, or the phrase
    Pandemie OR Krise        either word

Everything else (operators such as `&|!():*`, "AND", stray quotes and dashes) separates words
and is otherwise ignored, so no input reaches the database as syntax: words are letters and
digits (with inner hyphens, as in "COVID-19"), and go to the database only as parameters.

`to_tsquery_sql` builds the PostgreSQL query, with the text-search configuration of the
reader's language, so that words are stemmed as the pages were when they were indexed
("cities" finds "city"). German builds compound words, which PostgreSQL's stemmer does not
split; for such languages each word also matches as the start of a longer word, so that
"Pandemie" finds "Pandemiefolgen". `to_fts5_match` builds the SQLite (FTS5) fallback, which
has no stemming and matches words by their beginning.
"""

import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_LENGTH = 200
MAX_CLAUSES = 12
# Words shorter than this match only as whole words, never as the start of a longer one.
MIN_PREFIX_LENGTH = 3

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_TOKEN = re.compile(r'(?P<neg>-?)"(?P<phrase>[^"]*)"?|(?P<chunk>[^\s"]+)')
_WORD = re.compile(r"[^\W_]+(?:[-_][^\W_]+)*")
_LETTERS = re.compile(r"[^\W\d_]+")
_OR = {"OR", "ODER", "|", "||"}
_AND = {"AND", "UND", "&", "&&", "+"}
_NOT = {"NOT", "NICHT"}


def _german_fold(word):
    """A word as PostgreSQL's German stemmer spells it, before it strips any ending."""
    return (
        word.lower().replace("ä", "a").replace("ö", "o").replace("ü", "u").replace("ß", "ss")
    )


# Languages whose words combine into compounds, with the spelling their stemmer gives words.
COMPOUNDING_LANGUAGES = {"de": _german_fold}


@dataclass(frozen=True)
class Clause:
    """Words that must all occur; if `phrase` (it was quoted), as they are, side by side."""

    words: tuple
    phrase: bool = False

    @property
    def text(self):
        return " ".join(self.words)


@dataclass(frozen=True)
class ParsedQuery:
    """A search: every group must match, a group by any of its clauses; no excluded clause
    may match."""

    text: str = ""
    groups: tuple = ()
    excluded: tuple = ()
    shortened: bool = False

    @property
    def is_empty(self):
        return not self.groups

    @property
    def only_excludes(self):
        return not self.groups and bool(self.excluded)


def clean(raw):
    """The query as it is shown and kept in links: no control characters, single spaces, at
    most MAX_QUERY_LENGTH characters. Returns (text, shortened)."""
    text = " ".join(_CONTROL.sub(" ", unicodedata.normalize("NFC", raw or "")).split())
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    return text[:MAX_QUERY_LENGTH].rstrip(), True


def parse(raw):
    text, shortened = clean(raw)
    groups, excluded = [], []
    join_next = negate_next = last_was_group = False
    for match in _TOKEN.finditer(text):
        chunk = match.group("chunk")
        if chunk in _OR:
            join_next = last_was_group
            continue
        if chunk in _AND:
            continue
        if chunk in _NOT:
            negate_next = True
            continue
        if chunk is not None:
            negated = chunk.startswith("-") and len(chunk) > 1
            words = tuple(_WORD.findall(chunk))
            clause = Clause(words) if words else None
        else:
            negated = bool(match.group("neg"))
            words = tuple(_WORD.findall(match.group("phrase")))
            clause = Clause(words, phrase=True) if words else None
        if clause is None:
            continue
        negated = negated or negate_next
        negate_next = False
        if len(groups) + len(excluded) >= MAX_CLAUSES:
            shortened = True
            break
        if negated:
            excluded.append(clause)
        elif join_next:
            groups[-1] = (*groups[-1], clause)
        else:
            groups.append((clause,))
        join_next, last_was_group = False, not negated
    return ParsedQuery(text, tuple(groups), tuple(excluded), shortened)


# --- PostgreSQL --------------------------------------------------------------------------------


def _word_tsquery(word, config, fold):
    """The tsquery of one word: its stem, and for compounding languages also the word as the
    start of a longer one (unless the word is a stop word, which matches nothing)."""
    stem_sql, stem_params = "plainto_tsquery(%s::regconfig, %s)", [config, word]
    if fold is None or len(word) < MIN_PREFIX_LENGTH or not _LETTERS.fullmatch(word):
        return stem_sql, stem_params
    prefix = f"'{fold(word)}':*"
    return (
        f"(CASE WHEN numnode({stem_sql}) > 0 THEN {stem_sql} || %s::tsquery ELSE {stem_sql} END)",
        [*stem_params, *stem_params, prefix, *stem_params],
    )


def _clause_tsquery(clause, config, fold):
    if clause.phrase:
        return "phraseto_tsquery(%s::regconfig, %s)", [config, clause.text]
    parts = [_word_tsquery(word, config, fold) for word in clause.words]
    return _join(parts, " && ")


def _join(parts, operator):
    if len(parts) == 1:
        return parts[0]
    sql = operator.join(part_sql for part_sql, _params in parts)
    params = [param for _sql, part_params in parts for param in part_params]
    return f"({sql})", params


def to_tsquery_sql(parsed, config, language_code):
    """(sql, params) of a tsquery expression for a query that is not empty."""
    fold = COMPOUNDING_LANGUAGES.get(language_code)
    parts = [
        _join([_clause_tsquery(clause, config, fold) for clause in group], " || ")
        for group in parsed.groups
    ]
    for clause in parsed.excluded:
        clause_sql, clause_params = _clause_tsquery(clause, config, fold)
        parts.append((f"!!{clause_sql}", clause_params))
    return _join(parts, " && ")


def group_prefilters_sql(parsed, config, language_code):
    """For each group, (sql, params) of a tsquery that any of the group's words match.

    A page that matches the whole query contains, in its title or its other text, a word of
    every group: a condition on each stored vector alone, which PostgreSQL answers from its
    GIN indexes before it checks the whole query on the few pages left.
    """
    fold = COMPOUNDING_LANGUAGES.get(language_code)
    return [
        _join([_word_tsquery(word, config, fold) for clause in group for word in clause.words],
              " || ")
        for group in parsed.groups
    ]


# --- SQLite FTS5 -------------------------------------------------------------------------------


def _fts5_clause(clause):
    # Words hold only letters, digits and inner hyphens or underscores: nothing that needs
    # quoting inside an FTS5 string.
    if clause.phrase:
        return f'"{clause.text}"'
    terms = [f'"{word}"*' if len(word) >= MIN_PREFIX_LENGTH else f'"{word}"'
             for word in clause.words]
    return "(" + " AND ".join(terms) + ")"


def to_fts5_match(parsed):
    """The FTS5 MATCH expression for a query that is not empty."""
    match = " AND ".join(
        "(" + " OR ".join(_fts5_clause(clause) for clause in group) + ")"
        for group in parsed.groups
    )
    if parsed.excluded:
        match = f"({match}) NOT (" + " OR ".join(map(_fts5_clause, parsed.excluded)) + ")"
    return match


# --- Highlighting without the database (SQLite) ------------------------------------------------


def fold(text):
    """Case and accents folded, as SQLite's unicode61 tokenizer compares words."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def word_matcher(parsed):
    """A test for one word of a text: does the query look for it? (As FTS5 matches: quoted
    words whole, other words by their beginning.)"""
    wanted = set()
    for group in parsed.groups:
        for clause in group:
            for word in clause.words:
                for part in _LETTERS_OR_DIGITS.findall(word):
                    prefix = not clause.phrase and len(part) >= MIN_PREFIX_LENGTH
                    wanted.add((fold(part), prefix))

    def matches(token):
        token = fold(token)
        return any(token.startswith(part) if prefix else token == part
                   for part, prefix in wanted)

    return matches


_LETTERS_OR_DIGITS = re.compile(r"[^\W_]+")
