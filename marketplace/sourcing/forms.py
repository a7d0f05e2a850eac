from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.core import limits
from marketplace.core.forms import OrganisationChoiceField
from marketplace.core.validators import within_planning_horizon
from marketplace.order.forms import CheckoutForm
from marketplace.organisations.forms import operating_country_choices, region_choices, sector_choices
from marketplace.organisations.models import Buyer, Supplier

from .files import validate_attachment
from .models import Need, QuoteLine
from .services import QuoteLineData, quote_delivery_date_check, quote_delivery_earliest

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files in one input, each checked for size and type (Django's documented pattern)."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        cleaned = [super(AttachmentsField, self).clean(upload, initial) for upload in files]
        for upload in cleaned:
            validate_attachment(upload)
        return cleaned


class NeedForm(forms.ModelForm):
    buyer = OrganisationChoiceField(label=_("Buying for"))
    attachments = AttachmentsField(
        label=_("Attachments"),
        required=False,
        help_text=_("Specifications, plans or photos: PDF, Word, OpenDocument, Excel, CSV, text, PNG or JPEG."),
    )

    class Meta:
        model = Need
        fields = [
            "buyer", "title", "description", "sectors", "country", "region", "city",
            "quantity", "unit", "budget_min", "budget_max", "deadline", "delivery_date", "reserved_contract",
        ]  # fmt: skip
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "sectors": forms.CheckboxSelectMultiple,
            "deadline": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "delivery_date": DATE,
        }

    def __init__(self, *args, buyers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buyer"].limit_to(buyers)
        self.fields["sectors"].choices = sector_choices()
        self.fields["sectors"].help_text = _("Suppliers working in any of these sectors receive the need.")
        self.fields["country"].choices = [("", "---------"), *operating_country_choices()]
        self.fields["region"].choices = region_choices()
        self.fields["region"].help_text = _("Leave empty to reach suppliers anywhere in the country.")
        self.fields["deadline"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"]
        self.fields["quantity"].widget.attrs["min"] = "0.01"
        for name in ("budget_min", "budget_max"):
            self.fields[name].widget.attrs["min"] = "0"

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline and deadline <= timezone.now():
            raise forms.ValidationError(_("The deadline for quotes must be in the future."))
        within_planning_horizon(deadline)
        return deadline

    def clean_delivery_date(self):
        delivery_date = self.cleaned_data["delivery_date"]
        within_planning_horizon(delivery_date)
        return delivery_date

    def clean_quantity(self):
        quantity = self.cleaned_data["quantity"]
        if quantity is not None and quantity <= 0:
            raise forms.ValidationError(_("The quantity must be more than zero."))
        return quantity


class QuoteForm(forms.Form):
    valid_until = forms.DateField(label=_("Valid until"), widget=DATE, validators=[within_planning_horizon])
    delivery_date = forms.DateField(label=_("Delivery date"), widget=DATE, validators=[within_planning_horizon])
    message = forms.CharField(
        label=_("Message to the buyer"),
        required=False,
        max_length=limits.MESSAGE,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    attachment = forms.FileField(label=_("Attachment"), required=False)

    def __init__(self, *args, need=None, **kwargs):
        """`need`: the need quoted on, whose dates bound the delivery date (None in
        tests of the form alone)."""
        super().__init__(*args, **kwargs)
        self.need = need
        today = timezone.localdate()
        earliest = max(today, quote_delivery_earliest(need)) if need is not None else today
        self.fields["delivery_date"].widget.attrs["min"] = earliest.isoformat()

    def clean_delivery_date(self):
        delivery_date = self.cleaned_data["delivery_date"]
        quote_delivery_date_check(need=self.need, delivery_date=delivery_date)
        return delivery_date

    def clean_valid_until(self):
        valid_until = self.cleaned_data["valid_until"]
        if valid_until < timezone.localdate():
            raise forms.ValidationError(_("A quote cannot be valid only until a date in the past."))
        return valid_until

    def clean_attachment(self):
        attachment = self.cleaned_data["attachment"]
        if attachment:
            validate_attachment(attachment)
        return attachment


class QuoteLineForm(forms.ModelForm):
    class Meta:
        model = QuoteLine
        fields = ["description", "quantity", "unit", "unit_price", "vat_rate", "kind"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-control form-control-sm"
        self.fields["quantity"].widget.attrs["min"] = "0.01"
        self.fields["unit_price"].widget.attrs["min"] = "0"

    def clean_quantity(self):
        quantity = self.cleaned_data["quantity"]
        if quantity is not None and quantity <= 0:
            raise forms.ValidationError(_("The quantity must be more than zero."))
        return quantity

    def data_or_none(self) -> QuoteLineData | None:
        """The line, or None for a blank extra row (validated as empty) or one marked deleted.
        Not `has_changed()`: a line kept as it was (only the message edited) is still a line."""
        if not self.cleaned_data or self.cleaned_data.get("DELETE"):
            return None
        return QuoteLineData(**{name: self.cleaned_data[name] for name in self.Meta.fields})


QuoteLineFormSet = forms.formset_factory(QuoteLineForm, extra=2, min_num=1, validate_min=True, max_num=50)


class JointInviteForm(forms.Form):
    supplier = forms.ModelChoiceField(
        label=_("Partner to invite"),
        queryset=Supplier.objects.none(),
        help_text=_("Verified members of your networks. Their administrators receive the invitation."),
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supplier"].queryset = candidates


class JointAnswerForm(forms.Form):
    accept = forms.TypedChoiceField(
        label=_("Your answer"),
        choices=[("yes", _("We take part")), ("no", _("We decline"))],
        coerce=lambda value: value == "yes",
    )


class JointReadyForm(forms.Form):
    ready = forms.BooleanField(
        label=_("Our lines are ready to be sent"),
        required=False,
        help_text=_("The lead sends the joint quote once every partner taking part says so."),
    )


class RespondForm(forms.Form):
    interested = forms.TypedChoiceField(
        label=_("Your answer"),
        choices=[("yes", _("We are interested")), ("no", _("We decline"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Why you decline"), required=False, max_length=limits.REASON, widget=forms.Textarea(attrs={"rows": 2})
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why you decline (optional)"),
        required=False,
        max_length=limits.REASON,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The buyer reads it; it helps them ask the right suppliers next time."),
    )


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Your question"),
        max_length=limits.NOTE,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The buyer's answer is shown to every invited supplier; who asked is not."),
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), max_length=limits.MESSAGE, widget=forms.Textarea(attrs={"rows": 3}))


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=limits.NOTE, widget=forms.Textarea(attrs={"rows": 3})
    )


class AwardForm(CheckoutForm):
    """The checkout's billing and delivery fields, for the order placed by the award."""

    def __init__(self, *args, need, **kwargs):
        super().__init__(
            *args, buyers=Buyer.objects.filter(pk=need.buyer_id), suppliers=[], card_enabled=False, **kwargs
        )
        del self.fields["buyer"], self.fields["payment_method"]
