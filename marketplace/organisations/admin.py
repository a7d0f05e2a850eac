from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from marketplace.core import content

from . import services
from .models import (
    Buyer,
    ImpactArea,
    Invitation,
    Label,
    Membership,
    Network,
    NetworkMembership,
    NetworkPartner,
    Organisation,
    Region,
    Sector,
    ServedArea,
    Supplier,
    SupplierPhoto,
)

# Web addresses typed without a scheme mean https (Django 6's default, chosen now).
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}
# What VIES last said about the VAT ID: written by the background check only.
VAT_ID_VIES_FIELDS = ["vat_id_status", "vat_id_checked_at", "vat_id_registered_name"]


class MembersChangedMixin:
    """Memberships edited here go through the same rule as on the site:
    a supplier's shop partner follows its member list."""

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Membership:
            services.organisation_members_changed(organisation=form.instance)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class ServedAreaInline(admin.TabularInline):
    model = ServedArea
    extra = 0
    autocomplete_fields = ["region"]


class SupplierPhotoInline(admin.TabularInline):
    model = SupplierPhoto
    extra = 0


class NetworkMembershipInline(admin.TabularInline):
    model = NetworkMembership
    extra = 0
    autocomplete_fields = ["supplier", "network"]
    # Members sign in their workspace; this date follows their signatures (networks.services).
    readonly_fields = ["charter_signed_on"]


@admin.register(Supplier)
class SupplierAdmin(MembersChangedMixin, TranslationAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "country", "region", "legal_form", "verified", "vat_id_status", "created_at"]
    list_filter = [
        "verified", "country", "legal_form", "vat_id_status", "sectors__parent", "impact_areas", "labels", "networks",
    ]  # fmt: skip
    search_fields = ["name", "slug", "city", "vat_id", "description"]
    readonly_fields = [
        "slug", "partner", "verified", "verified_at", "verified_by", "created_at", "updated_at",
        *VAT_ID_VIES_FIELDS,
        *content.serbian_latin_columns(Supplier),
    ]  # fmt: skip
    autocomplete_fields = ["region"]
    filter_horizontal = ["sectors", "impact_areas", "labels"]
    inlines = [MembershipInline, ServedAreaInline, NetworkMembershipInline, SupplierPhotoInline]
    actions = ["verify", "unverify"]
    date_hierarchy = "created_at"
    list_select_related = ["region"]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            if {"vat_id", "country"} & set(form.changed_data):
                services.vat_id_check(obj)
        else:
            services.supplier_create(supplier=obj, served_regions=[], served_countries=[])

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Name and members onto the shop partner; its own region if the inline left no area.
        services.supplier_update(supplier=form.instance)

    @admin.action(description=_("Verify selected suppliers"), permissions=["change"])
    def verify(self, request, queryset):
        count = self._for_each(queryset, services.supplier_verify, by=request.user)
        self.message_user(
            request, ngettext("%d supplier verified.", "%d suppliers verified.", count) % count, messages.SUCCESS
        )

    @admin.action(description=_("Withdraw verification of selected suppliers"), permissions=["change"])
    def unverify(self, request, queryset):
        count = self._for_each(queryset, services.supplier_unverify, by=request.user)
        self.message_user(
            request, ngettext("%d supplier hidden.", "%d suppliers hidden.", count) % count, messages.SUCCESS
        )

    @staticmethod
    def _for_each(queryset, service, *, by):
        suppliers = list(queryset)
        for supplier in suppliers:
            service(supplier=supplier, by=by)
        return len(suppliers)


@admin.register(Buyer)
class BuyerAdmin(MembersChangedMixin, admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "country", "is_public_body", "vat_id", "vat_id_status", "created_at"]
    list_filter = ["country", "is_public_body", "vat_id_status"]
    search_fields = ["name", "slug", "vat_id", "city"]
    readonly_fields = ["slug", "created_at", "updated_at", *VAT_ID_VIES_FIELDS]
    inlines = [MembershipInline]

    def save_model(self, request, obj, form, change):
        if change:
            services.buyer_update(buyer=obj)
        else:
            services.buyer_create(buyer=obj)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    """Read-only index so memberships can autocomplete any organisation;
    suppliers and buyers are edited in their own sections."""

    list_display = ["name", "kind", "country"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "slug"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role", "organisation__kind"]
    search_fields = ["user__email", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    list_select_related = ["user", "organisation"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.organisation_members_changed(organisation=obj.organisation)

    def delete_model(self, request, obj):
        organisation = obj.organisation
        super().delete_model(request, obj)
        services.organisation_members_changed(organisation=organisation)

    def delete_queryset(self, request, queryset):
        organisations = {m.organisation for m in queryset.select_related("organisation")}
        super().delete_queryset(request, queryset)
        for organisation in organisations:
            services.organisation_members_changed(organisation=organisation)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "created_at", "accepted_at"]
    list_filter = ["role"]
    search_fields = ["email", "organisation__name"]
    readonly_fields = ["token", "created_at", "accepted_at"]
    autocomplete_fields = ["organisation", "invited_by"]


@admin.register(Sector)
class SectorAdmin(TranslationAdmin):
    readonly_fields = content.serbian_latin_columns(Sector)
    list_display = ["__str__", "slug", "position"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "slug", "parent__name"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["parent"]


@admin.register(ImpactArea)
class ImpactAreaAdmin(TranslationAdmin):
    readonly_fields = content.serbian_latin_columns(ImpactArea)
    list_display = ["name", "slug", "position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Label)
class LabelAdmin(TranslationAdmin):
    readonly_fields = content.serbian_latin_columns(Label)
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "issuer"]
    search_fields = ["name", "issuer"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Region)
class RegionAdmin(TranslationAdmin):
    readonly_fields = content.serbian_latin_columns(Region)
    list_display = ["name", "country", "nuts_code"]
    list_filter = ["country"]
    search_fields = ["name", "nuts_code"]
    prepopulated_fields = {"slug": ["name"]}


class NetworkPartnerInline(admin.TabularInline):
    formfield_overrides = HTTPS_URLS
    model = NetworkPartner
    extra = 0


@admin.register(Network)
class NetworkAdmin(TranslationAdmin):
    formfield_overrides = HTTPS_URLS
    readonly_fields = content.serbian_latin_columns(Network)
    list_display = ["name", "website"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [NetworkPartnerInline, NetworkMembershipInline]
