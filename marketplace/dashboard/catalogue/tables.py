"""Fork of Oscar's dashboard catalogue tables: the product table's selection column
differs (Oscar's has an empty heading that is still a sorting link: a link with no
words for a screen reader, and sorting by a checkbox means nothing), and its product
type reads in the operator's language."""

from django.utils.translation import gettext_lazy as _
from django_tables2 import TemplateColumn
from oscar.apps.dashboard.catalogue import tables

from catalogue.cards import KIND_LABELS


class ProductTable(tables.ProductTable):
    checkbox = TemplateColumn(
        verbose_name=_("Select"),
        template_name="oscar/dashboard/catalogue/product_row_checkbox.html",
        orderable=False,
    )

    def render_product_class(self, value):
        return KIND_LABELS.get(value.slug, value.name)
