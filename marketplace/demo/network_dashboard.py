"""The network dashboard's demo (its coordinators and partners come from .networks): the
cluster publishes some headline figures, the demo buyers give their size, and Noorderzon
buys from Impact Noord's members so that both dashboards have spend to show. Idempotent:
people are found by e-mail, rows made once."""

from marketplace.networks.models import HeadlineFigure, PublishedFigure
from marketplace.order.models import Purchase
from marketplace.organisations import services
from marketplace.organisations.models import Buyer, BuyerSize, Network, Role, Supplier

from .purchases import purchase_placed

# What the cluster's public page shows until its coordinators choose otherwise.
PUBLISHED = {"sse-cluster-grande-region": (HeadlineFigure.MEMBERS, HeadlineFigure.SPEND, HeadlineFigure.JOBS_SUPPORTED)}
BUYER_SIZES = {
    "Acier Moselle SA": BuyerSize.LARGE,
    "Kredit Mosel S.A.": BuyerSize.LARGE,
    "Noorderzon Logistiek BV": BuyerSize.MEDIUM,
}
NOORDERZON = "Noorderzon Logistiek BV"


def published_figures_demo() -> None:
    for slug, figures in PUBLISHED.items():
        network = Network.objects.get(slug=slug)
        if not PublishedFigure.objects.filter(network=network).exists():
            PublishedFigure.objects.bulk_create(PublishedFigure(network=network, figure=f) for f in figures)


def network_spend_demo(*, buyers: dict, noorderzon_officer) -> None:
    for name, size in BUYER_SIZES.items():
        Buyer.objects.filter(pk=buyers[name].pk, size="").update(size=size)
    noorderzon = buyers[NOORDERZON]
    services.membership_add(organisation=noorderzon, user=noorderzon_officer, role=Role.ADMIN)
    if Purchase.objects.filter(buyer=noorderzon).exists():
        return
    members = Supplier.objects.filter(networks__slug="impact-noord", verified=True, partner__stockrecords__isnull=False)
    choices = [
        [record.product for record in supplier.partner.stockrecords.select_related("product").order_by("pk")]
        for supplier in members.distinct().order_by("pk")[:2]
    ]
    purchase_placed(buyer=noorderzon, officer=noorderzon_officer, choices=choices, reference="PO-NZ-0042", accepted=2)
