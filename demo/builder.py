"""Build the demo site: the German tree, its snippets, and English translations made through
wagtail-localize exactly as a translator's work would be."""

import datetime
import html
import os
import re
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.html import strip_tags
from wagtail.models import Collection, DraftStateMixin, Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from core.models import Author, Contact
from events.models import EventIndexPage, EventPage, EventSeriesPage
from home.models import HomePage, HomePageFeaturedTopic
from news.models import NewsIndexPage, NewsPage
from newsletter.demo import ENGLISH as NEWSLETTER_ENGLISH
from newsletter.demo import build_newsletter
from pages.demo import ENGLISH as PAGES_ENGLISH
from pages.demo import build_legal_pages
from topics.models import TopicIndexPage, TopicPage
from videos.models import VideoIndexPage, VideoPage

from . import content, notice
from . import events as demo_events
from .images import placeholder_image


def _normalise(text):
    return " ".join(html.unescape(text).split())


def _english_lookup():
    lookup = {}
    for german, english in {**content.ENGLISH, **PAGES_ENGLISH, **demo_events.ENGLISH,
                            **NEWSLETTER_ENGLISH}.items():
        lookup[_normalise(german)] = english
        if german.startswith("<p>") and german.endswith("</p>"):
            lookup[_normalise(strip_tags(german))] = strip_tags(english)
    return lookup


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_page(parent, page):
    parent.add_child(instance=page)
    return publish(page)


