"""Builds the demo world from data.py through the same services the site uses.
Deterministic (one seeded random generator, drawn in a fixed order) and
idempotent: what exists already is left alone, so a second run adds nothing."""

import itertools
import random
import textwrap
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from oscar.core.loading import get_model
from PIL import Image, ImageDraw, ImageFont
from schwifty import IBAN
from wagtail.models import Locale

from catalogue.attributes import validate_attribute
from catalogue.services import categories_sync, category_for_sector, product_classes_ensure
from cms.models import CaseStudyPage
from cms.services import EDITORS, MODERATORS, editorial_roles_ensure, site_structure_ensure
from marketplace.accounts.services import operator_make
from marketplace.core import content
from marketplace.order.models import Purchase
from marketplace.organisations import services, vat_ids
from marketplace.organisations.models import (
    Buyer,
    ImpactArea,
    Label,
    Membership,
    Network,
    NetworkMembership,
    NetworkPartner,
    Region,
    Role,
    Sector,
    Supplier,
)

from . import data, network_translations
from .claims import claims_demo
from .deductions import deductions_demo
from .network_dashboard import network_spend_demo, published_figures_demo
from .networks import networks_demo
from .notifications import notifications_demo
from .purchases import purchase_placed
from .security import security_demo
from .sourcing import sourcing_demo
from .spend import spend_demo
from .stories import editorial_content_load
from .webhooks import webhooks_demo

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")
User = get_user_model()

SEED = 2026
PALETTE = ["#1d5e4b", "#2d7a61", "#8a5a14", "#3b5b8c", "#7a3b69", "#2f6f7a", "#5b6b2f", "#9c4a2f"]
SUB_SECTORS = [slug for _, _, children in data.SECTORS for _, slug in children]
PARENT_OF = {child: parent for _, parent, children in data.SECTORS for _, child in children}


@dataclass
class SupplierPlan:
    name: str
    country: str
    region_slug: str
    town: str
    legal_form: str
    sectors: list
    employees: int
    vulnerable: int
    founded: int
    verified: bool
    networks: list = field(default_factory=list)  # (network slug, signed charter)
    product_count: int = 3


# The shape of a demo VAT ID per country: "#" takes the supplier's digits in turn, "?" the
# check digits, which are found by trying each value until python-stdnum accepts the number.
DEMO_VAT_ID_SHAPES = {
    "BE": "BE0#######??", "DE": "DE########?", "FR": "FR??########?", "LU": "LU######??", "NL": "NL########?B01",
    "RS": "########?",
}  # fmt: skip


def _filled(shape: str, mark: str, values) -> str:
    values = iter(values)
    return "".join(next(values) if c == mark else c for c in shape)


def demo_vat_id(country: str, number: int) -> str:
    """A fictional VAT ID made of `number`'s digits (the next number's when no check digit fits)."""
    shape = DEMO_VAT_ID_SHAPES[country]
    candidates = (
        _filled(_filled(shape, "#", str(body)), "?", check)
        for body in itertools.count(number)
        for check in itertools.product("0123456789", repeat=shape.count("?"))
    )
    return vat_ids.validate_vat_id(next(c for c in candidates if vat_ids.is_valid_vat_id(c, country)), country)


def invoicing_details(country: str, index: int) -> dict:
    """A demo supplier's address, VAT ID and bank account: fictional, but each valid in
    form and check digits, so its invoices show what a real one must."""
    number = 10_000_000 + index * 7919  # eight digits, distinct per supplier
    bank_code, account_length = data.SUPPLIER_BANKS[country]
    account = str(number * 31 + index)[-account_length:].zfill(account_length)
    iban = IBAN.generate(country, bank_code=bank_code, account_code=account)
    postcodes = {
        "LU": f"{4000 + index % 900}", "FR": f"{57000 + index % 900}", "DE": f"{66000 + index % 900}",
        "BE": f"{6700 + index % 100}", "NL": f"{9700 + index % 100} AB", "RS": f"{18000 + index % 900}",
    }  # fmt: skip
    return {
        "street_address": f"{index % 90 + 1} {data.SUPPLIER_STREETS[country]}",
        "postcode": postcodes[country],
        "vat_id": demo_vat_id(country, number),
        "iban": iban.compact,
        "bic": iban.bic.compact if iban.bic else "",
    }


