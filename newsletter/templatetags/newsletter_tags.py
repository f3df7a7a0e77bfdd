from django import template
from django.utils import translation

from caching.fragments import cached_list, key
from core.restrictions import public_q
from pages.models import StandardPage

from ..forms import HONEYPOT_FIELD, SubscribeForm
from ..models import NewsletterIndexPage

register = template.Library()


@register.inclusion_tag("newsletter/includes/subscribe_form.html")
def newsletter_form(place, form=None, heading=True):
    """The subscription form; `place` ("footer", "home", "page") keeps its ids unique when a
    page shows it twice. Without `form` it is the same for every reader, so it may be cached."""
    language = translation.get_language()
    privacy = [page for page in cached_list(key("footer", language=language),
                                            lambda: StandardPage.footer_pages(language))
               if page.kind == StandardPage.Kind.PRIVACY]
    if form is None:
        form = SubscribeForm(language=language, auto_id=f"{place}-newsletter-%s")
    # The newsletter page sits below the home page: its changes retire every cached list.
    archive = cached_list(key("newsletter-page", language=language), lambda: (
        NewsletterIndexPage.objects.live().filter(public_q())
        .filter(locale__language_code=language).defer_streamfields()[:1]
    ))
    return {
        "archive_page": archive[0] if archive and place != "page" else None,
        "form": form,
        "place": place,
        "heading": heading,
        "privacy_page": privacy[0] if privacy else None,
        "honeypot_name": HONEYPOT_FIELD,
    }


@register.filter
def underline(text):
    return "=" * len(str(text))


@register.filter
def plain_text(value):
    """Rich text as plain text for the mail's text part: paragraphs apart, links with their
    address in brackets."""
    from bs4 import BeautifulSoup
    from wagtail.rich_text import expand_db_html

    soup = BeautifulSoup(expand_db_html(str(getattr(value, "source", value))), "html.parser")
    for link in soup.find_all("a"):
        href = link.get("href", "")
        if href and href != link.get_text(strip=True):
            link.append(f" ({href})")
    for item in soup.find_all("li"):
        item.insert(0, "- ")
    blocks = [element.get_text(" ", strip=True)
              for element in soup.find_all(["p", "h2", "h3", "h4", "li"])]
    return "\n\n".join(block for block in blocks if block) or soup.get_text(" ", strip=True)


@register.filter
def email_rich_text(value):
    """Rich text for the mail's HTML part: links absolute, paragraphs and headings with inline
    styles (mail programs ignore style sheets)."""
    from bs4 import BeautifulSoup
    from django.utils.safestring import mark_safe
    from wagtail.rich_text import expand_db_html

    soup = BeautifulSoup(expand_db_html(str(getattr(value, "source", value))), "html.parser")
    styles = {
        "p": "margin:0 0 16px;font-size:16px;line-height:1.5;color:#1a1a1a;",
        "h2": "margin:24px 0 8px;font-size:20px;line-height:1.3;color:#1a1a1a;",
        "h3": "margin:20px 0 8px;font-size:18px;line-height:1.3;color:#1a1a1a;",
        "a": "color:#0b5394;text-decoration:underline;",
        "ul": "margin:0 0 16px;padding-left:24px;",
        "ol": "margin:0 0 16px;padding-left:24px;",
        "li": "margin:0 0 4px;font-size:16px;line-height:1.5;",
    }
    for name, style in styles.items():
        for element in soup.find_all(name):
            element["style"] = style
    from newsletter.mail import site_root_url

    root = site_root_url()
    for link in soup.find_all("a", href=True):
        if link["href"].startswith("/"):
            link["href"] = root + link["href"]
    return mark_safe(str(soup))  # noqa: S308 - the editors' rich text, already sanitised
