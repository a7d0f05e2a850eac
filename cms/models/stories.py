"""Stories of cooperation: how a buyer and social enterprises worked together,
and what it changed."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager, PageQuerySet
from wagtail.search import index

from cms.blocks import BodyBlock
from marketplace.organisations.models import Sector

from .base import EditorialPage


class CaseStudyIndexPage(RoutablePageMixin, EditorialPage):
    """/stories/: every published story, filtered by sector, country and network."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = EditorialPage.content_panels + [FieldPanel("intro"), FieldPanel("hero_image")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.CaseStudyPage"]
    max_count = 1  # the nav, the footer and the feed point at one /stories/
    description_source = "intro"
    page_size = 12

    class Meta:
        verbose_name = _("case study index")

    @path("")
    def stories(self, request):
        from cms import selectors

        listing = selectors.story_listing(index=self, params=request.GET, page_size=self.page_size)
        return self.render(request, context_overrides={"listing": listing, "page_obj": listing.page})

    @path("feed/", name="feed")
    def feed(self, request):
        from cms.feeds import CaseStudyFeed

        return CaseStudyFeed()(request, index=self)


class CaseStudyQuerySet(PageQuerySet):
    def in_sector(self, slug: str):
        """A sector matches its sub-sectors too, as in the supplier directory."""
        return self.filter(models.Q(sectors__slug=slug) | models.Q(sectors__parent__slug=slug))

    def in_country(self, code: str):
        # Countries are stored as "FR,LU": two-letter codes between commas never match across a comma.
        return self.filter(countries__contains=code)

    def in_network(self, slug: str):
        return self.filter(supplier_links__supplier__network_memberships__network__slug=slug)

    def featuring(self, supplier):
        return self.filter(supplier_links__supplier=supplier)


class CaseStudyPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each parent sector followed by its sub-sectors, named "Food › Catering".
        self.fields["sectors"].queryset = Sector.objects.select_related("parent").order_by(
            Coalesce("parent__name", "name"), F("parent").asc(nulls_first=True), "name"
        )

    def clean(self):
        cleaned_data = super().clean()
        links = self.formsets["supplier_links"]
        if not links.is_valid():  # its own errors first (formsets are checked after this form)
            return cleaned_data
        chosen = [
            form.cleaned_data["supplier"]
            for form in links.forms
            if form.cleaned_data.get("supplier") and not form.cleaned_data.get("DELETE")
        ]
        if len(chosen) != len(set(chosen)):
            raise ValidationError(_("Each social enterprise can be chosen only once."))
        # A draft may be unfinished (Wagtail defers what is required); a published story names its partners.
        if not chosen and not self.is_deferred_validation:
            raise ValidationError(_("Choose at least one social enterprise that took part."))
        return cleaned_data


class CaseStudyPage(EditorialPage):
    """How a buyer and social enterprises cooperated, and what it changed."""

    summary = models.TextField(_("summary"), help_text=_("One or two sentences shown in lists."))
    buyer = models.ForeignKey(
        "organisations.Buyer",
        verbose_name=_("buyer"),
        null=True,
        blank=True,
        # A buyer that leaves the platform leaves the story standing, without its name.
        on_delete=models.SET_NULL,
        related_name="case_studies",
    )
    sectors = ParentalManyToManyField(
        "organisations.Sector", verbose_name=_("sectors"), related_name="case_studies", blank=True
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
    period_start = models.DateField(_("from"), null=True, blank=True)
    period_end = models.DateField(_("until"), null=True, blank=True, help_text=_("Empty while it goes on."))

    spend_eur = models.DecimalField(
        _("spend with social enterprises (EUR)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    jobs = models.PositiveIntegerField(_("jobs for people from vulnerable groups"), null=True, blank=True)
    work_hours = models.PositiveIntegerField(
        _("hours of work for people from vulnerable groups"), null=True, blank=True
    )
    material_reused_tonnes = models.DecimalField(
        _("tonnes of material reused"),
        max_digits=9,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    local_share = models.PositiveSmallIntegerField(
        _("local share (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Share of the spend that stayed in the buyer's region."),
    )

    quote = models.TextField(_("pull quote"), blank=True)
    quote_attribution = models.CharField(_("quote by"), max_length=200, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    objects = PageManager.from_queryset(CaseStudyQuerySet)()
    base_form_class = CaseStudyPageForm

    content_panels = EditorialPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        MultiFieldPanel(
            [
                FieldPanel("buyer"),
                MultipleChooserPanel(
                    "supplier_links",
                    chooser_field_name="supplier",
                    label=_("Social enterprises"),
                    heading=_("Social enterprises"),
                ),
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                FieldPanel("countries"),
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading=_("Period")),
            ],
            heading=_("Who and when"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("spend_eur"), FieldPanel("local_share")]),
                FieldRowPanel([FieldPanel("jobs"), FieldPanel("work_hours")]),
                FieldPanel("material_reused_tonnes"),
            ],
            heading=_("Outcome figures"),
            help_text=_("Leave empty what was not measured."),
        ),
        MultiFieldPanel([FieldPanel("quote"), FieldPanel("quote_attribution")], heading=_("Pull quote")),
        FieldPanel("body"),
    ]
    search_fields = EditorialPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("quote"),
        index.SearchField("body"),
        index.RelatedFields("buyer", [index.SearchField("name")]),
        index.RelatedFields("supplier_links", [index.RelatedFields("supplier", [index.SearchField("name")])]),
        index.RelatedFields("sectors", [index.SearchField("name")]),
    ]
    parent_page_types = ["cms.CaseStudyIndexPage"]
    subpage_types = []
    description_source = "summary"
    og_type = "article"

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The end of the period comes before its start.")})

    @property
    def suppliers(self) -> list:
        """The social enterprises in the editor's order."""
        return [link.supplier for link in self.supplier_links.select_related("supplier")]

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        context["partners"] = selectors.story_partners(story=self)
        return context


class CaseStudySupplier(Orderable):
    """A social enterprise that took part in a story. A supplier featured in a story
    cannot be deleted (PROTECT): the operator is told which stories to change first,
    and a published story never loses a partner behind the editors' back."""

    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="supplier_links")
    supplier = models.ForeignKey(
        "organisations.Supplier",
        verbose_name=_("social enterprise"),
        on_delete=models.PROTECT,
        related_name="case_study_links",
        limit_choices_to={"verified": True},
    )

    panels = [FieldPanel("supplier")]

    class Meta(Orderable.Meta):
        verbose_name = _("social enterprise in a story")
        verbose_name_plural = _("social enterprises in stories")

    def __str__(self):
        return _("the story “%(title)s”") % {"title": self.page.title}
