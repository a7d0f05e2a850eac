"""Test data for the organisations and accounts domain.

Suppliers and buyers are created through their services, as the site does, so that
every factory-made organisation has its Oscar partner, its administrator and its
served area exactly as a registered one would."""

import datetime
from decimal import Decimal

import factory
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from oscar.core.loading import get_model

from marketplace.networks import selectors as network_selectors
from marketplace.networks import services as network_services
from marketplace.networks.models import CharterVersion
from marketplace.organisations import services
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

User = get_user_model()
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")

PASSWORD = "pw-Responsible-1"
OPERATOR_EMAIL = "operator@responsible.example"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    class Params:
        staff = factory.Trait(is_staff=True)
        superuser = factory.Trait(is_staff=True, is_superuser=True)

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = PASSWORD

    @classmethod
    def _create(cls, model_class, *args, password=PASSWORD, **kwargs):
        user = model_class(*args, **kwargs)
        user.set_password(password)
        user.save()
        return user


def operator():
    """The staff user who verifies factory-made suppliers (one per test database)."""
    user = User.objects.filter(email=OPERATOR_EMAIL).first()
    return user or UserFactory(email=OPERATOR_EMAIL, first_name="Olga", last_name="Operator", staff=True)


class SectorFactory(DjangoModelFactory):
    """A top-level sector; `SectorFactory(sub=True)` or `SectorFactory(parent=food)` gives a sub-sector."""

    class Meta:
        model = Sector

    class Params:
        sub = factory.Trait(parent=factory.SubFactory("tests.factories.SectorFactory"))

    name = factory.Sequence(lambda n: f"Sector {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    parent = None


class ImpactAreaFactory(DjangoModelFactory):
    class Meta:
        model = ImpactArea

    name = factory.Sequence(lambda n: f"Impact area {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class LabelFactory(DjangoModelFactory):
    class Meta:
        model = Label

    name = factory.Sequence(lambda n: f"Label {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    issuer = "Label issuer"


class RegionFactory(DjangoModelFactory):
    class Meta:
        model = Region

    country = "FR"
    name = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class SupplierFactory(DjangoModelFactory):
    """A social enterprise registered through `services.supplier_create` and, by
    default, verified by an operator. `SupplierFactory(unverified=True)` leaves it
    waiting for verification; `created_by=None` registers it without an administrator
    (as the Django admin does)."""

    class Meta:
        model = Supplier
        skip_postgeneration_save = True

    class Params:
        unverified = factory.Trait(verified=False)

    name = factory.Sequence(lambda n: f"Social enterprise {n}")
    legal_form = Supplier.LegalForm.COOPERATIVE
    country = "FR"
    region = factory.SubFactory(RegionFactory, country=factory.SelfAttribute("..country"))
    language = "en"  # its texts below are English
    city = "Metz"
    description = "We repair bicycles and train people who were long unemployed."
    employees = 20
    employees_vulnerable = 12
    founded_year = 2010

    # Relations and the creator are handed to the service, not to the model.
    created_by = factory.SubFactory(UserFactory)
    sectors = factory.List([factory.SubFactory(SectorFactory)])
    impact_areas = ()
    labels = ()
    served_regions = None
    served_countries = None

    @classmethod
    def _create(
        cls,
        model_class,
        *args,
        created_by=None,
        sectors=(),
        impact_areas=(),
        labels=(),
        served_regions=None,
        served_countries=None,
        **kwargs,
    ):
        return services.supplier_create(
            supplier=model_class(*args, **kwargs),
            created_by=created_by,
            sectors=sectors,
            impact_areas=impact_areas,
            labels=labels,
            served_regions=served_regions,
            served_countries=served_countries,
        )

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        """An unsaved supplier, e.g. to validate it; the service-only arguments are dropped."""
        for name in ("created_by", "sectors", "impact_areas", "labels", "served_regions", "served_countries"):
            kwargs.pop(name)
        return model_class(*args, **kwargs)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        services.supplier_verify(supplier=obj, by=kwargs.get("by") or operator())
        obj.refresh_from_db()


class BuyerFactory(DjangoModelFactory):
    """A buying firm registered through `services.buyer_create`."""

    class Meta:
        model = Buyer

    name = factory.Sequence(lambda n: f"Buying firm {n}")
    country = "LU"
    city = "Luxembourg"
    vat_id = factory.Sequence(lambda n: f"LU{100000 + n}{(100000 + n) % 89:02d}")  # Luxembourg's check digits
    created_by = factory.SubFactory(UserFactory)

    @classmethod
    def _create(cls, model_class, *args, created_by=None, **kwargs):
        return services.buyer_create(buyer=model_class(*args, **kwargs), created_by=created_by)

    @classmethod
    def _build(cls, model_class, *args, created_by=None, **kwargs):
        return model_class(*args, **kwargs)


class MembershipFactory(DjangoModelFactory):
    """A member added through `services.membership_add`, which keeps the shop partner's users in step."""

    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(SupplierFactory)
    role = Role.MEMBER

    @classmethod
    def _create(cls, model_class, *, user, organisation, role):
        return services.membership_add(organisation=organisation, user=user, role=role)


class NetworkFactory(DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Network {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    tagline = "Social enterprises working together"
    countries = ["LU", "FR"]
    charter_title = "Our charter"
    charter = "Members put people before profit and reinvest their surplus."


class NetworkMembershipFactory(DjangoModelFactory):
    class Meta:
        model = NetworkMembership

    class Params:
        signed = factory.Trait(signed_on=datetime.date(2024, 3, 1))

    network = factory.SubFactory(NetworkFactory)
    supplier = factory.SubFactory(SupplierFactory)
    joined_on = datetime.date(2023, 1, 15)
    signed_on = None

    @classmethod
    def _create(cls, model_class, *args, signed_on=None, **kwargs):
        """`signed=True`: the member signed the network's current charter (its version 1,
        published on 1 January 2024, when it has none yet) on `signed_on`."""
        membership = super()._create(model_class, *args, **kwargs)
        if signed_on is not None:
            network = membership.network
            version = network_selectors.current_version(network) or CharterVersion.objects.create(
                network=network,
                number=1,
                title_en=network.charter_title or "Charter",
                text_en=network.charter or "We put people before profit.",
                published_at=datetime.datetime(2024, 1, 1, 12, tzinfo=datetime.UTC),
            )
            signed_at = datetime.datetime.combine(signed_on, datetime.time(12), tzinfo=datetime.UTC)
            network_services.charter_signature_import(
                supplier=membership.supplier, version=version, signed_at=signed_at
            )
            membership.refresh_from_db()
        return membership


class NetworkPartnerFactory(DjangoModelFactory):
    class Meta:
        model = NetworkPartner

    network = factory.SubFactory(NetworkFactory)
    name = factory.Sequence(lambda n: f"Partner bank {n}")
    kind = NetworkPartner.Kind.BANK
    country = "LU"


class ProductClassFactory(DjangoModelFactory):
    class Meta:
        model = ProductClass
        django_get_or_create = ("name",)

    name = "Goods"
    requires_shipping = True
    track_stock = True


class ProductFactory(DjangoModelFactory):
    class Meta:
        model = Product

    title = factory.Sequence(lambda n: f"Product {n}")
    product_class = factory.SubFactory(ProductClassFactory)
    structure = "standalone"
    is_public = True


def product_classes() -> dict:
    """Goods and Service (slug -> class), as the catalogue's data migration made them: read
    from the database (made again after every migrate and flush, see catalogue.apps), made
    here only if a test database was emptied otherwise. Running the migration's code for
    every product took a tenth of the suite's time."""
    from catalogue.services import KINDS, product_classes_ensure

    classes = {product_class.slug: product_class for product_class in ProductClass.objects.filter(slug__in=KINDS)}
    return classes if len(classes) == len(KINDS) else product_classes_ensure()


def product_for_supplier(
    *, supplier, price=Decimal("12.50"), num_in_stock=10, kind=None, attributes=None, **product_fields
):
    """An Oscar product sold by the supplier: a stock record of its partner, priced in EUR.

    `kind="goods"` or `kind="service"` files it in that product class (made by the
    catalogue's data migration) and `attributes={"unit": "box", "pricing_unit": "day"}`
    sets its attributes, cleaned by `catalogue.attributes.validate_attribute` as the
    dashboard and the import do."""
    from catalogue.attributes import validate_attribute

    if kind is not None:
        product_fields.setdefault("product_class", product_classes()[kind])
    product = ProductFactory(**product_fields)
    if attributes:
        for code, value in attributes.items():
            setattr(product.attr, code, validate_attribute(code, value))
        product.save()
    StockRecord.objects.create(
        product=product,
        partner=supplier.partner,
        partner_sku=f"SKU-{product.pk}",
        price_currency=settings.OSCAR_DEFAULT_CURRENCY,
        price=price,
        num_in_stock=num_in_stock,
    )
    return product


def goods_for_supplier(*, supplier, attributes=None, **kwargs):
    """Goods with a unit of sale (required) unless the test gives its own attributes."""
    return product_for_supplier(supplier=supplier, kind="goods", attributes=attributes or {"unit": "piece"}, **kwargs)


def service_for_supplier(*, supplier, attributes=None, **kwargs):
    """A service priced per day unless the test gives its own attributes."""
    return product_for_supplier(
        supplier=supplier, kind="service", attributes=attributes or {"pricing_unit": "day"}, **kwargs
    )
