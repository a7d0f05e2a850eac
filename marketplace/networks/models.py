"""Who runs a network on the platform: its coordinators, who manage members, charter
and figures, and its partners' people (funders, governments), who read its figures."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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
