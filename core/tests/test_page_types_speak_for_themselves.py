"""Shared code knows page types only by what they say about themselves (`BasePage`'s protocol):
`core` names no other app's model, and nothing looks for a field by name."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from wagtail.models import get_page_models

from core.images import PRESETS
from core.models import BasePage

CORE = Path(__file__).resolve().parent.parent

def _core_sources():
    return [
        path for path in CORE.rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts
    ]


def _other_apps_model_labels():
    return {
        label
        for config in apps.get_app_configs()
        if config.label != "core" and Path(config.path).parent == CORE.parent
        for model in config.get_models()
        for label in (model._meta.label, model._meta.label_lower)
    }


def test_core_names_no_other_apps_model_in_a_string():
    labels = _other_apps_model_labels()
    assert "news.NewsPage" in labels and "videos.videopage" in labels  # the check has teeth
    quoted = re.compile(r"""["']([a-z_]+\.[A-Za-z_]+)["']""")

    named = {
        match for path in _core_sources()
        for match in quoted.findall(path.read_text())
        if match in labels
    }

    assert named == set()


# Resolving a field the page type itself declares (`topics_field`, `byline_field` …) is the
# protocol at work; guessing a field's name is what this forbids.
@pytest.mark.parametrize("pattern", [r"_meta\.get_field\((?!\w+\.\w+_field\))", r"_meta\.fields\b",
                                     r"_meta\.related_objects", r"FieldDoesNotExist",
                                     r'f\.name == "date"'])
def test_no_shared_code_asks_a_model_whether_it_has_a_field(pattern):
    rooms = [CORE, CORE.parent / "topics"]
    sources = [p for room in rooms for p in room.rglob("*.py")
               if "tests" not in p.parts and "migrations" not in p.parts]

    offenders = [str(p.relative_to(CORE.parent)) for p in sources
                 if re.search(pattern, p.read_text())]

    assert offenders == []


def _project_page_types():
    return [model for model in get_page_models() if issubclass(model, BasePage)]


def test_every_image_preset_a_page_type_names_exists():
    for model in _project_page_types():
        if model.image_preset is not None:
            assert model.image_preset in PRESETS, model
            assert model.listing_image_field, f"{model} names a preset but no image"


def test_page_types_listed_with_news_are_tagged_with_topics_and_have_a_date():
    listed = [model for model in _project_page_types() if model.listed_with_news]

    assert {model._meta.label for model in listed} == {"news.NewsPage", "videos.VideoPage"}
    for model in listed:
        assert model._meta.get_field(model.topics_field).many_to_many
        if model.listing_date_field:
            assert model._meta.get_field(model.listing_date_field).get_internal_type() == (
                "DateField"
            )


def test_a_video_block_offers_exactly_the_page_types_that_play_a_video():
    from core.blocks import VideoBlock

    chooser = VideoBlock().child_blocks["video"]

    assert [model._meta.label for model in chooser.target_models] == ["videos.VideoPage"]
    assert chooser.deconstruct()[0] == "wagtail.blocks.PageChooserBlock"
