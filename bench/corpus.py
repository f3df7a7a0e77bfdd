"""Generate the bench corpus in bulk, on top of the demo content, then VACUUM ANALYZE.

Pages are written with treebeard's path arithmetic and bulk inserts (the `wagtailcore_page` row,
then the page type's own row), not page by page through Wagtail's API: 10,000 news items take
seconds, not hours. Every news item gets the programme notice's body (same blocks, same length)
with a paragraph of its own, a date spread over ten years, a lead image, topics, a contact and
the notice's byline; every second one gets an English translation. Every generated page gets
its live revision, as if published through Wagtail. The search index is filled
in bulk afterwards (the public search's own index, search/indexing.py).

Run by bench/run.py (`make bench`): `python bench/corpus.py <size>`, with DATABASE_URL set.
"""

import datetime
import os
import random
import sys
import time
import uuid
from pathlib import Path

SIZES = {
    "small": {"news": 100, "topics": 4, "contacts": 20, "videos": 20, "images": 20},
    "full": {"news": 10_000, "topics": 10, "contacts": 200, "videos": 200, "images": 300},
}
BATCH = 500
NOTICE_SLUG = "connective-cities-covid-19-programm-2021"
# Every lead image needs an alternative text before the Redaktion can publish (news/models.py).
LEAD_IMAGE_ALT = "Ein Foto aus der Praxis"
WORDS = (  # noqa: SIM905 - a sentence is easier to read than a list of words
    "Kommune Stadt Verwaltung Klimaanpassung Wasser Mobilität Digitalisierung Beteiligung "
    "Netzwerk Praxis Austausch Partnerschaft Quartier Energie Wärme Abfall Bildung Gesundheit "
    "Sicherheit Resilienz Haushalt Planung Bürgerinnen Projekt Workshop Erfahrung Lösung "
    "Zusammenarbeit Dialog Konferenz Strategie Umsetzung Förderung Region Gemeinde Land"
).split()


def setup_django():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siteconfig.settings.production")
    import django

    django.setup()


def sentence(rng, words=14):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


