"""Words and details of the German editor (issue 26, points 3 and 4), and the image credit that
a translator can translate (point 8)."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.admin.forms import choosers
from wagtail_localize.models import TranslationSource

from core.factories import ContactFactory
from core.templatetags.site_tags import with_address_breaks

from .helpers import news_draft

pytestmark = pytest.mark.django_db


def editor_html(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_dates_in_the_editor_are_written_the_german_way(tree, author_client, autorin):
    page = news_draft(tree.news_index, title="Hitzeschutz", user=autorin,
                      date=datetime.date(2026, 12, 5))
    html = editor_html(author_client, page)

    assert 'value="05.12.2026"' in html
    assert "2026-12-05" not in html


def test_a_german_date_is_accepted_when_saving(tree, author_client, autorin):
    from .helpers import news_form_data

    page = news_draft(tree.news_index, title="Hitzeschutz", user=autorin)
    data = news_form_data(page, date="05.12.2026", go_live_at="05.01.2027 10:00")
    response = author_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    assert response.status_code == 302
    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    assert draft.date == datetime.date(2026, 12, 5)
    assert draft.go_live_at.strftime("%d.%m.%Y") == "05.01.2027"


def test_the_schedule_says_veroeffentlichen_am_and_is_on_the_publication_tab(
    tree, author_client, autorin
):
    html = editor_html(author_client, news_draft(tree.news_index, user=autorin))

    assert "Veröffentlichen am" in html and "Nicht mehr veröffentlichen am" in html
    assert "Veröffentlicht ab" not in html and "Veröffentlicht bis" not in html
    hint = html[html.index("Später veröffentlichen"):]
    assert 'data-a11y-dialog-show="schedule-publishing-dialog"' in hint[:1000]
    assert html.index("Später veröffentlichen") > html.index("Für Suchmaschinen")  # that tab


def test_the_lock_panel_speaks_proper_german(tree, author_client, autorin):
    html = editor_html(author_client, news_draft(tree.news_index, user=autorin))

    assert "Alle Berechtigten können das bearbeiten" in html
    assert "-Objekt bearbeiten" not in html


def test_the_external_link_dialog_says_linktext(author_client):
    response = author_client.get(reverse("wagtailadmin_choose_page_external_link"))

    html = response.json()["html"]
    assert "Linktext" in html
    assert "Link text" not in html


def test_the_link_forms_still_have_a_link_text_field():
    """Canary for core.choosers.label_link_text_fields (editorial/UPSTREAM.md): it can go once
    Wagtail labels these fields itself."""
    for form_class in (choosers.ExternalLinkChooserForm, choosers.AnchorLinkChooserForm,
                       choosers.EmailLinkChooserForm, choosers.PhoneLinkChooserForm):
        assert str(form_class.base_fields["link_text"].label) == "Linktext"


def test_a_contact_cards_address_wraps_between_its_parts(tree):
    contact = ContactFactory(email="paulina.koschmieder@giz.de")

    html = render_to_string("includes/contact_card.html", {"contact": contact})

    assert "paulina<wbr>.koschmieder(at)<wbr>giz<wbr>.de" in html
    assert str(with_address_breaks("<b>@x.de")) == "&lt;b&gt;@x<wbr>.de"


def test_the_lead_images_credit_is_offered_for_translation(tree, autorin):
    page = news_draft(tree.news_index, title="Hitzeschutz", user=autorin,
                      lead_image_credit="Foto: Anna Beispiel")

    source, _created = TranslationSource.get_or_create_from_instance(page)

    texts = set(source.stringsegment_set.values_list("string__data", flat=True))
    assert "Foto: Anna Beispiel" in texts
