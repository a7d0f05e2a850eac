"""Reads of editorial content used by other apps' pages."""

from .models import CaseStudyPage


def case_studies_featuring(*, supplier):
    """Published case studies in which the supplier took part, newest first."""
    return CaseStudyPage.objects.live().public().filter(suppliers=supplier).order_by("-first_published_at")
