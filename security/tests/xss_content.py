"""A site whose every editor-, translator- and reader-controlled field holds an XSS payload.

One news item per payload; on news item `i`, field number `k` holds payload `i + k`, so every
payload lands in every field somewhere while the number of pages stays at the number of
payloads. Rich text goes through Wagtail's own editor conversion (Draftail's contentstate to
the stored HTML), as it does when an editor saves.
"""

import json
import time
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.models import Site
from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from conftest import build_site_tree
from core.blocks import RICH_TEXT_FEATURES
from core.factories import ContactFactory, DocumentFactory, ImageFactory, get_locale
from core.models import Author
from core.video_providers import parse_video_url
from editorial.demo import create_demo_accounts
from news.factories import NewsPageFactory
from pages.factories import FeedbackFormPageFactory
from pages.forms import HONEYPOT_FIELD, TOKEN_FIELD, make_token
from topics.factories import TopicPageFactory
from translation.demo import create_translator_accounts
from translation.roles import setup_translators
from videos.factories import VideoPageFactory

from .payloads import PAYLOADS, fitting, payload

PASSWORD = "test-password-for-xss"  # noqa: S105
CONVERTER = ContentstateConverter(RICH_TEXT_FEATURES)


def rich_text(index, field):
    """Rich text as the admin stores it when an editor types the payload and links a word to
    a javascript: URL (Wagtail drops such a link target)."""
    text = payload(index, field)
    contentstate = {
        "blocks": [{
            "key": "b0", "type": "unstyled", "text": text, "depth": 0,
            "inlineStyleRanges": [{"offset": 0, "length": 3, "style": "BOLD"}],
            "entityRanges": [{"offset": 0, "length": min(5, len(text)), "key": 0}],
        }],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE",
                            "data": {"url": f"javascript:alert('{field}{index}')"}}},
    }
    return CONVERTER.to_database_format(json.dumps(contentstate))


def video_url(index, field):
    """A valid YouTube URL carrying the payload in its query string (the URL validator accepts
    it: it has no white space), or a plain one if the payload has spaces."""
    url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=" + payload(index, field)
    if " " in url or parse_video_url(url) is None:
        return "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    return url


def email(index):
    """An e-mail address that Django accepts and that carries a payload (a quoted local part
    may hold <, >, ' and =)."""
    for offset in range(len(PAYLOADS)):
        text = payload(index + offset, "ce").replace('"', "'").replace("\\", "")
        address = f'"{text}"@example.org'
        try:
            validate_email(address)
        except ValidationError:
            continue
        if len(address) <= 254:
            return address
    return "kontakt@example.org"


@dataclass
class PayloadSite:
    tree: object
    news: list
    topics: list
    video: object
    contacts: list
    author: object
    form_page: object
    translated: object
    users: dict = field(default_factory=dict)


def streamfield(index, image, document, contact):
    def p(k, name, max_length=255):
        return fitting(index + k, name, max_length)

    return [
        ("rich_text", RichText(rich_text(index, "rt"))),
        ("heading", {"text": p(1, "h"), "level": "h2"}),
        ("quote", {"quote": payload(index + 2, "q"), "attribution": p(3, "qa")}),
        ("image", {"image": image, "alt_text": p(4, "ia"), "decorative": False,
                   "caption": p(5, "ic", 500), "credit": p(6, "icr")}),
        ("video", {"video": None, "url": video_url(index + 7, "vu"), "title": p(8, "vt")}),
        ("contact", {"heading": p(9, "ch"), "contacts": [contact]}),
        ("call_to_action", {"title": p(10, "ct"), "text": RichText(rich_text(index + 11, "cx")),
                            "page": None, "url": "https://www.example.org/", "contact": None,
                            "label": p(12, "cl", 100)}),
        ("document", {"document": document, "title": p(13, "dt")}),
        ("related_links", {"heading": p(14, "rh"), "links": [
            {"page": None, "url": "https://www.example.org/", "title": p(15, "rl")},
        ]}),
    ]


def build_payload_site():
    tree = build_site_tree()
    de = get_locale("de")
    image = ImageFactory(title=fitting(20, "it", 255), description=fitting(21, "id", 255))
    document = DocumentFactory(title=fitting(22, "dt", 255))
    contacts = []
    for index in range(0, len(PAYLOADS), 11):
        contact = ContactFactory(
            name=fitting(index, "cn", 255), role=fitting(index + 1, "cro", 255),
            organisation=fitting(index + 2, "co", 255), phone=fitting(index + 3, "cp", 64),
            email=email(index + 4), photo=image,
        )
        contact.save_revision().publish()
        contacts.append(type(contact).objects.get(pk=contact.pk))
    author = Author.objects.create(name=fitting(30, "an", 255), kind=Author.Kind.PERSON,
                                   locale=de)
    topics = [
        TopicPageFactory(
            parent=tree.topic_index, title=fitting(40 + k, "tt", 255),
            slug=f"thema-{k}", teaser=fitting(41 + k, "ts", 400),
            introduction=payload(42 + k, "ti"), image=image,
            body=streamfield(43 + k, image, document, contacts[k % len(contacts)]),
        )
        for k in range(3)
    ]
    for topic in topics:
        topic.contacts.set(contacts[:2])
        topic.save()
    video = VideoPageFactory(
        parent=tree.video_index, title=fitting(50, "vpt", 255), slug="video-xss",
        teaser=fitting(51, "vps", 400), description=rich_text(52, "vd"),
        transcript=rich_text(53, "vtr"), video_url=video_url(54, "vpu"), poster=image,
    )
    video.topics.set(topics)
    video.save()
    news = []
    for index in range(len(PAYLOADS)):
        page = NewsPageFactory(
            parent=tree.news_index,
            title=fitting(index, "t", 255),
            slug=f"meldung-{index}",
            teaser=fitting(index + 1, "s", 400),
            seo_title=fitting(index + 2, "st", 255),
            search_description=payload(index + 3, "sd"),
            subtitle=fitting(index + 4, "sub", 255),
            lead_image=image,
            lead_image_caption=fitting(index + 5, "cap", 500),
            lead_image_credit=fitting(index + 6, "cr", 255),
            body=streamfield(index + 7, image, document, contacts[index % len(contacts)]),
            byline=author,
        )
        page.topics.set([topics[index % len(topics)]])
        page.contacts.set([contacts[index % len(contacts)]])
        page.save_revision().publish()
        news.append(type(page).objects.get(pk=page.pk))
    form_page = FeedbackFormPageFactory(
        parent=tree.home, title=fitting(60, "ft", 255), slug="rueckmeldung",
        introduction=rich_text(61, "fi"), thank_you_text=rich_text(62, "fy"),
        fields=[
            {"label": fitting(63, "fl", 255), "field_type": "singleline",
             "help_text": payload(64, "fh"), "required": False},
            {"label": "Ihre Nachricht", "field_type": "multiline", "required": False},
            {"label": "Thema", "field_type": "dropdown", "required": False,
             "choices": fitting(65, "fc", 255).replace(",", " ")},
        ],
    )
    Site.clear_site_root_paths_cache()

    setup_translators()
    users = {**create_demo_accounts(PASSWORD), **create_translator_accounts(PASSWORD)}
    users["admin"] = get_user_model().objects.create_superuser("admin", "admin@example.org",
                                                               PASSWORD)
    translated = translate_with_payloads(news[0], users["translator-en"])
    return PayloadSite(tree, news, topics, video, contacts, author, form_page, translated,
                       users)


def translate_with_payloads(page, user):
    """Start the English translation of `page` and store a payload as the translation of every
    segment, as a translator typing into wagtail-localize's editor would."""
    en = get_locale("en")
    TranslationCreator(user, [en]).create_translations(page, include_related_objects=False)
    source = TranslationSource.objects.get_for_instance(page)
    for number, segment in enumerate(source.stringsegment_set.select_related("string",
                                                                           "context")):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string, locale=en, context=segment.context,
            defaults={"data": payload(number, "tr")},
        )
    return type(page).objects.get(translation_key=page.translation_key, locale=en)


def feedback_answers(page, index):
    """What a reader's browser posts, with payloads in every field."""
    fields = list(page.get_form_fields())
    data = {HONEYPOT_FIELD: "", TOKEN_FIELD: make_token(page.pk, now=time.time() - 60)}
    for offset, form_field in enumerate(fields):
        if form_field.field_type == "dropdown":
            data[form_field.clean_name] = ""
        else:
            data[form_field.clean_name] = payload(index + offset, "fs")
    return data
