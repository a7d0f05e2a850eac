"""/api/buyer/impact/: the figures of the buyer's impact report for a period, computed by
the report page's own `impact_report`, for the key's buyer only."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from ninja import Router, Schema

from marketplace.apikeys.auth import ApiKeyAuth
from marketplace.apikeys.errors import ERRORS
from marketplace.organisations.models import Buyer

from .forms import PeriodForm
from .selectors import impact_report

router = Router(tags=["buyer"], auth=ApiKeyAuth("buyer"))


class RowOut(Schema):
    label: str
    spend: Decimal
    share: Decimal


class ImpactOut(Schema):
    start: date
    end: date
    total_spend: Decimal
    awarded_spend: Decimal
    orders: int
    supplier_count: int
    local_spend: Decimal
    local_share: Decimal
    vulnerable_share: Decimal | None
    estimated_hours: int
    breakdowns: dict[str, list[RowOut]]


@router.get("/impact/", response={200: ImpactOut, **ERRORS}, summary="Read the impact figures")
def impact(request, start: date | None = None, end: date | None = None):
    """Spend with social enterprises and what it does, from `start` (default: 1 January) to
    `end` (default: today), as on the impact report page."""
    form = PeriodForm({"start": start or "", "end": end or ""})
    if not form.is_valid():
        raise ValidationError({field or "period": list(messages) for field, messages in form.errors.items()})
    buyer = Buyer.objects.get(pk=request.auth.organisation_id)
    report = impact_report(buyer=buyer, start=form.cleaned_data["start"], end=form.cleaned_data["end"])
    figures = {name: getattr(report, name) for name in (
        "start", "end", "total_spend", "awarded_spend", "orders", "supplier_count", "local_spend", "local_share",
        "vulnerable_share", "estimated_hours")}  # fmt: skip
    breakdowns = {key: [{"label": str(r.label), "spend": r.spend, "share": r.share} for r in rows]
                  for key, _title, rows in report.breakdowns}  # fmt: skip
    return {**figures, "breakdowns": breakdowns}
