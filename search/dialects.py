"""One query model (search/query.py), two ways to ask a database: PostgreSQL and SQLite.

Both read the project's own index (search/models.py) and treat a query alike:

- each word is stemmed with the Snowball stemmer of the reader's language ("Starkregens" and
  "Starkregen" are both "starkreg"); PostgreSQL does it with its text-search configuration,
  SQLite with PyStemmer (search/language.py);
- a stop word ("die", "the") asks for nothing, so a query of stop words only finds nothing;
- in languages that build compounds, a word of three or more letters also matches as the
  beginning of a longer word ("Pandemie" finds "Pandemiefolgen");
- a quoted phrase matches its words side by side; `-word` leaves out; OR gives alternatives.

Everything the reader typed reaches the database as a parameter, never as SQL.
"""

import contextlib
import re

from django.contrib.postgres.search import SearchQuery, SearchQueryField, SearchVector
from django.db import connection, transaction
from django.db.models import F, FloatField, Func
from django.db.models.expressions import RawSQL

from . import language
from .models import FTS_TABLE, SearchEntry

# Marks around matched words while text is still plain; they become <mark> after escaping.
MARK_START, MARK_END = "\u27e6", "\u27e7"
EXCERPT_WORDS = 35
# Words shorter than this match only as whole words, never as the start of a longer one.
MIN_PREFIX_LENGTH = 3
_LETTERS = re.compile(r"[^\W\d_]+")


def _prefix_of(word, language_code):
    """The beginning of longer words that `word` also matches, or None."""
    if (language.compounds(language_code) and len(word) >= MIN_PREFIX_LENGTH
            and _LETTERS.fullmatch(word) and not language.is_stop_word(word, language_code)):
        return language.fold(word)
    return None


class PostgresDialect:
    vendor = "postgresql"

    def store(self, entries):
        by_language = {}
        for entry in entries:
            by_language.setdefault(entry.language_code, []).append(entry.pk)
        for code, ids in by_language.items():
            config = language.config_for_language(code)
            SearchEntry.objects.filter(pk__in=ids).update(
                vector=SearchVector("title", config=config, weight="A")
                + SearchVector("body", config=config, weight="B")
            )

    def forget(self, page_ids):
        """The rows go with their SearchEntry."""

    @contextlib.contextmanager
    def searching(self):
        """For the queries of one search: find matches through the GIN index. The planner
        does not count the cost of unpacking each row's tsvector, so for a common word it
        prefers to read the whole table, which at 10,000 pages takes five times as long."""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            yield

    # -- the query as a tsquery: (sql, params) --------------------------------------------

    def _word(self, word, config, language_code):
        stem_sql, stem_params = "plainto_tsquery(%s::regconfig, %s)", [config, word]
        prefix = _prefix_of(word, language_code)
        if prefix is None:
            return stem_sql, stem_params
        return (
            f"(CASE WHEN numnode({stem_sql}) > 0 THEN {stem_sql} || %s::tsquery "
            f"ELSE {stem_sql} END)",
            [*stem_params, *stem_params, f"'{prefix}':*", *stem_params],
        )

    def _clause(self, clause, config, language_code):
        if clause.phrase:
            return "phraseto_tsquery(%s::regconfig, %s)", [config, clause.text]
        return _join([self._word(word, config, language_code) for word in clause.words], " && ")

    def tsquery(self, parsed, language_code):
        """An empty part of a tsquery (stop words only) drops out of && and ||; a query that is
        empty as a whole matches nothing."""
        config = language.config_for_language(language_code)
        parts = [
            _join([self._clause(clause, config, language_code) for clause in group], " || ")
            for group in parsed.groups
        ]
        for clause in parsed.excluded:
            sql, params = self._clause(clause, config, language_code)
            parts.append((f"!!{sql}", params))
        return _join(parts, " && ")

    # -- pages -------------------------------------------------------------------------------

    def matching(self, pages, parsed, language_code):
        sql, params = self.tsquery(parsed, language_code)
        return pages.filter(search_entry__vector=_Tsquery(sql, params))

    def ranked(self, pages, parsed, language_code):
        sql, params = self.tsquery(parsed, language_code)
        return pages.annotate(search_rank=Func(
            F("search_entry__vector"), _Tsquery(sql, params), function="ts_rank",
            output_field=FloatField(),
        ))

    def marked(self, entries, parsed, language_code):
        """(page id, title, excerpt) with the matched words between marks."""
        sql, params = self.tsquery(parsed, language_code)
        config = language.config_for_language(language_code)
        marks = f"StartSel={MARK_START}, StopSel={MARK_END}"

        def headline(column, options):
            return RawSQL(  # noqa: S611 - fixed SQL; what the reader typed is a parameter
                f"ts_headline(%s::regconfig, translate({column}, %s, ''), {sql}, %s)",
                [config, MARK_START + MARK_END, *params, options],
            )

        table = SearchEntry._meta.db_table
        return entries.annotate(
            title_marked=headline(f'"{table}"."title"', f"HighlightAll=true, {marks}"),
            body_marked=headline(
                f'"{table}"."body"',
                f'{marks}, MaxWords={EXCERPT_WORDS}, MinWords=15, MaxFragments=2, '
                f'FragmentDelimiter=" … "',
            ),
        ).values_list("page_id", "title_marked", "body_marked")


