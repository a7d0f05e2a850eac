"""The headline figures a network shows on its public page: those its coordinators chose,
counted over the last 12 months each time the page is shown."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from marketplace.core import l10n
from marketplace.organisations.models import Network

from ..models import HeadlineFigure, PublishedFigure
from .selectors import NetworkFigures, last_twelve_months, network_figures


def headline_values(figures: NetworkFigures) -> dict[str, str]:
    """Every headline figure, as people read it in the active language."""
    days = figures.answers.median_days
    return {
        HeadlineFigure.MEMBERS: formats.localize(figures.members),
        HeadlineFigure.VERIFIED_SHARE: f"{formats.localize(figures.verified_share)} %",
        HeadlineFigure.CHARTER_SIGNATORIES: formats.localize(figures.charter_signatories),
        HeadlineFigure.SPEND: l10n.money(figures.total_spend),
        HeadlineFigure.JOBS_SUPPORTED: formats.localize(figures.jobs_supported),
        HeadlineFigure.NEEDS_IN_AREA: formats.localize(figures.needs.published),
        HeadlineFigure.ANSWER_TIME: _("%(days)s days") % {"days": formats.localize(days)} if days is not None else "–",
    }


def published_figures(network: Network) -> list[str]:
    return list(PublishedFigure.objects.filter(network=network).values_list("figure", flat=True))


def published_headlines(network: Network) -> list[tuple[str, str, str]]:
    """(figure, label, value) of each figure the network publishes, in the order of the choices."""
    chosen = set(published_figures(network))
    if not chosen:
        return []
    values = headline_values(network_figures(network=network, period=last_twelve_months(timezone.localdate())))
    return [(figure.value, figure.label, values[figure]) for figure in HeadlineFigure if figure in chosen]
