"""A small bilingual site for the translation tests, built from factories and wagtail-localize.

Everything is made from scratch when missing, because live-server tests flush every table,
Wagtail's migration data included (root page, locales, site, root collection) and the groups.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from wagtail.models import Page, Site
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from core.factories import ContactFactory, get_locale, root_collection
from core.models import Contact
from editorial.demo import create_demo_accounts
from editorial.roles import setup_editorial
from home.factories import HomePageFactory
from home.models import HomePage
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsIndexPage, NewsPage
from translation.demo import create_translator_accounts
from translation.roles import setup_translators, translator_group_name

PASSWORD = "test-password-for-translators"  # noqa: S105

NOTICE_TITLE = "Förderprogramm für kommunale Praxispartnerschaften"
NOTICE_INTRO = "Connective Cities fördert den Austausch zwischen Kommunen."
NOTICE_LINKED = 'Mehr dazu auf der <a href="https://www.connective-cities.net/">Website</a>.'


@dataclass
class Site2:
    de: object
    en: object
    root: Page
    home: HomePage
    home_en: HomePage
    news_index: NewsIndexPage
    news_index_en: NewsIndexPage
    notice: NewsPage
    contact: Contact


def publish(obj):
    """Publish the latest revision, as the Redaktion's approval does."""
    obj = type(obj)._default_manager.get(pk=obj.pk)
    obj.get_latest_revision().publish()
    return type(obj)._default_manager.get(pk=obj.pk)


def translate(obj, language_code="en", user=None):
    """Submit `obj` for translation as wagtail-localize's "Translate" does: a draft."""
    locale = get_locale(language_code)
    TranslationCreator(user, [locale]).create_translations(obj, include_related_objects=False)
    return type(obj)._default_manager.get(translation_key=obj.translation_key, locale=locale)


def translation_of(obj, language_code="en"):
    return Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(obj),
        target_locale__language_code=language_code,
    )


def translate_strings(obj, language_code="en", translate_text=None):
    """Store a translation for every segment of `obj` (by default "EN: <German text>")."""
    source = TranslationSource.objects.get_for_instance(obj)
    locale = get_locale(language_code)
    translate_text = translate_text or (lambda text: f"EN: {text}")
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": translate_text(segment.string.data)},
        )


def build_site():
    """German home, news index and the notice (with a contact), and their English drafts;
    the English home, index and contact are approved and live, the notice is still a draft.
    Then the editorial roles and workflow and the translators' groups."""
    cache.clear()
    de, en = get_locale("de"), get_locale("en")
    root_collection()
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=de)
    )
    for page in root.get_children().not_type(HomePage):
        page.delete()
    home = HomePage.objects.child_of(root).filter(locale=de).first() or HomePageFactory(
        parent=root
    )
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    news_index = NewsIndexPageFactory(parent=home)
    contact = ContactFactory(name="Karla Kontakt", role="Projektleitung")
    contact.save_revision().publish()
    notice = NewsPageFactory(
        parent=news_index,
        title=NOTICE_TITLE,
        slug="foerderprogramm",
        subtitle="Bewerbungen bis zum 30. September",
        body=[
            ("rich_text", RichText(f"<p>{NOTICE_INTRO}</p><p>{NOTICE_LINKED}</p>")),
        ],
        contacts=[contact],
    )
    notice.save_revision().publish()
    setup_editorial()
    setup_translators()

    contact_en = translate(contact)
    translate_strings(contact, translate_text=lambda text: {"Projektleitung": "Project lead"}
                      .get(text, text))
    translation_of(contact).save_target(publish=False)
    publish(contact_en)
    home_en = translate(home)
    translate_strings(home)
    translation_of(home).save_target(publish=False)
    home_en = publish(home_en)
    news_index_en = translate(news_index)
    translate_strings(news_index, translate_text=lambda text: {"Aktuelles": "News"}
                      .get(text, text))
    translation_of(news_index).save_target(publish=False)
    news_index_en = publish(news_index_en)
    translate(notice)
    Site.clear_site_root_paths_cache()
    return Site2(de, en, root, home, home_en, news_index, news_index_en, notice, contact)


def reload(site):
    """The same site with every object fetched again (for a site built once per module)."""
    fields = {}
    for name, value in vars(site).items():
        fields[name] = type(value)._default_manager.get(pk=value.pk)
    return Site2(**fields)


def accounts():
    """`translator-en`, `redaktion` and `autorin`, with the tests' password."""
    return {**create_demo_accounts(PASSWORD), **create_translator_accounts(PASSWORD)}


def translator(language_code, username=None):
    """A member of the translators' group of `language_code` (German admin)."""
    groups = setup_translators(languages=[language_code])
    user = get_user_model().objects.create_user(
        username=username or f"translator-{language_code}-test",
        password=PASSWORD,
        email=f"translator-{language_code}@example.org",
    )
    user.groups.add(groups[language_code])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()
    assert groups[language_code].name == translator_group_name(language_code)
    return user


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def edit_url(obj):
    if isinstance(obj, Page):
        return f"/admin/pages/{obj.pk}/edit/"
    return f"/admin/snippets/{obj._meta.app_label}/{obj._meta.model_name}/edit/{obj.pk}/"


def workflow_action_url(obj, action):
    obj = type(obj)._default_manager.get(pk=obj.pk)
    task_state = obj.current_workflow_task_state
    if isinstance(obj, Page):
        return f"/admin/pages/workflow/action/{obj.pk}/{action}/{task_state.pk}/"
    return (
        f"/admin/snippets/{obj._meta.app_label}/{obj._meta.model_name}/workflow/action/"
        f"{obj.pk}/{action}/{task_state.pk}/"
    )


def english(obj):
    return type(obj)._default_manager.get(
        translation_key=obj.translation_key, locale__language_code="en"
    )


def assert_refused(response):
    """The admin refused: 403, or Wagtail's redirect to the dashboard with "no permission"."""
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        assert response["Location"] == "/admin/", response["Location"]
