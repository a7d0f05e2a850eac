"""The demo's editorial content: stories of cooperation between demo buyers and
demo suppliers (with figures, quotes and generated illustrations), news, the about,
charter and how-it-works pages, and two calls to action; every page also in French,
German, Dutch and Serbian (story_translations). Idempotent: what exists (by slug or
title, a translation by its locale) is left alone."""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.rich_text import RichText

from cms.models import ArticlePage, CallToAction, CaseStudyPage, CaseStudySupplier, StandardPage
from cms.services import article_index_ensure, case_study_index_ensure
from marketplace.organisations.models import Network, Sector

from . import story_translations

Image = get_image_model()


@dataclass(frozen=True)
class Story:
    title: str
    slug: str
    buyer: str
    partners: tuple  # (sector slug, country) of each social enterprise, found among the demo suppliers
    sectors: tuple
    countries: tuple
    period: tuple  # (start, end or None)
    figures: dict  # CaseStudyPage outcome fields
    quote: tuple  # (text, attribution)
    summary: str
    paragraphs: tuple
    picture: str  # what the generated illustration shows: its alt text
    palette: tuple  # sky, hills, sun


STORIES = [
    Story(
        "1,200 canteen meals a day from local farms", "canteen-meals-from-local-farms", "Acier Moselle SA",
        (("local-food-distribution", "FR"), ("catering", "FR")), ("local-food-distribution", "catering"), ("FR",),
        (datetime.date(2024, 3, 1), None),
        {"spend_eur": Decimal("412000"), "jobs": 11, "local_share": 78},
        ("Our canteens now feed people and the valley's farms at the same time.", "Head of procurement, Acier Moselle"),
        "Acier Moselle moved its three staff canteens to local, seasonal produce delivered by a work-integration "
        "food hub and a social caterer.",
        ("The steel maker's canteens served 1,200 meals a day with produce bought through a national wholesaler. "
         "Its procurement team wanted shorter supply chains and a measurable social effect.",
         "A food hub that trains long-term unemployed people now collects vegetables from 18 farms within 60 km "
         "and delivers them every morning; a social caterer cooks the Friday menu.",
         "After one year, 41 % of the food budget goes to social enterprises, and eleven people have moved from "
         "the hub into permanent jobs."),
        "Illustration: green hills under a yellow sun and a cream sky",
        ("#f6e7c1", "#2d7a61", "#f2b233"),
    ),
    Story(
        "An office fitted out with reused doors, floors and partitions", "office-fitted-out-with-reused-materials",
        "Kredit Mosel S.A.", (("reused-construction-materials", "LU"), ("renovation", "LU")),
        ("reused-construction-materials", "renovation"), ("LU",),
        (datetime.date(2023, 9, 1), datetime.date(2024, 4, 30)),
        {"spend_eur": Decimal("268500"), "work_hours": 4200, "material_reused_tonnes": Decimal("46.5")},
        ("Nobody believes the floor is second-hand until we tell them.", "Facilities manager, Kredit Mosel"),
        "Kredit Mosel renovated two floors of its head office with reclaimed materials supplied and fitted by social "
        "enterprises.",
        ("When Kredit Mosel moved teams between floors, the architect proposed to reuse rather than buy new.",
         "A materials bank supplied 340 m² of reclaimed oak flooring and 28 inspected doors; a renovation team of "
         "people returning to work fitted them.",
         "The project avoided an estimated 31 tonnes of CO₂ and gave 4,200 hours of paid work to people from "
         "vulnerable groups."),
        "Illustration: brown hills under a yellow sun and a pale grey sky",
        ("#e8eef2", "#8a5a14", "#f2b233"),
    ),
    Story(
        "Offices cleaned by a team of fourteen people with disabilities", "cleaning-team-people-with-disabilities",
        "Noorderzon Logistiek BV", (("office-cleaning", "NL"),), ("office-cleaning",), ("NL",),
        (datetime.date(2022, 1, 1), None),
        {"spend_eur": Decimal("186000"), "jobs": 12, "local_share": 100},
        ("The team knows our warehouse better than most of our own staff.", "Site manager, Noorderzon Logistiek"),
        "Noorderzon Logistiek gave the cleaning of its Groningen offices and warehouse canteens to a social "
        "enterprise employing people with disabilities.",
        ("Noorderzon wanted a cleaning contract that would also count towards its social-return commitments.",
         "The contract covers 6,500 m² of offices and canteens, cleaned every evening by a team of fourteen, "
         "twelve of whom have a disability.",
         "Staff satisfaction with cleanliness rose from 3.4 to 4.3 out of 5, and the contract was renewed for "
         "three years."),
        "Illustration: blue hills under a pale yellow sun",
        ("#dfe6f5", "#3b5b8c", "#f7d774"),
    ),
    Story(
        "Cross-border catering for a Grande Région conference", "cross-border-conference-catering",
        "Eurodistrict Mosel-Saar", (("catering", "LU"), ("catering", "DE"), ("bakery-food-processing", "FR")),
        ("catering", "bakery-food-processing"), ("LU", "DE", "FR"),
        (datetime.date(2024, 10, 1), datetime.date(2024, 10, 31)),
        {"spend_eur": Decimal("18900"), "work_hours": 640, "local_share": 100},
        ("Three countries, three kitchens, one menu: the guests talked about the food for weeks.",
         "Events officer, Eurodistrict Mosel-Saar"),
        "Three social caterers from Luxembourg, Saarland and Lorraine fed 450 guests of the Eurodistrict's annual "
        "conference together.",
        ("The Eurodistrict's procurement rules asked for one supplier; the cluster proposed a consortium of three.",
         "Each caterer cooked one course with produce from its own region; a bakery from Lorraine supplied the bread.",
         "The conference's catering budget of €18,900 went entirely to social enterprises in three countries."),
        "Illustration: purple hills under a yellow sun and a peach sky",
        ("#fbe9d8", "#7a3b69", "#f2b233"),
    ),
    Story(
        "Refurbished laptops for three hundred employees", "refurbished-laptops", "Noorderzon Logistiek BV",
        (("it-refurbishment", "NL"),), ("it-refurbishment",), ("NL",),
        (datetime.date(2024, 5, 1), datetime.date(2024, 8, 31)),
        {"spend_eur": Decimal("96300"), "jobs": 4, "material_reused_tonnes": Decimal("0.7")},
        ("Same work, a third cheaper, and young people trained on our machines.", "IT manager, Noorderzon Logistiek"),
        "Instead of buying new, Noorderzon equips its warehouse staff with refurbished laptops prepared by a "
        "social enterprise.",
        ("The IT department needed 300 laptops for staff who had shared terminals until then.",
         "A refurbishment workshop that trains young people without qualifications supplied tested laptops with a "
         "two-year warranty and took back the old terminals for certified data wiping.",
         "The purchase cost 38 % less than new equipment and kept about 60 tonnes of CO₂ out of the air."),
        "Illustration: teal hills under a pale yellow sun",
        ("#e3f1f3", "#2f6f7a", "#f7d774"),
    ),
    Story(
        "Workwear sewn by women from rural Vojvodina", "workwear-sewn-in-vojvodina", "Acier Moselle SA",
        (("workwear", "RS"),), ("workwear",), ("RS", "FR"), (datetime.date(2023, 2, 1), None),
        {"spend_eur": Decimal("54000"), "jobs": 23},
        ("This order gave us our first customer abroad, and the courage to find the next.",
         "Chair of the sewing cooperative"),
        "Acier Moselle buys the jackets and aprons of its canteen and logistics staff from a sewing cooperative "
        "in Vojvodina.",
        ("KASPEV introduced the steel maker to a cooperative that employs women from rural areas around Novi Sad.",
         "The cooperative makes 900 organic cotton jackets and aprons a year to Acier Moselle's specifications.",
         "The order gives steady work to 23 seamstresses and opened the cooperative's first export market."),
        "Illustration: olive hills under an orange sun and a cream sky",
        ("#f5efd9", "#5b6b2f", "#e9902f"),
    ),
    Story(
        "Reclaimed bricks and timber for a school extension", "reclaimed-materials-school-extension",
        "Eurodistrict Mosel-Saar", (("reused-construction-materials", "DE"), ("renovation", "DE")),
        ("reused-construction-materials", "renovation"), ("DE",),
        (datetime.date(2024, 4, 1), datetime.date(2025, 2, 28)),
        {"spend_eur": Decimal("142000"), "work_hours": 3100, "material_reused_tonnes": Decimal("82"),
         "local_share": 91},
        ("Public buildings should show what the circular economy can do.", "Building department, Eurodistrict"),
        "A border school's new wing was built with bricks and beams recovered from a demolished depot, cleaned and "
        "laid by a workshop for people with disabilities.",
        ("The Eurodistrict needed two classrooms quickly and wanted a building that would teach something too.",
         "A materials exchange recovered 82 tonnes of bricks and timber from a depot due for demolition; its team, "
         "most of whom work with a disability, cleaned and graded them.",
         "A renovation enterprise that hires people returning to work laid the walls; the pupils now learn where "
         "their classroom came from."),
        "Illustration: brick-red hills under a yellow sun and a pink sky",
        ("#f3e3dc", "#9c4a2f", "#f2b233"),
    ),
    Story(
        "Bank linen washed by a laundry that employs people with disabilities", "linen-washed-by-inclusive-laundry",
        "Kredit Mosel S.A.", (("laundry", "LU"),), ("laundry",), ("LU",), (datetime.date(2023, 6, 1), None),
        {"spend_eur": Decimal("38400"), "jobs": 6, "local_share": 100},
        ("The linen comes back on time, every week, and we know who washed it.", "Office services, Kredit Mosel"),
        "Kredit Mosel sends the table linen of its staff restaurant and the towels of its gym to a social laundry "
        "in Luxembourg.",
        ("The bank's restaurant and gym used a commercial laundry 80 km away.",
         "A social laundry in the city now collects twice a week by electric van; six of its employees have a "
         "disability and are trained on the machines.",
         "The switch cut transport by 9,000 km a year and made the contract one of the laundry's largest."),
        "Illustration: dark green hills under a pale yellow sun",
        ("#e6f0ee", "#1d5e4b", "#f7d774"),
    ),
]  # fmt: skip

