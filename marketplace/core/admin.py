from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import EmailFailure


@admin.register(EmailFailure)
class EmailFailureAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipients", "subject", "error", "resolved"]
    list_filter = ["resolved", "created_at"]
    search_fields = ["recipients", "subject", "error"]
    readonly_fields = ["created_at", "recipients", "subject", "error"]
    actions = ["mark_resolved"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Mark as dealt with"), permissions=["change"])
    def mark_resolved(self, request, queryset):
        queryset.update(resolved=True)
