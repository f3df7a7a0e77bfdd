"""The blocks of a newsletter issue: introduction, chosen items, free text, call to action.

A chosen item names a page; its title, teaser, image and link are read from that page when the
issue is shown or sent, unless the editor overrides title or teaser for the newsletter.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import RICH_TEXT_FEATURES


class ItemBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("page"))
    title = blocks.CharBlock(
        label=_("title"), required=False, max_length=255,
        help_text=_("Leave empty to use the page's title."),
    )
    teaser = blocks.TextBlock(
        label=_("teaser"), required=False, max_length=400,
        help_text=_("Leave empty to use the page's teaser."),
    )

    class Meta:
        icon = "doc-full"
        label = _("News item or event")


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False, max_length=600)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("web address"), required=False)
    label = blocks.CharBlock(label=_("button text"), max_length=60)

    class Meta:
        icon = "pick"
        label = _("Call to action")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(block_errors={
                "page": ValidationError(_("Choose a page or enter a web address.")),
            })
        return value


class IssueBodyBlock(blocks.StreamBlock):
    introduction = blocks.RichTextBlock(
        label=_("Introduction"), features=RICH_TEXT_FEATURES, icon="openquote"
    )
    item = ItemBlock()
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    call_to_action = CallToActionBlock()
