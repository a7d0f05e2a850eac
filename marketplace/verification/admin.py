"""Operators read claims and their history in the Django admin; they decide in the
product's queue (/verification/), where the remit and the history are kept."""

from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .evidence import evidence_response
from .models import ClaimEvent, LabelClaim, WorkforceClaim


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ClaimAdmin(ReadOnlyAdmin):
    """Claims of every kind: read only, with their evidence as a download."""

    claim_fields = ("decision", "decided_by", "decided_at", "decision_note", "valid_until", "declared_at")
    list_filter = ("decision",)
    search_fields = ("supplier__name", "registry_reference")
    exclude = ("evidence",)

    @admin.display(description=_("evidence"))
    def evidence_link(self, obj):
        if not obj.pk or not obj.evidence:
            return "—"
        opts = self.model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_evidence", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download the evidence"))

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields if field.name != "evidence"] + ["evidence_link"]

    def get_urls(self):
        opts = self.model._meta
        evidence = staff_member_required(self.admin_site.admin_view(self.evidence_view))
        return [
            path("<int:pk>/evidence/", evidence, name=f"{opts.app_label}_{opts.model_name}_evidence"),
            *super().get_urls(),
        ]

    def evidence_view(self, request, pk):
        claim = get_object_or_404(self.model, pk=pk)
        if not self.has_view_permission(request, claim) or not claim.evidence:
            raise Http404
        return evidence_response(claim)


@admin.register(LabelClaim)
class LabelClaimAdmin(ClaimAdmin):
    list_display = ("supplier", "label", "decision", "declared_at", "valid_until")
    list_filter = ("decision", "label")


@admin.register(WorkforceClaim)
class WorkforceClaimAdmin(ClaimAdmin):
    list_display = ("supplier", "employees", "employees_vulnerable", "as_of", "decision", "valid_until")


@admin.register(ClaimEvent)
class ClaimEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "supplier", "kind", "subject", "action", "by")
    list_filter = ("kind", "action")
    search_fields = ("supplier__name", "subject")
    list_select_related = ("supplier", "by")
