"""What the Wagtail page editor posts, built with Wagtail's own form-data helpers."""

from django.urls import reverse
from django.utils.text import slugify
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def story_form_data(*, title, suppliers, buyer=None, action="", **fields):
    """A new story as the editor fills it in; `action` is the button: "action-submit"
    (submit for moderation), "action-publish", or "" (save draft)."""
    data = nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "summary": fields.pop("summary", f"How {title} came about."),
            "buyer": buyer.pk if buyer else "",
            "supplier_links": inline_formset([{"supplier": supplier.pk} for supplier in suppliers]),
            "body": streamfield([("paragraph", rich_text("<p>What changed.</p>"))]),
            "comments": inline_formset([]),
            **fields,
        }
    )
    if action:
        data[action] = "1"
    return data


def story_add_url(index):
    return reverse("wagtailadmin_pages:add", args=("cms", "casestudypage", index.pk))
