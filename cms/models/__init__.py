"""Editorial pages, one model per page type (as in wagtail/bakerydemo), and the
snippets they share."""

from .articles import ArticleIndexPage, ArticlePage
from .home import HomeFeaturedStory, HomeFeaturedSupplier, HomePage, HomeSectorLink
from .snippets import CallToAction
from .standard import StandardPage
from .stories import CaseStudyIndexPage, CaseStudyPage, CaseStudySupplier

__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
    "CallToAction",
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "CaseStudySupplier",
    "HomeFeaturedStory",
    "HomeFeaturedSupplier",
    "HomePage",
    "HomeSectorLink",
    "StandardPage",
]