class DemoBuilder:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.de = Locale.objects.get_or_create(language_code="de")[0]
        self.en = Locale.objects.get_or_create(language_code="en")[0]
        self.english = _english_lookup()
        self.missing_english = set()

    def log(self, message):
        if self.stdout:
            self.stdout.write(message)

    def already_built(self):
        return HomePage.objects.filter(locale=self.de).exists()

    def build(self):
        home = self.build_home()
        author = Author.objects.create(name=notice.BYLINE, kind=Author.Kind.TEAM, locale=self.de)
        contacts = [self.build_contact(data) for data in notice.CONTACTS]
        news_index = add_page(home, NewsIndexPage(
            title=content.NEWS_INDEX["title"], slug=content.NEWS_INDEX["slug"],
            introduction=content.NEWS_INDEX["introduction"], show_in_menus=True))
        topic_index = add_page(home, TopicIndexPage(
            title=content.TOPIC_INDEX["title"], slug=content.TOPIC_INDEX["slug"],
            introduction=content.TOPIC_INDEX["introduction"], show_in_menus=True))
        video_index = add_page(home, VideoIndexPage(
            title=content.VIDEO_INDEX["title"], slug=content.VIDEO_INDEX["slug"],
            introduction=content.VIDEO_INDEX["introduction"], show_in_menus=True))
        topics = {}
        for index, (slug, title, introduction) in enumerate(content.TOPICS):
            topic = TopicPage(
                title=title, slug=slug, introduction=introduction, teaser=introduction,
                image=placeholder_image(title, colour_index=index),
            )
            topics[slug] = add_page(topic_index, topic)
        topics["krisenmanagement"].contacts.set(contacts)
        publish(topics["krisenmanagement"])

        video = VideoPage(
            title=content.VIDEO["title"], slug=content.VIDEO["slug"], date=content.VIDEO["date"],
            video_url=content.VIDEO["video_url"], description=content.VIDEO["description"],
            transcript=content.VIDEO["transcript"], teaser=content.VIDEO["teaser"],
            poster=placeholder_image("Poster: " + content.VIDEO["title"], colour_index=7,
                                     description="Platzhalterbild des Informationsvideos"),
        )
        video.topics.set(topics.values())
        video = add_page(video_index, video)

        other_news = [
            self.build_news(news_index, data, topics, author) for data in content.MORE_NEWS
        ]
        programme_notice = self.build_notice(news_index, topics, video, author, contacts)

        legal_pages = build_legal_pages(home)
        translated_news = [page for page, data in zip(other_news, content.MORE_NEWS, strict=True)
                           if data["translate"]]
        newsletter_pages = build_newsletter(home, [*translated_news[:2], programme_notice],
                                            publish)

        home.featured_video = video
        for slug in ["krisenmanagement", "digitalisierung-kommunikation", "innovation"]:
            home.featured_topics.add(HomePageFeaturedTopic(topic=topics[slug]))
        publish(home)

        self.translate_to_english(
            [author, *contacts],
            [home, news_index, topic_index, video_index, *topics.values(), video,
             programme_notice, *translated_news, *legal_pages, *newsletter_pages],
        )
        return programme_notice

    def events_built(self):
        return EventIndexPage.objects.filter(locale=self.de).exists()

    def build_events(self, today=None):
        """The events index, the series and its three sessions, in German and English. Also
        for a demo loaded before events existed: run once, when the index is missing."""
        home = HomePage.objects.get(locale=self.de)
        topics = {topic.slug: topic for topic in TopicPage.objects.filter(locale=self.de)}
        video = VideoPage.objects.filter(locale=self.de, slug=content.VIDEO["slug"]).first()
        index = add_page(home, EventIndexPage(
            title=demo_events.INDEX["title"], slug=demo_events.INDEX["slug"],
            introduction=demo_events.INDEX["introduction"], show_in_menus=True))
        data = demo_events.SERIES
        series = EventSeriesPage(
            title=data["title"], slug=data["slug"], subtitle=data["subtitle"],
            teaser=data["teaser"], introduction=data["introduction"],
            lead_image=placeholder_image(data["title"], colour_index=3),
            lead_image_decorative=True)
        series.topics.set([topics[slug] for slug in data["topics"] if slug in topics])
        series = add_page(index, series)
        sessions = []
        for number, item in enumerate(demo_events.sessions(today or datetime.date.today())):
            local_start, local_end = item["local"]
            zone = ZoneInfo("Europe/Berlin")
            event = EventPage(
                title=item["title"], slug=item["slug"], teaser=item["teaser"],
                body=[("rich_text", RichText(item["body"]))], status=item["status"],
                time_zone="Europe/Berlin", extra_time_zones=demo_events.ZONES,
                start=local_start.replace(tzinfo=zone).astimezone(datetime.UTC),
                end=local_end.replace(tzinfo=zone).astimezone(datetime.UTC),
                event_format=item["event_format"], platform=item["platform"],
                venue=item.get("venue", ""), address=item.get("address", ""),
                city=item.get("city", ""), country=item.get("country", ""),
                languages=item["languages"], organiser_name="Connective Cities",
                recording=video if item["recording"] else None,
                lead_image=placeholder_image(item["title"], colour_index=number + 4),
                lead_image_decorative=True)
            event.topics.set([topics[slug] for slug in item["topics"] if slug in topics])
            sessions.append(add_page(series, event))
        self.log(f"Event series published at {series.url}")
        self.translate_to_english([], [index, series, *sessions])
        return series

    def build_home(self):
        if Collection.get_first_root_node() is None:
            Collection.add_root(name="Root")
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=self.de)
        )
        home = add_page(root, HomePage(
            title=content.HOME["title"], slug="start", introduction=content.HOME["introduction"],
            locale=self.de,
        ))
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        old_root = site.root_page if site.pk else None
        # Full URLs (canonical, hreflang, feeds, sitemap) point where `make run` serves.
        site.hostname = os.environ.get("SITE_HOSTNAME", "127.0.0.1")
        site.port = int(os.environ.get("PORT", "8000"))
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
        if old_root and old_root.pk != home.pk and old_root.specific_class is not HomePage:
            old_root.delete()
        self.log("Home page created.")
        return home

    def build_contact(self, data):
        contact = Contact(locale=self.de, live=False, **data)
        contact.save()
        contact.save_revision().publish()
        return contact

    def build_news(self, news_index, data, topics, author):
        page = NewsPage(
            title=data["title"], slug=data["slug"], subtitle=data["subtitle"], date=data["date"],
            teaser=data["teaser"], byline=author,
            lead_image=placeholder_image(data["title"], colour_index=len(data["title"])),
            lead_image_decorative=True,  # a coloured placeholder that shows nothing
            body=[("rich_text", RichText(data["body"]))],
        )
        page.topics.set([topics[slug] for slug in data["topics"]])
        return add_page(news_index, page)

    def build_notice(self, news_index, topics, video, author, contacts):
        focus_list = "".join(f"<li>{area}</li>" for area in notice.FOCUS_AREAS)
        page = NewsPage(
            title=notice.TITLE, slug=notice.SLUG, subtitle=notice.SUBTITLE, date=notice.DATE,
            teaser=notice.TEASER, byline=author,
            body=[
                ("rich_text", RichText(f"<p>{notice.INTRO}</p>")),
                ("rich_text", RichText(
                    f"<p>{notice.FOCUS_LEAD}</p><ul>{focus_list}</ul><p>{notice.MORE_INFO}</p>")),
                ("video", {"video": video, "url": "", "title": notice.VIDEO_CAPTION}),
                ("call_to_action", {
                    "title": notice.CTA_TITLE,
                    "text": RichText("".join(f"<p>{text}</p>" for text in notice.CTA_TEXT)),
                    "page": None, "url": "", "contact": None, "label": "",
                }),
            ],
        )
        page.topics.set([topics[slug] for slug, _title, _intro in content.TOPICS])
        page.contacts.set(contacts)
        page = add_page(news_index, page)
        self.log(f"Programme notice published at {page.url}")
        return page

    def translate_to_english(self, snippets, pages):
        creator = TranslationCreator(user=None, target_locales=[self.en])
        for instance in [*snippets, *pages]:
            creator.create_translations(instance, include_related_objects=False)
            source = TranslationSource.objects.get_for_instance(instance)
            self.fill_translations(source)
            translation = Translation.objects.get(source=source, target_locale=self.en)
            self.publish_translation(translation, instance)
        if self.missing_english:
            kept = "; ".join(sorted(self.missing_english))
            self.log(f"Kept in German (no English given): {kept}")

    def publish_translation(self, translation, instance):
        """Save the translation, then publish it as the Redaktion would after approval.

        wagtail-localize publishes a translated revision in an on-commit hook; inside this
        command's transaction that hook would run late, from a stale copy of the page, and undo
        the tree's child counts. So the draft is saved here and published right away instead.
        """
        if not isinstance(instance, DraftStateMixin):
            translation.save_target(publish=True)
            return
        translation.save_target(publish=False)
        target = translation.source.get_translated_instance(self.en)
        target.refresh_from_db()
        target.get_latest_revision().publish()

    def fill_translations(self, source):
        for segment in source.stringsegment_set.select_related("string", "context"):
            german = segment.string.data
            english = self.english.get(_normalise(german))
            if english is not None and html.unescape(german) != german:
                english = html.escape(english, quote=False)
            if english is None:
                english = german
                if re.search(r"[a-zäöüß]{4}", german):
                    self.missing_english.add(german[:60])
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=self.en,
                context=segment.context,
                defaults={"data": english,
                          "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
