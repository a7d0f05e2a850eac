"""Operators read imports (and the invitations they led to) here; buyers manage them on their pages."""

from django.contrib import admin

from .models import SpendImport, SpendLine, SupplierInvitation


class SpendLineInline(admin.TabularInline):
    model = SpendLine
    fields = ["line", "supplier_name", "vat_id", "amount", "spent_on", "category", "status", "method", "supplier"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(SpendImport)
class SpendImportAdmin(admin.ModelAdmin):
    list_display = ["filename", "buyer", "uploaded_at", "uploaded_by", "duplicates"]
    list_filter = ["uploaded_at"]
    search_fields = ["filename", "buyer__name"]
    list_select_related = ["buyer", "uploaded_by"]
    readonly_fields = ["buyer", "uploaded_by", "uploaded_at", "filename", "fingerprint", "errors", "duplicates",
                       "ignored_columns"]  # fmt: skip
    inlines = [SpendLineInline]

    def has_add_permission(self, request):
        return False


@admin.register(SupplierInvitation)
class SupplierInvitationAdmin(admin.ModelAdmin):
    list_display = ["supplier_name", "buyer", "email", "language", "invited_at"]
    search_fields = ["supplier_name", "buyer__name", "email"]
    list_select_related = ["buyer"]
    readonly_fields = ["buyer", "name_key", "supplier_name", "email", "language", "invited_by", "invited_at"]

    def has_add_permission(self, request):
        return False
