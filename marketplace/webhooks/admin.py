from django.contrib import admin
from django.db import models

from .models import WebhookDelivery, WebhookEndpoint


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    list_display = ["url", "organisation", "active", "consecutive_failures", "disabled_at", "created_at"]
    list_filter = ["active", "disabled_reason"]
    search_fields = ["url", "description", "organisation__name"]
    raw_id_fields = ["organisation", "created_by"]
    # The secret signs the organisation's deliveries: operators never need to read it.
    exclude = ["secret"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = ["consecutive_failures", "created_by", "created_at", "updated_at"]


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = ["event_type", "endpoint", "status", "attempts", "response_status", "created_at", "next_attempt_at"]
    list_filter = ["status", "event_type"]
    search_fields = ["event_id", "endpoint__url", "endpoint__organisation__name"]
    list_select_related = ["endpoint__organisation"]
    readonly_fields = [field.name for field in WebhookDelivery._meta.fields]

    def has_add_permission(self, request):
        return False
