"""What suppliers write, in the reader's language when they wrote it, else in their own
(marketplace.core.content.written):

    {% load written %}
    {% written_in supplier "description" as description %}
    {% if description %}<div lang="{{ description.lang }}">{{ description|linebreaks }}</div>
    {% include "includes/written_in.html" with text=description %}{% endif %}

A product is written in its supplier's language: `{% written_in product "title" own=supplier.language as title %}`.
"""

from django import template

from marketplace.core import content

register = template.Library()


@register.simple_tag
def written_in(obj, field, own=""):
    """A content.Written (its text, its language, whether that is not the reader's); "" when nothing is written."""
    if obj is None or obj == "":
        return ""
    return content.written(obj, field, own=own) or ""
