from django.db import transaction

from marketplace.organisations.models import Network

from ..models import HeadlineFigure, PublishedFigure


@transaction.atomic
def published_figures_set(*, network: Network, figures: list[str]) -> None:
    """The network's public page shows exactly these headline figures from now on."""
    chosen = {HeadlineFigure(figure) for figure in figures}
    PublishedFigure.objects.filter(network=network).exclude(figure__in=chosen).delete()
    for figure in chosen:
        PublishedFigure.objects.get_or_create(network=network, figure=figure)
