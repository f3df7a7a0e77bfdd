"""A TYPO3 database with a tx_news archive, for tests and the import bench.

The tables carry tx_news's and TYPO3 core's real names and columns (`ext_tables.sql` of
tx_news, and the core fields every record table has: uid, pid, tstamp, crdate, deleted, hidden,
starttime, endtime, fe_group, sys_language_uid, l10n_parent, sorting). `build()` makes it in
MariaDB/MySQL or PostgreSQL, with a web root whose `fileadmin/` holds real JPEG, PNG and PDF
files (drawn with Pillow).

The content is what a Redaktion's archive looks like: the programme notice of 2021 and its
English translation, umlauts, both link syntaxes of TYPO3's rich text (`t3://…` and the older
`<link …>` tags), images with and without alternative text, a file that is gone from the disk,
hidden, deleted, scheduled, expired and access-restricted items, an external-link item, content
elements, categories with translations, tags and related items.
"""

import datetime
import io
from pathlib import Path

from .source import NEWS_TABLE, admin_connection, parse_url

CORE = [
    ("uid", "pk"), ("pid", "int"), ("tstamp", "int"), ("crdate", "int"), ("deleted", "int"),
    ("hidden", "int"), ("starttime", "int"), ("endtime", "int"), ("fe_group", "varchar"),
    ("sys_language_uid", "int"), ("l10n_parent", "int"), ("sorting", "int"),
]
SEO = [("seo_title", "varchar"), ("seo_description", "text"), ("seo_headline", "varchar"),
       ("seo_text", "text")]

TABLES = {
    NEWS_TABLE: CORE + [
        ("title", "varchar"), ("teaser", "text"), ("bodytext", "text"), ("datetime", "bigint"),
        ("archive", "bigint"), ("author", "text"), ("author_email", "text"),
        ("categories", "int"), ("related", "int"), ("related_from", "int"),
        ("fal_related_files", "int"), ("related_links", "int"), ("type", "varchar"),
        ("keywords", "text"), ("description", "text"), ("tags", "int"), ("fal_media", "int"),
        ("internalurl", "text"), ("externalurl", "text"), ("istopnews", "int"),
        ("content_elements", "int"), ("path_segment", "longvarchar"),
        ("alternative_title", "text"), ("notes", "text"), ("import_id", "varchar"),
        ("import_source", "varchar"),
    ],
    "sys_category": CORE + [
        ("title", "varchar"), ("description", "text"), ("parent", "int"), ("items", "int"),
        ("images", "int"), ("single_pid", "int"), ("shortcut", "int"), ("import_id", "varchar"),
        ("import_source", "varchar"), ("slug", "longvarchar"),
    ] + SEO,
    "sys_category_record_mm": [
        ("uid_local", "int"), ("uid_foreign", "int"), ("tablenames", "varchar"),
        ("fieldname", "varchar"), ("sorting", "int"), ("sorting_foreign", "int"),
    ],
    "tx_news_domain_model_news_related_mm": [
        ("uid_local", "int"), ("uid_foreign", "int"), ("sorting", "int"),
        ("sorting_foreign", "int"),
    ],
    "tx_news_domain_model_link": CORE + [
        ("parent", "int"), ("title", "text"), ("description", "text"), ("uri", "text"),
    ],
    "tx_news_domain_model_tag": CORE + [
        ("title", "text"), ("slug", "longvarchar"), ("notes", "text"),
    ] + SEO,
    "tx_news_domain_model_news_tag_mm": [
        ("uid_local", "int"), ("uid_foreign", "int"), ("sorting", "int"),
    ],
    "tt_content": CORE + [
        ("CType", "varchar"), ("header", "varchar"), ("header_layout", "varchar"),
        ("bodytext", "text"), ("colPos", "int"), ("image", "int"), ("media", "int"),
        ("assets", "int"), ("tx_news_related_news", "int"),
    ],
    "sys_file_storage": [
        ("uid", "pk"), ("pid", "int"), ("name", "varchar"), ("driver", "varchar"),
        ("is_public", "int"), ("configuration", "text"),
    ],
    "sys_file": [
        ("uid", "pk"), ("pid", "int"), ("tstamp", "int"), ("storage", "int"),
        ("identifier", "text"), ("identifier_hash", "varchar"), ("folder_hash", "varchar"),
        ("extension", "varchar"), ("mime_type", "varchar"), ("name", "varchar"),
        ("sha1", "varchar"), ("size", "bigint"), ("type", "varchar"), ("missing", "int"),
    ],
    "sys_file_metadata": [
        ("uid", "pk"), ("pid", "int"), ("tstamp", "int"), ("crdate", "int"),
        ("sys_language_uid", "int"), ("l10n_parent", "int"), ("file", "int"),
        ("title", "text"), ("alternative", "text"), ("description", "text"),
        ("copyright", "text"), ("width", "int"), ("height", "int"),
    ],
    "sys_file_reference": CORE + [
        ("uid_local", "int"), ("uid_foreign", "int"), ("tablenames", "varchar"),
        ("fieldname", "varchar"), ("sorting_foreign", "int"), ("title", "text"),
        ("description", "text"), ("alternative", "text"), ("link", "text"),
        ("showinpreview", "int"),
    ],
}

