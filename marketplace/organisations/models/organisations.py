"""Organisations: the social enterprises that sell (suppliers) and the firms
that buy (buyers). Both share one table of common fields so that memberships,
invitations and later orders can point at "an organisation"."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from marketplace.core import content, limits

from .. import bank, vat_ids
from .taxonomy import Sector

# The language a firm of each country most likely writes in: its own language until it says
# otherwise (Luxembourg's and Belgium's firms choose between several).
COUNTRY_LANGUAGES = {"AT": "de", "BE": "fr", "CH": "de", "DE": "de", "FR": "fr", "LU": "fr", "NL": "nl", "RS": "sr"}


def language_of_country(country) -> str:
    return COUNTRY_LANGUAGES.get(str(country), settings.LANGUAGE_CODE)


class Organisation(models.Model):
    class Kind(models.TextChoices):
        SUPPLIER = "supplier", _("Social enterprise")
        BUYER = "buyer", _("Buyer")

    class VatIdStatus(models.TextChoices):
        """What VIES, the EU's register of VAT IDs, last said about the organisation's VAT ID."""

        UNCHECKED = "unchecked", _("not checked yet")
        VALID = "valid", _("valid")
        INVALID = "invalid", _("not found in VIES")
        UNAVAILABLE = "unavailable", _("VIES could not be reached")
        NOT_APPLICABLE = "not_applicable", _("not in VIES (outside the EU)")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, editable=False)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=120, blank=True)
    street_address = models.CharField(_("street address"), max_length=255, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    vat_id = models.CharField(
        _("VAT ID"),
        max_length=20,
        blank=True,
        help_text=_("With its country prefix, e.g. LU12345613. Serbian firms give their PIB."),
    )
    # VIES's answer about `vat_id`, stored by a background task (services.vat_id_check).
    vat_id_status = models.CharField(
        _("VAT ID in VIES"), max_length=16, choices=VatIdStatus.choices, default=VatIdStatus.UNCHECKED, editable=False
    )
    vat_id_checked_at = models.DateTimeField(_("VAT ID checked with VIES"), null=True, blank=True, editable=False)
    vat_id_registered_name = models.CharField(_("name registered in VIES"), max_length=255, blank=True, editable=False)
    description = models.TextField(
        _("description"), blank=True, max_length=limits.DESCRIPTION, validators=[limits.text_limit(limits.DESCRIPTION)]
    )
    # What visitors read when the organisation wrote nothing in their language; Serbian
    # Latin is not offered: it is made from the Cyrillic text (marketplace.core.content).
    language = models.CharField(
        _("language you write in"),
        max_length=8,
        choices=content.WRITING_LANGUAGES,
        blank=True,
        help_text=_("Your texts in this language are required; visitors read it when you wrote none in theirs."),
    )
    logo = models.ImageField(_("logo"), upload_to="organisations/logos/", blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.language:
            self.language = language_of_country(self.country)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        if self.is_supplier:
            return reverse("organisations:supplier-detail", kwargs={"slug": self.slug})
        return reverse("organisations:buyer-detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.vat_id and self.country:
            try:
                self.vat_id = vat_ids.validate_vat_id(self.vat_id, self.country)
            except ValidationError as error:
                raise ValidationError({"vat_id": error}) from None

    @property
    def is_supplier(self):
        return self.kind == self.Kind.SUPPLIER

    @property
    def address_lines(self) -> list[str]:
        """Name and postal address, as documents head them (blank lines left in: callers skip them)."""
        return [self.name, self.street_address, f"{self.postcode} {self.city}".strip(), self.country.name]

    @property
    def is_buyer(self):
        return self.kind == self.Kind.BUYER


class SupplierQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(verified=True)

    def with_public_relations(self):
        """Everything a supplier card or profile shows, in a fixed number of queries."""
        return self.select_related("region").prefetch_related(
            models.Prefetch("sectors", queryset=Sector.objects.select_related("parent")),
            "impact_areas",
            "labels",
        )


class Supplier(Organisation):
    """A social enterprise. Sells through its own Oscar partner."""

    class LocationSource(models.TextChoices):
        PLACED = "placed", _("placed on the map by the supplier")
        GEOCODED = "geocoded", _("found from the address")

    class LegalForm(models.TextChoices):
        COOPERATIVE = "cooperative", _("Cooperative")
        ASSOCIATION = "association", _("Association / non-profit")
        SOCIAL_PURPOSE_COMPANY = "social_purpose_company", _("Social-purpose company")
        SHELTERED_WORKSHOP = "sheltered_workshop", _("Sheltered workshop")
        WORK_INTEGRATION = "work_integration", _("Work-integration enterprise")
        FOUNDATION = "foundation", _("Foundation")
        OTHER = "other", _("Other")

    legal_form = models.CharField(_("legal form"), max_length=32, choices=LegalForm.choices)
    region = models.ForeignKey(
        "organisations.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="suppliers",
    )
    iban = models.CharField(
        _("IBAN"), max_length=34, blank=True, help_text=_("The account buyers pay your invoices to.")
    )
    bic = models.CharField(_("BIC"), max_length=11, blank=True, help_text=_("Filled in from the IBAN when left empty."))
    sectors = models.ManyToManyField("organisations.Sector", verbose_name=_("sectors"), related_name="suppliers")
    impact_areas = models.ManyToManyField(
        "organisations.ImpactArea", verbose_name=_("impact areas"), related_name="suppliers", blank=True
    )
    labels = models.ManyToManyField(
        "organisations.Label", verbose_name=_("labels"), related_name="suppliers", blank=True
    )
    founded_year = models.PositiveSmallIntegerField(
        _("founded in"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800)],
    )
    # The largest social enterprises employ tens of thousands; a million is a typing slip.
    employees = models.PositiveIntegerField(
        _("employees"), null=True, blank=True, validators=[MaxValueValidator(1_000_000)]
    )
    employees_vulnerable = models.PositiveIntegerField(
        _("of whom from vulnerable groups"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(1_000_000)],
        help_text=_("People with disabilities, long-term unemployed, refugees… counted in the total above."),
    )
    vulnerable_groups = models.CharField(
        _("who we employ"),
        max_length=255,
        blank=True,
        help_text=_("e.g. people with disabilities, long-term unemployed people"),
    )
    impact_statement = models.TextField(
        _("our impact"),
        blank=True,
        max_length=limits.NOTE,
        validators=[limits.text_limit(limits.NOTE)],
        help_text=_("What changes thanks to your work, in a few sentences."),
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    partner = models.OneToOneField(
        "partner.Partner",
        verbose_name=_("shop partner"),
        on_delete=models.PROTECT,
        related_name="supplier",
        editable=False,
    )
    verified = models.BooleanField(_("verified"), default=False, db_index=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True, editable=False)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    # Where it works, for the maps and the "within N km" search filter: placed on a map by its
    # members, or geocoded from its address in the background (services.supplier_location_geocode).
    latitude = models.FloatField(
        _("latitude"), null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        _("longitude"), null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    location_source = models.CharField(
        _("location from"), max_length=16, choices=LocationSource.choices, blank=True, editable=False
    )

    objects = SupplierQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("supplier")
        verbose_name_plural = _("suppliers")

    def save(self, *args, **kwargs):
        self.kind = Organisation.Kind.SUPPLIER
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        for name, clean in (("iban", bank.iban_clean), ("bic", bank.bic_clean)):
            if getattr(self, name):
                try:
                    setattr(self, name, clean(getattr(self, name)))
                except ValidationError as error:
                    errors[name] = error
        if self.iban and not self.bic and "iban" not in errors:
            self.bic = bank.bic_of(self.iban)
        if (
            self.employees is not None
            and self.employees_vulnerable is not None
            and self.employees_vulnerable > self.employees
        ):
            errors["employees_vulnerable"] = _(
                "People from vulnerable groups are counted in the total workforce, so they cannot "
                "be more than the %(total)s employees."
            ) % {"total": self.employees}
        if self.employees_vulnerable is not None and self.employees is None:
            errors["employees"] = _("Give the total workforce too.")
        if self.region_id and self.country and self.region.country != self.country:
            errors["region"] = _("%(region)s is not in %(country)s.") % {
                "region": self.region.name,
                "country": self.country.name,
            }
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude" if self.longitude is None else "latitude"] = _(
                "Give both the latitude and the longitude, or neither."
            )
        if self.founded_year and self.founded_year > datetime.date.today().year:
            errors["founded_year"] = _("The founding year cannot be in the future.")
        if errors:
            raise ValidationError(errors)

    @property
    def sells_food(self) -> bool:
        """Works in the food sector: its goods are mostly sold at the food reduced VAT rate."""
        return self.sectors.filter(Q(slug="food") | Q(parent__slug="food")).exists()

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def vulnerable_share(self):
        """Share of the workforce from vulnerable groups, in percent, or None."""
        if not self.employees or self.employees_vulnerable is None:
            return None
        return round(100 * self.employees_vulnerable / self.employees)


class ServedArea(models.Model):
    """Where a supplier delivers or works. No region means the whole country."""

    supplier = models.ForeignKey(Supplier, on_delete=models.CASCADE, related_name="served_areas")
    country = CountryField(_("country"))
    region = models.ForeignKey(
        "organisations.Region", verbose_name=_("region"), null=True, blank=True, on_delete=models.CASCADE
    )

    class Meta:
        ordering = ["country", "region__name"]
        verbose_name = _("area served")
        verbose_name_plural = _("areas served")
        constraints = [
            models.UniqueConstraint(fields=["supplier", "country", "region"], name="served_area_unique_region"),
            models.UniqueConstraint(
                fields=["supplier", "country"],
                condition=models.Q(region__isnull=True),
                name="served_area_unique_country",
            ),
        ]

    def __str__(self):
        if self.region_id:
            return str(self.region)
        return _("all of %(country)s") % {"country": self.country.name}

    def clean(self):
        if self.region_id and self.region.country != self.country:
            raise ValidationError(
                {
                    "region": _("%(region)s is not in %(country)s.")
                    % {"region": self.region.name, "country": self.country.name}
                }
            )


class SupplierPhoto(models.Model):
    supplier = models.ForeignKey(Supplier, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("image"), upload_to="organisations/photos/")
    alt_text = models.CharField(
        _("description for screen readers"), max_length=255, help_text=_("What the photo shows.")
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.alt_text


class BuyerSize(models.TextChoices):
    """Bands of staff headcount, as the EU defines enterprise size (Commission Recommendation
    2003/361/EC, annex, art. 2); networks break their members' sales down by them."""

    MICRO = "micro", _("Micro (fewer than 10 staff)")
    SMALL = "small", _("Small (10 to 49 staff)")
    MEDIUM = "medium", _("Medium-sized (50 to 249 staff)")
    LARGE = "large", _("Large (250 staff or more)")


class Buyer(Organisation):
    """A firm or public body whose procurement officers buy on the platform."""

    is_public_body = models.BooleanField(_("public body"), default=False)
    size = models.CharField(
        _("size"),
        max_length=8,
        choices=BuyerSize.choices,
        blank=True,
        help_text=_("Your staff headcount band, as the EU counts enterprise size."),
    )
    billing_name = models.CharField(_("billing name"), max_length=200, blank=True)
    billing_street_address = models.CharField(_("billing street address"), max_length=255, blank=True)
    billing_postcode = models.CharField(_("billing postcode"), max_length=20, blank=True)
    billing_city = models.CharField(_("billing city"), max_length=120, blank=True)
    billing_country = CountryField(_("billing country"), blank=True)
    billing_email = models.EmailField(
        _("e-mail for invoices"), blank=True, help_text=_("Where suppliers send their invoices.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("buyer")
        verbose_name_plural = _("buyers")

    def save(self, *args, **kwargs):
        self.kind = Organisation.Kind.BUYER
        super().save(*args, **kwargs)