def in_languages(field: str, texts: dict) -> dict:
    """{column: text} of `field` from {language: text}."""
    return {content.column(field, language): text for language, text in texts.items()}


def translations_backfill(obj, columns: dict) -> None:
    """Sets the columns still empty: a demo loaded before it had translations gets them on
    the next run, and what an operator or supplier wrote stays."""
    missing = {column: text for column, text in columns.items() if not getattr(obj, column)}
    if missing:
        for column, text in missing.items():
            setattr(obj, column, text)
        obj.save()


def network_texts(spec: dict) -> dict:
    """A demo network's tagline, description and charter, in every language."""
    columns = in_languages("charter", {"en": data.CHARTER, **network_translations.CHARTER_TEXTS})
    for name in ("tagline", "description", "charter_title"):
        texts = {
            language: fields[name] for language, fields in network_translations.NETWORK_TEXTS[spec["slug"]].items()
        }
        columns |= in_languages(name, {"en": spec[name], **texts})
    return columns


def supplier_texts(plan: "SupplierPlan", sectors: list) -> dict:
    """A demo supplier's description, impact statement and who it employs, in every language."""
    columns = {}
    for language, sentence in data.SUPPLIER_DESCRIPTION.items():
        names = [data.SECTOR_NAMES[sector.slug][language] if language != "en" else sector.name_en for sector in sectors]
        if language in data.LOWERCASE_SECTORS:
            names = [name.lower() for name in names]
        groups = data.VULNERABLE_GROUPS_TRANSLATED[plan.legal_form] | {"en": data.VULNERABLE_GROUPS[plan.legal_form]}
        town = data.TOWNS_SR.get(plan.town, plan.town) if language == "sr" else plan.town
        columns[content.column("description", language)] = sentence.format(
            name=plan.name, town=town, sectors=data.AND[language].join(names), groups=groups[language]
        )
        columns[content.column("impact_statement", language)] = data.SUPPLIER_IMPACT[language].format(
            vulnerable=plan.vulnerable, employees=plan.employees
        )
        columns[content.column("vulnerable_groups", language)] = groups[language]
    return columns


def product_texts(title: str, unit: str, plan: "SupplierPlan") -> dict:
    """A demo product's title and description, in every language."""
    titles = {"en": title, **data.PRODUCT_TITLES[title]}
    units = {"en": unit, **data.UNITS[unit]}
    columns = in_languages("title", titles)
    for language, sentence in data.PRODUCT_DESCRIPTION.items():
        town = data.TOWNS_SR.get(plan.town, plan.town) if language == "sr" else plan.town
        columns[content.column("description", language)] = sentence.format(
            title=titles[language], name=plan.name, town=town, unit=units[language]
        )
    return columns


