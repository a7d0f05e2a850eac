"""Joint quotes: suppliers of one network answering a need together. The lead (the
quote's supplier) invites partners that share a network with it; each partner that
accepts prices its own lines, which it will supply and invoice itself if the buyer
awards the quote."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .quotes import Quote


class QuotePartner(models.Model):
    """A supplier invited by the lead of a joint quote to price its own share of it."""

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited, no answer yet")
        ACCEPTED = "accepted", _("Taking part")
        DECLINED = "declined", _("Declined")
        # Still unanswered when the lead submitted: the quote went without this partner.
        LEFT_OUT = "left_out", _("Left out: no answer before the quote was sent")

    quote = models.ForeignKey(Quote, verbose_name=_("joint quote"), on_delete=models.CASCADE, related_name="partners")
    supplier = models.ForeignKey(
        "organisations.Supplier",
        verbose_name=_("partner supplier"),
        on_delete=models.PROTECT,
        related_name="joint_quote_partnerships",
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.INVITED)
    # The partner says its lines are complete; the lead submits once every accepted partner has.
    lines_ready = models.BooleanField(_("lines ready"), default=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    invited_at = models.DateTimeField(_("invited"), auto_now_add=True)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["supplier__name", "pk"]
        verbose_name = _("partner in a joint quote")
        verbose_name_plural = _("partners in joint quotes")
        constraints = [models.UniqueConstraint(fields=["quote", "supplier"], name="quote_partner_unique_supplier")]

    def __str__(self):
        return f"{self.supplier} + {self.quote}"

    @property
    def taking_part(self) -> bool:
        return self.status == self.Status.ACCEPTED

    @property
    def state_label(self) -> str:
        """The partner's standing as the lead and the partner read it."""
        if self.taking_part:
            return str(_("Lines ready") if self.lines_ready else _("Pricing its lines"))
        return self.get_status_display()


class JointQuoteManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(joint=True)


class JointQuote(Quote):
    """Joint quotes alone, for the operators' admin list."""

    objects = JointQuoteManager()

    class Meta:
        proxy = True
        verbose_name = _("joint quote")
        verbose_name_plural = _("joint quotes")
