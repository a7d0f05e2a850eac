"""Stored XSS: hostile markup written through every field a non-editor can write, then
rendered on the pages and e-mails that show it. Nothing live may survive (no script,
frame, object or svg, no on* attribute, no javascript: URL); harmless formatting of rich
text (bold, lists, links) does. Rich text goes through marketplace.richtext; every other
field is plain text, escaped by the templates."""

import csv
import io
import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace import richtext
from marketplace.order.notifications import Message
from marketplace.sourcing import services as sourcing
from marketplace.sourcing import shortlists, threads
from tests.dashboard.conftest import categories, world  # noqa: F401  (fixtures used below)
from tests.dashboard.helpers import FORMSETS, form_data
from tests.sourcing.conftest import admin_of, lines, market, need_published  # noqa: F401

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")

PAYLOADS = [
    "<script>alert('xss')</script>",
    "<img src=x onerror=alert('xss')>",
    "<svg onload=alert('xss')><circle r=1 /></svg>",
    "<svg><script>alert('xss')</script></svg>",
    "<a href=\"javascript:alert('xss')\">click</a>",
    "<a href=\"jav&#x09;ascript:alert('xss')\">tab</a>",
    '<a href=" JaVaScRiPt:alert(1)">case</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    "<iframe src=\"javascript:alert('xss')\"></iframe>",
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
    '"><script>alert("xss")</script>',
    "' onmouseover='alert(1)' x='",
    '" autofocus onfocus="alert(1)',
    '<p style="background:url(javascript:alert(1));width:expression(alert(1))">styled</p>',
    "<div onclick=alert(1)>div</div>",
    "<body onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    "<form action=\"javascript:alert(1)\"><button formaction='javascript:alert(1)'>go</button></form>",
    "<base href='javascript:alert(1)//'>",
    "<details open ontoggle=alert(1)>",
    '<input onfocus=alert(1) autofocus value="x">',
]
ALL_PAYLOADS = "\n".join(PAYLOADS)
FORMATTING = (
    "<p><strong>Fair</strong> and <em>local</em></p><ul><li>first point</li></ul>"
    '<a href="https://example.org/wax">our story</a>'
)

LIVE_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "svg", "math"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "background", "poster"}
CONTROL = re.compile(r"[\x00-\x20]+")


def csp_nonce(response):
    match = re.search(r"'nonce-([^']+)'", response.get("Content-Security-Policy", ""))
    return match and match.group(1)


def live_parts(html, *, nonce=None):
    """What in this HTML could run script: a list of descriptions (empty when inert)."""
    found = []
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        if tag.name in LIVE_TAGS:
            found.append(f"<{tag.name}>")
        # Our inline scripts are JSON data, or template code carrying the response's nonce.
        if (
            tag.name == "script"
            and not tag.get("src", "").startswith("/static/")
            and tag.get("type") != "application/json"
            and (nonce is None or tag.get("nonce") != nonce)
        ):
            found.append(f"<script> {tag.string!r:.60}")
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if name.lower().startswith("on"):
                found.append(f"<{tag.name} {name}>")
            if name.lower() in URL_ATTRIBUTES:
                url = CONTROL.sub("", value).lower()
                if url.startswith(("javascript:", "vbscript:", "data:text/html")):
                    found.append(f"<{tag.name} {name}={value!r}>")
            if name.lower() == "style" and re.search(r"expression\(|javascript:", value, re.I):
                found.append(f"<{tag.name} style={value!r}>")
    return found


def assert_inert(response):
    assert response.status_code == 200, (response.request["PATH_INFO"], response.status_code)
    assert live_parts(response.content.decode(), nonce=csp_nonce(response)) == [], response.request["PATH_INFO"]


def assert_formatting_survives(html):
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("strong", string="Fair") and soup.find("em", string="local")
    assert soup.find("li", string="first point")
    link = soup.find("a", string="our story")
    assert link["href"] == "https://example.org/wax" and set(link["rel"]) == {"noopener", "nofollow"}


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_sanitiser_leaves_nothing_live(payload):
    assert live_parts(richtext.clean(payload)) == []
    assert live_parts(richtext.clean(FORMATTING + payload)) == [] and richtext.clean(None) == ""
    assert_formatting_survives(richtext.clean(FORMATTING + payload))


