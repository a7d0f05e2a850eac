"""The benchmark's queries: deterministic, mixed, drawn from the generated data
so that most of them find suppliers. Four categories, a quarter each and
interleaved (query n is of category n % 4):

- text: one or two words from the description vocabulary, a town or a product
  word; some upper-case, some without their accents, some cut to a prefix;
- facets: 1–3 facets with 1–2 values each, no text;
- text+facets: a word and 3 facets, all taken from one verified supplier;
- deep: page 20 or later of a broad query (everything, one country, one sector…).

Each query is a dict of URL parameters (name -> list of values), as the
directory page passes them to `SupplierQuery.from_params`."""

import random
from dataclasses import dataclass
from math import ceil
from urllib.parse import urlencode

from marketplace.demo import data
from search.interface import DEFAULT_PAGE_SIZE, FACET_NAMES, fold, words

from .generate import PARENT_OF, SEED, VOCABULARY

CATEGORIES = ("text", "facets", "text+facets", "deep")
DEFAULT_QUERIES = 300
TOWNS = sorted({town for *_, towns in data.REGIONS for town in towns})
PRODUCT_WORDS = sorted(
    {word for offers in data.PRODUCTS.values() for title, *_ in offers for word in title.split() if len(word) >= 5}
)
BROAD_WORD = "social"  # every generated description says "social enterprise"


@dataclass(frozen=True)
class BenchQuery:
    number: int
    category: str
    params: dict  # URL parameter -> list of values

    def __str__(self) -> str:
        return "?" + urlencode([(name, value) for name, values in self.params.items() for value in values])

    @property
    def has_text(self) -> bool:
        return bool(self.params.get("q"))


def build_queries(plans, count: int = DEFAULT_QUERIES, seed: int = SEED) -> list[BenchQuery]:
    rng = random.Random(seed)
    verified = [p for p in plans if p.verified]
    if not verified:
        raise ValueError("The plan has no verified supplier to draw queries from.")
    values = {facet: sorted({v for p in plans for v in p.facets[facet]}) for facet in FACET_NAMES}
    makers = {
        "text": lambda: _text(rng, verified),
        "facets": lambda: _facets(rng, verified, values),
        "text+facets": lambda: _text_and_facets(rng, verified),
        "deep": lambda: _deep(rng, verified, values),
    }
    queries = []
    for number in range(count):
        category = CATEGORIES[number % len(CATEGORIES)]
        queries.append(BenchQuery(number=number, category=category, params=makers[category]()))
    return queries


def description_words(plan) -> list[str]:
    """The vocabulary words of a supplier's description, as written."""
    present = set(words(plan.description))
    return [word for word in VOCABULARY if fold(word) in present]


def _text(rng, verified) -> dict:
    plan = rng.choice(verified)
    word = rng.choice(description_words(plan))
    form = rng.random()
    if form < 0.30:
        text = word
    elif form < 0.45:
        text = word.upper()
    elif form < 0.60:
        text = fold(word)  # "reemploi" for "réemploi": found by the backend, not by icontains
    elif form < 0.70:
        text = fold(word)[: rng.randint(4, 6)]  # a prefix
    elif form < 0.85:
        others = [w for w in description_words(plan) if w != word] or [plan.town]
        text = f"{word} {rng.choice(others)}"
    elif form < 0.93:
        text = f"{word} {plan.town}"
    else:
        text = rng.choice(PRODUCT_WORDS + TOWNS)
    return {"q": [text]}


def _facets(rng, verified, values) -> dict:
    plan = rng.choice(verified)
    facets = plan.facets
    chosen = rng.sample([f for f in FACET_NAMES if facets[f]], rng.randint(1, 3))
    params = {}
    for facet in FACET_NAMES:  # a stable parameter order
        if facet not in chosen:
            continue
        selected = [rng.choice(facets[facet])]
        if rng.random() < 0.35:
            other = rng.choice(values[facet])
            if other not in selected:
                selected.append(other)
        params[facet] = selected
    sort = rng.random()
    if sort < 0.2:
        params["sort"] = ["newest"]
    elif sort < 0.3:
        params["sort"] = ["name"]
    return params


def _text_and_facets(rng, verified) -> dict:
    plan = rng.choice(verified)
    word = rng.choice(description_words(plan))
    facets = plan.facets
    chosen = rng.sample([f for f in FACET_NAMES if facets[f]], 3)
    params = {"q": [word if rng.random() < 0.7 else word.lower()]}
    for facet in FACET_NAMES:
        if facet in chosen:
            params[facet] = [rng.choice(facets[facet])]
    return params


def _deep(rng, verified, values) -> dict:
    parents = sorted(set(PARENT_OF.values()))
    broad = rng.choice(
        [
            ({}, lambda p: True),
            ({"q": [BROAD_WORD]}, lambda p: True),
            *[({"country": [c]}, lambda p, c=c: p.country == c) for c in values["country"]],
            *[({"sector": [s]}, lambda p, s=s: s in p.facets["sector"]) for s in parents],
            ({"sells_online": ["yes"]}, lambda p: bool(p.products)),
        ]
    )
    params, matches = broad
    total = sum(1 for p in verified if matches(p))
    last_page = ceil(total / DEFAULT_PAGE_SIZE)
    params = {**params, "page": [str(rng.randint(20, max(20, last_page)))]}
    sort = rng.choice(["", "", "newest", "name"])
    if sort:
        params["sort"] = [sort]
    return params
