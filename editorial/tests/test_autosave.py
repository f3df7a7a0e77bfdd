"""Autosave does not cry wolf: blocks and the lead image that the author is still filling in
are stored as they are, quietly; submitting for approval still validates fully and says what is
missing."""

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from news.models import NewsPage

from .helpers import news_draft, news_form_data, streamfield_list

pytestmark = pytest.mark.django_db

# Blocks as the editor posts them right after adding them and typing a first word.
UNFINISHED_BLOCKS = {
    "contact": {"heading": "Ansprechpartnerin", "contacts": streamfield_list([""])},
    "video": {"video": "", "url": "", "title": "Rundgang durch die kühlen Räume"},
    "related_links": {"heading": "Mehr dazu", "links": streamfield_list([
        {"page": "", "url": "https://example.org/hitze", "title": ""},
    ])},
    "image": {"image": "", "alt_text": "", "decorative": "", "caption": "Sitzbänke",
              "credit": ""},
    "heading": {"text": "", "level": "h2"},
}


def with_body(data, *blocks):
    data = {key: value for key, value in data.items() if not key.startswith("body-")}
    data.update(nested_form_data({"body": streamfield(
        [("rich_text", rich_text("<p>Die Stadt öffnet kühle Räume.</p>")), *blocks]
    )}))
    return data


def autosave(client, page, data):
    """The editor's background save: same form, JSON expected, tied to the loaded revision."""
    data = {**data, "loaded_revision_id": str(page.latest_revision_id),
            "loaded_revision_created_at": page.latest_revision.created_at.isoformat()}
    return client.post(f"/admin/pages/{page.pk}/edit/", data, HTTP_ACCEPT="application/json")


@pytest.mark.parametrize("block_type", list(UNFINISHED_BLOCKS))
def test_autosave_keeps_a_block_the_author_is_still_filling_in(
        tree, author_client, autorin, block_type):
    page = news_draft(tree.news_index, title="Kühle Räume", user=autorin)
    data = with_body(news_form_data(page), (block_type, UNFINISHED_BLOCKS[block_type]))

    response = autosave(author_client, page, data)

    assert response.status_code == 200, response.content
    assert response.json()["success"] is True
    draft = NewsPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["rich_text", block_type]


def test_autosave_keeps_a_lead_image_whose_alt_text_is_still_missing(
        tree, author_client, autorin):
    image = Image.objects.create(title="Kühler Raum", file=get_test_image_file())
    page = news_draft(tree.news_index, title="Mit Bild", user=autorin)

    response = autosave(author_client, page, news_form_data(page, lead_image=str(image.pk)))

    assert response.status_code == 200, response.content
    assert NewsPage.objects.get(pk=page.pk).get_latest_revision_as_object().lead_image == image


def test_submitting_unfinished_blocks_shows_what_is_missing(tree, author_client, autorin):
    page = news_draft(tree.news_index, title="Kühle Räume", user=autorin)
    data = with_body(news_form_data(page), ("video", UNFINISHED_BLOCKS["video"]),
                     ("related_links", UNFINISHED_BLOCKS["related_links"]))
    assert autosave(author_client, page, data).status_code == 200

    response = author_client.post(f"/admin/pages/{page.pk}/edit/",
                                  {**data, "action-submit": "1"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Aufgrund von Fehlern bei der Validierung" in html
    assert "eine Videoseite aus oder geben Sie eine URL ein" in html  # in the block errors
    page.refresh_from_db()
    assert not page.workflow_in_progress
    # What was typed is still there, in the form and in the stored draft.
    assert "Rundgang durch die k" in html  # (the block data is JSON with escaped umlauts)
    draft = page.get_latest_revision_as_object()
    assert draft.body[1].value["title"] == "Rundgang durch die kühlen Räume"


def test_two_targets_in_one_link_are_refused_even_by_autosave(tree, author_client, autorin):
    """Still filling in is one thing; a link to a page and to a URL at once is a mistake."""
    page = news_draft(tree.news_index, title="Doppelt", user=autorin)
    links = {"heading": "", "links": streamfield_list([
        {"page": str(tree.topic.pk), "url": "https://example.org/", "title": "Beides"},
    ])}

    response = autosave(author_client, page, with_body(news_form_data(page),
                                                        ("related_links", links)))

    assert response.status_code == 400
    assert response.json()["error_code"] == "validation_error"
