"""StreamField blocks shared by stories, articles and standard pages. Each block
renders with its own template in templates/cms/blocks/."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .choosers import network_chooser_viewset

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class CaptionedImageBlock(blocks.StructBlock):
    # ImageBlock asks for alt text in this context (or "decorative"), defaulting to the image's description.
    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "cms/blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=200, help_text=_("Who said it, and their role."))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "cms/blocks/quote.html"


class FigureBlock(blocks.StructBlock):
    # A percentage, not a format code: "% o" is no placeholder.
    # xgettext:no-python-format
    value = blocks.CharBlock(max_length=20, help_text=_("e.g. 41 % or €18,900"))
    label = blocks.CharBlock(max_length=80, help_text=_("e.g. of the food budget goes to social enterprises"))


class FigureRowBlock(blocks.StructBlock):
    figures = blocks.ListBlock(FigureBlock(), min_num=1, max_num=4)

    class Meta:
        icon = "table"
        label = _("Figure row")
        template = "cms/blocks/figure_row.html"


class CallToActionBlock(blocks.StructBlock):
    call_to_action = SnippetChooserBlock("cms.CallToAction")

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "cms/blocks/call_to_action.html"


NetworkChooserBlock = network_chooser_viewset.get_block_class(name="NetworkChooserBlock", module_path="cms.blocks")


class NetworkCharterBlock(blocks.StructBlock):
    """A network's charter as the network keeps it (organisations.Network): shown, never copied,
    so the page follows when the network updates its charter."""

    network = NetworkChooserBlock()

    class Meta:
        icon = "doc-full"
        label = _("Network charter")
        template = "cms/blocks/network_charter.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"))
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    figures = FigureRowBlock()
    call_to_action = CallToActionBlock()
    network_charter = NetworkCharterBlock()
