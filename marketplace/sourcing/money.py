"""Amounts of a quote line, rounded the way invoices round them: net to the cent,
then VAT on the net, half up (partner.vat.vat_amount, as shop prices). The quote,
the comparison and the order part made from an awarded quote all use these, so
their totals agree to the cent."""

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def line_net(*, quantity: Decimal, unit_price: Decimal) -> Decimal:
    return (quantity * unit_price).quantize(CENT, rounding=ROUND_HALF_UP)