def _png(text: str, colour: str, size=(640, 480), font_size=56) -> bytes:
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=font_size)
    lines = textwrap.wrap(text, width=max(8, size[0] // (font_size // 2 + 4)))
    draw.multiline_text((size[0] // 14, size[1] // 6), "\n".join(lines[:5]), font=font, fill="#ffffff", spacing=10)
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()


class DemoLoader:
    def __init__(self, *, images: bool = True, log=print):
        self.rng = random.Random(SEED)
        self.images = images
        self.log = log

    @transaction.atomic
    def run(self) -> dict:
        home = self.site()  # first: the editors' page permissions hang on Wagtail's root page
        self.taxonomy()
        self.regions()
        self.networks()
        users = self.users()
        plans = self.plan_suppliers()
        suppliers = [self.supplier(plan, index) for index, plan in enumerate(plans)]
        self.make_demo_supplier_admins(suppliers, users)
        buyers = self.buyers(users)
        self.purchases(buyers, users)
        sourcing_demo(
            buyer=buyers[data.BUYERS[0][0]],
            officer=users["buyer"],
            demo_suppliers={
                key: Supplier.objects.get(memberships__user=users[key]) for key in ("supplier2", "supplier3")
            },
        )
        deductions_demo(buyer=buyers[data.BUYERS[0][0]], officer=users["buyer"], operator=users["operator"])
        spend_demo(buyer=buyers[data.BUYERS[0][0]], officer=users["buyer"])
        networks_demo(plans=plans, coordinator=users["coordinator"], funder=users["funder"], asker=users["supplier"])
        self.network_dashboard(buyers)
        claims_demo(
            operator=users["operator"], pending_supplier=Supplier.objects.get(memberships__user=users["supplier2"])
        )
        notifications_demo(supplier_person=users["supplier"], buyer_person=users["buyer"])
        webhooks_demo(supplier=Supplier.objects.get(memberships__user=users["supplier"]), admin=users["supplier"])
        editorial_content_load(home=home, suppliers=suppliers, buyers=buyers, images=self.images)
        security_demo(operator=users["operator"])
        return {
            "suppliers": Supplier.objects.count(),
            "verified suppliers": Supplier.objects.verified().count(),
            "products": Product.objects.count(),
            "buyers": Buyer.objects.count(),
            "networks": Network.objects.count(),
            "case studies": CaseStudyPage.objects.live().filter(locale=Locale.get_default()).count(),
            "purchases": Purchase.objects.count(),
        }

    # Vocabularies -----------------------------------------------------------

    def taxonomy(self):
        def sector(name, slug, **fields):
            names = in_languages("name", {"en": name, **data.SECTOR_NAMES[slug]})
            found, created = Sector.objects.get_or_create(slug=slug, defaults={**names, **fields})
            if not created:
                translations_backfill(found, names)
            return found

        for position, (name, slug, children) in enumerate(data.SECTORS):
            parent = sector(name, slug, position=position)
            for child_position, (child_name, child_slug) in enumerate(children):
                sector(child_name, child_slug, parent=parent, position=child_position)
        categories_sync()  # the shop's categories mirror the sectors, in every language
        for position, (name, slug) in enumerate(data.IMPACT_AREAS):
            names = in_languages("name", {"en": name, **data.IMPACT_AREA_NAMES[slug]})
            area, created = ImpactArea.objects.get_or_create(slug=slug, defaults={**names, "position": position})
            if not created:
                translations_backfill(area, names)
        for name, slug, issuer in data.LABELS:
            # A label keeps its own name where it has no local one.
            local = dict.fromkeys(data.TRANSLATED_LANGUAGES, name) | data.LABEL_NAMES.get(slug, {})
            texts = in_languages("name", {"en": name, **local}) | in_languages(
                "description", data.LABEL_DESCRIPTIONS[slug]
            )
            label, created = Label.objects.get_or_create(slug=slug, defaults={**texts, "issuer": issuer})
            if not created:
                translations_backfill(label, texts)
        classes = product_classes_ensure()
        self.goods, self.service = classes["goods"], classes["service"]

    def regions(self):
        for country, name, slug, nuts, _towns in data.REGIONS:
            names = in_languages("name", {"en": name, **data.REGION_NAMES[slug]})
            region, created = Region.objects.get_or_create(
                slug=slug, defaults={"country": country, **names, "nuts_code": nuts}
            )
            if not created:
                translations_backfill(region, names)

    def networks(self):
        for spec in data.NETWORKS:
            texts = network_texts(spec)
            network, created = Network.objects.get_or_create(
                slug=spec["slug"],
                defaults={"name": spec["name"], "countries": spec["countries"], "website": spec["website"], **texts},
            )
            if not created:
                translations_backfill(network, texts)
            if created:
                for position, (name, kind, country) in enumerate(spec["partners"]):
                    NetworkPartner.objects.create(
                        network=network, name=name, kind=kind, country=country, position=position
                    )

    # People -------------------------------------------------------------------

    def _user(self, email, first_name, last_name, **flags):
        user, created = User.objects.get_or_create(
            email=email, defaults={"first_name": first_name, "last_name": last_name, **flags}
        )
        if created:
            user.set_password(data.DEMO_PASSWORD)
            user.save()
        return user

    def users(self) -> dict:
        operator = self._user("operator@example.com", "Olga", "Operator")
        operator_make(user=operator)
        editor = self._user("editor@example.com", "Emil", "Editor")
        moderator = self._user("moderator@example.com", "Mona", "Moderator")
        roles = editorial_roles_ensure()
        editor.groups.add(roles[EDITORS])
        moderator.groups.add(roles[MODERATORS])
        return {
            "operator": operator,
            "editor": editor,
            "moderator": moderator,
            "buyer": self._user("buyer@example.com", "Bénédicte", "Buyer"),
            "buyer_lu": self._user("buyer-lu@example.com", "Lena", "Lux"),
            "supplier": self._user("supplier@example.com", "Sami", "Supplier"),
            "supplier2": self._user("supplier2@example.com", "Rosa", "Reuse"),
            "supplier3": self._user("supplier3@example.com", "Cem", "Cleaner"),
            "coordinator": self._user("coordinator@example.com", "Clara", "Coordinator"),
            "funder": self._user("funder@example.com", "Felix", "Funder"),
        }

    # Suppliers ----------------------------------------------------------------

    def plan_suppliers(self) -> list[SupplierPlan]:
        """Every random draw happens here, in a fixed order, before anything is
        looked up, so that reruns plan exactly the same suppliers."""
        rng = self.rng
        plans, names = [], set()
        for country_index, (country, count) in enumerate(data.SUPPLIERS_PER_COUNTRY.items()):
            regions = [r for r in data.REGIONS if r[0] == country]
            language = data.COUNTRY_LANGUAGE[country]
            for i in range(count):
                _, _, region_slug, _, towns = regions[i % len(regions)]
                town = towns[(i // len(regions)) % len(towns)]
                sector = SUB_SECTORS[(country_index * 5 + i) % len(SUB_SECTORS)]
                legal_form, suffix = rng.choice(data.LEGAL_FORMS[country])
                stems = data.NAME_STEMS[sector][language]
                name = f"{stems[0]} {town} {suffix}"
                if name in names:
                    name = f"{stems[1]} {town} {suffix}"
                names.add(name)
                siblings = [s for s in SUB_SECTORS if PARENT_OF[s] == PARENT_OF[sector] and s != sector]
                sectors = [sector] + ([rng.choice(siblings)] if rng.random() < 0.4 else [])
                employees = rng.randint(4, 180)
                plans.append(
                    SupplierPlan(
                        name=name,
                        country=country,
                        region_slug=region_slug,
                        town=town,
                        legal_form=legal_form,
                        sectors=sectors,
                        employees=employees,
                        vulnerable=round(employees * rng.uniform(0.3, 0.85)),
                        founded=rng.randint(1978, 2022),
                        verified=i != count - 1 or country not in {"FR", "NL", "RS"},
                        networks=self._plan_networks(country, rng),
                        product_count=4 if len(plans) % 2 == 0 else 3,
                    )
                )
        return plans

    @staticmethod
    def _plan_networks(country, rng):
        joined = []
        for spec in data.NETWORKS:
            if country in spec["member_countries"] and rng.random() < 0.85:
                joined.append((spec["slug"], rng.random() < 0.6))
        return joined

    def supplier(self, plan: SupplierPlan, index: int) -> Supplier:
        colour = PALETTE[index % len(PALETTE)]
        # Found by the slug it was created with, which no user edits: its members may rename it.
        existing = Supplier.objects.filter(slug=services.slug_base(plan.name)).first()
        latitude, longitude = data.demo_location(plan.town, index)
        if existing is not None:
            self.attributes_backfill(existing, plan, index)
            if not existing.has_location:  # loaded before suppliers had a location
                Supplier.objects.filter(pk=existing.pk).update(
                    latitude=latitude, longitude=longitude, location_source=Supplier.LocationSource.GEOCODED
                )
            translations_backfill(existing, supplier_texts(plan, self._sectors(plan)))
            if not existing.iban:  # loaded before suppliers had invoicing details
                Supplier.objects.filter(pk=existing.pk).update(**invoicing_details(plan.country, index))
            return existing
        region = Region.objects.get(slug=plan.region_slug)
        sector_objs = self._sectors(plan)
        impact = {"work-integration"}
        if plan.legal_form == "sheltered_workshop" or index % 3 == 0:
            impact.add("disability-employment")
        for sector in plan.sectors:
            impact.update(data.SECTOR_IMPACT[sector])
        labels = [data.COUNTRY_LABELS[plan.country]] if plan.country in data.COUNTRY_LABELS and index % 2 else []
        if index % 7 == 0:
            labels.append("b-corp")
        domain = slugify(plan.name)[:40]
        supplier = Supplier(
            name=plan.name,
            legal_form=plan.legal_form,
            country=plan.country,
            region=region,
            city=plan.town,
            latitude=latitude,
            longitude=longitude,
            location_source=Supplier.LocationSource.GEOCODED,  # as if found from its address
            founded_year=plan.founded,
            employees=plan.employees,
            employees_vulnerable=plan.vulnerable,
            language=data.COUNTRY_LANGUAGE[plan.country],
            **supplier_texts(plan, sector_objs),
            contact_name="Demo contact",
            email=f"contact@{domain}.example",
            phone="+352 20 00 00 00" if plan.country == "LU" else "",
            website=f"https://{domain}.example",
            **invoicing_details(plan.country, index),
        )
        if self.images:
            initials = "".join(word[0] for word in plan.name.split()[:2]).upper()
            supplier.logo = ContentFile(_png(initials, colour, size=(240, 240), font_size=96), name=f"{domain}.jpg")
        services.supplier_create(
            supplier=supplier,
            sectors=sector_objs,
            impact_areas=ImpactArea.objects.filter(slug__in=impact),
            labels=Label.objects.filter(slug__in=labels),
            served_regions=[region],
            served_countries=[plan.country] if index % 4 == 0 else [],
            ask_vies=False,  # fictional numbers
        )
        for slug, _signed in plan.networks:  # signed by networks_demo
            NetworkMembership.objects.create(
                network=Network.objects.get(slug=slug),
                supplier=supplier,
                joined_on=f"{max(plan.founded, 2015)}-03-01",
            )
        if plan.verified:
            operator = User.objects.get(email="operator@example.com")
            services.supplier_verify(supplier=supplier, by=operator)
        self.products(supplier, plan, index, colour)
        return supplier

    @staticmethod
    def _sectors(plan: SupplierPlan) -> list:
        """The supplier's sectors, its main one first."""
        return sorted(Sector.objects.filter(slug__in=plan.sectors), key=lambda s: plan.sectors.index(s.slug))

    @staticmethod
    def _offers(plan: SupplierPlan, index: int) -> list:
        """(sector slug, product spec) of each demo product of a supplier, in order."""
        primary, *secondary = plan.sectors
        offers = [(primary, t) for t in data.PRODUCTS[primary]][: plan.product_count - len(secondary)]
        return offers + [(sector, data.PRODUCTS[sector][index % 4]) for sector in secondary]

    def products(self, supplier: Supplier, plan: SupplierPlan, index: int, colour: str):
        """Mostly from the main sector, and one from the second sector if any."""
        for n, (sector_slug, (title, kind, unit, price)) in enumerate(self._offers(plan, index)):
            upc = f"DEMO-{index + 1:03d}-{n + 1}"
            existing = Product.objects.filter(upc=upc).first()
            if existing is not None:
                translations_backfill(existing, product_texts(title, unit, plan))
                continue
            sector = Sector.objects.select_related("parent").get(slug=sector_slug)
            product = Product.objects.create(
                upc=upc,
                **product_texts(title, unit, plan),
                structure=Product.STANDALONE,
                product_class=self.goods if kind == "goods" else self.service,
                is_public=True,
            )
            self.product_attributes(product, plan, index, n, sector, unit)
            ProductCategory.objects.create(product=product, category=category_for_sector(sector))
            # Demo prices vary a little between suppliers, like real ones.
            factor = Decimal(90 + (index * 7 + n * 3) % 21) / 100
            StockRecord.objects.create(
                product=product,
                partner=supplier.partner,
                partner_sku=upc,
                price=(Decimal(price) * factor).quantize(Decimal("0.01")),
                price_currency="EUR",
                num_in_stock=25 + (index * 37 + n * 11) % 400,
            )
            if self.images:
                ProductImage.objects.create(
                    product=product,
                    original=ContentFile(_png(title, colour), name=f"{upc.lower()}.jpg"),
                    # The alternative text says what the demo picture shows (its caption, see catalogue.services).
                    caption=f"Demo picture: the words “{title}” on a plain coloured background",
                    display_order=0,
                )

    def product_attributes(self, product, plan: SupplierPlan, index: int, n: int, sector: Sector, unit: str):
        """Plausible attributes drawn from the supplier's place and the product's
        position (not from the random generator, so a rerun or a backfill gives the
        same values)."""
        region = Region.objects.get(slug=plan.region_slug).name
        country = data.COUNTRY_NAMES[plan.country]
        if product.product_class_id == self.goods.pk:
            values = {
                "unit": unit,
                "minimum_order_quantity": [1, 5, 10, 20][(index + n) % 4],
                "lead_time_days": [1, 2, 3, 5, 7, 10, 14][(index * 3 + n) % 7],
                "delivery_area": region if (index + n) % 2 else country,
                "origin_region": f"{plan.town}, {region}",
            }
            if sector.slug in data.CIRCULAR_SECTORS:
                values["recycled_share"] = 60 + (index * 7 + n * 11) % 41
            elif sector.parent.slug != "food":
                values["recycled_share"] = (index * 5 + n * 3) % 5 * 10
            if sector.parent.slug == "food":
                # Food goods are taxed at the country's reduced rate, not the standard one.
                values["vat_rate"] = data.FOOD_VAT_RATES[plan.country]
                if index % 3 == 0:
                    values["certifications"] = "EU Organic"
            elif index % 5 == 0:
                values["certifications"] = "ISO 14001"
        else:
            values = {
                "pricing_unit": data.SERVICE_PRICING_UNITS[unit],
                "area_served": region if index % 4 else country,
                "capacity_per_month": [10, 20, 40, 80][(index + n) % 4],
                # Projects are priced case by case: half of them on quote only.
                "on_quote_only": unit == "project" and (index + n) % 2 == 0,
            }
        for code, value in values.items():
            setattr(product.attr, code, validate_attribute(code, value))
        product.attr.save()

    def attributes_backfill(self, supplier: Supplier, plan: SupplierPlan, index: int):
        """Demo products loaded before products had attributes get them on the next run."""
        bare = Product.objects.filter(stockrecords__partner=supplier.partner, attribute_values__isnull=True)
        offers = self._offers(plan, index)
        for product in bare.select_related("product_class"):
            n = int(product.upc.rsplit("-", 1)[1]) - 1
            sector_slug, (_title, _kind, unit, _price) = offers[n]
            sector = Sector.objects.select_related("parent").get(slug=sector_slug)
            self.product_attributes(product, plan, index, n, sector, unit)

    def make_demo_supplier_admins(self, suppliers, users):
        """supplier@, supplier2@ and supplier3@example.com administer one verified supplier
        each (food, reused materials, cleaning), so that one purchase can span all three."""
        for key, (sector, country) in data.DEMO_SUPPLIER_ADMINS.items():
            in_sector = [s for s in suppliers if s.verified and s.sectors.filter(slug=sector).exists()]
            demo = next((s for s in in_sector if s.country.code == country), in_sector[0])
            services.membership_add(organisation=demo, user=users[key], role=Role.ADMIN)

    # Buyers -------------------------------------------------------------------

    def buyers(self, users) -> dict:
        buyers = {}
        for name, country, city, public, description in data.BUYERS:
            street, postcode, vat_id = data.BUYER_BILLING[name]
            buyer = Buyer.objects.filter(slug=services.slug_base(name)).first()
            if buyer is None:
                buyer = services.buyer_create(
                    buyer=Buyer(
                        name=name,
                        country=country,
                        city=city,
                        is_public_body=public,
                        description=description,
                        billing_name=name,
                        street_address=street,
                        postcode=postcode,
                        vat_id=vat_id,
                        billing_street_address=street,
                        billing_postcode=postcode,
                        billing_city=city,
                        billing_country=country,
                        billing_email=f"invoices@{slugify(name)}.example",
                    ),
                    ask_vies=False,  # fictional numbers
                )
            buyers[name] = buyer
        for key, name in data.DEMO_BUYER_ADMINS.items():
            if not Membership.objects.filter(user=users[key], organisation=buyers[name]).exists():
                services.membership_add(organisation=buyers[name], user=users[key], role=Role.ADMIN)
        return buyers

    def network_dashboard(self, buyers):
        published_figures_demo()
        network_spend_demo(
            buyers=buyers, noorderzon_officer=self._user("inkoop@noorderzon.example", "Nina", "Noorderzon")
        )

    # Purchases ----------------------------------------------------------------

    def purchases(self, buyers, users):
        """Two purchases by invoice, so that the buyers' history, the dashboards and invoices
        show something: Acier Moselle's from the three demo suppliers, the first part
        accepted; Kredit Mosel's (Luxembourg) from a French, a German and a Serbian
        supplier, every part accepted, so that its invoices show the VAT of cross-border
        supplies (exempt intra-Community supply, reverse charge, export)."""
        demo_suppliers = [Supplier.objects.get(memberships__user=users[key]) for key in data.DEMO_SUPPLIER_ADMINS]
        self._purchase(buyers[data.BUYERS[0][0]], users["buyer"], demo_suppliers, "PO-DEMO-0001", accepted=1)
        abroad = [
            Supplier.objects.filter(country=country, verified=True, partner__stockrecords__isnull=False)
            .order_by("pk")
            .first()
            for country in data.CROSS_BORDER_DEMO_COUNTRIES
        ]
        lu_buyer = buyers[data.DEMO_BUYER_ADMINS["buyer_lu"]]
        self._purchase(lu_buyer, users["buyer_lu"], [s for s in abroad if s], "PO-KM-2026-117", accepted=3)

    def _purchase(self, buyer, officer, suppliers, reference, *, accepted: int):
        if Purchase.objects.filter(buyer=buyer).exists():
            return
        choices = [
            [record.product for record in supplier.partner.stockrecords.select_related("product").order_by("pk")]
            for supplier in suppliers
        ]
        purchase_placed(buyer=buyer, officer=officer, choices=choices, reference=reference, accepted=accepted)

    # Pages --------------------------------------------------------------------

    def site(self):
        return site_structure_ensure(
            hero_title="Buy from social enterprises, across borders",
            hero_text=(
                "Find verified social enterprises by sector, country and impact, order their goods and services "
                "online or ask them for a quote, and report the social impact of your spend."
            ),
        )
