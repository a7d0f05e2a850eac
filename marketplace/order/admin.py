from django.contrib import admin
from oscar.apps.order.admin import *  # noqa: F403  (Oscar's fork convention)

from .models import Order, Purchase


class PartInline(admin.TabularInline):
    model = Order
    fields = ["number", "supplier", "status", "total_excl_tax", "total_incl_tax"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(Purchase)
class PurchaseAdmin(admin.ModelAdmin):
    list_display = ["number", "buyer", "placed_by", "payment_method", "payment_status", "created_at"]
    list_filter = ["payment_method", "payment_status"]
    search_fields = ["number", "buyer__name", "purchase_order_reference"]
    readonly_fields = ["number", "buyer", "placed_by", "basket", "created_at"]
    inlines = [PartInline]
