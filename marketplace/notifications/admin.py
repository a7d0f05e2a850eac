from django.contrib import admin

from .models import Digest, NotificationPreference, PendingNotification


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "channel", "enabled", "frequency", "updated_at")
    list_filter = ("kind", "channel", "enabled", "frequency")
    search_fields = ("user__email",)
    raw_id_fields = ("user",)


@admin.register(PendingNotification)
class PendingNotificationAdmin(admin.ModelAdmin):
    list_display = ("subject", "user", "kind", "channel", "frequency", "created_at", "digest")
    list_filter = ("kind", "channel", "frequency")
    search_fields = ("user__email", "subject")
    raw_id_fields = ("user", "digest")


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = ("user", "channel", "frequency", "created_at", "sent_at")
    list_filter = ("channel", "frequency")
    search_fields = ("user__email",)
    raw_id_fields = ("user",)
