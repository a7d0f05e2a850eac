from django.contrib import admin

from .models import ApiKey


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    """Operators see and revoke keys (set `revoked at`); the secret is never shown, only its prefix."""

    list_display = ["name", "organisation", "prefix", "scope", "created_by", "created_at", "last_used_at",
                    "expires_at", "revoked_at"]  # fmt: skip
    list_filter = ["scope", "organisation__kind"]
    search_fields = ["name", "prefix", "organisation__name", "created_by__email"]
    readonly_fields = ["organisation", "prefix", "scope", "created_by", "created_at", "last_used_at", "name"]
    fields = ["name", "organisation", "prefix", "scope", "created_by", "created_at", "last_used_at",
              "expires_at", "revoked_at"]  # fmt: skip
    list_select_related = ["organisation", "created_by"]

    def has_add_permission(self, request):
        return False  # keys are made by organisations' administrators, who see the secret once
