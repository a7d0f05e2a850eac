"""Editorial test data: pages are added under their parent and published the way
editors publish them (a revision, then publish), so they are live and indexed."""

from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.rich_text import RichText

from cms.models import ArticlePage, CaseStudyPage, CaseStudySupplier

Image = get_image_model()


def image_create(*, title="Reclaimed oak floor", description="Two workers fitting a reclaimed oak floor"):
    buffer = BytesIO()
    PillowImage.new("RGB", (64, 36), "#2d7a61").save(buffer, "PNG")
    return Image.objects.create(title=title, description=description, file=ImageFile(buffer, name="test.png"))


def story_create(*, index, title, suppliers=(), publish=True, sectors=(), body=None, **fields):
    """A case study under `index` featuring `suppliers`, published unless publish=False (a draft)."""
    fields.setdefault("summary", f"How {title} came about.")
    page = CaseStudyPage(title=title, body=body or [("paragraph", RichText("<p>What changed.</p>"))], **fields)
    page.supplier_links = [CaseStudySupplier(supplier=supplier) for supplier in suppliers]
    page.sectors = list(sectors)
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    else:
        page.unpublish()  # add_child leaves a new page live: a draft has never been published
    page.refresh_from_db()
    return page


def article_create(*, index, title, intro="News of the platform.", publish=True, **fields):
    page = index.add_child(instance=ArticlePage(title=title, intro=intro, **fields))
    if publish:
        page.save_revision().publish()
    else:
        page.unpublish()
    return page


def page_translate(page, language, **fields):
    """`page`'s translation into `language` with `fields`, published (its parent must be translated first)."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=language))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation
