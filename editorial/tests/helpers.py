"""Building blocks for the editorial tests: a small site tree, pages, users and form data.

The tree is built from scratch when it is missing, because live-server tests flush every table,
Wagtail's migration data included (root page, default locale and site, root collection).
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Collection, Locale, Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from editorial.demo import create_demo_accounts
from editorial.roles import setup_editorial
from home.models import Contact, HomePage
from news.models import NewsIndexPage, NewsPage
from topics.models import TopicIndexPage, TopicPage

PASSWORD = "test-password-for-editors"  # noqa: S105


@dataclass
class Tree:
    root: Page
    home: HomePage
    home_en: HomePage
    news_index: NewsIndexPage
    news_index_en: NewsIndexPage
    topic_index: TopicIndexPage
    topic: TopicPage
    contact: Contact


def publish(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def add_live(parent, page):
    page.locale = parent.locale
    parent.add_child(instance=page)
    return publish(page)


def build_tree():
    """Locales de and en, a German home page with news and topic indexes, one topic hub, an
    English home and news index, one live contact; then the editorial groups and workflow."""
    cache.clear()
    de = Locale.objects.get_or_create(language_code="de")[0]
    en = Locale.objects.get_or_create(language_code="en")[0]
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=de)
    )
    for page in root.get_children().not_type(HomePage):
        page.delete()
    home = add_live(root, HomePage(title="Startseite", slug="startseite"))
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    news_index = add_live(home, NewsIndexPage(title="Aktuelles", slug="aktuelles"))
    topic_index = add_live(home, TopicIndexPage(title="Themen", slug="themen"))
    topic = add_live(topic_index, TopicPage(title="Klimaanpassung", slug="klimaanpassung"))
    home_en = publish(home.copy_for_translation(en))
    home_en.title = "Home"
    home_en = publish(home_en)
    news_index_en = publish(news_index.copy_for_translation(en).specific)
    contact = Contact.objects.create(
        name="Karla Kontakt", email="karla@example.org", organisation="Stadt Bonn", locale=de
    )
    contact.save_revision().publish()
    setup_editorial()
    Site.clear_site_root_paths_cache()
    return Tree(root, home, home_en, news_index, news_index_en, topic_index, topic, contact)


def make_user(username, group_name=None, **fields):
    """A user with an e-mail address, in `group_name`; German admin."""
    from wagtail.users.models import UserProfile

    from editorial.roles import setup_editorial

    groups = setup_editorial().groups
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.org", **fields
    )
    if group_name:
        user.groups.add(groups[group_name])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()
    return user


def demo_accounts():
    """The demo accounts `redaktion` and `autorin`, with the tests' password."""
    return create_demo_accounts(PASSWORD)


def news_draft(parent, title="Entwurf", user=None, **fields):
    """A news item that was saved as a draft and never published."""
    page = NewsPage(title=title, slug=fields.pop("slug", None) or _slug(title), live=False,
                    locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision(user=user)
    page.refresh_from_db()
    return page


def news_live(parent, title="Meldung", **fields):
    page = NewsPage(title=title, slug=fields.pop("slug", None) or _slug(title),
                    first_published_at=timezone.now(), **fields)
    return add_live(parent, page)


def _slug(title):
    from django.utils.text import slugify

    return slugify(title)


def news_form_data(page=None, *, title=None, body_text="Ein Absatz im Text.", contact=None,
                   topics=(), **extra):
    """What the admin's news editing form posts, as a browser would send it."""
    body = [("rich_text", rich_text(f"<p>{body_text}</p>"))]
    if contact is not None:
        body.append(("contact", {"heading": "Ansprechpartnerin",
                                 "contacts": streamfield_list([contact.pk])}))
    data = nested_form_data({
        "title": title or (page.title if page else "Neue Meldung"),
        "slug": page.slug if page else _slug(title or "Neue Meldung"),
        "subtitle": "",
        "date": "",
        "lead_image": "",
        "lead_image_caption": "",
        "lead_image_credit": "",
        "body": streamfield(body),
        "byline": "",
        "related_links": inline_formset([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "teaser": "Kurz gesagt.",
        "go_live_at": "",
        "expire_at": "",
    })
    if topics:
        data["topics"] = [str(topic.pk) for topic in topics]
    data.update(extra)
    return data


def streamfield_list(values):
    """ListBlock form data (Wagtail's list block posts items with ids and order)."""
    data = {str(i): {"value": value, "deleted": "", "order": str(i), "id": ""}
            for i, value in enumerate(values)}
    data["count"] = str(len(values))
    return data