TYPES = {
    "mysql": {"pk": "int(11) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY",
              "int": "int(11) DEFAULT '0' NOT NULL", "bigint": "bigint(20) DEFAULT '0' NOT NULL",
              "varchar": "varchar(255) DEFAULT '' NOT NULL", "longvarchar": "varchar(2048)",
              "text": "mediumtext"},
    "postgresql": {"pk": "SERIAL PRIMARY KEY", "int": "integer DEFAULT 0 NOT NULL",
                   "bigint": "bigint DEFAULT 0 NOT NULL",
                   "varchar": "varchar(255) DEFAULT '' NOT NULL",
                   "longvarchar": "varchar(2048)", "text": "text"},
}


def _quote(dialect, name):
    return f"`{name}`" if dialect == "mysql" else f'"{name}"'


def create_database(url):
    """Create the (empty) database of `url`, dropping one of that name first."""
    params, connection = admin_connection(url)
    name = _quote(params["dialect"], params["name"])
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {name}")
            if params["dialect"] == "mysql":
                cursor.execute(f"CREATE DATABASE {name} CHARACTER SET utf8mb4 "
                               "COLLATE utf8mb4_unicode_ci")
            else:
                cursor.execute(f"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0")
    finally:
        connection.close()


def drop_database(url):
    params, connection = admin_connection(url)
    try:
        with connection.cursor() as cursor:
            name = _quote(params["dialect"], params["name"])
            if params["dialect"] == "postgresql":
                cursor.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            else:
                cursor.execute(f"DROP DATABASE IF EXISTS {name}")
    finally:
        connection.close()


def _connection(url):
    from .source import _connect

    params = parse_url(url)
    return params["dialect"], _connect(params)


def create_tables(url, tables=TABLES):
    dialect, connection = _connection(url)
    try:
        with connection.cursor() as cursor:
            for table, columns in tables.items():
                body = ", ".join(f"{_quote(dialect, name)} {TYPES[dialect][kind]}"
                                 for name, kind in columns)
                cursor.execute(f"CREATE TABLE {_quote(dialect, table)} ({body})")
        if dialect == "postgresql":
            connection.commit()
    finally:
        connection.close()


class Writer:
    """Inserts rows, filling the columns a row leaves out with the table's defaults."""

    def __init__(self, url):
        self.dialect, self.connection = _connection(url)

    def insert(self, table, rows):
        rows = list(rows)
        if not rows:
            return
        names = sorted({name for row in rows for name in row})
        columns = ", ".join(_quote(self.dialect, name) for name in names)
        marks = ", ".join(["%s"] * len(names))
        defaults = {name: ("" if kind in ("varchar",) else 0) for name, kind in TABLES[table]
                    if kind not in ("pk", "text", "longvarchar")}
        values = [tuple(row.get(name, defaults.get(name)) for name in names) for row in rows]
        with self.connection.cursor() as cursor:
            # Names come from TABLES, values are parameters.
            insert = "INSERT INTO {table} ({columns}) VALUES ({marks})"
            cursor.executemany(insert.format(table=_quote(self.dialect, table), columns=columns,
                                             marks=marks), values)

    def execute(self, sql, params=()):
        with self.connection.cursor() as cursor:
            cursor.execute(sql.replace("`", '"') if self.dialect == "postgresql" else sql, params)

    def close(self):
        if self.dialect == "postgresql":
            self.connection.commit()
        self.connection.close()


