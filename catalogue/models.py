"""Oscar's catalogue with two differences: a category can stand for a sector of our
taxonomy, and attribute values are checked against our ranges (catalogue.attributes)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractCategory, AbstractProductAttribute


class Category(AbstractCategory):
    sector = models.OneToOneField(
        "organisations.Sector",
        verbose_name=_("sector"),
        null=True,
        blank=True,
        # A deleted sector leaves its category (and the products filed in it) in place.
        on_delete=models.SET_NULL,
        related_name="category",
        help_text=_("The sector of the taxonomy this category shows in the shop; kept in step automatically."),
    )


class ProductAttribute(AbstractProductAttribute):
    def validate_value(self, value):
        """Oscar checks the type; we add the ranges of our attributes (recycled share
        0–100 %, positive quantities) so the dashboard's product form shows them too."""
        super().validate_value(value)
        from .attributes import SPECS, validate_attribute

        if self.code in SPECS and self.type in ("integer", "float"):
            try:
                validate_attribute(self.code, value)
            except ValidationError as error:
                raise ValidationError(error.messages) from None


from oscar.apps.catalogue.models import *  # noqa: E402, F403  (Oscar's fork convention)
