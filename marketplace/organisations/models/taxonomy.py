"""The shared vocabularies suppliers are described and found by."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class SectorQuerySet(models.QuerySet):
    def top_level(self):
        return self.filter(parent__isnull=True)

    def with_children(self):
        return self.prefetch_related(models.Prefetch("children", queryset=Sector.objects.order_by("position", "name")))


class Sector(models.Model):
    """A two-level taxonomy: Food › Local food distribution."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent sector"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Leave empty for a top-level sector."),
    )
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = SectorQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self):
        if self.parent_id:
            return f"{self.parent.name} › {self.name}"
        return self.name

    def clean(self):
        if self.parent_id is None:
            return
        if self.parent_id == self.pk:
            raise ValidationError({"parent": _("A sector cannot be its own parent.")})
        if self.parent.parent_id is not None:
            raise ValidationError({"parent": _("Sectors have two levels: choose a top-level sector as parent.")})
        if self.pk and self.children.exists():
            raise ValidationError({"parent": _("This sector has sub-sectors, so it must stay at the top level.")})


class ImpactArea(models.Model):
    """What a social enterprise changes: work integration, circular economy…"""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("impact area")
        verbose_name_plural = _("impact areas")

    def __str__(self):
        return self.name


class Label(models.Model):
    """A certification or label held by a supplier (e.g. ESUS, B Corp)."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    issuer = models.CharField(_("issued by"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("label")
        verbose_name_plural = _("labels")

    def __str__(self):
        return self.name


class Region(models.Model):
    """A region within a country, such as Lorraine or Saarland. The NUTS code
    lets the impact report and search group places the way the EU does."""

    country = CountryField(_("country"))
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    nuts_code = models.CharField(_("NUTS code"), max_length=5, blank=True)

    class Meta:
        ordering = ["country", "name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [
            models.UniqueConstraint(fields=["country", "name"], name="region_unique_name_per_country"),
        ]

    def __str__(self):
        return f"{self.name} ({self.country.code})"