def test_a_description_stored_with_script_is_inert_on_the_product_page(client, world, superuser):  # noqa: F811
    """Text stored before the sanitiser (or by a missed path) is cleaned on the way out too:
    the operator who opens the product page runs nothing."""
    Product.objects.filter(pk=world.product_a.pk).update(description=FORMATTING + ALL_PAYLOADS)
    client.force_login(superuser)
    response = client.get(world.product_a.get_absolute_url())
    assert_inert(response)
    assert_formatting_survives(response.content.decode())


def test_product_title_and_description_from_the_dashboard_form(client, world, superuser):  # noqa: F811
    client.force_login(superuser)  # operators' text is cleaned as suppliers' is
    url = reverse("dashboard:catalogue-product", kwargs={"pk": world.product_a.pk})
    data = form_data(client.get(url))
    # The form has a title and description per language (django-modeltranslation): every one is cleaned.
    payload = {"title_en": "Wraps " + PAYLOADS[0] + PAYLOADS[10], "description_en": FORMATTING + ALL_PAYLOADS}
    data.update({**payload, "description_fr": FORMATTING + ALL_PAYLOADS})
    response = client.post(url, data)
    assert response.status_code == 302, [response.context["form"].errors] + [
        (n, response.context[n].errors) for n in FORMSETS
    ]
    product = Product.objects.get(pk=world.product_a.pk)
    assert live_parts(product.description) == []  # cleaned before it is stored
    assert live_parts(product.description_fr) == []
    assert_formatting_survives(product.description)

    client.force_login(superuser)
    page = client.get(product.get_absolute_url())
    assert_inert(page)
    assert_formatting_survives(page.content.decode())
    assert "<script>alert(&#x27;xss&#x27;)</script>" not in page.content.decode()
    for path in (
        reverse("catalogue:index"),
        reverse("search:search") + "?q=Wraps",
        reverse("dashboard:catalogue-product-list"),
        url,
    ):
        assert_inert(client.get(path))


def test_product_from_the_spreadsheet_import(client, world, superuser):  # noqa: F811
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["kind", "title", "description", "category", "sku", "price", "stock", "unit"])
    writer.writerow(["goods", "Jam " + PAYLOADS[1], FORMATTING + ALL_PAYLOADS, "Local food distribution", "JAM-1"])
    out.seek(0)
    text = out.getvalue().replace("JAM-1\r\n", "JAM-1;4.00;10;jar\r\n")
    client.force_login(world.member_a)
    preview = client.post(
        reverse("workspace:product-import", kwargs={"slug": world.supplier_a.slug}),
        {"file": SimpleUploadedFile("p.csv", text.encode())},
    )
    assert_inert(client.get(preview["Location"]))
    client.post(preview["Location"])
    product = Product.objects.get(stockrecords__partner_sku="JAM-1")
    assert live_parts(product.description) == []
    assert_formatting_survives(product.description)
    client.force_login(superuser)
    assert_inert(client.get(product.get_absolute_url()))
    assert_inert(client.get(reverse("dashboard:catalogue-product-list")))


