"""The isolation matrix of sourcing, impact and declared spend, generated from the URLconf: every route
with an id is requested (GET and a hostile POST) by people of other organisations — a
member of another buyer, a supplier that was not invited, an invited rival supplier —
who must get 403, 404 or 405, see none of the buyer's or the winner's data, and change
nothing; anonymous visitors are sent to sign in. A new route with an id fails
`test_every_route_with_an_id_is_mapped` until ROUTES says what it points at."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from marketplace.order.services import QuotedLine, QuotedPart, purchase_place_quoted
from marketplace.sourcing import services, shortlists, threads
from marketplace.sourcing.models import NeedAttachment
from marketplace.spend.services import spend_import
from tests import isolation
from tests.factories import BuyerFactory, UserFactory
from tests.isolation import url_routes
from tests.order.helpers import checkout_details
from tests.sourcing.conftest import admin_of, need_draft, need_published, quote
from tests.sourcing.factories import joint_network, joint_started, partner_lines, partner_of

NAMESPACES = ("sourcing", "impact", "deductions", "spend")
ROUTES = {
    "sourcing:need-detail": lambda w: {"pk": w.need.pk},
    "sourcing:need-edit": lambda w: {"pk": w.draft.pk},
    "sourcing:need-publish": lambda w: {"pk": w.draft.pk},
    "sourcing:need-close": lambda w: {"pk": w.need.pk},
    "sourcing:need-cancel": lambda w: {"pk": w.need.pk},
    "sourcing:need-attachment": lambda w: {"pk": w.need.pk, "attachment_pk": w.attachment.pk},
    "sourcing:invitation-respond": lambda w: {"pk": w.need.pk},
    "sourcing:question-ask": lambda w: {"pk": w.need.pk},
    "sourcing:question-answer": lambda w: {"pk": w.need.pk, "question_pk": w.question.pk},
    "sourcing:quote-edit": lambda w: {"pk": w.need.pk},
    "sourcing:quote-withdraw": lambda w: {"pk": w.need.pk},
    "sourcing:need-compare": lambda w: {"pk": w.need.pk},
    "sourcing:quote-attachment": lambda w: {"pk": w.need.pk, "quote_pk": w.quote.pk},
    "sourcing:need-award": lambda w: {"pk": w.need.pk, "quote_pk": w.quote.pk},
    "sourcing:joint-start": lambda w: {"pk": w.need.pk},
    "sourcing:joint-quote": lambda w: {"pk": w.joint_need.pk, "quote_pk": w.joint.pk},
    "sourcing:joint-invite": lambda w: {"pk": w.joint_need.pk, "quote_pk": w.joint.pk},
    "sourcing:joint-answer": lambda w: {"pk": w.joint_need.pk, "quote_pk": w.joint.pk},
    "sourcing:joint-lines": lambda w: {"pk": w.joint_need.pk, "quote_pk": w.joint.pk},
    "sourcing:shortlist-detail": lambda w: {"pk": w.shortlist.pk},
    "sourcing:shortlist-delete": lambda w: {"pk": w.shortlist.pk},
    "sourcing:shortlist-remove": lambda w: {"pk": w.shortlist.pk, "supplier_pk": w.market.bricks.pk},
    "sourcing:shortlist-export": lambda w: {"pk": w.shortlist.pk, "fmt": "xlsx"},
    "sourcing:thread-detail": lambda w: {"pk": w.thread.pk},
    "impact:report": lambda w: {"slug": w.market.buyer.slug},
    "impact:export": lambda w: {"slug": w.market.buyer.slug, "fmt": "csv"},
    "deductions:report": lambda w: {"slug": w.market.buyer.slug},
    "spend:imports": lambda w: {"slug": w.market.buyer.slug},
    "spend:template": lambda w: {"slug": w.market.buyer.slug, "fmt": "xlsx"},
    "spend:import": lambda w: {"slug": w.market.buyer.slug, "pk": w.spend.pk},
    "spend:import-delete": lambda w: {"slug": w.market.buyer.slug, "pk": w.spend.pk},
    "deductions:certificate": lambda w: {
        "slug": w.market.buyer.slug,
        "year": timezone.localdate().year,
        "supplier_slug": w.market.bricks.slug,
    },
}
# Routes whose id is not an organisation's object: any buyer contacts any verified supplier;
# the directory export takes a format.
SHARED_ROUTES = {
    "sourcing:contact": lambda w: {"slug": w.market.bricks.slug},
    "sourcing:search-export": lambda w: {"fmt": "csv"},
}
# Routes addressed by a signed link sent by e-mail, used without signing in: whoever holds
# the link may use it, and nobody can make one (tests/notifications/test_decline.py tries
# forged links and links of people who left the supplier).
SIGNED_LINK_ROUTES = {"sourcing:invitation-decline"}
# The invited rival works on the need in its own name: it may open these (and must still
# see nothing of the other quote).
RIVAL_MAY_USE = {
    "sourcing:need-detail",
    "sourcing:need-attachment",
    "sourcing:invitation-respond",
    "sourcing:question-ask",
    "sourcing:quote-edit",
    "sourcing:quote-withdraw",
    "sourcing:joint-start",
}
# What neither intruders nor the rival may see; the need's own file is for invited suppliers only.
SECRETS = (
    "Secret bricks line",
    "4321",
    "Bricks quote file",
    "Private note to Bricks",
    "Acme secret shortlist",
    "7777.77",
    "Secret joint line",
    "6543.21",
    "Spend secret supplier",
    "acme-spend.csv",
)
NEED_SECRETS = ("Confidential spec", "%PDF")


def routes():
    """(url name, kwarg names) of every sourcing and impact URL pattern, from the URLconf."""
    return url_routes(lambda route, name: name.rpartition(":")[0] in NAMESPACES)


def routes_with_ids():
    return sorted({name for name, kwargs in routes() if kwargs})


def test_every_route_with_an_id_is_mapped():
    mapped = {*ROUTES, *SHARED_ROUTES, *SIGNED_LINK_ROUTES}
    unmapped = [name for name in routes_with_ids() if name not in mapped]
    assert not unmapped, f"Sourcing or impact routes with an id but no object in the isolation matrix: {unmapped}"
    assert len(routes_with_ids()) >= 20


@pytest.fixture
def world(market):
    """Acme's need with an attachment, a question, two quotes, a draft, a shortlist, a
    conversation with Bricks Again and an order; another need with a joint quote of Bricks
    Again and Saar Reuse; and the people who must see none of it."""
    w = SimpleNamespace(market=market)
    w.need = need_published(market, description="Confidential spec of the canteen wall")
    w.attachment = NeedAttachment.objects.create(
        need=w.need, file=SimpleUploadedFile("spec.pdf", b"%PDF-1.4 secret"), name="spec.pdf", size=15
    )
    w.quote = quote(w.need, market.bricks, ("Secret bricks line", "1", "4321.00", "20"))
    w.quote.attachment = SimpleUploadedFile("offer.txt", b"Bricks quote file")
    w.quote.attachment_name = "offer.txt"
    w.quote.save()
    w.question = services.question_ask(
        invitation=w.need.invitations.get(supplier=market.bricks), by=admin_of(market.bricks), text="A question"
    )
    w.draft = need_draft(market, title="Draft need")
    w.shortlist = shortlists.shortlist_create(buyer=market.buyer, name="Acme secret shortlist", by=market.officer)
    shortlists.shortlist_add(shortlist=w.shortlist, supplier=market.bricks, by=market.officer)
    w.thread = threads.thread_start(
        buyer=market.buyer, supplier=market.bricks, by=market.officer, subject="Hello", body="Private note to Bricks"
    )
    purchase_place_quoted(
        buyer=market.buyer,
        user=market.officer,
        details=checkout_details(),
        parts=[
            QuotedPart(
                market.bricks,
                [QuotedLine("Earlier order", 1, Decimal("7777.77"), Decimal("0"), Decimal("7777.77"), Decimal("0"))],
            )
        ],
    )
    w.joint_need = need_published(market, title="Joint need")
    w.joint = joint_started(w.joint_need, market.bricks)
    saar = partner_of(w.joint, joint_network(market).saar, accept=True)
    partner_lines(saar, ("Secret joint line", "1", "6543.21", "19"))
    other = UserFactory(email="olga@other-firm.example")
    BuyerFactory(name="Other Firm", created_by=other)
    w.spend = spend_import(
        buyer=market.buyer, by=market.officer, filename="acme-spend.csv",
        content=b"Supplier name;Amount;Date\nSpend secret supplier;12.00;2025-01-01\n",
    )  # fmt: skip
    w.intruders = {"member of another buyer": other, "supplier not invited": admin_of(market.caterers)}
    w.rival = admin_of(market.renovators)
    return w


def database_state():
    return isolation.database_state(["sourcing", "order", "organisations", "spend"])


def hostile_post(w):
    return {
        **vars(checkout_details()),
        "wished_date": "",
        "reason": "taken over",
        "answer": "hijacked",
        "text": "hijacked",
        "interested": "no",
        "name": "hijacked",
        "subject": "hijacked",
        "body": "hijacked",
        "title": "hijacked",
    }


def body_of(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def assert_denied(response, *, method, secrets=SECRETS):
    allowed = (403, 404, 405) if method == "POST" else (403, 404)
    assert response.status_code in allowed, response.status_code
    assert_no_secret(response, secrets)


def assert_no_secret(response, secrets=SECRETS):
    body = body_of(response)
    for secret in secrets:
        assert secret not in body, secret


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_people_of_other_organisations_can_neither_read_nor_change(client, world, name):
    url = reverse(name, kwargs=ROUTES[name](world))
    before = database_state()
    for user in world.intruders.values():
        client.force_login(user)
        assert_denied(client.get(url), method="GET", secrets=SECRETS + NEED_SECRETS)
        assert_denied(client.post(url, hostile_post(world)), method="POST", secrets=SECRETS + NEED_SECRETS)
    assert database_state() == before
    client.force_login(world.rival)
    if name in RIVAL_MAY_USE:
        assert_no_secret(client.get(url))  # may mark its own invitation viewed
    else:
        assert_denied(client.get(url), method="GET")
        assert_denied(client.post(url, hostile_post(world)), method="POST")
        assert database_state() == before


@pytest.mark.parametrize("name", sorted({*ROUTES, *SHARED_ROUTES}))
def test_anonymous_visitors_are_sent_to_sign_in(client, world, name):
    url = reverse(name, kwargs=(ROUTES.get(name) or SHARED_ROUTES[name])(world))
    for response in (client.get(url), client.post(url, hostile_post(world))):
        assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
