"""A supplier gives the bank account its invoices are paid to: checked as banks check
it, stored compact, the BIC found from the IBAN."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import SupplierFactory


@pytest.mark.parametrize(
    "typed, stored, bic",
    [
        ("LU28 0019 4006 4475 0000", "LU280019400644750000", "BCEELULL"),
        ("de89 3704 0044 0532 0130 00", "DE89370400440532013000", "COBADEFFXXX"),
    ],
)
def test_an_iban_is_stored_compact_with_its_banks_bic(db, typed, stored, bic):
    supplier = SupplierFactory.build(iban=typed, bic="")
    supplier.clean()
    assert (supplier.iban, supplier.bic) == (stored, bic)


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("iban", "LU28 0019 4006 4475 0001", "This is not a valid IBAN"),  # one digit mistyped
        ("iban", "XX00 1234", "This is not a valid IBAN"),
        ("bic", "BCEE", "This is not a valid BIC"),
    ],
)
def test_a_mistyped_account_is_refused_with_a_message(db, field, value, message):
    supplier = SupplierFactory.build(**{field: value})
    with pytest.raises(ValidationError) as error:
        supplier.clean()
    assert message in " ".join(error.value.message_dict[field])


def test_the_profile_form_asks_for_the_account_under_invoicing(client, supplier, supplier_admin):
    client.force_login(supplier_admin)
    page = client.get(f"/suppliers/{supplier.slug}/edit/").content.decode()
    assert "Invoicing" in page and 'name="iban"' in page and 'name="bic"' in page
