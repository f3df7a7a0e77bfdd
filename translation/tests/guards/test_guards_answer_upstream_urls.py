"""Every guarded wagtail-localize endpoint is answered by the project's guard.

The guards are registered under wagtail-localize's own paths. The admin links and the editor's
JavaScript build their URLs from wagtail-localize's URL names, so these tests start from those
names: if an upgrade moved a path, the name would resolve to upstream's unguarded view and the
test would say which one.
"""

import pytest
from django.urls import resolve, reverse

from translation.exchange import views as exchange_views
from translation.guards import views

TRANSLATION = {"translation_id": 1}

# (wagtail-localize URL name, its arguments, the guard that must answer it)
GUARDED = [
    ("update_translations", {"translation_source_id": 1}, views.UpdateTranslationsView),
    ("edit_string_translation", {**TRANSLATION, "string_segment_id": 1},
     views.edit_string_translation),
    ("edit_override", {**TRANSLATION, "overridable_segment_id": 1}, views.edit_override),
    ("download_pofile", TRANSLATION, views.download_pofile),
    ("upload_pofile", TRANSLATION, exchange_views.upload_pofile),
    ("machine_translate", TRANSLATION, views.machine_translate),
    ("preview_translation", TRANSLATION, views.preview_translation),
    ("preview_translation", {**TRANSLATION, "mode": "desktop"}, views.preview_translation),
    ("stop_translation", TRANSLATION, views.stop_translation),
    ("convert_to_alias", {"page_id": 1}, views.convert_to_alias),
]


def _views_behind(func):
    """The view and what wraps it: the admin's login check wraps every admin view, and a guard
    may wrap upstream's view (`functools.wraps` records each as `__wrapped__`)."""
    chain = []
    while func is not None:
        chain += [func, getattr(func, "view_class", None)]
        func = getattr(func, "__wrapped__", None)
    return chain


@pytest.mark.parametrize(("name", "kwargs", "guard"), GUARDED,
                         ids=[f"{name}{'-' + str(len(kw))}" for name, kw, _guard in GUARDED])
def test_wagtail_localize_url_lands_on_the_guard(name, kwargs, guard):
    url = reverse(f"wagtail_localize:{name}", kwargs=kwargs)

    match = resolve(url)

    assert guard in _views_behind(match.func), (
        f"{url} (wagtail_localize:{name}) is answered by {match.view_name}, not by the guard "
        f"{guard.__qualname__}: wagtail-localize has moved the path; register the guard in "
        "translation/wagtail_hooks.py under the new one."
    )
