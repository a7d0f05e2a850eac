from itertools import groupby

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from marketplace.uploads import LOGO_SIDE, image_field_clean

from .models import Buyer, ImpactArea, Label, Region, Role, Sector, Supplier


def https_urls(db_field, **kwargs):
    """Web addresses typed without a scheme ("example.org") mean https, as in Django 6."""
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return db_field.formfield(**kwargs)


def sector_choices():
    """Sub-sectors grouped under their parent, as the form's option groups."""
    groups = []
    for parent in Sector.objects.top_level().with_children():
        children = list(parent.children.all())
        if children:
            groups.append((parent.name, [(child.pk, child.name) for child in children]))
        else:
            groups.append((parent.pk, parent.name))
    return groups


def region_choices(blank=True):
    regions = Region.objects.order_by("country", "name")
    groups = [
        (countries.name(code), [(r.pk, r.name) for r in items])
        for code, items in groupby(regions, key=lambda r: r.country.code)
    ]
    return ([("", "---------")] if blank else []) + groups


def operating_country_choices():
    """Countries in which the platform knows regions: where suppliers can serve."""
    codes = Region.objects.values_list("country", flat=True).distinct().order_by("country")
    return [(code, countries.name(code)) for code in codes]


class FieldsetsMixin:
    """Forms list their fields in titled groups; fields not listed are dropped,
    so a shorter form (registration) is a subclass with shorter fieldsets."""

    fieldsets = []

    def drop_unlisted_fields(self):
        shown = {name for _title, names in self.fieldsets for name in names}
        for name in list(self.fields):
            if name not in shown:
                del self.fields[name]

    def get_fieldsets(self):
        for title, names in self.fieldsets:
            yield title, [self[name] for name in names if name in self.fields]


class SupplierForm(FieldsetsMixin, forms.ModelForm):
    """Used for registration (fewer fields) and for the full profile."""

    served_countries = forms.MultipleChoiceField(
        label=_("Whole countries you serve"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    served_regions = forms.ModelMultipleChoiceField(
        label=_("Regions you serve"),
        queryset=Region.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave both empty to serve your own region only."),
    )

    class Meta:
        model = Supplier
        formfield_callback = https_urls
        fields = [
            "name", "legal_form", "founded_year", "description", "logo",
            "country", "region", "city", "street_address", "postcode",
            "sectors",
            "impact_areas", "impact_statement", "employees", "employees_vulnerable", "vulnerable_groups", "labels",
            "contact_name", "email", "phone", "website", "vat_id", "iban", "bic",
        ]  # fmt: skip
        widgets = {
            "sectors": forms.CheckboxSelectMultiple,
            "impact_areas": forms.CheckboxSelectMultiple,
            "labels": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 5}),
            "impact_statement": forms.Textarea(attrs={"rows": 4}),
        }

    fieldsets = [
        (_("Who you are"), ["name", "legal_form", "founded_year", "description", "logo"]),
        (_("Where you are and whom you serve"),
         ["country", "region", "city", "street_address", "postcode", "served_countries", "served_regions"]),
        (_("What you do"), ["sectors"]),
        (_("Your impact"),
         ["impact_areas", "impact_statement", "employees", "employees_vulnerable", "vulnerable_groups", "labels"]),
        (_("Contact"), ["contact_name", "email", "phone", "website"]),
        (_("Invoicing"), ["vat_id", "iban", "bic"]),
    ]  # fmt: skip

    def clean_logo(self):
        return image_field_clean(self, "logo", max_side=LOGO_SIDE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectors"].choices = sector_choices()
        self.fields["sectors"].help_text = _("Choose every sector you work in.")
        self.fields["region"].choices = region_choices()
        self.fields["served_countries"].choices = operating_country_choices()
        self.fields["served_regions"].choices = region_choices(blank=False)
        self.fields["impact_areas"].queryset = ImpactArea.objects.all()
        self.fields["labels"].queryset = Label.objects.all()
        self.fields["labels"].required = False
        self.fields["impact_areas"].required = False
        if self.instance.pk:
            areas = list(self.instance.served_areas.all())
            self.initial.setdefault("served_countries", [a.country.code for a in areas if not a.region_id])
            self.initial.setdefault("served_regions", [a.region_id for a in areas if a.region_id])
        self.drop_unlisted_fields()


class SupplierRegistrationForm(SupplierForm):
    fieldsets = [
        (_("Your social enterprise"), ["name", "legal_form", "description"]),
        (_("Where you are"), ["country", "region", "city"]),
        (_("What you do"), ["sectors", "impact_areas"]),
        (_("Workforce"), ["employees", "employees_vulnerable"]),
        (_("Contact"), ["website", "vat_id"]),
    ]


class BuyerForm(FieldsetsMixin, forms.ModelForm):
    class Meta:
        model = Buyer
        formfield_callback = https_urls
        fields = [
            "name", "is_public_body", "description", "country", "city", "street_address", "postcode",
            "website", "email", "phone", "vat_id",
            "billing_name", "billing_street_address", "billing_postcode", "billing_city", "billing_country",
            "billing_email",
        ]  # fmt: skip
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    fieldsets = [
        (_("Your organisation"), ["name", "is_public_body", "description", "website", "vat_id"]),
        (_("Address"), ["country", "city", "street_address", "postcode", "email", "phone"]),
        (_("Billing"),
         ["billing_name", "billing_street_address", "billing_postcode", "billing_city", "billing_country",
          "billing_email"]),
    ]  # fmt: skip


class BuyerRegistrationForm(BuyerForm):
    class Meta(BuyerForm.Meta):
        fields = ["name", "is_public_body", "country", "city", "website", "vat_id"]

    fieldsets = [(_("Your organisation"), ["name", "is_public_body", "country", "city", "website", "vat_id"])]


class InviteColleagueForm(forms.Form):
    email = forms.EmailField(label=_("Colleague's e-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
