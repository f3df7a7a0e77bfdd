"""In Chromium: the author sees the picture she uploaded in the image library; a reader's
browser gets nothing for its file until the Redaktion publishes a news item that shows it."""

import io
import re

import pytest
from PIL import Image as PILImage
from playwright.sync_api import expect
from wagtail.images import get_image_model

from editorial.publishing import approval_publishes
from editorial.roles import AUTHORS, REDAKTION
from editorial.tests.helpers import PASSWORD, build_tree, make_user, news_draft
from security.uploads import REVIEW_COLLECTION_NAME

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (320, 200), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def shown(page, selector):
    """Did the browser load and decode the image?"""
    return page.locator(selector).first.evaluate("img => img.complete && img.naturalWidth > 0")


def test_an_authors_picture_reaches_readers_only_after_approval(chromium, live_server):
    tree = build_tree()
    make_user("autorin-foto", AUTHORS)
    redaktion = make_user("redaktion-foto", REDAKTION)

    author = chromium.new_context(base_url=live_server.url, locale="de-DE")
    page = author.new_page()
    page.goto("/admin/login/")
    page.locator("#id_username").fill("autorin-foto")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Anmelden|Sign in")).click()
    page.wait_for_url("**/admin/")
    page.goto("/admin/images/add/")
    page.locator("#id_title").fill("Kühler Raum")
    page.locator("#id_file").set_input_files(
        {"name": "kuehler-raum.png", "mimeType": "image/png", "buffer": png()}
    )
    page.locator("form[action*='/images/add/'] [type='submit']").last.click()
    page.wait_for_url(re.compile(r"/admin/images/"))
    image = get_image_model().objects.get(title="Kühler Raum")
    assert image.collection.name == REVIEW_COLLECTION_NAME

    page.goto("/admin/images/")
    thumbnail = f"img[alt='Kühler Raum'], img[src*='{image.file.name.split('/')[-1][:16]}']"
    expect(page.locator(thumbnail).first).to_be_visible()
    assert shown(page, thumbnail)

    reader = chromium.new_context(base_url=live_server.url, locale="de-DE").new_page()
    assert reader.request.get(f"/media/{image.file.name}").status == 404

    item = news_draft(tree.news_index, title="Kühle Räume", lead_image=image,
                      lead_image_alt="Ein kühler Raum mit Stühlen")
    with approval_publishes():  # what the Redaktion's "Freigeben" does
        item.save_revision(user=redaktion).publish(user=redaktion)

    reader.goto(item.url)
    lead = "img[alt='Ein kühler Raum mit Stühlen']"
    expect(reader.locator(lead)).to_be_visible()
    assert shown(reader, lead)
    assert reader.request.get(f"/media/{image.file.name}").status == 200
    author.close()
    reader.context.close()
