"""Form pieces every app's forms share."""

from django import forms


class OrganisationChoiceField(forms.ModelChoiceField):
    """The organisation a member acts for. With several, a choice; with one, nothing
    to choose: the field is hidden and cleans to that organisation whatever the
    browser sent (an empty hidden field once failed the contact form without a word)."""

    def __init__(self, **kwargs):
        super().__init__(queryset=None, empty_label=None, **kwargs)
        self.only = None

    def limit_to(self, organisations):
        self.queryset = organisations
        first_two = list(organisations[:2])
        self.initial = first_two[0] if first_two else None
        if len(first_two) == 1:
            self.only = first_two[0]
            self.widget = forms.HiddenInput()
            self.required = False

    def clean(self, value):
        return self.only if self.only is not None else super().clean(value)
