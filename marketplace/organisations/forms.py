from itertools import groupby

from django import forms
from django.db import models
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from marketplace.core import content
from marketplace.uploads import LOGO_SIDE, image_field_clean

from .models import Buyer, ImpactArea, Region, Role, Sector, Supplier, language_of_country


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


class WrittenInLanguagesMixin(FieldsetsMixin):
    """A form whose `written_fields` are written in several languages. The plain field
    ("description") is the text in the writer's own language; the others are named after
    their column ("description_de"; never Serbian Latin, which is derived) and follow the
    fieldsets, one closed <details> per language (includes/form_fields.html), opened when
    it holds an error. A spreadsheet row names them alike (catalogue.imports)."""

    written_fields = ()
    other_languages = True  # False: only the writer's own language (a short registration form)

    def languages_setup(self, own: str):
        """Labels every language's field, and makes the own language's column the plain field."""
        self.own_language = own
        languages_label(self, self.written_fields)
        for code, _name in content.WRITING_LANGUAGES:
            for name in self.written_fields:
                field = self.fields.get(content.column(name, code))
                if field is None:
                    continue
                if code == own:
                    self.fields[name] = self.fields.pop(content.column(name, code))
                    self.initial.setdefault(name, self.initial.get(content.column(name, code)))
                else:
                    field.required = False

    def drop_unlisted_fields(self):
        shown = {name for _title, names in self.fieldsets for name in names}
        if self.other_languages:
            shown |= {name for _language, _title, names in self.language_groups() for name in names}
        for name in list(self.fields):
            if name not in shown:
                del self.fields[name]

    def language_groups(self):
        """(language, title, field names) of each language other than the writer's own."""
        listed = {name for _title, names in self.fieldsets for name in names}
        fields = [name for name in self.written_fields if name in listed]
        for code, _name in content.WRITING_LANGUAGES:
            if code != self.own_language:
                title = gettext("In %(language)s") % {"language": content.language_name(code)}
                yield code, title, [content.column(name, code) for name in fields]

    def get_language_groups(self):
        """For the template: (language, title, bound fields, open) of each other language."""
        if not self.other_languages:
            return []
        groups = []
        for code, title, names in self.language_groups():
            bound = [self[name] for name in names if name in self.fields]
            groups.append((code, title, bound, any(field.errors for field in bound)))
        return groups

    def written_texts(self) -> dict:
        """{column: text} of every language the form holds, the own one included."""
        data = self.cleaned_data
        texts = {content.column(name, self.own_language): data[name] for name in self.written_fields if name in data}
        for _code, _title, names in self.language_groups():
            texts |= {name: data[name] for name in names if name in data}
        return texts


def languages_label(form, names):
    """Labels the field of each language of `names` ("Description in French") and gives it
    that language, for screen readers and spelling checkers."""
    for code, _name in content.WRITING_LANGUAGES:
        for name in names:
            field = form.fields.get(content.column(name, code))
            if field is not None:
                # django-modeltranslation names a column "description [fr]": the language is said in words here.
                label = str(field.label).removesuffix(f" [{code}]")
                field.label = gettext("%(field)s in %(language)s") % {
                    "field": capfirst(label),
                    "language": content.language_name(code),
                }
                field.widget.attrs["lang"] = code


def written_columns(*names) -> list[str]:
    """The columns of `names` in every language people write in (Serbian Latin is derived)."""
    return [content.column(name, code) for name in names for code, _label in content.WRITING_LANGUAGES]


class SupplierForm(WrittenInLanguagesMixin, forms.ModelForm):
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

    written_fields = ("description", "impact_statement", "vulnerable_groups")

    class Meta:
        model = Supplier
        formfield_callback = https_urls
        fields = [
            "name", "legal_form", "founded_year", "language", "logo",
            *written_columns("description", "impact_statement", "vulnerable_groups"),
            "country", "region", "city", "street_address", "postcode",
            "sectors",
            # Labels are claims with evidence (workspace, Claims and evidence), not typed here.
            "impact_areas", "employees", "employees_vulnerable",
            "contact_name", "email", "phone", "website", "vat_id", "iban", "bic",
        ]  # fmt: skip
        widgets = {
            "sectors": forms.CheckboxSelectMultiple,
            "impact_areas": forms.CheckboxSelectMultiple,
            **{column: forms.Textarea(attrs={"rows": 5}) for column in written_columns("description")},
            **{column: forms.Textarea(attrs={"rows": 4}) for column in written_columns("impact_statement")},
        }

    fieldsets = [
        (_("Who you are"), ["name", "legal_form", "founded_year", "language", "description", "logo"]),
        (_("Where you are and whom you serve"),
         ["country", "region", "city", "street_address", "postcode", "served_countries", "served_regions"]),
        (_("What you do"), ["sectors"]),
        (_("Your impact"),
         ["impact_areas", "impact_statement", "employees", "employees_vulnerable", "vulnerable_groups"]),
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
        self.fields["impact_areas"].required = False
        if self.instance.pk:
            areas = list(self.instance.served_areas.all())
            self.initial.setdefault("served_countries", [a.country.code for a in areas if not a.region_id])
            self.initial.setdefault("served_regions", [a.region_id for a in areas if a.region_id])
        self.fields["language"].required = True
        self.fields["language"].choices = content.WRITING_LANGUAGES
        self.initial.setdefault("language", self.instance.language or self.writer_language())
        self.languages_setup(self.initial["language"])
        self.drop_unlisted_fields()

    def writer_language(self) -> str:
        """A new supplier writes in the language of the pages it registers on, else its country's."""
        current = translation.get_language()
        codes = [code for code, _name in content.WRITING_LANGUAGES]
        return current if current in codes else language_of_country(self.instance.country)

    def _post_clean(self):
        # The own language's texts are in the plain fields, which are no model fields (a model's
        # plain field writes the page's language): their columns are set here.
        for column, text in self.written_texts().items():
            setattr(self.instance, column, text)
        if "language" not in self.fields:  # registration: the language its texts were written in
            self.instance.language = self.own_language
        super()._post_clean()


class SupplierRegistrationForm(SupplierForm):
    other_languages = False
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
            "name", "is_public_body", "size", "description", "country", "city", "street_address", "postcode",
            "website", "email", "phone", "vat_id",
            "billing_name", "billing_street_address", "billing_postcode", "billing_city", "billing_country",
            "billing_email",
        ]  # fmt: skip
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    fieldsets = [
        (_("Your organisation"), ["name", "is_public_body", "size", "description", "website", "vat_id"]),
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
