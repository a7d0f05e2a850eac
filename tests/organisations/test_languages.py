"""What suppliers write, in the visitor's language: their own text when they wrote one
in it, else the supplier's own language, marked as such for everybody and for screen
readers. The language is chosen by the language cookie (or a /fr/-style URL: `follow`
reaches it either way)."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from marketplace.organisations.models import Supplier
from tests.factories import SectorFactory, SupplierFactory
from tests.organisations.form_data import supplier_form_data

pytestmark = pytest.mark.django_db


def visit(client, language, obj):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with translation.override(language):  # and back to the test's language after the request
        response = client.get(obj.get_absolute_url(), follow=True, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response


def test_a_french_visitor_reads_the_french_description(client):
    supplier = SupplierFactory(
        language="en",
        description_en="We repair bicycles.",
        description_fr="Nous réparons des vélos.",
    )

    response = visit(client, "fr", supplier)

    assertContains(response, "Nous réparons des vélos.")
    assertNotContains(response, "We repair bicycles.")
    assertNotContains(response, "Rédigé en")


def test_a_german_visitor_reads_the_french_text_of_a_supplier_writing_only_french_and_is_told(client):
    supplier = SupplierFactory(
        language="fr",
        description_en=None,
        description="",
        description_fr="Nous réparons des vélos à Metz.",
        impact_statement_fr="Douze emplois pour des chômeurs de longue durée.",
    )

    response = visit(client, "de", supplier)

    assertContains(response, '<div class="written" lang="fr"><p>Nous réparons des vélos à Metz.</p></div>', html=True)
    assertContains(response, "Douze emplois pour des chômeurs de longue durée.")
    assertContains(response, "Verfasst auf Französisch", count=2)


def test_a_visitor_of_a_language_nobody_wrote_in_reads_the_suppliers_own_not_english(client):
    supplier = SupplierFactory(
        language="nl", description_en="We clean offices.", description_nl="Wij maken kantoren schoon."
    )

    response = visit(client, "fr", supplier)

    assertContains(response, "Wij maken kantoren schoon.")
    assertContains(response, "Rédigé en néerlandais")


def test_a_supplier_writes_its_profile_in_dutch_and_german_and_each_visitor_reads_theirs(client):
    supplier = SupplierFactory(language="nl", description_en=None, description="")
    member = supplier.memberships.get().user
    client.force_login(member)
    edit = reverse("organisations:supplier-edit", kwargs={"slug": supplier.slug})
    form = client.get(edit)
    assertContains(form, "Description in Dutch")
    assertContains(form, "<summary>In German</summary>", html=True)

    data = supplier_form_data(
        supplier,
        description="Wij herstellen fietsen in Groningen.",
        description_de="Wir reparieren Fahrräder in Groningen.",
        impact_statement="Twaalf banen.",
        impact_statement_de="Zwölf Arbeitsplätze.",
    )
    response = client.post(edit, data)
    assert response.status_code == 302
    client.logout()

    supplier = Supplier.objects.get(pk=supplier.pk)
    assert supplier.description_nl == "Wij herstellen fietsen in Groningen."
    assert supplier.description_de == "Wir reparieren Fahrräder in Groningen."
    assertContains(visit(client, "de", supplier), "Wir reparieren Fahrräder in Groningen.")
    assertContains(visit(client, "de", supplier), "Zwölf Arbeitsplätze.")
    assertContains(visit(client, "nl", supplier), "Wij herstellen fietsen in Groningen.")


def test_a_form_error_keeps_every_language_typed(client):
    supplier = SupplierFactory(language="fr")
    client.force_login(supplier.memberships.get().user)
    edit = reverse("organisations:supplier-edit", kwargs={"slug": supplier.slug})

    response = client.post(
        edit,
        supplier_form_data(supplier, name="", description="Nous réparons.", description_nl="Wij herstellen."),
    )

    assert response.status_code == 200
    assertContains(response, "Nous réparons.")
    assertContains(response, "Wij herstellen.")
    assertNotContains(response, "sr_latn")


def test_the_directory_filters_name_the_sectors_in_the_visitors_language(client, django_capture_on_commit_callbacks):
    sector = SectorFactory(name_en="Cleaning", name_fr="Nettoyage", name_de="Reinigung", name_nl="Schoonmaak",
                           name_sr="Чишћење")  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):  # the directory's index follows after commit
        SupplierFactory(sectors=[sector])
    for language, name in (("fr", "Nettoyage"), ("de", "Reinigung"), ("nl", "Schoonmaak"), ("sr", "Чишћење"),
                           ("sr-latn", "Čišćenje"), ("en", "Cleaning")):  # fmt: skip
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        with translation.override(language):
            response = client.get(reverse("organisations:supplier-list"), follow=True, HTTP_ACCEPT_LANGUAGE=language)
        assertContains(response, name)