class Generator:
    def __init__(self, size, stdout=sys.stdout):
        from wagtail.models import Locale

        self.counts = SIZES[size]
        self.rng = random.Random(2021)  # noqa: S311 - not for security
        self.stdout = stdout
        self.de = Locale.objects.get(language_code="de")
        self.en = Locale.objects.get(language_code="en")

    def log(self, message):
        print(message, file=self.stdout, flush=True)

    # --- Bulk insertion of pages ---------------------------------------------------------

    def bulk_children(self, parent, model, rows):
        """Insert pages of `model` below `parent`, after its existing children. `rows` are
        (page fields, own fields) pairs. Returns the new pages' primary keys."""
        from django.contrib.contenttypes.models import ContentType
        from django.db.models import F
        from wagtail.models import Page

        content_type = ContentType.objects.get_for_model(model)
        last = parent.get_last_child()
        start = Page._str2int(last.path[-Page.steplen:]) + 1 if last else 1
        now = datetime.datetime.now(tz=datetime.UTC)
        pages = []
        for offset, (page_fields, _own) in enumerate(rows):
            slug = page_fields["slug"]
            published = page_fields.pop("published", now)
            pages.append(Page(
                path=Page._get_path(parent.path, parent.depth + 1, start + offset),
                depth=parent.depth + 1, numchild=0, content_type=content_type,
                url_path=f"{parent.url_path}{slug}/", live=True,
                has_unpublished_changes=False, first_published_at=published,
                last_published_at=published, draft_title=page_fields["title"],
                locale_id=parent.locale_id, **page_fields,
            ))
        pks = []
        for begin in range(0, len(pages), BATCH):
            created = Page.objects.bulk_create(pages[begin:begin + BATCH])
            pks += [page.pk for page in created]
        children = [model(page_ptr_id=pk, **own) for pk, (_page, own) in zip(pks, rows,
                                                                               strict=True)]
        fields = [field for field in model._meta.local_concrete_fields]
        for begin in range(0, len(children), BATCH):
            model.objects.all()._batched_insert(children[begin:begin + BATCH], fields, BATCH)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(rows))
        parent.refresh_from_db()
        return pks

    # --- The corpus ----------------------------------------------------------------------

    def run(self):
        from django.db import connection, transaction

        started = time.monotonic()
        with transaction.atomic():
            self.images = self.make_images()
            self.topics = self.make_topics()
            self.contacts = self.make_contacts()
            self.make_videos()
            self.make_news()
            self.revise()
        self.log(f"Pages written in {time.monotonic() - started:.1f} s; indexing for search …")
        self.index()
        # What autovacuum does in production, which a database just loaded has not had yet (and
        # which some machines run without): statistics, the visibility map, no dead rows.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        self.log(f"Corpus ready in {time.monotonic() - started:.1f} s (VACUUM ANALYZE done).")

    def make_images(self):
        from demo.images import placeholder_image

        return [placeholder_image(f"Bench-Bild {number}", colour_index=number)
                for number in range(self.counts["images"])]

    def make_topics(self):
        """Topic hubs through Wagtail's API (a handful), each translated into English."""
        from demo.builder import add_page, publish
        from topics.models import TopicIndexPage, TopicPage

        index = TopicIndexPage.objects.get(locale=self.de)
        topics = list(TopicPage.objects.filter(locale=self.de))
        for number in range(len(topics), self.counts["topics"]):
            topic = add_page(index, TopicPage(
                title=f"Bench-Thema {number}", slug=f"bench-thema-{number}",
                introduction=sentence(self.rng), image=self.rng.choice(self.images)))
            english = topic.copy_for_translation(self.en)
            english.title = f"Bench topic {number}"
            publish(english)
            topics.append(topic)
        self.log(f"{len(topics)} topics")
        return topics

    def make_contacts(self):
        from core.models import Contact

        contacts = Contact.objects.bulk_create([
            Contact(name=f"Kontakt {number}", role="Projektleitung",
                    organisation="Connective Cities", email=f"kontakt{number}@example.org",
                    phone="+49 228 4460-0", live=True, locale=self.de,
                    translation_key=uuid.uuid4())
            for number in range(self.counts["contacts"])
        ])
        self.log(f"{len(contacts)} contacts")
        return contacts

    def english_topic_ids(self):
        from topics.models import TopicPage

        return {topic.translation_key: topic.pk
                for topic in TopicPage.objects.filter(locale=self.en)}

    def dated(self, number, total):
        """Dates spread over ten years, newest first."""
        days = int(3650 * number / max(total, 1))
        return datetime.datetime(2026, 7, 1, 9, tzinfo=datetime.UTC) - datetime.timedelta(
            days=days, minutes=number % 600)

    def make_videos(self):
        from videos.models import VideoIndexPage, VideoPage

        index = VideoIndexPage.objects.get(locale=self.de)
        rows = []
        for number in range(self.counts["videos"]):
            published = self.dated(number, self.counts["videos"])
            rows.append((
                {"title": f"Video {number}: {sentence(self.rng, 5)[:-1]}",
                 "slug": f"bench-video-{number}", "published": published,
                 "translation_key": uuid.uuid4()},
                {"teaser": sentence(self.rng), "description": f"<p>{sentence(self.rng, 40)}</p>",
                 "video_url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                 "poster": self.rng.choice(self.images),
                 "transcript": f"<p>{sentence(self.rng, 120)}</p>"},
            ))
        pks = self.bulk_children(index, VideoPage, rows)
        through = VideoPage.topics.through
        through.objects.bulk_create([
            through(videopage_id=pk, topicpage_id=self.rng.choice(self.topics).pk)
            for pk in pks
        ])
        self.log(f"{len(pks)} video pages")

    def make_news(self):
        from core.models import Author
        from news.models import NewsIndexPage, NewsPage

        notice = NewsPage.objects.get(locale=self.de, slug=NOTICE_SLUG)
        body = notice.body.get_prep_value()
        byline = Author.objects.filter(locale=self.de).first()
        index = NewsIndexPage.objects.get(locale=self.de)
        index_en = NewsIndexPage.objects.get(locale=self.en)
        total = self.counts["news"]
        german, english = [], []
        for number in range(total):
            published = self.dated(number, total)
            key = uuid.uuid4()
            title = f"Meldung {number}: {sentence(self.rng, 6)[:-1]}"
            own_paragraph = {"type": "rich_text", "id": str(uuid.uuid4()),
                             "value": f"<p>{sentence(self.rng, 60)}</p>"}
            own = {"teaser": sentence(self.rng), "subtitle": sentence(self.rng, 8),
                   "date": published.date(), "lead_image": self.rng.choice(self.images),
                   "lead_image_alt": LEAD_IMAGE_ALT,
                   "lead_image_caption": sentence(self.rng, 6), "byline": byline,
                   "body": [own_paragraph, *body]}
            slug = f"bench-meldung-{number}"
            german.append(({"title": title, "slug": slug, "published": published,
                            "translation_key": key}, own))
            if number % 2 == 0:
                english.append(({"title": f"News item {number}", "slug": slug,
                                 "published": published + datetime.timedelta(days=1),
                                 "translation_key": key}, dict(own)))
        de_pks = self.bulk_children(index, NewsPage, german)
        en_pks = self.bulk_children(index_en, NewsPage, english)
        english_topics = self.english_topic_ids()
        through, contacts = NewsPage.topics.through, NewsPage.contacts.through
        topic_rows, contact_rows = [], []
        topic_of = {}
        for pk in de_pks:
            topic = self.rng.choice(self.topics)
            topic_of[pk] = topic
            topic_rows.append(through(newspage_id=pk, topicpage_id=topic.pk))
            contact_rows.append(contacts(newspage_id=pk,
                                         contact_id=self.rng.choice(self.contacts).pk))
        for de_pk, en_pk in zip(de_pks[::2], en_pks, strict=True):
            topic = topic_of[de_pk]
            topic_rows.append(through(newspage_id=en_pk, topicpage_id=english_topics.get(
                topic.translation_key, topic.pk)))
        through.objects.bulk_create(topic_rows, batch_size=BATCH)
        contacts.objects.bulk_create(contact_rows, batch_size=BATCH)
        self.log(f"{len(de_pks)} German news items, {len(en_pks)} English translations")

    def revise(self):
        """A live revision for every generated page, as publishing through Wagtail leaves it:
        the caches of a page's own output are keyed by its live revision, and a page without
        one would be measured uncached, as no published page is."""
        from django.contrib.contenttypes.models import ContentType
        from wagtail.models import Page, Revision

        from news.models import NewsPage
        from videos.models import VideoPage

        base = ContentType.objects.get_for_model(Page)
        for model, related in ((NewsPage, ("topics", "contacts")), (VideoPage, ("topics",))):
            content_type = ContentType.objects.get_for_model(model)
            pks = list(model.objects.filter(slug__startswith="bench-").values_list("pk",
                                                                                   flat=True))
            for begin in range(0, len(pks), BATCH):
                pages = list(model.objects.filter(pk__in=pks[begin:begin + BATCH])
                             .prefetch_related(*related))
                revisions = Revision.objects.bulk_create([
                    Revision(content_type=content_type, base_content_type=base,
                             object_id=str(page.pk), object_str=page.title,
                             created_at=page.last_published_at,
                             content=page.serializable_data())
                    for page in pages
                ])
                Page.objects.bulk_update(
                    [Page(pk=page.pk, live_revision_id=revision.pk,
                          latest_revision_id=revision.pk)
                     for page, revision in zip(pages, revisions, strict=True)],
                    ["live_revision", "latest_revision"])

    def index(self):
        """Into the public search's own index (search/indexing.py), which readers search."""
        from news.models import NewsPage
        from search.indexing import index_pages
        from videos.models import VideoPage

        for model in (NewsPage, VideoPage):
            pks = list(model.objects.filter(slug__startswith="bench-").values_list("pk",
                                                                                   flat=True))
            for begin in range(0, len(pks), BATCH):
                index_pages(list(model.objects.filter(pk__in=pks[begin:begin + BATCH])))

if __name__ == "__main__":
    setup_django()
    Generator(sys.argv[1] if len(sys.argv) > 1 else "small").run()
