"""A buyer's need (a request for quotes), the suppliers it was sent to and their
questions. A need is a draft until published; publishing sends it to every
verified supplier that works in one of its sectors and serves its place."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from marketplace.core import limits

from ..files import attachment_path, private_storage


class Need(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Open for quotes")
        CLOSED = "closed", _("Closed to quotes")
        AWARDED = "awarded", _("Awarded")
        # Context: "Cancelled" says a need (masculine in French) and an order part (feminine).
        CANCELLED = "cancelled", pgettext_lazy("need status", "Cancelled")

    buyer = models.ForeignKey(
        "organisations.Buyer", verbose_name=_("buyer"), on_delete=models.PROTECT, related_name="needs"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("title"), max_length=limits.TITLE)
    description = models.TextField(
        _("what you need"), max_length=limits.DESCRIPTION, validators=[limits.text_limit(limits.DESCRIPTION)]
    )
    sectors = models.ManyToManyField("organisations.Sector", verbose_name=_("sectors"), related_name="needs")
    country = CountryField(_("country of delivery"))
    region = models.ForeignKey(
        "organisations.Region",
        verbose_name=_("region of delivery"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="needs",
    )
    city = models.CharField(_("town of delivery"), max_length=120, blank=True)
    quantity = models.DecimalField(
        _("quantity"), max_digits=12, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    unit = models.CharField(_("unit"), max_length=40, blank=True, help_text=_("e.g. meals, m², hours, pieces"))
    budget_min = models.DecimalField(
        _("budget from (EUR excl. VAT)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    budget_max = models.DecimalField(
        _("budget up to (EUR excl. VAT)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    reserved_contract = models.BooleanField(
        _("reserved contract"),
        default=False,
        help_text=_(
            "Only sheltered workshops and work-integration enterprises may quote (Directive 2014/24/EU art. 20, "
            "as your country's law transposes it)."
        ),
    )
    deadline = models.DateTimeField(_("quotes due by"))
    delivery_date = models.DateField(_("wished delivery date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("cancelled by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    cancel_reason = models.TextField(
        _("reason for cancelling"), blank=True, max_length=limits.NOTE, validators=[limits.text_limit(limits.NOTE)]
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        indexes = [models.Index(fields=["status", "deadline"], name="need_status_deadline")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("sourcing:need-detail", kwargs={"pk": self.pk})

    def clean(self):
        errors = {}
        if self.quantity is not None and self.quantity <= 0:
            errors["quantity"] = _("The quantity must be more than zero.")
        if self.quantity is None and self.budget_min is None and self.budget_max is None:
            errors["quantity"] = _("Give a quantity or a budget range, so that suppliers can price it.")
        if self.budget_min is not None and self.budget_max is not None and self.budget_min > self.budget_max:
            errors["budget_max"] = _("The top of the budget is below its bottom: swap them.")
        if self.region_id and self.country and self.region.country != self.country:
            errors["region"] = _("%(region)s is not in %(country)s.") % {
                "region": self.region.name,
                "country": self.country.name,
            }
        if self.deadline and self.delivery_date and self.delivery_date < timezone.localdate(self.deadline):
            errors["delivery_date"] = _("The delivery cannot come before the quotes are due.")
        if errors:
            raise ValidationError(errors)

    @property
    def reserved_in(self) -> str | None:
        """The country whose reserved-contract rule applies: the buyer's (the law it buys under)."""
        return self.buyer.country.code if self.reserved_contract else None

    @property
    def place(self) -> str:
        return ", ".join(str(p) for p in (self.city, self.region and self.region.name, self.country.name) if p)

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def accepts_quotes(self) -> bool:
        """Published and not past its deadline (the deadline task may not have run yet)."""
        return self.status == self.Status.PUBLISHED and self.deadline > timezone.now()

    @property
    def can_be_awarded(self) -> bool:
        return self.status == self.Status.CLOSED or (
            self.status == self.Status.PUBLISHED and self.deadline <= timezone.now()
        )

    @property
    def can_be_cancelled(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.PUBLISHED, self.Status.CLOSED)


class NeedAttachment(models.Model):
    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path, storage=private_storage, max_length=255)
    name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment of a need")
        verbose_name_plural = _("attachments of needs")

    def __str__(self):
        return self.name


class Invitation(models.Model):
    """A need sent to one supplier, and how far the supplier went with it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being sent")
        NOTIFIED = "notified", _("Notified")
        VIEWED = "viewed", _("Viewed")
        INTERESTED = "interested", _("Interested")
        DECLINED = "declined", _("Declined")
        QUOTED = "quoted", _("Quoted")

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="invitations")
    supplier = models.ForeignKey(
        "organisations.Supplier", verbose_name=_("supplier"), on_delete=models.CASCADE, related_name="need_invitations"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    decline_reason = models.TextField(
        _("reason for declining"), blank=True, max_length=limits.REASON, validators=[limits.text_limit(limits.REASON)]
    )
    notified_at = models.DateTimeField(_("notified"), null=True, blank=True)
    viewed_at = models.DateTimeField(_("viewed"), null=True, blank=True)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)
    # Set when its members were reminded of the deadline, so that it happens once.
    reminded_at = models.DateTimeField(_("reminded of the deadline"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["supplier__name"]
        verbose_name = _("invitation to quote")
        verbose_name_plural = _("invitations to quote")
        constraints = [models.UniqueConstraint(fields=["need", "supplier"], name="invitation_unique_supplier")]

    def __str__(self):
        return f"{self.need} → {self.supplier}"


class Question(models.Model):
    """A supplier's question about a need. Its answer is shown to every invited
    supplier; who asked is known to the buyer only."""

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="questions")
    supplier = models.ForeignKey(
        "organisations.Supplier", verbose_name=_("asked by"), on_delete=models.CASCADE, related_name="+"
    )
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(_("question"), max_length=limits.NOTE, validators=[limits.text_limit(limits.NOTE)])
    answer = models.TextField(
        _("answer"), blank=True, max_length=limits.MESSAGE, validators=[limits.text_limit(limits.MESSAGE)]
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text[:60]