def ts(year, month, day, hour=9):
    return int(datetime.datetime(year, month, day, hour, tzinfo=datetime.UTC).timestamp())


# --- Files ---------------------------------------------------------------------------------

def image_bytes(colour, size=(64, 48), kind="JPEG", label=0):
    """A small real image: a colour field with a darker band whose width tells images apart."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, size[1] // 3, 4 + label % (size[0] - 4), 2 * size[1] // 3],
                   fill=tuple(max(0, c - 90) for c in colour))
    out = io.BytesIO()
    image.save(out, kind)
    return out.getvalue()


def pdf_bytes(title):
    """A one-page PDF, drawn by Pillow."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (120, 160), (250, 250, 245)).save(out, "PDF", title=title)
    return out.getvalue()


def write_file(public_root, identifier, data):
    path = Path(public_root) / "fileadmin" / identifier.lstrip("/")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def file_row(uid, identifier, data, mime_type, kind):
    import hashlib

    def sha1(value):
        return hashlib.sha1(value, usedforsecurity=False).hexdigest()

    name = identifier.rsplit("/", 1)[-1]
    return {
        "uid": uid, "storage": 1, "identifier": identifier,
        "identifier_hash": sha1(identifier.encode()),
        "folder_hash": sha1(identifier.rsplit("/", 1)[0].encode()),
        "extension": name.rsplit(".", 1)[-1], "mime_type": mime_type, "name": name,
        "sha1": sha1(data), "size": len(data), "type": kind,
        "tstamp": ts(2021, 7, 1),
    }


# --- The archive -------------------------------------------------------------------------

NOTICE_TITLE = "Connective Cities COVID-19 Programm 2021"
NOTICE_SLUG = "connective-cities-covid-19-programm-2021"
NOTICE_TITLE_EN = "Connective Cities COVID-19 Programme 2021"
NOTICE_SUBTITLE = ("Städtische Praktikerinnen und Praktiker entwickeln kommunale Strategien zur "
                   "Bewältigung der Pandemiefolgen")
NOTICE_INTRO = (
    "Nachdem die letztjährige Connective Cities Veranstaltungsserie „Municipal Response to "
    "COVID-19“, mit über 750 Teilnehmenden aus verschiedenen Städten und Kommunen weltweit, auf "
    "große Resonanz gestoßen ist, bietet Connective Cities dieses Jahr abermals ein "
    "umfangreiches Programm zu COVID-19 an."
)
NOTICE_FOCUS = ["Lokale Wirtschaft &amp; Industrie", "Digitalisierung &amp; Kommunikation",
                "Öffentliche Gesundheit &amp; kommunale Dienste", "Krisenmanagement",
                "Klimaneutrale Stadtentwicklung", "Gender-Sensitivität in der Pandemie",
                "Innovation"]
