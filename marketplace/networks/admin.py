from django.contrib import admin

from .models import NetworkTeamMember


@admin.register(NetworkTeamMember)
class NetworkTeamMemberAdmin(admin.ModelAdmin):
    list_display = ["user", "network", "role", "partner", "created_at"]
    list_filter = ["role", "network"]
    search_fields = ["user__email", "network__name"]
    autocomplete_fields = ["network", "user"]
    raw_id_fields = ["partner"]
