"""Networks: clusters of social enterprises (SSE Cluster Grande Région,
Impact Noord, KASPEV…) that join the platform to give their members visibility."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from marketplace.core import limits


class Network(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    tagline = models.CharField(_("tagline"), max_length=255, blank=True)
    description = models.TextField(
        _("description"), blank=True, max_length=limits.DESCRIPTION, validators=[limits.text_limit(limits.DESCRIPTION)]
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="networks/logos/", blank=True)
    charter_title = models.CharField(_("charter title"), max_length=200, blank=True)
    charter = models.TextField(
        _("charter"),
        blank=True,
        max_length=limits.DESCRIPTION,
        validators=[limits.text_limit(limits.DESCRIPTION)],
        help_text=_("The commitments members sign. Signing it counts like holding a label."),
    )
    members = models.ManyToManyField(
        "organisations.Supplier",
        through="organisations.NetworkMembership",
        related_name="networks",
        verbose_name=_("member suppliers"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:network-detail", kwargs={"slug": self.slug})


class NetworkMembership(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")
    supplier = models.ForeignKey("organisations.Supplier", on_delete=models.CASCADE, related_name="network_memberships")
    joined_on = models.DateField(_("member since"), null=True, blank=True)
    # The day of the charter signature that counts now (networks.CharterSignature), None when
    # none does: kept by marketplace.networks.services only, for search to filter cheaply.
    charter_signed_on = models.DateField(_("charter signed on"), null=True, blank=True)

    class Meta:
        ordering = ["network__name"]
        verbose_name = _("network membership")
        verbose_name_plural = _("network memberships")
        constraints = [
            models.UniqueConstraint(fields=["network", "supplier"], name="network_membership_unique"),
        ]

    def __str__(self):
        return f"{self.supplier} ∈ {self.network}"

    @property
    def signed_charter(self):
        """Whether a signature of the network's charter counts now (see charter_signed_on)."""
        return self.charter_signed_on is not None


class NetworkPartner(models.Model):
    """A bank, university, government or firm that backs a network."""

    class Kind(models.TextChoices):
        BANK = "bank", _("Bank or funder")
        UNIVERSITY = "university", _("University or research")
        GOVERNMENT = "government", _("Local or national government")
        COMPANY = "company", _("Company")
        ASSOCIATION = "association", _("Association or federation")
        OTHER = "other", _("Other")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("network partner")
        verbose_name_plural = _("network partners")

    def __str__(self):
        return self.name