NOTICE_BODY = (
    f'<p class="bodytext">{NOTICE_INTRO}</p>\r\n'
    '<p class="bodytext" style="margin-bottom:0">Bereits im Vorjahr thematisierte Aspekte '
    'werden so weiter ausgebaut. Folgende <b>thematische Schwerpunkte</b> setzt Connective '
    'Cities in seinem diesjährigen COVID-19 Programm:</p>\r\n'
    '<ul>' + "".join(f"<li>{area}</li>" for area in NOTICE_FOCUS) + '</ul>\r\n'
    '<h2>Werden Sie Teil des diesjährigen COVID-19 Programms!</h2>\r\n'
    '<p class="bodytext"><font face="Arial" color="#333">Falls Sie an der Teilnahme an einem '
    'kompakten Lernprozess interessiert sind, können Sie uns gerne kontaktieren.</font></p>\r\n'
    '<p class="bodytext">Mehr Informationen finden Sie auf unserer '
    '<a href="t3://page?uid=12">COVID-19 Seite</a>, im '
    '<a href="t3://record?identifier=tx_news&amp;uid=2">Bericht aus Städten</a> und im '
    '<a href="t3://file?uid=3">Programmheft (PDF)</a>.</p>\r\n'
    '<script>alert("x")</script>'
)
NOTICE_BODY_EN = (
    '<p class="bodytext">After last year’s Connective Cities event series “Municipal Response '
    'to COVID-19”, with more than 750 participants from cities and municipalities worldwide, '
    'Connective Cities again offers an extensive COVID-19 programme this year.</p>\r\n'
    '<p class="bodytext">Aspects already addressed last year will be developed further. '
    'Connective Cities sets the following <b>thematic priorities</b> in this year’s COVID-19 '
    'programme:</p>\r\n'
    '<ul><li>Local economy &amp; industry</li><li>Digitalisation &amp; communication</li>'
    '<li>Public health &amp; municipal services</li><li>Crisis management</li>'
    '<li>Climate-neutral urban development</li><li>Gender sensitivity in the pandemic</li>'
    '<li>Innovation</li></ul>\r\n'
    '<h2>Become part of this year’s COVID-19 programme!</h2>\r\n'
    '<p class="bodytext">If you are interested in taking part in a compact learning process, '
    'please contact us.</p>\r\n'
    '<p class="bodytext">Find out more on our '
    '<a href="t3://page?uid=12">COVID-19 page</a>, in the '
    '<a href="t3://record?identifier=tx_news&amp;uid=2">report from cities</a> and in the '
    '<a href="t3://file?uid=3">programme booklet (PDF)</a>.</p>'
)
# Older TYPO3 rich text: <link> tags for pages, files and external addresses.
OLD_BODY = (
    '<p class="bodytext">Kommunen in Südamerika und Deutschland tauschen sich über '
    'Straßenbeleuchtung, Müllabfuhr und Grünflächen aus. Mehr dazu im '
    '<link 42 - internal-link "Zur Übersicht">Überblick</link>, im '
    '<link file:3 - download "Programmheft">Programmheft</link> und bei '
    '<link https://www.example.org/staedte _blank external-link-new-window>unseren '
    'Partnern</link>.</p>\r\n'
    '<p class="bodytext">Der Bericht zum <link record:tx_news:1>Programm 2021</link> '
    'erschien im Juli.<img src="fileadmin/user_upload/news/strassen-in-koeln.png" '
    'alt="Eine Straße in Köln" style="width:300px" /></p>\r\n'
    '<h3>Ergebnisse</h3>\r\n'
    '<table class="contenttable"><thead><tr><th>Stadt</th><th>Teilnehmende</th></tr></thead>'
    '<tbody><tr><td>Köln</td><td>120</td></tr><tr><td>Münster</td><td>85</td></tr></tbody>'
    '</table>\r\n'
    '<ol><li><i>Erstens</i> zuhören</li><li><strong>Zweitens</strong> handeln</li></ol>'
)
OLD_BODY_EN = (
    '<p class="bodytext">Municipalities in South America and Germany exchange ideas on street '
    'lighting, waste collection and green spaces. More in the '
    '<link 42 - internal-link "Overview">overview</link>, in the '
    '<link file:3 - download "Programme">programme booklet</link> and from '
    '<link https://www.example.org/staedte _blank external-link-new-window>our '
    'partners</link>.</p>\r\n'
    '<p class="bodytext">The report on the <link record:tx_news:1>2021 programme</link> '
    'appeared in July.<img src="fileadmin/user_upload/news/strassen-in-koeln.png" '
    'alt="A street in Cologne" /></p>\r\n'
    '<h3>Results</h3>\r\n'
    '<table class="contenttable"><thead><tr><th>City</th><th>Participants</th></tr></thead>'
    '<tbody><tr><td>Cologne</td><td>120</td></tr><tr><td>Münster</td><td>85</td></tr></tbody>'
    '</table>\r\n'
    '<ol><li><i>First</i> listen</li><li><strong>Second</strong> act</li></ol>'
)


