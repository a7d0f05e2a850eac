import importlib
from collections import Counter
from contextlib import redirect_stdout
from datetime import timedelta
from decimal import Decimal
from io import StringIO
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import Client, TestCase, override_settings
from django.utils.html import escape
from oscar.core.loading import get_model
from wagtail.models import Locale, Page

from catalogue.attributes import PRICING_UNITS
from cms.models import CaseStudyPage, HomePage
from cms.models.base import EditorialPage
from marketplace.demo.data import DEMO_PASSWORD
from marketplace.demo.management.commands.load_demo import DEMO_LOGINS
from marketplace.organisations.models import Buyer, Membership, Network, Sector, Supplier

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
pytestmark = pytest.mark.django_db


def row_counts():
    tables = [model for model in apps.get_models() if model._meta.managed and not model._meta.proxy]
    return {model._meta.label: model._default_manager.count() for model in tables}


@pytest.fixture(scope="module")
def demo_run(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the demo twice, once for the whole module, inside a transaction
    that is rolled back afterwards so that other tests start clean. The first run
    sends its e-mails as under `make run` (the development settings' delivery, into
    a scratch folder) and keeps everything it printed."""
    mail_folder = tmp_path_factory.mktemp("mail")
    printed = StringIO()
    as_in_development = override_settings(
        EMAIL_BACKEND="marketplace.core.mail.RecordingBackend",
        EMAIL_DELIVERY_BACKEND=importlib.import_module("marketplace.settings.dev").EMAIL_DELIVERY_BACKEND,
        EMAIL_FILE_PATH=str(mail_folder),
    )
    with django_db_blocker.unblock(), transaction.atomic():
        # The console backend writes to sys.stdout, not to the command's stdout.
        with as_in_development, redirect_stdout(printed), TestCase.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", stdout=printed)
        first = row_counts()
        call_command("load_demo", stdout=StringIO())
        yield SimpleNamespace(first=first, second=row_counts(), printed=printed.getvalue(), mail_folder=mail_folder)
        transaction.set_rollback(True)


@pytest.fixture
def demo_counts(demo_run):
    return demo_run.first, demo_run.second


def test_the_demo_prints_its_logins_once_and_writes_its_e_mails_to_files_not_the_terminal(demo_run):
    assert len(list(demo_run.mail_folder.glob("*.eml"))) >= 10  # the demo purchases' and quotes' e-mails
    assert "Subject:" not in demo_run.printed and "Purchase 100001 placed" not in demo_run.printed
    for email, _role in DEMO_LOGINS:
        assert demo_run.printed.count(email) == 1, email
    assert len(demo_run.printed.splitlines()) < 15, demo_run.printed


def test_second_run_changes_no_counts(demo_counts):
    first, second = demo_counts
    changed = {label: (first[label], second[label]) for label in first if first[label] != second[label]}
    assert changed == {}
    assert first["organisations.Supplier"] > 0


def test_networks_and_suppliers_span_six_countries(demo_counts):
    assert set(Network.objects.values_list("name", flat=True)) == {
        "SSE Cluster Grande Région",
        "Impact Noord",
        "KASPEV",
    }
    suppliers = Supplier.objects.all()
    assert suppliers.count() >= 60
    assert {s.country.code for s in suppliers} == {"LU", "FR", "DE", "BE", "NL", "RS"}
    used_sectors = Sector.objects.filter(suppliers__isnull=False, parent__isnull=False).distinct()
    assert used_sectors.count() >= 10
    # Every supplier of a cluster country belongs to that country's network or to none.
    grande_region = Network.objects.get(slug="sse-cluster-grande-region").members.all()
    assert {s.country.code for s in grande_region} <= {"LU", "FR", "DE", "BE"}
    # A few wait for verification, so operators have something to verify.
    assert 0 < Supplier.objects.filter(verified=False).count() < 10


def test_products_are_priced_in_euro_with_stock_and_belong_to_one_supplier(demo_counts):
    assert Product.objects.count() >= 200
    records = StockRecord.objects.all()
    assert Counter(records.values_list("price_currency", flat=True)) == {"EUR": records.count()}
    assert not records.filter(num_in_stock__isnull=True).exists()
    assert not records.filter(price__lte=0).exists()
    per_product = Counter(records.values_list("product_id", flat=True))
    assert set(per_product.values()) == {1}
    assert not records.filter(partner__supplier__isnull=True).exists()


def test_buyers_pages_and_stories(demo_counts):
    assert Buyer.objects.count() >= 3
    english = Locale.get_default()
    assert HomePage.objects.live().filter(locale=english).count() == 1
    stories = CaseStudyPage.objects.live().filter(locale=english)
    assert stories.count() >= 6
    for story in stories:
        assert story.buyer is not None
        assert story.suppliers and all(supplier.verified for supplier in story.suppliers)
        assert story.hero_image.description  # the illustration's alt text
    response = Client().get("/stories/")
    assert response.status_code == 200
    for story in stories:
        assert story.title in response.content.decode()


def test_every_demo_page_is_translated_into_each_language_and_read_in_it(demo_counts):
    pages = Page.objects.live().type(EditorialPage).filter(locale=Locale.get_default())
    for language in ("fr", "de", "nl", "sr"):
        translated = Page.objects.live().filter(locale__language_code=language).values("translation_key")
        assert not pages.exclude(translation_key__in=translated)
    html = Client().get("/fr/stories/").content.decode()
    for story in CaseStudyPage.objects.live().filter(locale__language_code="fr"):
        assert escape(story.title) in html
    assert "Refurbished laptops" not in html


@pytest.mark.parametrize(
    "email, check",
    [
        ("buyer@example.com", lambda user: Membership.objects.filter(user=user, organisation__kind="buyer").exists()),
        (
            "buyer-lu@example.com",
            lambda user: Membership.objects.filter(user=user, organisation__buyer__country="LU").exists(),
        ),
        (
            "supplier@example.com",
            lambda user: (
                Supplier.objects.filter(memberships__user=user, memberships__role="admin", verified=True)
                .exclude(partner__stockrecords=None)
                .exists()
            ),
        ),
        *[
            (email, lambda user: Supplier.objects.filter(memberships__user=user, verified=True).exists())
            for email in ("supplier2@example.com", "supplier3@example.com")
        ],
        ("editor@example.com", lambda user: user.has_perm("wagtailadmin.access_admin") and not user.is_staff),
        (
            "operator@example.com",
            lambda user: user.is_staff and not user.is_superuser and user.has_perm("organisations.change_supplier"),
        ),
    ],
)
def test_demo_users_sign_in_with_their_role(demo_counts, email, check):
    user = get_user_model().objects.get(email=email)
    assert check(user)
    client = Client()
    response = client.post("/accounts/sign-in/", {"username": email, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.get("/accounts/").status_code == 200


def test_every_supplier_sells_goods_or_services_with_their_attributes(demo_counts):
    from catalogue.attributes import GOODS_CODES, SERVICE_CODES, validate_attribute

    for supplier in Supplier.objects.select_related("partner"):
        assert Product.objects.filter(stockrecords__partner=supplier.partner).exists(), supplier.name
    products = Product.objects.select_related("product_class").prefetch_attribute_values()
    quotes = 0
    for product in products:
        codes = GOODS_CODES if product.product_class.slug == "goods" else SERVICE_CODES
        values = {code: getattr(product.attr, code) for code in codes if hasattr(product.attr, code)}
        assert "unit" in values or "pricing_unit" in values, product.title
        for code, value in values.items():
            validate_attribute(code, value)  # within the ranges a supplier could enter
        quotes += bool(values.get("on_quote_only"))
    assert quotes > 0


def test_food_is_sold_at_a_reduced_vat_rate(demo_counts):
    from oscar.core.loading import get_class

    strategy = get_class("partner.strategy", "Selector")().strategy()
    boxes = Product.objects.filter(title="Seasonal vegetable box for the office")
    lu_box = boxes.filter(stockrecords__partner__supplier__country="LU").first()
    fr_box = boxes.filter(stockrecords__partner__supplier__country="FR").first()
    assert strategy.fetch_for_product(lu_box).price.tax_rate == 3
    assert strategy.fetch_for_product(fr_box).price.tax_rate == Decimal("5.5")


def test_the_buyer_has_a_purchase_from_the_three_demo_suppliers(demo_counts):
    from marketplace.order.models import PartStatus, Purchase

    # Not the demo award's, nor the purchase from the ESAT of the deductions' demo.
    purchase = Purchase.objects.exclude(purchase_order_reference="PO-DEMO-ESAT").get(
        placed_by__email="buyer@example.com", award=None
    )
    suppliers = {part.supplier for part in purchase.parts.all()}
    assert suppliers == {
        Supplier.objects.get(memberships__user__email=email)
        for email in ("supplier@example.com", "supplier2@example.com", "supplier3@example.com")
    }
    first = purchase.parts.order_by("number").first()
    assert first.status == PartStatus.ACCEPTED and first.invoice_or_none.total_incl_tax == first.total_incl_tax


def test_the_luxembourg_buyer_has_invoices_from_france_germany_and_serbia_with_their_vat(demo_counts):
    from marketplace.payments.einvoices import invoice_cii, invoice_ubl
    from marketplace.payments.invoices import invoice_lines, vat_mentions
    from marketplace.payments.models import Invoice
    from tests.payments.einvoice_rules import CII_RULES, UBL_RULES, broken_rules

    invoices = Invoice.objects.filter(order__purchase__buyer__country="LU", kind=Invoice.Kind.INVOICE)
    by_country = {invoice.seller["country"]: invoice for invoice in invoices}
    assert set(by_country) == {"FR", "DE", "RS"}
    for invoice in by_country.values():
        # A LU business with a valid VAT ID pays no VAT to a foreign supplier: each line is
        # exempt, reverse-charged or outside the scope, and the invoice says why.
        assert invoice.total_tax == 0 and invoice.buyer["vat_id"] == "LU20123405"
        assert vat_mentions(invoice_lines(invoice)), invoice.seller["name"]
        assert invoice.buyer["purchase_order_reference"] == "PO-KM-2026-117"
        # Its e-invoices hold under EN 16931 and Peppol's rules.
        assert broken_rules(invoice_ubl(invoice), UBL_RULES) == [], invoice.seller["name"]
        assert broken_rules(invoice_cii(invoice), CII_RULES) == [], invoice.seller["name"]


def test_a_rerun_keeps_what_users_changed_and_fails_on_none_of_it(demo_counts):
    """Users edit demo rows between two `make run`s: the demo finds its rows by what
    they cannot change (slugs, product codes, e-mails), never by names."""
    supplier = Supplier.objects.get(memberships__user__email="supplier@example.com")
    supplier.name = "Panier Solidaire, renamed by its members"
    supplier.save()
    product = Product.objects.filter(stockrecords__partner=supplier.partner).order_by("pk").first()
    product.title = "Renamed basket"
    product.save()
    product.stockrecords.update(price=Decimal("99.99"))
    gone = Product.objects.filter(stockrecords__partner=supplier.partner).order_by("pk").last()
    gone.delete()
    buyer = Buyer.objects.get(memberships__user__email="buyer@example.com")
    buyer.name = "Acier Moselle, new name"
    buyer.save()
    network = Network.objects.get(slug="impact-noord")
    network.name = "Impact Noord Netwerk"
    network.save()
    need = buyer.needs.order_by("pk").first()
    need.title = "A need the officer renamed"
    need.save()
    before = row_counts()

    call_command("load_demo", stdout=StringIO())

    assert row_counts() == before
    assert Supplier.objects.get(pk=supplier.pk).name == "Panier Solidaire, renamed by its members"
    product.refresh_from_db()
    assert product.title == "Renamed basket" and product.stockrecords.get().price == Decimal("99.99")
    assert not Product.objects.filter(upc=gone.upc).exists()
    assert Buyer.objects.get(pk=buyer.pk).name == "Acier Moselle, new name"
    assert Network.objects.get(pk=network.pk).name == "Impact Noord Netwerk"


def test_every_service_shows_the_unit_it_is_sold_in(demo_counts):
    """A title "…, per m²" is priced per m² on its page, not "per visit"."""
    client = Client()
    services = Product.objects.filter(
        product_class__slug="service", title__contains=", per ", stockrecords__partner__supplier__verified=True
    )
    checked = Counter()
    for product in services.prefetch_attribute_values():
        title_unit = product.title.rsplit(", per ", 1)[1]  # "m²", "hour", "1,000 pages", "pick-up"…
        shown = str(PRICING_UNITS[product.attr.pricing_unit.code])
        page = client.get(product.get_absolute_url()).content.decode()
        assert shown in page, product.title
        if title_unit in ("m²", "hour", "day", "kg", "person", "page", "room", "set", "device"):
            assert shown == f"per {title_unit}", product.title
        checked[shown] += 1
    assert checked["per m²"] and checked["per kg"] and checked["per person"] and checked["per hour"]


def test_every_demo_supplier_can_issue_an_invoice_that_says_whom_to_pay(demo_counts):
    for supplier in Supplier.objects.all():
        assert supplier.street_address and supplier.postcode and supplier.vat_id and supplier.iban, supplier.name
        supplier.clean()  # valid IBAN, BIC and VAT ID format


def test_every_demo_text_is_written_in_every_language(demo_counts):
    """A visitor choosing French, German, Dutch or Serbian reads the demo in their language."""
    from marketplace.core import content
    from marketplace.demo.data import COUNTRY_LANGUAGE
    from marketplace.organisations.models import ImpactArea, Label

    every = {"en", "fr", "de", "nl", "sr", "sr-latn"}
    written = [(sector, "name") for sector in Sector.objects.all()]
    written += [(area, "name") for area in ImpactArea.objects.all()]
    written += [(label, field) for label in Label.objects.all() for field in ("name", "description")]
    written += [
        (supplier, field)
        for supplier in Supplier.objects.all()
        for field in ("description", "impact_statement", "vulnerable_groups")
    ]
    written += [(product, field) for product in Product.objects.all() for field in ("title", "description")]
    missing = [(str(obj), field, every - set(content.texts(obj, field))) for obj, field in written]
    assert [gap for gap in missing if gap[2]] == []
    assert all(supplier.language == COUNTRY_LANGUAGE[supplier.country.code] for supplier in Supplier.objects.all())
    serbian = Supplier.objects.filter(country="RS").first()
    assert "социјално предузеће" in serbian.description_sr and "socijalno preduzeće" in serbian.description_sr_latn


def test_the_demo_buyer_deducts_purchases_from_a_verified_esat(demo_counts):
    from django.utils import timezone

    from marketplace.deductions.models import LegalStatus
    from marketplace.deductions.rules import Status
    from marketplace.deductions.selectors import deductions_for
    from marketplace.organisations.models import Buyer

    buyer = Buyer.objects.get(memberships__user__email="buyer@example.com")
    deductions = deductions_for(buyer, timezone.localdate().year)
    [row] = deductions.suppliers
    assert row.status.status == Status.FR_ESAT and row.deductible > 0
    assert LegalStatus.objects.verified().filter(status=Status.DE_WFBM, supplier__country="DE").exists()


def test_the_coordinator_s_networks_have_two_charter_versions_and_signatures_in_every_state(demo_counts):
    from marketplace.networks import selectors as network_selectors
    from marketplace.networks.models import JoinRequest, NetworkInvitation, TeamRole

    coordinator = get_user_model().objects.get(email="coordinator@example.com")
    coordinated = network_selectors.networks_of(coordinator, role=TeamRole.COORDINATOR)
    assert sorted(coordinated.values_list("slug", flat=True)) == ["impact-noord", "sse-cluster-grande-region"]
    funder = get_user_model().objects.get(email="funder@example.com")
    assert (
        network_selectors.team_role(funder, Network.objects.get(slug="sse-cluster-grande-region")) == TeamRole.PARTNER
    )
    states = Counter()
    for network in Network.objects.all():
        assert [v.number for v in network_selectors.published_versions(network)] == [1, 2]
        member_ids = list(network.memberships.values_list("supplier_id", flat=True))
        for state in network_selectors.charter_states(network, member_ids).values():
            if state.signature:
                states["v2" if state.signed_current else "v1 counting" if state.counts else "lapsed"] += 1
    assert set(states) == {"v2", "v1 counting", "lapsed"}, states
    assert JoinRequest.objects.filter(decided_at__isnull=True).count() == 1
    assert NetworkInvitation.objects.filter(accepted_at__isnull=True, declined_at__isnull=True).count() == 1
    client = Client()
    client.post("/accounts/sign-in/", {"username": coordinator.email, "password": DEMO_PASSWORD})
    assert client.get("/coordination/sse-cluster-grande-region/members/").status_code == 200


def test_the_demo_buyer_awarded_a_joint_quote_of_two_members_of_one_network(demo_counts):
    from marketplace.order.models import PartStatus
    from marketplace.sourcing.models import Quote, QuotePartner

    joint_quote = Quote.objects.get(joint=True, need__buyer__memberships__user__email="buyer@example.com")
    partner = joint_quote.partners.get()
    assert partner.status == QuotePartner.Status.ACCEPTED and partner.lines_ready
    shared = Network.objects.filter(memberships__supplier=joint_quote.supplier).filter(
        memberships__supplier=partner.supplier
    )
    assert shared.exists()
    assert joint_quote.status == Quote.Status.AWARDED
    parts = joint_quote.award.purchase.parts.all()
    assert {part.supplier for part in parts} == {joint_quote.supplier, partner.supplier}
    assert all(part.status == PartStatus.PLACED for part in parts)
    assert sum(part.total_incl_tax for part in parts) == joint_quote.total_incl_tax


def test_the_demo_supplier_reads_invitations_in_a_daily_summary(demo_counts):
    from marketplace.notifications import kinds
    from marketplace.notifications.selectors import route

    supplier_person = get_user_model().objects.get(email="supplier@example.com")
    assert route(user=supplier_person, kind_key=kinds.NEED_INVITATION, channel="email") == "daily"
    assert route(user=supplier_person, kind_key=kinds.NEED_INVITATION, channel="in_app") == "immediately"


def test_the_demo_buyer_declared_spend_matched_to_review_and_not_on_the_platform(demo_counts):
    from django.utils import timezone

    from marketplace.impact.selectors import impact_report
    from marketplace.spend.models import MatchStatus, SpendLine

    buyer = Buyer.objects.get(memberships__user__email="buyer@example.com")
    statuses = Counter(SpendLine.objects.filter(buyer=buyer).values_list("status", flat=True))
    assert statuses[MatchStatus.MATCHED] >= 2 and statuses[MatchStatus.REVIEW] >= 1
    assert statuses[MatchStatus.UNMATCHED] == 2
    today = timezone.localdate()
    report = impact_report(buyer=buyer, start=today.replace(month=1, day=1) - timedelta(days=30), end=today)
    assert report.declared.total > 0


def test_the_demo_supplier_has_a_disabled_webhook_endpoint_with_a_log(demo_counts):
    from marketplace.webhooks.models import WebhookEndpoint

    (endpoint,) = WebhookEndpoint.objects.filter(organisation__memberships__user__email="supplier@example.com")
    assert not endpoint.active and "Demo" in endpoint.description
    log = {(delivery.event_type, delivery.attempts) for delivery in endpoint.deliveries.all()}
    assert log == {("order_part.confirmed", 1), ("invoice.issued", 1), ("webhook.test", 1)}
    assert all(delivery.error for delivery in endpoint.deliveries.all())  # nothing listens there