ARTICLES = [
    ("KASPEV's members now sell across the Grande Région", "kaspev-members-sell-across-borders",
     datetime.date(2025, 1, 20),
     "The Serbian cluster's social enterprises can now be ordered from by firms in Luxembourg, France, Germany and "
     "Belgium.",
     ("Members of KASPEV list their goods and services on Responsible and receive orders and requests for quotes "
      "from buyers of the Grande Région.",
      "Their first export contract, workwear for a steel maker in Lorraine, is told in our stories."),
     "Illustration: blue hills under an orange sun and a cream sky", ("#fdf0dc", "#3b5b8c", "#e9902f")),
    ("Stories now lead to the shop", "stories-lead-to-the-shop", datetime.date(2025, 3, 4),
     "Every story of cooperation now links to the profiles of its social enterprises and to their goods and "
     "services.",
     ("Procurement officers told us the stories made them want to buy the same: now they can, from the story.",
      "Each social enterprise in a story shows a few of its products and a link to its whole offer."),
     "Illustration: green hills under a yellow sun and a pale sky", ("#eef2f0", "#2d7a61", "#f2b233")),
]  # fmt: skip

CALLS_TO_ACTION = [
    ("Are you a social enterprise?", "Register your social enterprise",
     "List your goods and services and receive orders from firms across the border.", "/join/social-enterprise/"),
    ("Buying for your firm?", "Register your company as a buyer",
     "Order from verified social enterprises and report the social impact of your spend.", "/join/buyer/"),
]  # fmt: skip


