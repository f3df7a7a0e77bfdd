"""Responsive images: srcset and sizes, width and height, lazy below the fold, alt text, and
crops around the focal point."""

import io
import re

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.db import connection
from django.template import Context, Template, TemplateSyntaxError
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from core.factories import ImageFactory, translate_page
from core.images import LEAD, TEASER
from core.listing import with_listing_images
from news.factories import NewsPageFactory
from videos.factories import VideoPageFactory
from videos.models import VideoPage

pytestmark = pytest.mark.django_db

Rendition = get_image_model().get_rendition_model()


def document(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def srcset_widths(img):
    return [int(width) for width in re.findall(r" (\d+)w", img["srcset"])]


def render(source, **context):
    return Template("{% load image_tags %}" + source).render(Context(context))


def photo(width=1600, height=900, description="Teilnehmende eines Workshops in Bonn"):
    return ImageFactory(file__width=width, file__height=height, description=description)


# --- The lead image: above the fold -----------------------------------------------------------

def test_the_lead_image_loads_first_in_the_size_the_screen_needs(site_tree, client):
    page = NewsPageFactory(parent=site_tree.news_index, lead_image=photo())

    img = document(client.get(page.url)).select_one(".article__lead-image img")

    assert srcset_widths(img) == [480, 800, 1200, 1600]
    assert all(".format-webp.webp" in candidate or candidate.endswith(".webp")
               for candidate in img["srcset"].split(", "))
    assert img["sizes"] == "(min-width: 50rem) 48rem, calc(100vw - 2rem)"
    # The fallback is the size of the article column; width and height reserve its space.
    assert (img["width"], img["height"]) == ("800", "450")
    assert ".fill-800x450." in img["src"]
    assert img["fetchpriority"] == "high"
    assert "loading" not in img.attrs
    assert img["alt"] == "Teilnehmende eines Workshops in Bonn"
    assert "lang" not in img.attrs


def test_the_lead_image_alt_text_is_translated_with_the_page(site_tree, client):
    page = NewsPageFactory(parent=site_tree.news_index, lead_image=photo())
    english = translate_page(
        page, title="In English", lead_image_alt="Participants of a workshop in Bonn"
    )

    img = document(client.get(english.url)).select_one(".article__lead-image img")

    assert img["alt"] == "Participants of a workshop in Bonn"
    assert "lang" not in img.attrs


def test_a_lead_image_without_description_is_decorative(site_tree, client):
    page = NewsPageFactory(parent=site_tree.news_index, lead_image=photo(description=""))

    img = document(client.get(page.url)).select_one(".article__lead-image img")

    assert img["alt"] == ""
    assert "lang" not in img.attrs


def test_a_small_original_is_never_upscaled_or_listed_twice(site_tree, client):
    page = NewsPageFactory(parent=site_tree.news_index, lead_image=photo(600, 338))

    img = document(client.get(page.url)).select_one(".article__lead-image img")

    assert srcset_widths(img) == [480, 600]
    assert img["width"] == "600"


# --- Teasers: below the fold, in bulk ---------------------------------------------------------

def test_teasers_are_lazy_and_decorative(site_tree, client):
    VideoPageFactory(parent=site_tree.video_index, poster=photo())

    img = document(client.get(site_tree.video_index.url)).select_one(".teaser img")

    assert srcset_widths(img) == [320, 640, 960]
    assert (img["width"], img["height"]) == ("640", "360")
    assert img["sizes"].startswith("auto, ")
    assert img["loading"] == "lazy"
    assert img["decoding"] == "async"
    assert img["alt"] == ""
    assert "teaser__image" in img["class"]


def test_a_videos_poster_loads_first_in_the_size_of_its_frame(site_tree, client):
    """On the video's own page the poster is the largest thing on the screen."""
    video = VideoPageFactory(parent=site_tree.video_index, poster=photo(1920, 1080),
                             video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")

    img = document(client.get(video.url)).select_one(".video-consent__poster")

    assert srcset_widths(img) == [480, 640, 960]
    assert img["fetchpriority"] == "high" and "loading" not in img.attrs


def test_the_home_pages_first_news_image_loads_first_and_the_rest_lazily(site_tree, client):
    for number in range(3):
        NewsPageFactory(parent=site_tree.news_index, title=f"Meldung {number}",
                        lead_image=photo())

    first, *others = document(client.get("/")).select(".teaser img")

    assert first["fetchpriority"] == "high" and "loading" not in first.attrs
    assert others and all(img["loading"] == "lazy" for img in others)


def listing_queries(client, url):
    """Queries of a listing view once its renditions exist, with a cold cache."""
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), len(document(response).select(".teaser img[srcset]"))


def test_teaser_images_cost_no_query_per_item(site_tree, client, django_assert_num_queries):
    url = site_tree.video_index.url
    for _ in range(2):
        VideoPageFactory(parent=site_tree.video_index, poster=photo(640, 360))
    small, images = listing_queries(client, url)
    assert images == 2
    for _ in range(5):
        VideoPageFactory(parent=site_tree.video_index, poster=photo(640, 360))
    client.get(url)
    renditions = Rendition.objects.count()
    cache.clear()

    with django_assert_num_queries(small):
        response = client.get(url)

    assert len(document(response).select(".teaser img[srcset]")) == 7
    assert Rendition.objects.count() == renditions


def test_a_listing_that_prefetched_too_little_makes_no_renditions(site_tree,
                                                                   django_assert_num_queries):
    image = photo(1280, 720)
    VideoPageFactory(parent=site_tree.video_index, poster=image)
    image.get_renditions(*TEASER.specs)
    videos = VideoPage.objects.child_of(site_tree.video_index)
    [video] = with_listing_images(videos)
    video.poster.prefetched_renditions = [
        r for r in video.poster.prefetched_renditions if r.filter_spec == TEASER.specs[0]
    ]

    with django_assert_num_queries(0):
        html = render('{% responsive_image image "teaser" alt="" %}', image=video.poster)

    img = BeautifulSoup(html, "html.parser").img
    assert ".fill-640x360." in img["src"] and "srcset" not in img.attrs


def test_teasers_of_news_and_videos_together_cost_two_queries_per_image_field(
        site_tree, django_assert_num_queries):
    news = [NewsPageFactory(parent=site_tree.news_index, lead_image=photo(640, 360))
            for _ in range(3)]
    videos = [VideoPageFactory(parent=site_tree.video_index, poster=photo(640, 360))
              for _ in range(2)]
    for item in news + videos:
        item.listing_image.get_renditions(*TEASER.specs)
    fresh = [type(item).objects.get(pk=item.pk) for item in news + videos]

    with django_assert_num_queries(4):
        items = with_listing_images(fresh)
    with django_assert_num_queries(0):
        html = "".join(
            render('{% responsive_image image "teaser" alt="" %}', image=item.listing_image)
            for item in items
        )

    assert html.count("<img") == 5


# --- Image blocks in the body text -----------------------------------------------------------

def body_image(site_tree, client, **value):
    image = value.pop("image", None) or photo(1200, 900)
    page = NewsPageFactory(parent=site_tree.news_index, body=[
        {"type": "image", "value": {"image": image.pk, "alt_text": "", "decorative": False,
                                    "caption": "", "credit": "", **value}},
    ])
    return document(client.get(page.url)).select_one(".image-block img")


def test_body_images_keep_their_proportions_and_load_lazily(site_tree, client):
    img = body_image(site_tree, client, alt_text="Das Rathaus am Abend")

    assert srcset_widths(img) == [480, 800, 1200]
    assert (img["width"], img["height"]) == ("800", "600")
    assert img["loading"] == "lazy"
    assert img["alt"] == "Das Rathaus am Abend"
    assert "lang" not in img.attrs


def test_a_decorative_body_image_has_empty_alt_text(site_tree, client):
    img = body_image(site_tree, client, alt_text="Wird nicht gezeigt", decorative=True)

    assert img["alt"] == ""


def test_a_body_image_falls_back_to_its_description(site_tree, client):
    img = body_image(site_tree, client, image=photo(description="Blick auf den Marktplatz"))

    assert img["alt"] == "Blick auf den Marktplatz"


def test_a_body_image_whose_image_was_deleted_renders_nothing(site_tree, client):
    image = photo()
    page = NewsPageFactory(parent=site_tree.news_index, body=[
        {"type": "image", "value": {"image": image.pk, "alt_text": "Weg", "decorative": False,
                                    "caption": "Bildunterschrift", "credit": ""}},
    ])
    image.delete()

    assert document(client.get(page.url)).select(".image-block") == []


# --- The tag itself ----------------------------------------------------------------------------

def test_an_image_whose_file_is_missing_still_renders(site_tree):
    image = photo()
    image.file.storage.delete(image.file.name)

    img = BeautifulSoup(render('{% responsive_image image "lead" %}', image=image),
                        "html.parser").img

    assert img["alt"] == "Teilnehmende eines Workshops in Bonn"
    assert "width" not in img.attrs


def test_no_image_renders_nothing(site_tree):
    assert render('{% responsive_image image "teaser" alt="" %}', image=None) == ""


def test_an_unknown_preset_is_a_template_error(site_tree):
    with pytest.raises(TemplateSyntaxError, match="unknown preset 'banner'"):
        render('{% responsive_image image "banner" %}', image=photo(320, 180))


def test_eager_images_drop_sizes_auto(site_tree):
    with translation.override("de"):
        html = render('{% responsive_image image "teaser" alt="" loading="eager" %}',
                      image=photo(1280, 720))

    img = BeautifulSoup(html, "html.parser").img
    assert img["sizes"] == "(min-width: 42rem) 40rem, calc(100vw - 2rem)"
    assert "loading" not in img.attrs


# --- The focal point ---------------------------------------------------------------------------

def split_image(width=400, **fields):
    """width×200: the left half red, the right half blue."""
    canvas = PillowImage.new("RGB", (width, 200), (220, 0, 0))
    canvas.paste((0, 0, 220), (width // 2, 0, width, 200))
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    return ImageFactory(file=ImageFile(buffer, name="geteilt.png"), **fields)


def blue_share(rendition):
    """How much of the rendition is the blue (right) half of the original."""
    with rendition.file.open() as file:
        picture = PillowImage.open(file).convert("RGB")
        row = [picture.getpixel((x, picture.height // 2)) for x in range(picture.width)]
    return sum(1 for red, _green, blue in row if blue > red) / len(row)


def test_a_square_crop_keeps_the_focal_point(site_tree):
    image = split_image(focal_point_x=350, focal_point_y=100,
                        focal_point_width=40, focal_point_height=40)

    rendition = image.get_rendition("fill-100x100|format-webp")

    assert rendition.focal_point_key
    assert blue_share(rendition) > 0.8


def test_without_a_focal_point_the_crop_is_centred(site_tree):
    image = split_image()

    assert 0.4 < blue_share(image.get_rendition("fill-100x100|format-webp")) < 0.6


def test_moving_the_focal_point_makes_new_renditions(site_tree):
    image = split_image(focal_point_x=50, focal_point_y=100,
                        focal_point_width=40, focal_point_height=40)
    left_crop = image.get_rendition("fill-100x100|format-webp")
    assert blue_share(left_crop) < 0.2

    image.focal_point_x = 350
    image.save()
    right_crop = image.get_rendition("fill-100x100|format-webp")

    assert right_crop.pk != left_crop.pk
    assert blue_share(right_crop) > 0.8


def test_the_lead_image_is_cropped_around_its_focal_point(site_tree, client):
    image = split_image(800, focal_point_x=750, focal_point_y=100,
                        focal_point_width=40, focal_point_height=40)
    page = NewsPageFactory(parent=site_tree.news_index, lead_image=image)

    img = document(client.get(page.url)).select_one(".article__lead-image img")

    rendition = Rendition.objects.get(image=image, filter_spec=LEAD.specs[0])
    assert img["src"] == rendition.url
    assert blue_share(rendition) > 0.95
