"""What organisations write and the taxonomy, in every language of the site: one column
per language (django-modeltranslation), read through the field's own name in the active
language. See marketplace.core.content for the fallbacks and the Serbian Latin column."""

from modeltranslation.translator import TranslationOptions, register

from .models import Buyer, ImpactArea, Label, Network, Organisation, Region, Sector, Supplier


@register(Sector)
class SectorTranslation(TranslationOptions):
    fields = ("name", "description")


@register(ImpactArea)
class ImpactAreaTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Label)
class LabelTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)  # "Lorraine", "Lothringen", "Лорена"


@register(Network)
class NetworkTranslation(TranslationOptions):
    fields = ("tagline", "description", "charter_title", "charter")


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("description",)


@register(Supplier)
class SupplierTranslation(TranslationOptions):
    fields = ("impact_statement", "vulnerable_groups")


@register(Buyer)
class BuyerTranslation(TranslationOptions):
    # Nothing of its own: registered so that queries on buyers (`.values()`) know the
    # description they inherit, as queries on suppliers do.
    fields = ()