class SqliteDialect:
    """FTS5 over the stems of each page's text."""

    vendor = "sqlite"

    def store(self, entries):
        if not entries:
            return
        self.forget([entry.pk for entry in entries])
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)",  # noqa: S608
                [(entry.pk, language.stemmed_text(entry.title, entry.language_code),
                  language.stemmed_text(entry.body, entry.language_code)) for entry in entries],
            )

    def forget(self, page_ids):
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s",  # noqa: S608
                               [(pk,) for pk in page_ids])

    def searching(self):
        return contextlib.nullcontext()

    # -- the query as an FTS5 expression (None: asks for nothing) ---------------------------

    def _word(self, word, language_code):
        parts = language.words(word)
        if len(parts) > 1:  # "COVID-19": its parts side by side
            return _fts5_phrase([language.stem(part, language_code) for part in parts])
        if language.is_stop_word(word, language_code):
            return None
        stemmed = _fts5_phrase([language.stem(word, language_code)])
        prefix = _prefix_of(word, language_code)
        if prefix is None:
            return stemmed
        return f"({stemmed} OR {_fts5_phrase([prefix])}*)"

    def _clause(self, clause, language_code):
        if clause.phrase:
            stems = [language.stem(word, language_code)
                     for part in clause.words for word in language.words(part)]
            return _fts5_phrase(stems) if stems else None
        return _fts5_join([self._word(word, language_code) for word in clause.words], "AND")

    def expression(self, parsed, language_code):
        match = _fts5_join(
            [_fts5_join([self._clause(clause, language_code) for clause in group], "OR")
             for group in parsed.groups],
            "AND",
        )
        excluded = _fts5_join([self._clause(clause, language_code)
                               for clause in parsed.excluded], "OR")
        if match is not None and excluded is not None:
            match = f"({match}) NOT {excluded}"
        return match

    # -- pages -------------------------------------------------------------------------------

    def matching(self, pages, parsed, language_code):
        expression = self.expression(parsed, language_code)
        if expression is None:
            return pages.none()
        return pages.filter(pk__in=RawSQL(  # noqa: S611 - the expression is a parameter
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",  # noqa: S608
            [expression]))

    def ranked(self, pages, parsed, language_code):
        expression = self.expression(parsed, language_code) or '""'
        table = pages.model._meta.db_table
        # bm25() is lower for better matches; the title counts ten times the text.
        return pages.annotate(search_rank=RawSQL(  # noqa: S611 - the expression is a parameter
            f"(SELECT -bm25({FTS_TABLE}, 10.0, 1.0) FROM {FTS_TABLE} "  # noqa: S608
            f'WHERE {FTS_TABLE} MATCH %s AND rowid = "{table}"."id")',
            [expression], output_field=FloatField(),
        ))

    def marked(self, entries, parsed, language_code):
        matches = word_matcher(parsed, language_code)
        return [
            (page_id, _mark_words(title, matches, whole=True), _mark_words(body, matches))
            for page_id, title, body in entries.values_list("page_id", "title", "body")
        ]


def word_matcher(parsed, language_code):
    """A test for one word of a text: does the query look for it (as the index matches)?"""
    stems, prefixes = set(), set()
    for group in parsed.groups:
        for clause in group:
            for word in clause.words:
                for part in language.words(word):
                    if clause.phrase or not language.is_stop_word(part, language_code):
                        stems.add(language.stem(part, language_code))
                    if not clause.phrase and (prefix := _prefix_of(part, language_code)):
                        prefixes.add(prefix)

    def matches(token):
        stemmed = language.stem(token, language_code)
        return stemmed in stems or any(stemmed.startswith(prefix) for prefix in prefixes)

    return matches


def _mark_words(text, matches, whole=False):
    """`text` with the words the query looks for between marks; unless `whole`, only a window
    of EXCERPT_WORDS words around the first match."""
    words = unmarked(text or "").split()
    if not whole:
        first = next((i for i, word in enumerate(words)
                      if any(matches(part) for part in language.words(word))), 0)
        start = max(0, first - 8)
        end = start + EXCERPT_WORDS
        cut_before, cut_after = start > 0, end < len(words)
        words = words[start:end]
    marked = " ".join(
        language.WORD.sub(lambda m: f"{MARK_START}{m.group()}{MARK_END}" if matches(m.group())
                          else m.group(), word)
        for word in words
    )
    if not whole:
        marked = ("… " if cut_before else "") + marked + (" …" if cut_after else "")
    return marked


def unmarked(text):
    return text.replace(MARK_START, "").replace(MARK_END, "")


def _join(parts, operator):
    if len(parts) == 1:
        return parts[0]
    sql = operator.join(part_sql for part_sql, _params in parts)
    params = [param for _sql, part_params in parts for param in part_params]
    return f"({sql})", params


def _fts5_phrase(tokens):
    # Stems hold only letters and digits: nothing that needs escaping inside an FTS5 string.
    return '"' + " ".join(tokens) + '"'


def _fts5_join(parts, operator):
    parts = [part for part in parts if part is not None]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else "(" + f" {operator} ".join(parts) + ")"


class _Tsquery(SearchQuery):
    """A tsquery built above, usable wherever Django expects a SearchQuery. Its SQL is fixed
    text; everything the reader typed is a parameter."""

    def __init__(self, sql, params):
        Func.__init__(self, output_field=SearchQueryField())
        self.sql, self.params, self.config, self.invert = sql, list(params), None, False

    def as_sql(self, compiler, connection, function=None, template=None):
        return self.sql, list(self.params)


DIALECTS = {dialect.vendor: dialect for dialect in (PostgresDialect(), SqliteDialect())}


def current():
    """The dialect of the default database (SQLite's for any other database)."""
    return DIALECTS.get(connection.vendor, DIALECTS["sqlite"])
