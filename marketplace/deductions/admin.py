from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import InvoiceLabourShare, LegalStatus, ProductLabourShare


@admin.register(LegalStatus)
class LegalStatusAdmin(admin.ModelAdmin):
    list_display = ("supplier", "status", "registry_reference", "declared_at", "verified_at", "valid_until")
    list_filter = ("country", "status", ("verified_at", admin.EmptyFieldListFilter))
    search_fields = ("supplier__name", "registry_reference")
    readonly_fields = ("country", "evidence_link", "declared_by", "declared_at", "verified_by", "verified_at")
    exclude = ("evidence",)
    autocomplete_fields = ("supplier",)
    actions = ["verify_selected"]

    @admin.action(description=_("Verify selected legal statuses"), permissions=["change"])
    def verify_selected(self, request, queryset):
        count = services.legal_statuses_verify(queryset, by=request.user)
        self.message_user(
            request,
            ngettext("%(count)d legal status verified.", "%(count)d legal statuses verified.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.display(description=_("evidence"))
    def evidence_link(self, obj):
        if not obj.pk or not obj.evidence:
            return "—"
        url = reverse("admin:deductions_legalstatus_evidence", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download the evidence"))

    def get_urls(self):
        evidence = staff_member_required(self.admin_site.admin_view(self.evidence_view))
        return [
            path("<int:pk>/evidence/", evidence, name="deductions_legalstatus_evidence"),
            *super().get_urls(),
        ]

    def evidence_view(self, request, pk):
        legal_status = get_object_or_404(LegalStatus, pk=pk)
        if not self.has_view_permission(request, legal_status) or not legal_status.evidence:
            raise Http404
        response = FileResponse(legal_status.evidence.open("rb"), as_attachment=True)
        response["Cache-Control"] = "private, no-store"
        return response


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
