"""Building blocks for the editorial tests: the site tree, pages, users and form data.

The tree comes from the shared `build_site_tree` (factories), which builds what is missing,
because live-server tests flush every table, Wagtail's migration data included.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils.text import slugify
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from conftest import build_site_tree
from core.factories import ContactFactory
from core.models import Contact
from editorial.demo import create_demo_accounts
from editorial.roles import setup_editorial
from home.models import HomePage
from news.factories import NewsPageFactory
from news.models import NewsIndexPage, NewsPage
from topics.factories import TopicPageFactory
from topics.models import TopicIndexPage, TopicPage

PASSWORD = "test-password-for-editors"  # noqa: S105


@dataclass
class Tree:
    home: HomePage
    home_en: HomePage
    news_index: NewsIndexPage
    news_index_en: NewsIndexPage
    topic_index: TopicIndexPage
    topic: TopicPage
    contact: Contact


def build_tree():
    """Locales de and en, the German home page with its indexes and their English
    translations, one topic hub and one live contact; then the editorial roles and workflow."""
    site = build_site_tree()
    topic = TopicPageFactory(parent=site.topic_index, title="Klimaanpassung",
                             slug="klimaanpassung")
    contact = ContactFactory(name="Karla Kontakt", email="karla@example.org",
                             organisation="Stadt Bonn")
    contact.save_revision().publish()  # a live contact has a live revision, as if edited
    setup_editorial()
    return Tree(site.home, site.home_en, site.news_index, site.news_index_en,
                site.topic_index, topic, contact)


def make_user(username, group_name=None, **fields):
    """A user with an e-mail address, in `group_name`; German admin."""
    from wagtail.users.models import UserProfile

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
    """A news item that was saved as a draft by `user` and never published."""
    page = NewsPage(title=title, slug=fields.pop("slug", None) or slugify(title), live=False,
                    locale=parent.locale, owner=user, **fields)
    parent.add_child(instance=page)
    page.save_revision(user=user)
    page.refresh_from_db()
    return page


def news_live(parent, title="Meldung", **fields):
    """A published news item, with a live revision."""
    page = NewsPageFactory(parent=parent, title=title, slug=slugify(title), **fields)
    page.save_revision().publish()
    return NewsPage.objects.get(pk=page.pk)


def news_form_data(page=None, *, title=None, body_text="Ein Absatz im Text.", contact=None,
                   topics=(), **extra):
    """What the admin's news editing form posts, as a browser would send it."""
    body = [("rich_text", rich_text(f"<p>{body_text}</p>"))]
    if contact is not None:
        body.append(("contact", {"heading": "Ansprechpartnerin",
                                 "contacts": streamfield_list([contact.pk])}))
    data = nested_form_data({
        "title": title or (page.title if page else "Neue Meldung"),
        "slug": page.slug if page else slugify(title or "Neue Meldung"),
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
