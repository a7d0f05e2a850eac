"""Matching a supplier as a buyer's ERP spells it to a supplier of the platform: first by
VAT ID, then by name.

A name is compared without case, accents, punctuation and legal form ("Atelier Vert
SARL", "atelier vert" and "ATELIER VERT s.a.r.l." are one name; Serbian Cyrillic is read
in Latin letters), then scored by rapidfuzz's token-sort ratio (0–100, word order
ignored). A score of at least AUTOMATIC, clearly ahead of any other supplier's, is
accepted; from REVIEW up the buyer confirms; below, the supplier is taken as not on the
platform. An equal name shared by two suppliers is never taken automatically."""

import re
import unicodedata
from dataclasses import dataclass

import cyrtranslit
from rapidfuzz import fuzz, process

from marketplace.organisations.vat_ids import normalise

AUTOMATIC = 90
REVIEW = 70
MARGIN = 5  # points between the best and the second-best name for an automatic match

# Legal forms (and their abbreviations once dots are dropped) that say nothing about who
# the supplier is. Only whole words are dropped.
LEGAL_FORMS = {
    # fr, be, lu
    "sa", "sas", "sasu", "sarl", "eurl", "sarls", "sc", "scop", "scic", "scrl", "scrlfs", "srl", "snc", "asbl",
    "aisbl", "sprl", "sca", "gie", "ea", "esat", "association", "cooperative",
    # de, at
    "gmbh", "ggmbh", "ag", "gag", "ug", "kg", "ohg", "ev", "eg", "gbr", "mbh",
    # nl, be (nl)
    "bv", "nv", "vof", "cv", "vzw", "stichting", "cooperatie", "ua",
    # rs, hr, si
    "doo", "ad", "zz", "szr", "pr", "udruzenje",
    # en
    "ltd", "llc", "plc", "inc", "cic", "cio", "limited",
}  # fmt: skip


def name_key(name: str) -> str:
    """The name as it is compared (see the module's docstring)."""
    text = cyrtranslit.to_latin(name or "", "sr") if re.search("[\u0400-\u04ff]", name or "") else name or ""
    text = text.casefold().replace("đ", "dj").replace("ø", "o").replace("æ", "ae").replace("&", " ")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.replace(".", "")  # s.a.r.l. -> sarl, d.o.o. -> doo
    words = re.sub(r"[\W_]+", " ", text).split()
    kept = [word for word in words if word not in LEGAL_FORMS]
    return " ".join(kept or words)[:255]


def vat_keys(vat_id: str) -> tuple[str, str]:
    """The VAT ID as compared: whole ("LU12345613") and without its country prefix
    ("12345613"), so that a number typed without its prefix still matches."""
    number = normalise(vat_id)
    if number.startswith("GR"):
        number = "EL" + number[2:]  # the country code, typed where VAT says EL
    bare = number[2:] if number[:2].isalpha() else number
    return number, bare


@dataclass
class Match:
    status: str  # a MatchStatus value
    method: str = ""
    supplier_id: int | None = None
    candidate_id: int | None = None
    score: int | None = None


class SupplierIndex:
    """The platform's suppliers, read once, to match every row of a file against."""

    def __init__(self, suppliers):
        """`suppliers`: (id, name, vat_id) of every supplier that may be matched."""
        self.by_vat, self.by_bare_vat, self.keys = {}, {}, {}
        for supplier_id, name, vat_id in suppliers:
            if vat_id:
                whole, bare = vat_keys(vat_id)
                self.by_vat[whole] = supplier_id
                self.by_bare_vat.setdefault(bare, set()).add(supplier_id)
            self.keys[supplier_id] = name_key(name)

    def match(self, *, name: str, vat_id: str) -> Match:
        from .models import MatchMethod, MatchStatus

        if vat_id:
            whole, bare = vat_keys(vat_id)
            # Whole, or as stored without prefix (a Serbian PIB), or typed without prefix.
            supplier_id = self.by_vat.get(whole) or self.by_vat.get(bare)
            bare_ids = self.by_bare_vat.get(bare, set())
            if supplier_id is None and whole == bare and len(bare_ids) == 1:
                (supplier_id,) = bare_ids
            if supplier_id is not None:
                return Match(MatchStatus.MATCHED, MatchMethod.VAT_ID, supplier_id=supplier_id, score=100)
        key = name_key(name)
        best = process.extract(key, self.keys, scorer=fuzz.token_sort_ratio, limit=2, score_cutoff=REVIEW)
        if not best:
            return Match(MatchStatus.UNMATCHED)
        _key, score, supplier_id = best[0]
        score = int(score)
        runner_up = int(best[1][1]) if len(best) > 1 else 0
        if score >= AUTOMATIC and score - runner_up >= MARGIN:
            return Match(MatchStatus.MATCHED, MatchMethod.NAME, supplier_id=supplier_id, score=score)
        return Match(MatchStatus.REVIEW, candidate_id=supplier_id, score=score)

    def closest(self, name: str, *, limit: int = 5) -> list[int]:
        """The ids of the suppliers whose names come closest, best first."""
        found = process.extract(name_key(name), self.keys, scorer=fuzz.token_sort_ratio, limit=limit)
        return [supplier_id for _key, _score, supplier_id in found]
