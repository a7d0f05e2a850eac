from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class ImageForm(BaseImageForm):
    """Every image in the library needs a description: it is the alt text wherever the
    image appears, unless an editor writes one for that place (WAGTAILIMAGES_IMAGE_FORM_BASE).
    Bulk uploads wait for it too (Wagtail keeps them aside until the form is valid)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            field = self.fields["description"]
            field.required = True
            field.label = _("Description (alt text)")
            field.help_text = _(
                "What the image shows, for people who cannot see it, e.g. “Two workers fitting a reclaimed oak floor”."
            )
