"""Who runs a network on the platform: its coordinators, who manage members, charter
and figures, and its partners' people (funders, governments), who read its figures;
the versions of its charter and their signatures; invitations and join requests."""

import datetime
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.core import limits


class TeamRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    PARTNER = "partner", _("Partner (reads the figures)")


class NetworkTeamMember(models.Model):
    network = models.ForeignKey("organisations.Network", on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_roles")
    role = models.CharField(_("role"), max_length=16, choices=TeamRole.choices)
    # For a partner's people: which of the network's partners they speak for.
    partner = models.ForeignKey(
        "organisations.NetworkPartner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="team",
        verbose_name=_("partner"),
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        ordering = ["network__name", "role", "user__email"]
        verbose_name = _("network team member")
        verbose_name_plural = _("network team members")
        constraints = [models.UniqueConstraint(fields=["network", "user"], name="network_team_member_unique")]

    def __str__(self):
        return f"{self.user} – {self.network} ({self.get_role_display()})"

    @property
    def is_coordinator(self):
        return self.role == TeamRole.COORDINATOR


class CharterVersion(models.Model):
    """One version of a network's charter. A draft (not published) may change; once
    published it is the text members sign, and never changes again."""

    network = models.ForeignKey("organisations.Network", on_delete=models.CASCADE, related_name="charter_versions")
    number = models.PositiveSmallIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(
        _("text"), max_length=limits.DESCRIPTION, validators=[limits.text_limit(limits.DESCRIPTION)]
    )
    resign_days = models.PositiveSmallIntegerField(
        _("re-sign period (days)"),
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(730)],
        help_text=_("Signatures of earlier versions still count for this many days after publication."),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["network__name", "-number"]
        verbose_name = _("charter version")
        verbose_name_plural = _("charter versions")
        constraints = [models.UniqueConstraint(fields=["network", "number"], name="charter_version_unique")]

    def __str__(self):
        return f"{self.network} – v{self.number}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def resign_by(self):
        """When signatures of earlier versions stop counting."""
        return self.published_at + datetime.timedelta(days=self.resign_days) if self.published_at else None


class CharterSignature(models.Model):
    """A supplier signed one version of a network's charter: a record, never edited."""

    version = models.ForeignKey(CharterVersion, on_delete=models.PROTECT, related_name="signatures")
    supplier = models.ForeignKey("organisations.Supplier", on_delete=models.CASCADE, related_name="charter_signatures")
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_at = models.DateTimeField(_("signed"))
    # When this signature stopped counting (a later version's re-sign period ended) and
    # when its signer was reminded: recorded once each by the daily charter_lapses command.
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True, editable=False)
    lapsed_at = models.DateTimeField(_("lapsed"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-signed_at"]
        verbose_name = _("charter signature")
        verbose_name_plural = _("charter signatures")
        constraints = [
            models.UniqueConstraint(fields=["version", "supplier"], name="charter_signature_once_per_version")
        ]

    def __str__(self):
        return f"{self.supplier} – {self.version}"


def _new_token():
    return secrets.token_urlsafe(32)


class NetworkInvitation(models.Model):
    """A coordinator invited an address: a social enterprise to become a member, or a
    person to join the network's team (a co-coordinator, a partner's person)."""

    class Purpose(models.TextChoices):
        MEMBER = "member", _("Member social enterprise")
        COORDINATOR = "coordinator", _("Co-coordinator")
        PARTNER = "partner", _("Partner's person")

    network = models.ForeignKey("organisations.Network", on_delete=models.CASCADE, related_name="invitations")
    purpose = models.CharField(_("invited as"), max_length=16, choices=Purpose.choices, default=Purpose.MEMBER)
    partner = models.ForeignKey(
        "organisations.NetworkPartner",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("partner"),
    )
    email = models.EmailField(_("e-mail"))
    message = models.TextField(_("message"), blank=True, max_length=2000)
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    supplier = models.ForeignKey(
        "organisations.Supplier", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    declined_at = models.DateTimeField(_("declined"), null=True, blank=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("network invitation")
        verbose_name_plural = _("network invitations")

    def __str__(self):
        return f"{self.email} → {self.network}"

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.declined_at is None

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at


class JoinRequest(models.Model):
    """A social enterprise asks to join a network; a coordinator approves or declines."""

    network = models.ForeignKey("organisations.Network", on_delete=models.CASCADE, related_name="join_requests")
    supplier = models.ForeignKey("organisations.Supplier", on_delete=models.CASCADE, related_name="join_requests")
    message = models.TextField(_("message"), blank=True, max_length=2000)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    approved = models.BooleanField(_("approved"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "supplier"],
                condition=models.Q(decided_at__isnull=True),
                name="join_request_one_pending",
            )
        ]

    def __str__(self):
        return f"{self.supplier} → {self.network}"

    @property
    def is_pending(self) -> bool:
        return self.decided_at is None


class HeadlineFigure(models.TextChoices):
    """The figures of the network dashboard a network may show on its public page."""

    MEMBERS = "members", _("Members")
    VERIFIED_SHARE = "verified_share", _("Share of verified members")
    CHARTER_SIGNATORIES = "charter_signatories", _("Members who signed the charter")
    SPEND = "spend", _("Spend with members over the last 12 months")
    JOBS_SUPPORTED = "jobs_supported", _("Jobs supported over the last 12 months")
    NEEDS_IN_AREA = "needs_in_area", _("Needs published in the network's area over the last 12 months")
    ANSWER_TIME = "answer_time", _("Median time members take to answer a need")


class PublishedFigure(models.Model):
    """A headline figure the network's coordinators chose to show on its public page."""

    network = models.ForeignKey("organisations.Network", on_delete=models.CASCADE, related_name="published_figures")
    figure = models.CharField(_("figure"), max_length=32, choices=HeadlineFigure.choices)

    class Meta:
        ordering = ["network__name", "figure"]
        verbose_name = _("published figure")
        verbose_name_plural = _("published figures")
        constraints = [models.UniqueConstraint(fields=["network", "figure"], name="published_figure_unique")]

    def __str__(self):
        return f"{self.network}: {self.get_figure_display()}"
