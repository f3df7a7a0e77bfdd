"""Renditions are made when an image is saved or a page is published, never while a reader
waits for a page."""

import pytest
from django.core.cache import cache
from wagtail.images import get_image_model
from wagtail.images.models import Rendition

from core.factories import ImageFactory
from core.renditions import RENDITION_SPECS, image_ids_of
from core.tasks import create_image_renditions
from news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_cached_renditions():
    # Wagtail caches renditions by image id, and ids repeat after a rolled-back test.
    cache.clear()


def specs_of(image):
    return set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True))


def test_saving_an_image_makes_every_rendition_the_site_shows(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        image = ImageFactory()
    assert specs_of(image) == set(RENDITION_SPECS)


def test_the_task_skips_an_image_whose_file_is_gone():
    image = ImageFactory()
    get_image_model().objects.filter(pk=image.pk).update(file="original_images/gone.jpg")
    assert create_image_renditions.call([image.pk]) == 0
    assert specs_of(image) == set()


def test_a_published_page_has_its_images_renditions(site_tree,
                                                    django_capture_on_commit_callbacks):
    lead, in_body = ImageFactory(), ImageFactory()  # saved outside on_commit: no renditions
    assert specs_of(lead) == specs_of(in_body) == set()
    page = NewsPageFactory(parent=site_tree.news_index, live=False, lead_image=lead, body=[
        ("rich_text", "<p>Text</p>"),
        ("image", {"image": in_body, "alt_text": "", "decorative": True, "caption": ""}),
    ])
    assert image_ids_of(page) == sorted([lead.pk, in_body.pk])

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert specs_of(lead) == specs_of(in_body) == set(RENDITION_SPECS)


def test_reading_a_published_page_creates_no_rendition(client, site_tree,
                                                       django_capture_on_commit_callbacks):
    page = NewsPageFactory(parent=site_tree.news_index, live=False, lead_image=ImageFactory(),
                           body=[("image", {"image": ImageFactory(), "alt_text": "",
                                            "decorative": True, "caption": ""})])
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    before = Rendition.objects.count()

    for url in (page.url, site_tree.news_index.url, site_tree.home.url):
        assert client.get(url).status_code == 200

    assert Rendition.objects.count() == before
    assert get_image_model().objects.count() == 2
