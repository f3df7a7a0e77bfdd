"""StreamField blocks shared by every page type. Each renders templates/components/<name>.html."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import get_page_models
from wagtail.snippets.blocks import SnippetChooserBlock

from .models import BasePage
from .video_providers import parse_video_url, validate_video_url

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


def _require_one(value, names, message, *, optional=False, deferred=False):
    """Allow exactly one of the fields `names` to be filled (or none, if `optional`).

    `deferred` (a draft or autosave, see `Block.is_deferred_validation`): a block the editor
    is still filling in may have none yet; two at once is a mistake even in a draft."""
    chosen = [name for name in names if value.get(name)]
    if len(chosen) > 1 or (not chosen and not optional and not deferred):
        errors = {name: ErrorList([ValidationError(message)]) for name in names}
        raise StructBlockValidationError(block_errors=errors)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/heading.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/quote.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=255,
        help_text=_("Describe the image for people who cannot see it. Leave empty to use the "
                    "image's own description."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative only"),
        required=False,
        help_text=_("Tick if the image adds nothing to the text; screen readers will skip it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=255)

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        if self.is_deferred_validation:
            return value  # alt text may follow: the draft is not yet published
        if (image and not value.get("decorative") and not value.get("alt_text")
                and not getattr(image, "description", "")):
            raise StructBlockValidationError(block_errors={"alt_text": ErrorList([
                ValidationError(_("Give alternative text, or mark the image as decorative."))
            ])})
        return value

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/image.html"


class VideoValue(blocks.StructValue):
    @cached_property
    def embed(self):
        video_page = self.get("video")
        if video_page is not None:
            return video_page.specific.embed
        return parse_video_url(self.get("url"))

    @cached_property
    def display_title(self):
        video_page = self.get("video")
        return self.get("title") or (video_page.title if video_page else "")


class VideoPageChooserBlock(blocks.PageChooserBlock):
    """Chooses a page of a type that plays a video (`BasePage.plays_video`), so core names no
    page type. Migrations record it as Wagtail's block with those types, as before."""

    @cached_property
    def target_models(self):
        return [model for model in get_page_models()
                if issubclass(model, BasePage) and model.plays_video]

    def deconstruct(self):
        _path, args, kwargs = super().deconstruct()
        kwargs["page_type"] = [model._meta.label for model in self.target_models]
        return "wagtail.blocks.PageChooserBlock", args, kwargs


class VideoBlock(blocks.StructBlock):
    video = VideoPageChooserBlock(label=_("Video page"), required=False)
    url = blocks.URLBlock(
        label=_("or video URL"),
        required=False,
        validators=[validate_video_url],
        help_text=_("YouTube or Vimeo. It is shown behind a consent placeholder."),
    )
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=255)

    def clean(self, value):
        value = super().clean(value)
        _require_one(value, ["video", "url"], _("Choose a video page or enter a URL."),
                     deferred=self.is_deferred_validation)
        return value

    class Meta:
        icon = "media"
        label = _("Video")
        template = "components/video.html"
        value_class = VideoValue


class ContactBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=255)
    # Contact and Author still live in home (see AWAITING_SNIPPET_MOVE in
    # core/tests/test_page_types_speak_for_themselves.py).
    contacts = blocks.ListBlock(SnippetChooserBlock("core.Contact"), label=_("Contacts"), min_num=1)

    class Meta:
        icon = "user"
        label = _("Contact")
        template = "components/contact.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES, required=False)
    page = blocks.PageChooserBlock(label=_("Link to a page"), required=False)
    url = blocks.URLBlock(label=_("or an external link"), required=False)
    contact = SnippetChooserBlock("core.Contact", label=_("or a contact"), required=False)
    label = blocks.CharBlock(label=_("Button label"), required=False, max_length=100)

    def clean(self, value):
        value = super().clean(value)
        _require_one(
            value,
            ["page", "url", "contact"],
            _("Choose at most one: a page, a link or a contact."),
            optional=True,
        )
        return value

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "components/call_to_action.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"), required=False, max_length=255,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "components/document.html"


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("or URL"), required=False)
    title = blocks.CharBlock(label=_("Link text"), required=False, max_length=255)

    def clean(self, value):
        value = super().clean(value)
        deferred = self.is_deferred_validation
        _require_one(value, ["page", "url"], _("Choose a page or enter a URL."), deferred=deferred)
        if value.get("url") and not value.get("title") and not deferred:
            raise StructBlockValidationError(block_errors={"title": ErrorList([
                ValidationError(_("External links need a link text."))
            ])})
        return value

    class Meta:
        icon = "link"
        label = _("Link")


class RelatedLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=255)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Related links")
        template = "components/related_links.html"


class BodyBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="components/rich_text.html"
    )
    heading = HeadingBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    video = VideoBlock()
    contact = ContactBlock()
    call_to_action = CallToActionBlock()
    document = DocumentBlock()
    related_links = RelatedLinksBlock()
