"""Operators read needs, quotes, joint quotes, shortlists and conversations here. A need is
withdrawn from its page (/needs/<id>/, with a reason the buyer receives), not by editing it
here; joint quotes are only read (their suppliers change them)."""

from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import (
    Award,
    Invitation,
    JointQuote,
    Message,
    Need,
    NeedAttachment,
    Question,
    Quote,
    QuoteLine,
    QuotePartner,
    Shortlist,
    Thread,
)


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class InvitationInline(ReadOnlyInline):
    model = Invitation
    fields = ["supplier", "status", "notified_at", "viewed_at", "decline_reason"]
    readonly_fields = fields


class AttachmentInline(ReadOnlyInline):
    model = NeedAttachment
    fields = ["name", "size"]
    readonly_fields = fields


class QuestionInline(ReadOnlyInline):
    model = Question
    fields = ["supplier", "text", "answer"]
    readonly_fields = fields


@admin.register(Need)
class NeedAdmin(admin.ModelAdmin):
    list_display = ["title", "buyer", "status", "deadline", "published_at", "created_at"]
    list_filter = ["status", "country", "sectors"]
    search_fields = ["title", "description", "buyer__name"]
    date_hierarchy = "created_at"
    raw_id_fields = ["buyer", "created_by", "cancelled_by", "region"]
    readonly_fields = ["status", "published_at", "closed_at", "awarded", "cancelled_at", "cancelled_by"]
    inlines = [AttachmentInline, InvitationInline, QuestionInline]

    def view_on_site(self, obj):
        return obj.get_absolute_url()

    @admin.display(description=_("awarded"))
    def awarded(self, obj):
        award = Award.objects.filter(need=obj).first()
        return award.awarded_at if award else None


class QuoteLineInline(ReadOnlyInline):
    model = QuoteLine
    fields = ["supplier", "description", "quantity", "unit", "unit_price", "vat_rate", "vat_treatment"]
    readonly_fields = fields


class QuotePartnerInline(ReadOnlyInline):
    model = QuotePartner
    fields = ["supplier", "status", "lines_ready", "invited_at", "responded_at"]
    readonly_fields = fields


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ["need", "supplier", "status", "total_excl_tax", "total_incl_tax", "submitted_at"]
    list_filter = ["status"]
    search_fields = ["need__title", "supplier__name"]
    raw_id_fields = ["need", "supplier", "submitted_by"]
    readonly_fields = ["total_excl_tax", "total_tax", "total_incl_tax", "status"]
    inlines = [QuoteLineInline]


@admin.register(JointQuote)
class JointQuoteAdmin(admin.ModelAdmin):
    """Joint quotes, read only: the lead, its partners and their state, every line with
    its supplier."""

    list_display = ["need", "supplier", "partner_count", "status", "total_excl_tax", "total_incl_tax", "submitted_at"]
    list_filter = ["status"]
    search_fields = ["need__title", "supplier__name", "partners__supplier__name"]
    inlines = [QuotePartnerInline, QuoteLineInline]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).select_related("need", "supplier").annotate(partner_total=Count("partners"))
        )

    @admin.display(description=_("partners"), ordering="partner_total")
    def partner_count(self, obj):
        return obj.partner_total

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def view_on_site(self, obj):
        return reverse("sourcing:need-compare", kwargs={"pk": obj.need_id})


@admin.register(Award)
class AwardAdmin(admin.ModelAdmin):
    list_display = ["need", "quote", "purchase", "awarded_by", "awarded_at"]
    raw_id_fields = ["need", "quote", "purchase", "awarded_by"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Shortlist)
class ShortlistAdmin(admin.ModelAdmin):
    list_display = ["name", "buyer", "created_at"]
    search_fields = ["name", "buyer__name"]
    raw_id_fields = ["buyer", "created_by"]


class MessageInline(ReadOnlyInline):
    model = Message
    fields = ["author", "side", "body", "created_at"]
    readonly_fields = fields


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = ["subject", "buyer", "supplier", "last_message_at"]
    search_fields = ["subject", "buyer__name", "supplier__name"]
    raw_id_fields = ["buyer", "supplier", "started_by"]
    filter_horizontal = ["email_shared_by"]
    inlines = [MessageInline]
