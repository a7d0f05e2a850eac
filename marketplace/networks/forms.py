from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from marketplace.core import content
from marketplace.organisations.forms import WrittenInLanguagesMixin, https_urls, written_columns
from marketplace.organisations.models import Network, NetworkPartner
from marketplace.uploads import LOGO_SIDE, image_field_clean

from .models import CharterVersion, NetworkInvitation


class WrittenByCoordinatorMixin(WrittenInLanguagesMixin):
    """A network's texts: the coordinator writes in the language of the pages they use
    (English when they read one nobody writes in), and may add the others."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        codes = [code for code, _name in content.WRITING_LANGUAGES]
        current = translation.get_language()
        self.languages_setup(current if current in codes else codes[0])
        self.drop_unlisted_fields()

    def _post_clean(self):
        for column, text in self.written_texts().items():
            setattr(self.instance, column, text)
        super()._post_clean()


class CharterDraftForm(WrittenByCoordinatorMixin, forms.ModelForm):
    written_fields = ("title", "text")
    fieldsets = [(_("The charter"), ["title", "text", "resign_days"])]

    class Meta:
        model = CharterVersion
        fields = [*written_columns("title", "text"), "resign_days"]
        widgets = {column: forms.Textarea(attrs={"rows": 12}) for column in written_columns("text")}


class NetworkProfileForm(WrittenByCoordinatorMixin, forms.ModelForm):
    written_fields = ("tagline", "description")
    fieldsets = [(_("The network's public page"), ["tagline", "description", "website", "countries", "logo"])]

    class Meta:
        model = Network
        formfield_callback = https_urls
        fields = [*written_columns("tagline", "description"), "website", "countries", "logo"]
        widgets = {column: forms.Textarea(attrs={"rows": 6}) for column in written_columns("description")}

    def clean_logo(self):
        return image_field_clean(self, "logo", max_side=LOGO_SIDE)


class PartnerForm(forms.ModelForm):
    class Meta:
        model = NetworkPartner
        formfield_callback = https_urls
        fields = ["name", "kind", "country", "website"]


class MemberInvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail of the social enterprise"))
    message = forms.CharField(
        label=_("Message (optional)"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class TeamInvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    purpose = forms.ChoiceField(
        label=_("Invite as"),
        choices=[c for c in NetworkInvitation.Purpose.choices if c[0] != NetworkInvitation.Purpose.MEMBER],
    )
    partner = forms.ModelChoiceField(
        label=_("Partner they speak for"),
        queryset=NetworkPartner.objects.none(),
        required=False,
        help_text=_("For a partner's person only."),
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = network.partners.all()

    def clean(self):
        data = super().clean()
        if data.get("purpose") == NetworkInvitation.Purpose.PARTNER and not data.get("partner"):
            self.add_error("partner", _("Choose which of the network's partners this person speaks for."))
        return data


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the coordinators (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SupplierChoiceForm(forms.Form):
    supplier = forms.ModelChoiceField(label=_("Accept for"), queryset=None, empty_label=None)

    def __init__(self, *args, suppliers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supplier"].queryset = suppliers
