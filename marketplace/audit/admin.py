"""Operators search the audit log in the Django admin: read-only, by actor's e-mail,
organisation or target (search), action and date (filters, date drill-down)."""

from django.contrib import admin

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["created", "action", "actor", "actor_organisation", "target_label", "organisation", "ip_address"]
    list_filter = ["action", ("created", admin.DateFieldListFilter)]
    search_fields = ["actor__email", "organisation__name", "actor_organisation__name", "target_label"]
    date_hierarchy = "created"
    list_select_related = ["actor", "actor_organisation", "organisation"]
    readonly_fields = [field.name for field in AuditEvent._meta.fields]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
