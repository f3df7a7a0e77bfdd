import pytest

from core.factories import translate_page
from newsletter.factories import NewsletterIndexPageFactory


@pytest.fixture
def newsletter_tree(site_tree):
    """The site tree with the newsletter page in German (/newsletter/) and English
    (/en/newsletter/)."""
    index = NewsletterIndexPageFactory(parent=site_tree.home)
    site_tree.newsletter = index
    site_tree.newsletter_en = translate_page(index, "en", title="Newsletter").specific
    return site_tree
