"""Fork of Oscar's dashboard catalogue tables: only the product table's selection column
differs. Oscar's has an empty heading that is still a sorting link (a link with no
words for a screen reader, and sorting by a checkbox means nothing)."""

from django.utils.translation import gettext_lazy as _
from django_tables2 import TemplateColumn
from oscar.apps.dashboard.catalogue import tables


class ProductTable(tables.ProductTable):
    checkbox = TemplateColumn(
        verbose_name=_("Select"),
        template_name="oscar/dashboard/catalogue/product_row_checkbox.html",
        orderable=False,
    )
