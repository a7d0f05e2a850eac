"""Oscar's product page in the dashboard, posted as a browser would."""

from django import forms

FORMSETS = ("category_formset", "image_formset", "recommended_formset", "stockrecord_formset")


def form_data(response):
    """The product page's form and formsets as a browser would submit them unchanged."""
    data = {}

    def add(form, hidden_only=False):
        for field in form:
            if isinstance(field.field, forms.FileField) or (hidden_only and not field.is_hidden):
                continue
            value = field.value()
            if isinstance(field.field, forms.BooleanField):
                if value:
                    data[field.html_name] = "on"
            elif isinstance(value, (list, tuple)):
                data[field.html_name] = [v for v in value if v is not None]
            else:
                data[field.html_name] = "" if value is None else value

    add(response.context["form"])
    for name in FORMSETS:
        formset = response.context[name]
        add(formset.management_form)
        for form in formset.forms:
            # A new stock record row that is left empty must stay out of the submission.
            add(form, hidden_only=name == "stockrecord_formset" and form.instance.pk is None)
    return data
