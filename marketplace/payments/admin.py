import stripe
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import card
from .models import CardPayment, Invoice, StripeEvent, SupplierStripeAccount, Transfer


@admin.register(CardPayment)
class CardPaymentAdmin(admin.ModelAdmin):
    list_display = ["purchase", "payment_intent_id", "status", "amount", "amount_refunded", "updated_at"]
    list_filter = ["status"]
    search_fields = ["purchase__number", "payment_intent_id", "charge_id"]
    readonly_fields = [field.name for field in CardPayment._meta.fields]
    actions = ["refund_in_full"]

    @admin.action(description=_("Refund the selected card payments in full"))
    def refund_in_full(self, request, queryset):
        refunded = 0
        for payment in queryset.filter(status=CardPayment.Status.SUCCEEDED):
            try:
                card.card_payment_refund(purchase=payment.purchase)
                refunded += 1
            except stripe.StripeError as error:
                self.message_user(request, f"{payment.purchase}: {error.user_message}", messages.ERROR)
        self.message_user(request, ngettext("%d payment refunded.", "%d payments refunded.", refunded) % refunded)


@admin.register(StripeEvent)
class StripeEventAdmin(admin.ModelAdmin):
    list_display = ["event_id", "type", "received_at", "processed"]
    list_filter = ["type", "processed"]
    search_fields = ["event_id"]
    readonly_fields = [field.name for field in StripeEvent._meta.fields]


@admin.register(SupplierStripeAccount)
class SupplierStripeAccountAdmin(admin.ModelAdmin):
    list_display = ["supplier", "account_id", "details_submitted", "charges_enabled", "payouts_enabled"]
    list_filter = ["details_submitted", "payouts_enabled"]
    search_fields = ["supplier__name", "account_id"]
    readonly_fields = ["account_id", "details_submitted", "charges_enabled", "payouts_enabled"]


@admin.register(Transfer)
class TransferAdmin(admin.ModelAdmin):
    list_display = ["order", "supplier", "amount", "fee", "status", "transfer_id"]
    list_filter = ["status"]
    search_fields = ["order__number", "supplier__name", "transfer_id"]
    readonly_fields = [field.name for field in Transfer._meta.fields]


@admin.register(Invoice)
class InvoiceAdmin(admin.ModelAdmin):
    """Issued invoices and credit notes, for operators to look up: never changed here (a
    mistake is corrected by a credit note, which cancelling the order part issues)."""

    list_display = ["number", "kind", "supplier", "issued_on", "due_on", "total_incl_tax", "status"]
    list_filter = ["kind", "status", "issued_on"]
    search_fields = ["number", "supplier__name", "order__number", "order__purchase__number"]
    list_select_related = ["supplier"]
    readonly_fields = [field.name for field in Invoice._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
