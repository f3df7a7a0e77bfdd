"""Reading a TYPO3 database: MariaDB/MySQL (PyMySQL) or PostgreSQL (psycopg).

Rows come as dictionaries. `stream()` reads through a server-side cursor on a connection of its
own, so a table of any size is read with flat memory while `fetch()` looks up related rows on
the other connection.
"""

from urllib.parse import unquote, urlparse

from django.utils.translation import gettext as _

NEWS_TABLE = "tx_news_domain_model_news"
# What an import cannot do without; the others (tags, links, content elements) are optional.
REQUIRED_TABLES = (NEWS_TABLE, "sys_file", "sys_file_reference")
MYSQL_SCHEMES = {"mysql", "mariadb", "mysql+pymysql"}
POSTGRES_SCHEMES = {"postgres", "postgresql", "pgsql"}
TABLES = {
    "mysql": "SELECT table_name AS name FROM information_schema.tables "
             "WHERE table_schema = DATABASE()",
    "postgresql": "SELECT table_name AS name FROM information_schema.tables "
                  "WHERE table_schema = current_schema()",
}
COLUMNS = {
    "mysql": "SELECT column_name AS name FROM information_schema.columns "
             "WHERE table_schema = DATABASE() AND table_name = %s",
    "postgresql": "SELECT column_name AS name FROM information_schema.columns "
                  "WHERE table_schema = current_schema() AND table_name = %s",
}


class SourceError(Exception):
    """A problem with the source that stops the import before anything is written."""


def parse_url(url):
    parsed = urlparse(url)
    scheme = parsed.scheme.lower()
    if scheme in MYSQL_SCHEMES:
        dialect = "mysql"
    elif scheme in POSTGRES_SCHEMES:
        dialect = "postgresql"
    else:
        raise SourceError(_(
            "The database address “%(url)s” is not understood. Use "
            "mysql://user:password@host:3306/name or postgres://user@host:5432/name."
        ) % {"url": url})
    name = unquote(parsed.path.lstrip("/"))
    if not name:
        raise SourceError(_("The database address names no database: %(url)s") % {"url": url})
    return {
        "dialect": dialect,
        "host": parsed.hostname or "127.0.0.1",
        "port": parsed.port or (3306 if dialect == "mysql" else 5432),
        "user": unquote(parsed.username or ("root" if dialect == "mysql" else "postgres")),
        "password": unquote(parsed.password or ""),
        "name": name,
    }


def _connect(params, *, database=True):
    try:
        if params["dialect"] == "mysql":
            import pymysql
            import pymysql.cursors

            return pymysql.connect(
                host=params["host"], port=params["port"], user=params["user"],
                password=params["password"],
                database=params["name"] if database else None,
                charset="utf8mb4", cursorclass=pymysql.cursors.DictCursor,
                connect_timeout=10, autocommit=True,
            )
        import psycopg
        from psycopg.rows import dict_row

        return psycopg.connect(
            host=params["host"], port=params["port"], user=params["user"],
            password=params["password"] or None,
            dbname=params["name"] if database else "postgres",
            row_factory=dict_row, connect_timeout=10,
        )
    except Exception as error:  # each driver has its own error classes
        raise SourceError(_(
            "The TYPO3 database %(name)s on %(host)s:%(port)s cannot be reached: %(error)s"
        ) % {**params, "error": str(error).strip() or type(error).__name__}) from error


class Source:
    """An open TYPO3 database."""

    def __init__(self, url):
        self.params = parse_url(url)
        self.dialect = self.params["dialect"]
        self.name = self.params["name"]
        self.connection = _connect(self.params)
        self._stream_connection = None
        self._columns = {}

    def close(self):
        for connection in (self.connection, self._stream_connection):
            if connection is not None:
                connection.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def q(self, identifier):
        """An identifier quoted for the dialect (`CType` keeps its case on PostgreSQL)."""
        return f"`{identifier}`" if self.dialect == "mysql" else f'"{identifier}"'

    def fetch(self, sql, params=()):
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = list(cursor.fetchall())
        if self.dialect == "postgresql":
            self.connection.commit()  # no transaction left open between lookups
        return rows

    def stream(self, sql, params=(), batch=500):
        """Yield the rows of `sql` one by one, read from the server `batch` at a time."""
        if self.dialect == "mysql":
            import pymysql.cursors

            if self._stream_connection is None:
                self._stream_connection = _connect(self.params)
            cursor = self._stream_connection.cursor(pymysql.cursors.SSDictCursor)
            try:
                cursor.execute(sql, params)
                while rows := cursor.fetchmany(batch):
                    yield from rows
            finally:
                cursor.close()
            return
        if self._stream_connection is None:
            self._stream_connection = _connect(self.params)
        with (self._stream_connection.transaction(),
              self._stream_connection.cursor(name="typo3_stream") as cursor):
            cursor.itersize = batch
            cursor.execute(sql, params)
            yield from cursor

    def tables(self):
        return {row["name"] for row in self.fetch(TABLES[self.dialect])}

    def columns(self, table):
        if table not in self._columns:
            rows = self.fetch(COLUMNS[self.dialect], (table,))
            self._columns[table] = {row["name"] for row in rows}
        return self._columns[table]

    def check(self):
        """Refuse a database that holds no tx_news archive."""
        missing = [table for table in REQUIRED_TABLES if table not in self.tables()]
        if missing:
            raise SourceError(_(
                "The database %(name)s holds no tx_news archive: the tables %(tables)s are "
                "missing."
            ) % {"name": self.name, "tables": ", ".join(missing)})


def admin_connection(url):
    """A connection to the server of `url` without its database (to create or drop it)."""
    params = parse_url(url)
    connection = _connect(params, database=False)
    if params["dialect"] == "postgresql":
        connection.autocommit = True
    return params, connection
