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
