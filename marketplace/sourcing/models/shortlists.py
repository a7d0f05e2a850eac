"""Named lists of suppliers a buyer organisation keeps; every member sees and edits them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from marketplace.core import limits


class Shortlist(models.Model):
    buyer = models.ForeignKey(
        "organisations.Buyer", verbose_name=_("buyer"), on_delete=models.CASCADE, related_name="shortlists"
    )
    name = models.CharField(_("name"), max_length=limits.NAME)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    suppliers = models.ManyToManyField(
        "organisations.Supplier", through="sourcing.ShortlistEntry", related_name="shortlists"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("shortlist")
        verbose_name_plural = _("shortlists")
        constraints = [models.UniqueConstraint(fields=["buyer", "name"], name="shortlist_unique_name")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("sourcing:shortlist-detail", kwargs={"pk": self.pk})


class ShortlistEntry(models.Model):
    shortlist = models.ForeignKey(Shortlist, on_delete=models.CASCADE, related_name="entries")
    supplier = models.ForeignKey("organisations.Supplier", on_delete=models.CASCADE, related_name="+")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["supplier__name"]
        verbose_name = _("shortlisted supplier")
        verbose_name_plural = _("shortlisted suppliers")
        constraints = [models.UniqueConstraint(fields=["shortlist", "supplier"], name="shortlist_entry_unique")]

    def __str__(self):
        return f"{self.supplier} in {self.shortlist}"
