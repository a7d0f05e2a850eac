from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from marketplace.core.forms import OrganisationChoiceField
from marketplace.core.validators import within_planning_horizon
from marketplace.organisations.vat_ids import validate_vat_id

from .models import Purchase
from .services import CheckoutDetails


class CheckoutForm(forms.Form):
    """What a procurement officer gives at checkout. Prefilled from the buyer
    organisation's billing data; one note field per supplier of the basket."""

    buyer = OrganisationChoiceField(label=_("Buying for"))
    billing_name = forms.CharField(label=_("Billing entity"), max_length=200)
    billing_street_address = forms.CharField(label=_("Street address"), max_length=255)
    billing_postcode = forms.CharField(label=_("Postcode"), max_length=20)
    billing_city = forms.CharField(label=_("City"), max_length=120)
    billing_country = CountryField().formfield(label=_("Country"))
    vat_id = forms.CharField(
        label=_("VAT ID"), max_length=20, help_text=_("With its country prefix, e.g. LU12345613; Serbian firms: PIB.")
    )
    purchase_order_reference = forms.CharField(label=_("Your purchase order reference"), max_length=64, required=False)
    # The billing country and VAT registration the page's VAT was computed for (BuyerVat.basis):
    # billing details that change the VAT show the new totals before anything is placed.
    vat_basis = forms.CharField(required=False, widget=forms.HiddenInput)
    delivery_name = forms.CharField(label=_("Deliver to (site or person)"), max_length=200)
    delivery_street_address = forms.CharField(label=_("Street address"), max_length=255)
    delivery_postcode = forms.CharField(label=_("Postcode"), max_length=20)
    delivery_city = forms.CharField(label=_("City"), max_length=120)
    delivery_country = CountryField().formfield(label=_("Country"))
    wished_date = forms.DateField(
        label=_("Wished delivery date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[within_planning_horizon],
    )
    payment_method = forms.ChoiceField(label=_("Payment"), widget=forms.RadioSelect)

    def __init__(self, *args, buyers, suppliers, card_enabled: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buyer"].limit_to(buyers)
        methods = [(Purchase.PaymentMethod.INVOICE, Purchase.PaymentMethod.INVOICE.label)]
        if card_enabled:
            methods.append((Purchase.PaymentMethod.CARD, Purchase.PaymentMethod.CARD.label))
        self.fields["payment_method"].choices = methods
        self.fields["payment_method"].initial = Purchase.PaymentMethod.INVOICE
        self.suppliers = list(suppliers)
        for supplier in self.suppliers:
            self.fields[self.note_field(supplier)] = forms.CharField(
                label=_("Note to %(supplier)s") % {"supplier": supplier.name},
                required=False,
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    @staticmethod
    def note_field(supplier) -> str:
        return f"note_{supplier.pk}"

    def note_fields(self):
        return [self[self.note_field(supplier)] for supplier in self.suppliers]

    def clean_wished_date(self):
        wished = self.cleaned_data["wished_date"]
        if wished and wished < timezone.localdate():
            raise forms.ValidationError(_("The wished delivery date cannot be in the past."))
        return wished

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("vat_id") and cleaned.get("billing_country"):
            try:
                cleaned["vat_id"] = validate_vat_id(cleaned["vat_id"], cleaned["billing_country"])
            except forms.ValidationError as error:
                self.add_error("vat_id", error)
        return cleaned

    def details(self) -> CheckoutDetails:
        data = self.cleaned_data
        return CheckoutDetails(
            **{name: data[name] for name in CheckoutDetails.__dataclass_fields__ if name in data},
            supplier_notes={supplier.pk: data[self.note_field(supplier)] for supplier in self.suppliers},
        )

    @staticmethod
    def initial_for(buyer, previous: Purchase | None) -> dict:
        """Prefill: the organisation's billing data, and the delivery address of its last purchase."""
        initial = {
            "buyer": buyer.pk,
            "billing_name": buyer.billing_name or buyer.name,
            "billing_street_address": buyer.billing_street_address or buyer.street_address,
            "billing_postcode": buyer.billing_postcode or buyer.postcode,
            "billing_city": buyer.billing_city or buyer.city,
            "billing_country": buyer.billing_country or buyer.country,
            "vat_id": buyer.vat_id,
            "delivery_name": buyer.name,
            "delivery_street_address": buyer.street_address,
            "delivery_postcode": buyer.postcode,
            "delivery_city": buyer.city,
            "delivery_country": buyer.country,
        }
        if previous is not None:
            for name in ("delivery_name", "delivery_street_address", "delivery_postcode", "delivery_city"):
                initial[name] = getattr(previous, name)
            initial["delivery_country"] = previous.delivery_country
        return initial
