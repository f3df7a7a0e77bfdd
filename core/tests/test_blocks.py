"""What an editor meets when a block is saved: which combinations the blocks accept."""

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError

from core.blocks import CallToActionBlock, ImageBlock, LinkBlock, RelatedLinksBlock, VideoBlock
from core.factories import ContactFactory, ImageFactory

pytestmark = pytest.mark.django_db

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def clean(block, raw):
    """Validate `raw` (the block's stored form) as the editor's form would."""
    return block.clean(block.to_python(raw))


def error_fields(block, raw):
    with pytest.raises(StructBlockValidationError) as caught:
        clean(block, raw)
    return set(caught.value.block_errors)


# --- Video -------------------------------------------------------------------------------------

def test_video_block_accepts_a_youtube_or_vimeo_url():
    assert clean(VideoBlock(), {"url": YOUTUBE}).embed.video_id == "dQw4w9WgXcQ"
    assert clean(VideoBlock(), {"url": "https://vimeo.com/76979871"}).embed.provider == "Vimeo"


def test_video_block_needs_a_video_page_or_a_url():
    assert error_fields(VideoBlock(), {"title": "Ohne Video"}) == {"video", "url"}


@pytest.mark.parametrize("url", [
    "https://example.org/video.mp4",
    "https://www.youtube.com/watch?v=too-short",
    "https://vimeo.com/not-a-number",
])
def test_video_block_refuses_other_addresses(url):
    assert "url" in error_fields(VideoBlock(), {"url": url})


# --- Call to action: at most one target --------------------------------------------------------

@pytest.fixture
def home(site_tree):
    return site_tree.home


def test_call_to_action_without_a_target_is_fine():
    raw = {"title": "Machen Sie mit!", "text": "<p>Schreiben Sie.</p>"}
    value = clean(CallToActionBlock(), raw)

    assert value["title"] == "Machen Sie mit!"


def test_call_to_action_accepts_a_page(home):
    assert clean(CallToActionBlock(), {"title": "Mehr", "page": home.pk})["page"].pk == home.pk


def test_call_to_action_accepts_a_url():
    value = clean(CallToActionBlock(), {"title": "Mehr", "url": "https://example.org/"})

    assert value["url"] == "https://example.org/"


def test_call_to_action_accepts_a_contact():
    contact = ContactFactory()

    value = clean(CallToActionBlock(), {"title": "Fragen?", "contact": contact.pk})

    assert value["contact"] == contact


def test_call_to_action_refuses_more_than_one_target(home):
    contact = ContactFactory()
    values = {"page": home.pk, "url": "https://example.org/", "contact": contact.pk}

    for targets in [("page", "url"), ("url", "contact"), ("page", "contact"),
                    ("page", "url", "contact")]:
        raw = {"title": "Zu viel", **{name: values[name] for name in targets}}
        assert error_fields(CallToActionBlock(), raw) == {"page", "url", "contact"}, targets


def test_call_to_action_needs_a_title():
    assert "title" in error_fields(CallToActionBlock(), {"title": "", "url": "https://example.org/"})


# --- Image: alternative text unless decorative -------------------------------------------------

def test_image_without_alt_text_or_description_is_refused():
    image = ImageFactory(description="")

    assert error_fields(ImageBlock(), {"image": image.pk, "alt_text": ""}) == {"alt_text"}


def test_image_with_alt_text_is_accepted():
    image = ImageFactory(description="")

    value = clean(ImageBlock(), {"image": image.pk, "alt_text": "Teilnehmende im Workshop"})

    assert value["alt_text"] == "Teilnehmende im Workshop"


def test_decorative_image_needs_no_alt_text():
    image = ImageFactory(description="")

    assert clean(ImageBlock(), {"image": image.pk, "decorative": True})["decorative"] is True


def test_image_description_serves_as_alt_text():
    image = ImageFactory(description="Rathaus von Bonn")

    assert clean(ImageBlock(), {"image": image.pk})["image"] == image


def test_image_block_needs_an_image():
    assert "image" in error_fields(ImageBlock(), {"image": None, "alt_text": "Etwas"})


# --- Links -------------------------------------------------------------------------------------

def test_link_to_a_page_needs_no_text(home):
    assert clean(LinkBlock(), {"page": home.pk})["page"].pk == home.pk


def test_external_link_needs_a_link_text():
    assert error_fields(LinkBlock(), {"url": "https://example.org/"}) == {"title"}
    value = clean(LinkBlock(), {"url": "https://example.org/", "title": "Beispiel"})
    assert value["title"] == "Beispiel"


def test_link_needs_exactly_one_target(home):
    assert error_fields(LinkBlock(), {"title": "Nichts"}) == {"page", "url"}
    both = {"page": home.pk, "url": "https://example.org/", "title": "Beides"}
    assert error_fields(LinkBlock(), both) == {"page", "url"}


def test_related_links_need_at_least_one_link():
    from wagtail.blocks.list_block import ListBlockValidationError

    with pytest.raises(StructBlockValidationError) as caught:
        clean(RelatedLinksBlock(), {"heading": "Links", "links": []})

    assert isinstance(caught.value.block_errors["links"], ListBlockValidationError)


# --- Drafts (autosave, "Entwurf speichern"): what the editor is still filling in -------------

def clean_draft(block, raw):
    """Validate `raw` as a draft save does (Wagtail's deferred validation)."""
    return block.clean_deferred(block.to_python(raw))


def test_a_draft_keeps_a_video_block_without_a_video_yet():
    assert clean_draft(VideoBlock(), {"title": "Rundgang"})["title"] == "Rundgang"


def test_a_draft_keeps_a_link_without_target_or_text_yet():
    assert clean_draft(LinkBlock(), {"title": "Später"})["title"] == "Später"
    assert clean_draft(LinkBlock(), {"url": "https://example.org/"})["url"] == (
        "https://example.org/")


def test_a_draft_keeps_an_image_whose_alt_text_is_still_missing():
    image = ImageFactory(description="")
    assert clean_draft(ImageBlock(), {"image": image.pk})["image"] == image


def test_a_draft_still_refuses_a_link_with_two_targets(home):
    both = {"page": home.pk, "url": "https://example.org/", "title": "Beides"}
    with pytest.raises(StructBlockValidationError):
        clean_draft(LinkBlock(), both)


def test_after_a_draft_the_block_validates_fully_again():
    block = VideoBlock()
    clean_draft(block, {"title": "Rundgang"})
    assert error_fields(block, {"title": "Rundgang"}) == {"video", "url"}
