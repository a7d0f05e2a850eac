from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer.forms import UserForm

from marketplace.core import languages

User = get_user_model()


class SignUpForm(BaseUserCreationForm):
    class Meta:
        model = User
        fields = ("first_name", "last_name", "email")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_email(self):
        # Whether the address has an account is never said here (it would tell anyone who
        # has an account): accounts.services.sign_up answers the same either way.
        return User.objects.normalize_email(self.cleaned_data["email"]).strip()

    def validate_unique(self):
        """The e-mail's uniqueness is the service's to handle, without saying so."""

    def save(self, commit=True):
        # The language of the pages they signed up on is theirs until they choose another:
        # their confirmation e-mail already speaks it.
        self.instance.language = languages.supported(translation.get_language())
        return super().save(commit=commit)


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("That e-mail address and password do not match an account. Check both and try again."),
        "inactive": _("This account is inactive."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("E-mail address")
        self.fields["username"].widget = forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})


class ProfileForm(UserForm):
    """Oscar's profile form (the "Profile and password" page) with the language for
    what is sent to the person; it replaces Oscar's through the class loader
    (marketplace.basket.loading)."""

    class Meta(UserForm.Meta):
        fields = [*UserForm.Meta.fields, "language"]


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The six digits your authenticator app shows now, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}),
    )


class SetupCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the app"),
        max_length=10,
        help_text=_("The six digits the app shows after you added the account."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class TwoFactorDisableForm(CodeForm):
    password = forms.CharField(
        label=_("Your password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    field_order = ["password", "code"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["code"].widget.attrs.pop("autofocus")

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password
