"""What a reader types into the search box, as one query model for both databases.

The query language is the one readers know from web search engines:

    Pandemie Folgen          both words (in any order)
    "Connective Cities"      the words as a phrase
    -Bonn  -"Bonn Berlin"    leave out what contains the word, or the phrase
    Pandemie OR Krise        either word

Everything else (operators such as `&|!():*`, "AND", stray quotes and dashes) separates words
and is otherwise ignored, so no input reaches the database as syntax: words are letters and
digits (with inner hyphens, as in "COVID-19"), and go to the database only as parameters.

`parse` gives a `ParsedQuery`: groups that must all match, each by any of its clauses, and
clauses that must not match. search/dialects.py turns it into PostgreSQL's or SQLite's full-text
query; both stem each word with the Snowball stemmer of the reader's language, drop stop words
and, for languages that build compounds, let a word match the beginning of a longer one
("Pandemie" finds "Pandemiefolgen").
"""

import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_LENGTH = 200
MAX_CLAUSES = 12

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_TOKEN = re.compile(r'(?P<neg>-?)"(?P<phrase>[^"]*)"?|(?P<chunk>[^\s"]+)')
_WORD = re.compile(r"[^\W_]+(?:[-_][^\W_]+)*")
_OR = {"OR", "ODER", "|", "||"}
_AND = {"AND", "UND", "&", "&&", "+"}
_NOT = {"NOT", "NICHT"}


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