def _illustration(palette: tuple, seed: int) -> bytes:
    """A landscape drawn locally (no network): a sky gradient, a sun and rolling hills."""
    sky, hills, sun = (PillowImage.new("RGB", (1, 1), colour).getpixel((0, 0)) for colour in palette)
    width, height = 1600, 900
    image = PillowImage.new("RGB", (width, height), sky)
    draw = ImageDraw.Draw(image)
    for y in range(height):  # the sky lightens towards the horizon
        shade = tuple(min(255, c + (y * 40) // height) for c in sky)
        draw.line([(0, y), (width, y)], fill=shade)
    rng = random.Random(seed)
    sun_x, sun_y = rng.randint(200, width - 200), rng.randint(120, 320)
    draw.ellipse([sun_x - 110, sun_y - 110, sun_x + 110, sun_y + 110], fill=sun)
    for layer in range(3):
        base = height * (0.55 + 0.13 * layer)
        darken = 1 - 0.18 * layer
        colour = tuple(int(c * darken) for c in hills)
        points = [(0, height)]
        for x in range(0, width + 100, 100):
            points.append((x, base + rng.randint(-60, 40)))
        points.append((width, height))
        draw.polygon(points, fill=colour)
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def _image(title: str, picture: str, palette: tuple, seed: int):
    image = Image.objects.filter(title=title).first()
    if image is None:
        data = _illustration(palette, seed)
        image = Image(title=title, description=picture)
        image.file = ImageFile(BytesIO(data), name=f"demo-{seed}.jpg")
        image.save()
    return image


def _paragraphs(texts):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in texts]


def _partners(suppliers, wanted):
    """The first verified supplier of each (sector, country), each taken once: a story names real partners."""
    chosen = []
    for sector, country in wanted:
        supplier = next(
            (
                s
                for s in suppliers
                if s.verified
                and s.country.code == country
                and s not in chosen
                and s.sectors.filter(slug=sector).exists()
            ),
            None,
        )
        if supplier is None:
            raise LookupError(f"The demo plan has no verified {sector} supplier in {country} for a story.")
        chosen.append(supplier)
    return chosen


def editorial_content_load(*, home, suppliers, buyers, images: bool = True):
    ctas = _calls_to_action()
    _stories(home, suppliers, buyers, images, ctas)
    _news(home, images)
    _standard_pages(home, ctas)
    _translations(home)


def _calls_to_action():
    ctas = []
    for title, label, text, url in CALLS_TO_ACTION:
        cta, _ = CallToAction.objects.get_or_create(
            title=title, locale=Locale.get_default(), defaults={"button_label": label, "text": text, "link_url": url}
        )
        for language, texts in story_translations.CALLS_TO_ACTION[title].items():
            locale = Locale.objects.get(language_code=language)
            if cta.get_translation_or_none(locale) is None:
                translation = cta.copy_for_translation(locale)
                translation.title, translation.button_label, translation.text = texts
                translation.save()
        ctas.append(cta)
    return ctas


def _stories(home, suppliers, buyers, images, ctas):
    index = case_study_index_ensure(
        home=home,
        title="Stories of cooperation",
        intro="How firms and public bodies work with social enterprises, and what it changed.",
    )
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    for seed, story in enumerate(STORIES):
        if CaseStudyPage.objects.filter(slug=story.slug).exists():
            continue
        start, end = story.period
        page = CaseStudyPage(
            title=story.title,
            slug=story.slug,
            summary=story.summary,
            buyer=buyers[story.buyer],
            countries=list(story.countries),
            period_start=start,
            period_end=end,
            quote=story.quote[0],
            quote_attribution=story.quote[1],
            hero_image=_image(story.title, story.picture, story.palette, seed) if images else None,
            body=[*_paragraphs(story.paragraphs), ("call_to_action", {"call_to_action": ctas[seed % len(ctas)]})],
            **story.figures,
        )
        page.supplier_links = [CaseStudySupplier(supplier=s) for s in _partners(suppliers, story.partners)]
        page.sectors = [sectors[slug] for slug in story.sectors]
        index.add_child(instance=page)
        page.save_revision().publish()


def _news(home, images):
    index = article_index_ensure(home=home, title="News", intro="What is new on Responsible and in its networks.")
    for seed, (title, slug, date, intro, paragraphs, picture, palette) in enumerate(ARTICLES, start=len(STORIES)):
        if ArticlePage.objects.filter(slug=slug).exists():
            continue
        page = index.add_child(
            instance=ArticlePage(
                title=title,
                slug=slug,
                date=date,
                intro=intro,
                body=_paragraphs(paragraphs),
                hero_image=_image(title, picture, palette, seed) if images else None,
            )
        )
        page.save_revision().publish()


def _standard_pages(home, ctas):
    pages = [
        ("About Responsible", "about", "Responsible connects procurement officers with social enterprises.",
         [*_paragraphs(["Clusters of social enterprises join Responsible so that firms buy from their members. "
                        "Operators verify every enterprise before it is listed."]),
          ("call_to_action", {"call_to_action": ctas[1]})]),
        ("How it works", "how-it-works", "Find, compare, order or ask for a quote, and report your impact.",
         [*_paragraphs(["Search the directory by sector, country and impact, or browse the shop.",
                        "Order goods and services from several social enterprises in one basket; each confirms "
                        "and invoices its own part.",
                        "Every purchase counts towards your firm's social-impact report."]),
          ("call_to_action", {"call_to_action": ctas[0]})]),
        ("Our networks' charters", "charter",
         "What the members of each network have signed: people before profit, surplus reinvested.",
         [("network_charter", {"network": network}) for network in Network.objects.order_by("name")]),
    ]  # fmt: skip
    for title, slug, intro, body in pages:
        if StandardPage.objects.filter(slug=slug).exists():
            continue
        page = home.add_child(instance=StandardPage(title=title, slug=slug, intro=intro, body=body))
        page.save_revision().publish()


def _translations(home):
    """Each page in each language of story_translations, parents before their children
    (a translation goes under its parent's translation)."""
    for language, fields in story_translations.HOME.items():
        _translate(home, language, **fields)
    for slug, by_language in story_translations.INDEXES.items():
        index = home.get_children().get(slug=slug).specific
        for language, (title, intro) in by_language.items():
            _translate(index, language, title=title, intro=intro)
    pages = [
        *((CaseStudyPage, slug, texts) for slug, texts in story_translations.STORIES.items()),
        *((ArticlePage, slug, texts) for slug, texts in story_translations.ARTICLES.items()),
        *((StandardPage, slug, texts) for slug, texts in story_translations.STANDARD_PAGES.items()),
    ]
    for model, slug, by_language in pages:
        page = model.objects.get(slug=slug, locale=Locale.get_default())
        for language, fields in by_language.items():
            _translate(page, language, **fields)


def _translate(page, language, *, paragraphs=(), **fields):
    """`page`'s translation into `language`, published, with `fields` and the body's
    paragraphs translated; the body's other blocks (calls to action, charters) are the
    source's. Left alone when the translation exists."""
    locale = Locale.objects.get(language_code=language)
    if page.get_translation_or_none(locale) is not None:
        return
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    if paragraphs:
        others = [(block.block_type, block.value) for block in page.body if block.block_type != "paragraph"]
        translation.body = [*_paragraphs(paragraphs), *others]
    translation.save_revision().publish()
