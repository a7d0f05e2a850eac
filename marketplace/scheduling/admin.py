"""Operators read the scheduled jobs' runs in the Django admin: what ran, when, how it ended, what it said."""

from django.contrib import admin

from .models import JobRun


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin):
    list_display = ["job", "slot", "outcome", "claimed_at", "finished_at"]
    list_filter = ["outcome", "job"]
    search_fields = ["job"]
    date_hierarchy = "slot"
    readonly_fields = [field.name for field in JobRun._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
