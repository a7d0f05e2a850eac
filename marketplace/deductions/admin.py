from django.contrib import admin

from marketplace.verification.admin import ClaimAdmin

from .models import InvoiceLabourShare, LegalStatus, ProductLabourShare


@admin.register(LegalStatus)
class LegalStatusAdmin(ClaimAdmin):
    list_display = ("supplier", "status", "registry_reference", "declared_at", "decision", "valid_until")
    list_filter = ("country", "status", "decision")


@admin.register(ProductLabourShare)
class ProductLabourShareAdmin(admin.ModelAdmin):
    list_display = ("product", "percent", "updated_at")
    search_fields = ("product__title",)
    raw_id_fields = ("product",)
    readonly_fields = ("updated_by",)


@admin.register(InvoiceLabourShare)
class InvoiceLabourShareAdmin(admin.ModelAdmin):
    """Copied when invoices are issued: never edited."""

    list_display = ("invoice", "line_index", "product_id", "percent")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
