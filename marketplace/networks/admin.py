from django.contrib import admin

from .models import CharterSignature, CharterVersion, JoinRequest, NetworkInvitation, NetworkTeamMember


@admin.register(NetworkTeamMember)
class NetworkTeamMemberAdmin(admin.ModelAdmin):
    list_display = ["user", "network", "role", "partner", "created_at"]
    list_filter = ["role", "network"]
    search_fields = ["user__email", "network__name"]
    autocomplete_fields = ["network", "user"]
    raw_id_fields = ["partner"]


@admin.register(CharterVersion)
class CharterVersionAdmin(admin.ModelAdmin):
    list_display = ["network", "number", "title", "published_at", "resign_days"]
    list_filter = ["network"]
    readonly_fields = ["published_at"]


@admin.register(CharterSignature)
class CharterSignatureAdmin(admin.ModelAdmin):
    """Signatures are records: operators read them, nobody edits them here."""

    list_display = ["supplier", "version", "signed_by", "signed_at", "lapsed_at"]
    list_filter = ["version__network"]
    search_fields = ["supplier__name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(NetworkInvitation)
class NetworkInvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "network", "purpose", "sent_at", "expires_at", "accepted_at", "declined_at"]
    list_filter = ["network", "purpose"]
    search_fields = ["email"]
    exclude = ["token"]
    raw_id_fields = ["invited_by", "accepted_by", "supplier", "partner"]


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ["supplier", "network", "requested_at", "approved", "decided_at"]
    list_filter = ["network", "approved"]
    raw_id_fields = ["supplier", "requested_by", "decided_by"]
