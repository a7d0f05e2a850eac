from oscar.apps.partner.prices import FixedPrice


class VatPrice(FixedPrice):
    """A price excluding VAT with its VAT, and the rate it was computed at
    (`tax_rate`, percent) so that pages can say "VAT 17 %"."""

    def __init__(self, currency, excl_tax, tax, tax_rate):
        super().__init__(currency=currency, excl_tax=excl_tax, tax=tax, tax_code=f"VAT-{tax_rate}")
        self.tax_rate = tax_rate

    def __repr__(self):
        return (
            f"VatPrice(currency={self.currency!r}, excl_tax={self.excl_tax!r}, "
            f"tax={self.tax!r}, tax_rate={self.tax_rate!r})"
        )
