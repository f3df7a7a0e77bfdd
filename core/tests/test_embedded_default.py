"""`make run` holds a small newsroom: several people at once, the worker beside them, and no
process with a view of the site of its own. On the real stack (SQLite file, shared file cache,
development server, task worker), driven over HTTP and by a second process."""

import re
from email.utils import parsedate_to_datetime

import pytest

from demo import notice
from editorial.tests.helpers import news_form_data

from .embedded_stack import SCHEDULER_INTERVAL, EmbeddedStack, at_once, wait_until

# The worker's clock ticks each second; the scheduler runs every SCHEDULER_INTERVAL seconds and
# then publishes; the server's next request must show it.
SCHEDULE_MARGIN = SCHEDULER_INTERVAL + 10
# A page scheduled this far ahead is not live yet when the script that scheduled it has ended.
SCHEDULED_IN = 15

ACCOUNTS = """
from editorial.demo import save_demo_user
from editorial.roles import AUTHORS, REDAKTION, setup_editorial
from translation.roles import setup_translators
groups = setup_editorial().groups
translators = setup_translators()
for i in range(6):
    save_demo_user(f"autor{i}", f"autor{i}@example.org", "Autor", str(i), groups[AUTHORS],
                   args["password"])
    save_demo_user(f"redakteur{i}", f"redakteur{i}@example.org", "Redakteur", str(i),
                   groups[REDAKTION], args["password"])
for i in range(2):
    save_demo_user(f"uebersetzer{i}", f"uebersetzer{i}@example.org", "Tara", str(i),
                   translators["en"], args["password"])
from news.models import NewsIndexPage
result = NewsIndexPage.objects.get(locale__language_code="de").pk
"""


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    from .embedded_stack import PASSWORD

    stack = EmbeddedStack(tmp_path_factory.mktemp("embedded"))
    stack.set_up()
    stack.news_index = stack.shell(ACCOUNTS, password=PASSWORD)
    stack.start()
    yield stack
    stack.stop()


def not_server_errors(responses):
    return [r for r in responses if isinstance(r, Exception) or r.status_code >= 500]


def test_six_authors_submit_and_six_reviewers_approve_at_the_same_moment(stack):
    authors = [stack.login(f"autor{i}") for i in range(6)]
    add = f"/admin/pages/add/news/newspage/{stack.news_index}/"

    created = at_once([
        lambda author=author, i=i: author.post_form(
            add, add, {**news_form_data(title=f"Gleichzeitig eingereicht {i}"),
                       "action-submit": "on"})
        for i, author in enumerate(authors)
    ])

    assert not_server_errors(created) == []
    assert [r.status_code for r in created] == [302] * 6
    pages = stack.shell("""
from news.models import NewsPage
result = [[p.pk, p.current_workflow_task_state.pk, p.get_latest_revision() is not None]
          for p in NewsPage.objects.filter(title__startswith="Gleichzeitig eingereicht",
                                           locale__language_code="de").order_by("title")]
""")
    assert len(pages) == 6 and all(has_revision for _, _, has_revision in pages)

    reviewers = [stack.login(f"redakteur{i}") for i in range(6)]
    approved = at_once([
        lambda reviewer=reviewer, page=page: reviewer.post_form(
            f"/admin/pages/{page[0]}/edit/",
            f"/admin/pages/workflow/action/{page[0]}/approve/{page[1]}/", {"comment": ""})
        for reviewer, page in zip(reviewers, pages, strict=True)
    ])

    assert not_server_errors(approved) == []
    live = stack.shell("""
from news.models import NewsPage
result = [p.live and p.live_revision_id is not None for p in NewsPage.objects.filter(
    title__startswith="Gleichzeitig eingereicht", locale__language_code="de")]
""")
    assert live == [True] * 6
    listing = stack.login("autor0").get("/aktuelles/").text  # as a reader would, but fresh
    assert all(f"Gleichzeitig eingereicht {i}" in listing for i in range(6))
    assert stack.server_errors() == []


def xliff_filled(document):
    """Every unit's target is its source, marked, as a CAT tool would fill it."""
    def fill(match):
        unit = match.group(0)
        source = re.search(r"<source>(.*?)</source>", unit, re.S).group(1)
        return re.sub(r"<target[^>]*?(/>|>.*?</target>)",
                      f'<target state="translated">EN-XLIFF {source}</target>', unit, flags=re.S)

    return re.sub(r"<trans-unit .*?</trans-unit>", fill, document, flags=re.S)