def archive(now):
    """The rows of the small archive, table by table. `now` (a Unix time) places the
    scheduled and expired items."""
    day = 24 * 3600
    news = [
        {"uid": 1, "pid": 5, "title": NOTICE_TITLE, "alternative_title": NOTICE_SUBTITLE,
         "teaser": "Städtische Praktikerinnen und Praktiker entwickeln kommunale Strategien.",
         "bodytext": NOTICE_BODY, "datetime": ts(2021, 7, 27), "crdate": ts(2021, 7, 26),
         "tstamp": ts(2021, 7, 27), "path_segment": NOTICE_SLUG,
         "author": "Redaktion Connective Cities", "keywords": "COVID-19, Pandemie",
         "description": "Das COVID-19 Programm 2021 von Connective Cities.", "istopnews": 1,
         "fal_media": 2, "fal_related_files": 1, "categories": 2, "tags": 2, "related": 1,
         "related_links": 1},
        {"uid": 2, "pid": 5, "title": "Bericht aus Städten: Straßen, Müll und Grünflächen",
         "teaser": "Kommunen aus Südamerika und Deutschland tauschen sich aus.",
         "bodytext": OLD_BODY, "datetime": ts(2020, 11, 3), "crdate": ts(2020, 11, 2),
         "tstamp": ts(2020, 11, 3), "path_segment": "bericht-aus-staedten",
         "author": "Anna Müller", "fal_media": 1, "categories": 1, "content_elements": 4},
        {"uid": 3, "pid": 5, "sys_language_uid": 1, "l10n_parent": 1, "title": NOTICE_TITLE_EN,
         "alternative_title": "Urban practitioners develop municipal strategies to cope with "
                              "the consequences of the pandemic",
         "teaser": "Urban practitioners develop municipal strategies.",
         "bodytext": NOTICE_BODY_EN, "datetime": ts(2021, 7, 27), "tstamp": ts(2021, 7, 28),
         "path_segment": "connective-cities-covid-19-programme-2021",
         "author": "Redaktion Connective Cities", "keywords": "COVID-19, pandemic",
         "description": "The Connective Cities COVID-19 programme 2021.", "fal_media": 1},
        {"uid": 4, "pid": 5, "sys_language_uid": 1, "l10n_parent": 2,
         "title": "Report from cities: streets, waste and green spaces",
         "teaser": "Municipalities from South America and Germany exchange ideas.",
         "bodytext": OLD_BODY_EN, "datetime": ts(2020, 11, 3), "tstamp": ts(2020, 11, 4),
         "path_segment": "report-from-cities", "author": "Anna Müller"},
        {"uid": 5, "pid": 5, "hidden": 1, "title": "Entwurf: Klausur der Redaktion",
         "teaser": "Noch nicht freigegeben.", "bodytext": "<p>Interne Notizen.</p>",
         "datetime": ts(2022, 1, 10), "path_segment": "entwurf-klausur"},
        {"uid": 6, "pid": 5, "deleted": 1, "title": "Gelöschte Meldung",
         "bodytext": "<p>Weg.</p>", "datetime": ts(2019, 5, 5), "path_segment": "geloescht"},
        {"uid": 7, "pid": 5, "title": "Fachtagung Städte im Wandel", "teaser": "Bald online.",
         "bodytext": "<p>Die Fachtagung öffnet ihre Anmeldung.</p>",
         "datetime": now + 20 * day, "starttime": now + 30 * day, "endtime": now + 400 * day,
         "path_segment": "fachtagung-staedte-im-wandel", "categories": 1},
        {"uid": 8, "pid": 5, "type": "2", "title": "Partnerbericht bei der GIZ",
         "teaser": "Ein Bericht unserer Partner.", "externalurl": "https://www.giz.de/de/",
         "datetime": ts(2019, 3, 14), "path_segment": "partnerbericht-giz"},
        {"uid": 9, "pid": 5, "fe_group": "3", "title": "Nur für Mitglieder",
         "bodytext": "<p>Intern.</p>", "datetime": ts(2020, 2, 2),
         "path_segment": "nur-fuer-mitglieder"},
        {"uid": 10, "pid": 5, "title": "Abgelaufenes Angebot", "bodytext": "<p>Vorbei.</p>",
         "datetime": ts(2018, 6, 1), "endtime": now - 10 * day,
         "path_segment": "abgelaufenes-angebot"},
        {"uid": 11, "pid": 5, "title": "Städte öffnen Räume",
         "teaser": "Ein Bild fehlt auf dem Server.", "datetime": ts(2019, 9, 9),
         "bodytext": "<p>Öffentliche Räume für alle.</p>", "fal_media": 1,
         "path_segment": "", "categories": 1},
        {"uid": 12, "pid": 5, "title": "", "bodytext": "<p>Ohne Titel.</p>",
         "datetime": ts(2018, 1, 1)},
        {"uid": 13, "pid": 5, "type": "1", "title": "Seite: Über das Netzwerk",
         "teaser": "Zur Seite über das Netzwerk.", "internalurl": "12",
         "datetime": ts(2017, 4, 4), "path_segment": "ueber-das-netzwerk"},
    ]
    categories = [
        {"uid": 1, "pid": 4, "title": "Städte"},
        {"uid": 2, "pid": 4, "title": "Cities", "sys_language_uid": 1, "l10n_parent": 1},
        {"uid": 3, "pid": 4, "title": "Krisenmanagement"},
        {"uid": 4, "pid": 4, "title": "Crisis management", "sys_language_uid": 1,
         "l10n_parent": 3},
        {"uid": 5, "pid": 4, "title": "Gelöschte Kategorie", "deleted": 1},
    ]
    category_mm = [
        {"uid_local": category, "uid_foreign": news_uid, "sorting_foreign": index + 1,
         "tablenames": NEWS_TABLE, "fieldname": "categories"}
        for news_uid, category_uids in {1: [1, 3], 2: [1], 7: [1], 11: [1]}.items()
        for index, category in enumerate(category_uids)
    ]
    tags = [{"uid": 1, "pid": 4, "title": "Pandemie"},
            {"uid": 2, "pid": 4, "title": "Städtepartnerschaft"}]
    tag_mm = [{"uid_local": 1, "uid_foreign": 1, "sorting": 1},
              {"uid_local": 1, "uid_foreign": 2, "sorting": 2}]
    related_mm = [{"uid_local": 1, "uid_foreign": 2, "sorting": 1}]
    links = [{"uid": 1, "pid": 5, "parent": 1, "title": "Connective Cities bei Engagement Global",
              "uri": "https://www.engagement-global.de/"}]
    files = [
        ("/user_upload/news/covid-programm.jpg", image_bytes((40, 110, 160), label=10),
         "image/jpeg", "2"),
        ("/user_upload/news/strassen-in-koeln.png", image_bytes((180, 90, 40), kind="PNG",
                                                                label=20), "image/png", "2"),
        ("/user_upload/downloads/programmheft-2021.pdf", pdf_bytes("Programmheft 2021"),
         "application/pdf", "5"),
        ("/user_upload/news/fehlt.jpg", image_bytes((10, 10, 10)), "image/jpeg", "2"),
        # The same image uploaded twice: imported once.
        ("/user_upload/archiv/covid-programm-kopie.jpg", image_bytes((40, 110, 160), label=10),
         "image/jpeg", "2"),
    ]
    metadata = [
        {"uid": 1, "file": 1, "alternative": "Teilnehmende eines Workshops an einem Tisch",
         "description": "Workshop in Bonn", "copyright": "GIZ / Connective Cities"},
        {"uid": 2, "file": 1, "sys_language_uid": 1, "l10n_parent": 1,
         "alternative": "Participants of a workshop at a table",
         "description": "Workshop in Bonn", "copyright": "GIZ / Connective Cities"},
        {"uid": 3, "file": 2, "alternative": "", "description": "",
         "copyright": "Stadt Köln"},
    ]
    references = [
        # The notice: a preview image with alt text, a second image without, and a download.
        {"uid": 1, "pid": 5, "uid_local": 1, "uid_foreign": 1, "fieldname": "fal_media",
         "sorting_foreign": 1, "showinpreview": 1, "title": "Workshop",
         "description": "Praktikerinnen und Praktiker im Austausch"},
        {"uid": 2, "pid": 5, "uid_local": 2, "uid_foreign": 1, "fieldname": "fal_media",
         "sorting_foreign": 2, "description": "Straßenszene in Köln"},
        {"uid": 3, "pid": 5, "uid_local": 3, "uid_foreign": 1, "fieldname": "fal_related_files",
         "sorting_foreign": 1, "title": "Programmheft 2021 (PDF)"},
        # The English notice: its own alternative text and caption for the preview image.
        {"uid": 4, "pid": 5, "uid_local": 1, "uid_foreign": 3, "fieldname": "fal_media",
         "sorting_foreign": 1, "showinpreview": 1, "sys_language_uid": 1, "l10n_parent": 1,
         "description": "Practitioners exchanging ideas",
         "alternative": "Workshop participants at a table"},
        # The report: the duplicate of the notice's image (same checksum).
        {"uid": 5, "pid": 5, "uid_local": 5, "uid_foreign": 2, "fieldname": "fal_media",
         "sorting_foreign": 1, "alternative": "Ein Workshop in Bonn"},
        # A file gone from fileadmin/.
        {"uid": 6, "pid": 5, "uid_local": 4, "uid_foreign": 11, "fieldname": "fal_media",
         "sorting_foreign": 1, "alternative": "Ein offener Platz"},
        # Content element images.
        {"uid": 7, "pid": 5, "uid_local": 2, "uid_foreign": 3, "tablenames": "tt_content",
         "fieldname": "image", "sorting_foreign": 1, "alternative": "Eine Straße in Köln"},
        {"uid": 8, "pid": 5, "uid_local": 3, "uid_foreign": 4, "tablenames": "tt_content",
         "fieldname": "media", "sorting_foreign": 1, "title": "Programmheft"},
    ]
    for reference in references:
        reference.setdefault("tablenames", NEWS_TABLE)
    content = [
        {"uid": 1, "pid": 5, "CType": "text", "header": "Was wir gelernt haben",
         "bodytext": "<p>Zuhören lohnt sich – <em>immer</em>.</p>", "tx_news_related_news": 2,
         "sorting": 1},
        {"uid": 2, "pid": 5, "CType": "bullets", "bodytext": "Köln\nMünster\nBonn",
         "tx_news_related_news": 2, "sorting": 2},
        {"uid": 3, "pid": 5, "CType": "image", "header": "", "image": 1,
         "tx_news_related_news": 2, "sorting": 3},
        {"uid": 4, "pid": 5, "CType": "uploads", "header": "Zum Herunterladen", "media": 1,
         "tx_news_related_news": 2, "sorting": 4},
        {"uid": 5, "pid": 5, "CType": "table", "header": "Termine",
         "bodytext": "Stadt|Datum\nKöln|3. November\nMünster|4. November",
         "tx_news_related_news": 2, "sorting": 5},
        {"uid": 6, "pid": 5, "CType": "shortcut", "header": "Verweis",
         "tx_news_related_news": 2, "sorting": 6},
    ]
    return {
        NEWS_TABLE: news, "sys_category": categories, "sys_category_record_mm": category_mm,
        "tx_news_domain_model_tag": tags, "tx_news_domain_model_news_tag_mm": tag_mm,
        "tx_news_domain_model_news_related_mm": related_mm,
        "tx_news_domain_model_link": links, "sys_file_metadata": metadata,
        "sys_file_reference": references, "tt_content": content,
    }, files