def test_category_description_from_the_dashboard(client, categories, superuser):  # noqa: F811
    food = categories["food"]
    client.force_login(superuser)
    url = reverse("dashboard:catalogue-category-update", kwargs={"pk": food.pk})
    response = client.post(
        url,
        {
            "name_en": "Food",
            "slug": "food",
            "description_en": FORMATTING + ALL_PAYLOADS,
            "description_de": FORMATTING + ALL_PAYLOADS,
            "is_public": "on",
            "treebeard_position": "first-child",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    food.refresh_from_db()
    assert live_parts(food.description) == []
    assert live_parts(food.description_de) == []
    page = client.get(food.get_absolute_url())
    assert_inert(page)
    assert_formatting_survives(page.content.decode())
    assert_inert(client.get(reverse("dashboard:catalogue-category-list")))


def test_organisation_profile_fields(client, supplier, supplier_admin, buyer, buyer_admin, superuser):
    """Plain-text profile fields are escaped wherever they are shown (the website is a URL
    field: its form accepts http and https only)."""
    for organisation in (supplier, buyer):
        organisation.name = "Name " + PAYLOADS[10]
        organisation.description = ALL_PAYLOADS
        organisation.city, organisation.street_address = PAYLOADS[11], PAYLOADS[12]
        organisation.phone, organisation.postcode = PAYLOADS[1][:40], PAYLOADS[0][:20]
        organisation.save()
    supplier.contact_name, supplier.impact_statement = PAYLOADS[10], ALL_PAYLOADS
    supplier.save()
    client.force_login(superuser)
    for name, kwargs in (
        ("organisations:supplier-detail", {"slug": supplier.slug}),
        ("organisations:supplier-list", {}),
    ):
        assert_inert(client.get(reverse(name, kwargs=kwargs)))
    # Members' own pages (a buyer's profile is its members' only).
    for user, kind, organisation in ((supplier_admin, "supplier", supplier), (buyer_admin, "buyer", buyer)):
        client.force_login(user)
        for page in ("detail", "members", "edit"):
            assert_inert(client.get(reverse(f"organisations:{kind}-{page}", kwargs={"slug": organisation.slug})))


def sourcing_texts_written(world_of_needs):
    need = need_published(world_of_needs, title="Bricks " + PAYLOADS[0], description=ALL_PAYLOADS, unit=PAYLOADS[10])
    invitation = need.invitations.get(supplier=world_of_needs.bricks)
    supplier_admin = admin_of(world_of_needs.bricks)
    sourcing.question_ask(invitation=invitation, by=supplier_admin, text=ALL_PAYLOADS)
    sourcing.quote_submit(
        invitation=invitation,
        by=supplier_admin,
        lines=lines((PAYLOADS[1], "10", "2.00", "17")),
        valid_until=timezone.localdate() + timedelta(days=30),
        delivery_date=timezone.localdate() + timedelta(days=20),
        message=ALL_PAYLOADS,
    )
    thread = threads.thread_start(
        buyer=world_of_needs.buyer,
        supplier=world_of_needs.bricks,
        by=world_of_needs.officer,
        subject=PAYLOADS[2],
        body=ALL_PAYLOADS,
    )
    threads.message_post(thread=thread, by=supplier_admin, body=ALL_PAYLOADS)
    shortlist = shortlists.shortlist_create(
        buyer=world_of_needs.buyer, name="List " + PAYLOADS[1], by=world_of_needs.officer
    )
    shortlists.shortlist_add(shortlist=shortlist, supplier=world_of_needs.bricks, by=world_of_needs.officer)
    return need, thread, shortlist, supplier_admin


def test_sourcing_texts_on_pages_and_in_e_mails(client, market, django_capture_on_commit_callbacks):  # noqa: F811
    """A need, its quote, a question, a thread and a shortlist written with hostile text:
    the buyer's and the supplier's pages and the e-mails' HTML alternatives stay inert."""
    with django_capture_on_commit_callbacks(execute=True):
        need, thread, shortlist, supplier_admin = sourcing_texts_written(market)

    client.force_login(market.officer)
    for name, kwargs in (
        ("sourcing:need-detail", {"pk": need.pk}),
        ("sourcing:need-compare", {"pk": need.pk}),
        ("sourcing:need-list", {}),
        ("sourcing:thread-detail", {"pk": thread.pk}),
        ("sourcing:thread-list", {}),
        ("sourcing:shortlist-list", {}),
        ("sourcing:shortlist-detail", {"pk": shortlist.pk}),
    ):
        assert_inert(client.get(reverse(name, kwargs=kwargs)))
    client.force_login(supplier_admin)
    for name, kwargs in (
        ("sourcing:need-detail", {"pk": need.pk}),
        ("sourcing:invitation-list", {}),
        ("sourcing:quote-edit", {"pk": need.pk}),
        ("sourcing:thread-detail", {"pk": thread.pk}),
    ):
        assert_inert(client.get(reverse(name, kwargs=kwargs)))
    assert_inert(client.get(reverse("customer:notifications-inbox")))

    html_bodies = [
        body for message in mail.outbox for body, mimetype in message.alternatives if mimetype == "text/html"
    ]
    assert len(html_bodies) >= 3  # the invitation, the question, the quote, the messages
    for body in html_bodies:
        assert live_parts(body) == []


def test_e_mail_html_alternative_escapes_what_people_typed():
    message = Message(subject=PAYLOADS[0], text=ALL_PAYLOADS + "\nhttps://example.org/")
    assert live_parts(message.html) == []
    assert 'href="https://example.org/"' in message.html  # links still clickable