def test_two_translators_upload_xliff_at_the_same_moment(stack):
    translations = stack.shell("""
from wagtail.models import Page
from wagtail_localize.models import Translation
result = []
for translation in Translation.objects.filter(target_locale__language_code="en"):
    instance = translation.source.get_source_instance()
    if isinstance(instance, Page) and instance.specific_class.__name__ == "TopicPage":
        target = translation.get_target_instance()
        result.append([translation.pk, target.pk])
result = result[:2]
""")
    assert len(translations) == 2
    translators = [stack.login(f"uebersetzer{i}") for i in range(2)]
    files = []
    for translator, (translation, _page) in zip(translators, translations, strict=True):
        download = translator.get(f"/admin/localize/translate/{translation}/xliff/download/")
        assert download.status_code == 200
        files.append(xliff_filled(download.text))

    uploaded = at_once([
        lambda translator=translator, t=t, page=page, content=content: translator.post_form(
            f"/admin/pages/{page}/edit/", f"/admin/localize/translate/{t}/xliff/upload/",
            {"next": f"/admin/pages/{page}/edit/"},
            files={"file": ("topic.xlf", content.encode(), "application/xml")})
        for translator, (t, page), content in zip(translators, translations, files, strict=True)
    ])

    assert not_server_errors(uploaded) == []
    assert [r.status_code for r in uploaded] == [302, 302]
    drafts = stack.shell("""
from wagtail.models import Page
result = [Page.objects.get(pk=pk).specific.get_latest_revision_as_object().title
          for pk in args["pages"]]
""", pages=[page for _, page in translations])
    assert all(title.startswith("EN-XLIFF ") for title in drafts), drafts
    assert stack.server_errors() == []


SCHEDULE = """
import datetime
from django.utils import timezone
from news.models import NewsIndexPage, NewsPage
from topics.models import TopicPage
index = NewsIndexPage.objects.get(locale__language_code="de")
topic = TopicPage.objects.filter(locale__language_code="de", live=True).first()
page = NewsPage(title=args["title"], slug=args["slug"], teaser="Geplant veröffentlicht.",
                live=False, locale=index.locale,
                go_live_at=timezone.now() + datetime.timedelta(seconds=args["in_seconds"]))
index.add_child(instance=page)
page.topics.add(topic)
page.save_revision().publish()  # in the future: approved for then, not live yet
result = [page.pk, topic.url]
"""


def everywhere(stack, slug, topic_url):
    """Where readers find a news item, by links to it: (its own URL, the news list, search,
    sitemap, its topic hub)."""
    get, path = stack.reader.get, f"/aktuelles/{slug}/"
    linked = f'href="{path}"'
    return (
        get(f"{stack.url}{path}", timeout=30).status_code == 200,
        linked in get(f"{stack.url}/aktuelles/", timeout=30).text,
        linked in get(f"{stack.url}/suche/", params={"q": "geplanten"}, timeout=30).text,
        path in sitemap(stack),
        linked in get(f"{stack.url}{topic_url}", timeout=30).text,
    )


def sitemap(stack):
    """Every section of the sitemap index, as a search engine reads them."""
    index = stack.reader.get(f"{stack.url}/sitemap.xml", timeout=30).text
    return "".join(stack.reader.get(loc, timeout=30).text
                   for loc in re.findall(r"<loc>([^<]+)</loc>", index))


def test_the_worker_publishes_and_expires_on_time_everywhere_while_editors_save(stack):
    import requests

    stack.reader = requests.Session()
    slug, title = "zur-geplanten-zeit", "Zur geplanten Zeit Veroeffentlichtes"
    page_pk, topic_url = stack.shell(SCHEDULE, title=title, slug=slug, in_seconds=SCHEDULED_IN)
    first_modified = stack.reader.get(stack.url + "/aktuelles/").headers["Last-Modified"]
    assert everywhere(stack, slug, topic_url) == (False,) * 5

    editors = [stack.login(f"autor{i}") for i in range(6)]
    drafts = stack.shell("""
from news.models import NewsPage
result = list(NewsPage.objects.filter(title__startswith="Gleichzeitig eingereicht")
              .values_list("pk", flat=True))
""") or [stack.news_index]
    saving, saved = True, []

    def keep_saving(editor, index):
        add = f"/admin/pages/add/news/newspage/{stack.news_index}/"
        n = 0
        while saving:
            saved.append(editor.post_form(add, add, news_form_data(
                title=f"Entwurf neben dem Worker {index}-{n}")))
            n += 1

    import threading

    threads = [threading.Thread(target=keep_saving, args=(editor, i))
               for i, editor in enumerate(editors[:3])]
    for thread in threads:
        thread.start()
    try:
        waited = wait_until(lambda: everywhere(stack, slug, topic_url), (True,) * 5,
                            SCHEDULED_IN + SCHEDULE_MARGIN)
    finally:
        saving = False
        for thread in threads:
            thread.join(timeout=120)
    assert drafts
    assert saved and not_server_errors(saved) == []
    assert all(r.status_code == 302 for r in saved), [r.status_code for r in saved]
    print(f"published by the worker and shown everywhere after {waited:.1f} s")

    # Last-Modified moved with the content, and a stale If-Modified-Since gets the new page.
    now_modified = stack.reader.get(stack.url + "/aktuelles/").headers["Last-Modified"]
    assert parsedate_to_datetime(now_modified) > parsedate_to_datetime(first_modified)
    conditional = stack.reader.get(stack.url + "/aktuelles/",
                                   headers={"If-Modified-Since": first_modified})
    assert conditional.status_code == 200 and title in conditional.text

    # Expiry, by the worker as well.
    stack.shell("""
import datetime
from django.utils import timezone
from news.models import NewsPage
NewsPage.objects.filter(pk=args["pk"]).update(
    expire_at=timezone.now() + datetime.timedelta(seconds=1))
result = True
""", pk=page_pk)
    waited = wait_until(lambda: everywhere(stack, slug, topic_url), (False,) * 5,
                        SCHEDULE_MARGIN)
    print(f"expired by the worker and gone everywhere after {waited:.1f} s")
    assert stack.server_errors() == []