def build(url, public_root, *, now=None):
    """Create the database of `url` with the small archive, and its files under
    `public_root/fileadmin/` (the missing one is left out). Returns the rows by table."""
    import time

    now = int(now if now is not None else time.time())
    create_database(url)
    create_tables(url)
    rows, files = archive(now)
    writer = Writer(url)
    try:
        writer.insert("sys_file_storage", [{"uid": 1, "name": "fileadmin/ (auto-created)",
                                            "driver": "Local", "is_public": 1,
                                            "configuration": ""}])
        file_rows = []
        for uid, (identifier, data, mime_type, kind) in enumerate(files, start=1):
            file_rows.append(file_row(uid, identifier, data, mime_type, kind))
            if not identifier.endswith("fehlt.jpg"):
                write_file(public_root, identifier, data)
        writer.insert("sys_file", file_rows)
        for table, table_rows in rows.items():
            writer.insert(table, table_rows)
    finally:
        writer.close()
    return rows


def build_bulk(url, public_root, *, items, translations, images):
    """A large archive for the bench: `items` German news items, `translations` of them in
    English, and `images` distinct images spread over the items."""
    create_database(url)
    create_tables(url)
    writer = Writer(url)
    try:
        writer.insert("sys_file_storage", [{"uid": 1, "name": "fileadmin/", "driver": "Local",
                                            "is_public": 1, "configuration": ""}])
        writer.insert("sys_category", [
            {"uid": 1, "pid": 4, "title": "Städte"},
            {"uid": 2, "pid": 4, "title": "Cities", "sys_language_uid": 1, "l10n_parent": 1}])
        batch = []
        for uid in range(1, images + 1):
            identifier = f"/bench/bild-{uid}.jpg"
            data = image_bytes(((uid * 37) % 256, (uid * 91) % 256, (uid * 53) % 256),
                               size=(32, 24), label=uid)
            write_file(public_root, identifier, data)
            batch.append(file_row(uid, identifier, data, "image/jpeg", "2"))
            if len(batch) == 500:
                writer.insert("sys_file", batch)
                batch = []
        writer.insert("sys_file", batch)
        for start in range(1, items + 1, 500):
            stop = min(items + 1, start + 500)
            news, mm, refs = [], [], []
            for uid in range(start, stop):
                news.append({
                    "uid": uid, "pid": 5, "title": f"Meldung {uid}: Städte im Gespräch",
                    "teaser": f"Kurzfassung {uid}.", "datetime": ts(2010, 1, 1) + uid * 3600,
                    "bodytext": f'<p class="bodytext">Text {uid} mit <b>Größe</b> und '
                                f'<a href="t3://record?identifier=tx_news&amp;uid='
                                f'{max(1, uid - 1)}">Vorgänger</a>.</p>',
                    "path_segment": f"meldung-{uid}", "categories": 1})
                mm.append({"uid_local": 1, "uid_foreign": uid, "tablenames": NEWS_TABLE,
                           "fieldname": "categories"})
                if uid <= images:
                    refs.append({"uid": uid, "pid": 5, "uid_local": uid, "uid_foreign": uid,
                                 "tablenames": NEWS_TABLE, "fieldname": "fal_media",
                                 "showinpreview": 1, "alternative": f"Bild {uid}"})
            writer.insert(NEWS_TABLE, news)
            writer.insert("sys_category_record_mm", mm)
            writer.insert("sys_file_reference", refs)
        for start in range(1, translations + 1, 500):
            stop = min(translations + 1, start + 500)
            writer.insert(NEWS_TABLE, [{
                "uid": items + parent, "pid": 5, "sys_language_uid": 1, "l10n_parent": parent,
                "title": f"News {parent}: cities in conversation",
                "teaser": f"Summary {parent}.", "datetime": ts(2010, 1, 1) + parent * 3600,
                "bodytext": f'<p class="bodytext">Text {parent} with <b>size</b> and '
                            f'<a href="t3://record?identifier=tx_news&amp;uid='
                            f'{max(1, parent - 1)}">predecessor</a>.</p>',
                "path_segment": f"news-{parent}"} for parent in range(start, stop)])
    finally:
        writer.close()
