"""A supplier as a card in a list (directory, home page, API): the few fields a
list shows, small enough to be stored in the search index and shown without
loading the supplier and its relations."""

from dataclasses import asdict, dataclass, field

from django.urls import reverse
from django_countries import countries

from marketplace.core import content

from .models import Supplier


@dataclass(frozen=True)
class SupplierCard:
    id: int
    slug: str
    name: str
    legal_form: str
    country: str
    region: str
    sectors: tuple  # ((slug, name), …) of its own sectors
    impact: tuple  # ((slug, name), …)
    labels: tuple  # (slug, …) of its verified labels
    descriptions: dict = field(default_factory=dict)  # {language: text} of each language it wrote
    language: str = ""  # its own (Organisation.language), shown when it wrote nothing in the reader's
    # Countries whose reserved contracts it may take (verification.reserved): set by the search index.
    reserved: tuple = ()

    DESCRIPTION_LENGTH = 300

    @classmethod
    def from_supplier(cls, supplier: Supplier) -> "SupplierCard":
        """From a supplier loaded with Supplier.objects.with_public_relations()."""
        return cls(
            id=supplier.pk,
            slug=supplier.slug,
            name=supplier.name,
            legal_form=supplier.legal_form,
            country=supplier.country.code,
            region=supplier.region.name if supplier.region_id else "",
            descriptions={
                language: text[: cls.DESCRIPTION_LENGTH]
                for language, text in content.texts(supplier, "description").items()
            },
            language=supplier.language,
            sectors=tuple((s.slug, s.name) for s in supplier.sectors.all()),
            impact=tuple((a.slug, a.name) for a in supplier.impact_areas.all()),
            labels=tuple(label.slug for label in supplier.labels.all()),
        )

    @classmethod
    def from_dict(cls, data: dict) -> "SupplierCard":
        fields = {**data}
        # Indexed before cards held a text per language: shown without one until reindexed.
        fields.pop("description", None)
        for name in ("sectors", "impact"):
            fields[name] = tuple(tuple(pair) for pair in data[name])
        fields["labels"] = tuple(data["labels"])
        fields["reserved"] = tuple(data.get("reserved", ()))
        return cls(**fields)

    def as_dict(self) -> dict:
        return asdict(self)

    def texts(self, name: str) -> dict:
        """{language: text} of what the supplier wrote (marketplace.core.content.written)."""
        return {"description": self.descriptions}[name]

    @property
    def pk(self) -> int:
        return self.id

    def get_absolute_url(self) -> str:
        return reverse("organisations:supplier-detail", kwargs={"slug": self.slug})

    @property
    def legal_form_label(self) -> str:
        return Supplier.LegalForm(self.legal_form).label

    @property
    def country_name(self) -> str:
        return countries.name(self.country)

    @property
    def sector_names(self) -> list[str]:
        return [name for _slug, name in self.sectors]

    @property
    def impact_names(self) -> list[str]:
        return [name for _slug, name in self.impact]