def test_a_command_in_another_process_takes_effect_on_the_server_at_once(stack):
    import requests

    reader = requests.Session()
    url = f"{stack.url}/aktuelles/{notice.SLUG}/"
    before = reader.get(url)
    assert before.status_code == 200 and notice.TITLE in before.text
    assert "public" in before.headers["Cache-Control"]

    stack.shell("""
from wagtail.models import PageViewRestriction
from news.models import NewsPage
page = NewsPage.objects.get(slug=args["slug"], locale__language_code="de")
PageViewRestriction.objects.create(page=page, restriction_type="password", password="geheim-7")
result = True
""", slug=notice.SLUG)
    after = reader.get(url)
    assert notice.INTRO[:60] not in after.text
    assert "public" not in after.headers.get("Cache-Control", "")

    title = "Per Skript veroeffentlicht"
    stack.shell("""
from news.models import NewsIndexPage, NewsPage
index = NewsIndexPage.objects.get(locale__language_code="de")
page = NewsPage(title=args["title"], slug="per-skript", teaser="Aus einem Skript.", live=False,
                locale=index.locale)
index.add_child(instance=page)
page.save_revision().publish()
result = True
""", title=title)
    assert title in reader.get(f"{stack.url}/aktuelles/").text
    assert reader.get(f"{stack.url}/aktuelles/per-skript/").status_code == 200


@pytest.mark.browser
def test_two_redaktion_members_press_freigeben_at_the_same_moment_and_both_succeed(
    stack, chromium
):
    from playwright.sync_api import expect

    from .browser import log_in
    from .embedded_stack import PASSWORD

    add = f"/admin/pages/add/news/newspage/{stack.news_index}/"
    titles = ["Zugleich freigegeben A", "Zugleich freigegeben B"]
    for i, title in enumerate(titles):
        author = stack.login(f"autor{i}")
        response = author.post_form(add, add, {**news_form_data(title=title),
                                               "action-submit": "on"})
        assert response.status_code == 302
    pks = stack.shell("""
from news.models import NewsPage
result = [NewsPage.objects.get(title=title, locale__language_code="de").pk
          for title in args["titles"]]
""", titles=titles)

    contexts = [chromium.new_context(base_url=stack.url, locale="de-DE") for _ in titles]
    try:
        editors = []
        for i, (context, pk) in enumerate(zip(contexts, pks, strict=True)):
            context.set_default_timeout(30_000)
            editor = context.new_page()
            log_in(editor, f"redakteur{i + 2}", PASSWORD)
            editor.goto(f"/admin/pages/{pk}/edit/")
            editor.locator("footer .w-dropdown__toggle").first.click()
            editors.append(editor)
        buttons = [editor.locator("footer").get_by_role("button", name="Freigeben", exact=True)
                   for editor in editors]
        for button in buttons:
            expect(button).to_be_visible()
        for button in buttons:  # one right after the other, as two people at two desks
            button.click(no_wait_after=True)
        for editor, title in zip(editors, titles, strict=True):
            expect(editor.locator(".messages")).to_contain_text(title)
            expect(editor.locator(".messages")).to_contain_text("freigegeben")
    finally:
        for context in contexts:
            context.close()
    live = stack.shell("""
from news.models import NewsPage
result = [NewsPage.objects.get(pk=pk).live for pk in args["pks"]]
""", pks=pks)
    assert live == [True, True]
    assert stack.server_errors() == []
