"""The benchmark's queries: deterministic, mixed, drawn from the generated data
so that most of them find something. Product queries: `build_product_queries`.

Supplier queries, five categories, a fifth each and
interleaved (query n is of category n % 5):

- text: one or two words from the description vocabulary, a town or a product
  word; some upper-case, some without their accents, some cut to a prefix;
- facets: 1–3 facets with 1–2 values each, no text;
- text+facets: a word and 3 facets, all taken from one verified supplier;
- deep: page 20 or later of a broad query (everything, one country, one sector…);
- distance: within 5–250 km of a supplier's town (by name, or as coordinates),
  sometimes with one of that supplier's facets.

Each query is a dict of URL parameters (name -> list of values), as the
directory page passes them to `SupplierQuery.from_params`."""

import random
from dataclasses import dataclass
from decimal import Decimal
from math import ceil
from urllib.parse import urlencode

from marketplace.demo import data
from search.geo import RADII_KM
from search.interface import DEFAULT_PAGE_SIZE, FACET_NAMES, MAX_PAGE, ProductQuery, fold, words

from .generate import PARENT_OF, SEED, VOCABULARY

CATEGORIES = ("text", "facets", "text+facets", "deep", "distance")
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
        "distance": lambda: _distance(rng, verified),
    }
    queries = []
    for number in range(count):
        category = CATEGORIES[number % len(CATEGORIES)]
        queries.append(BenchQuery(number=number, category=category, params=makers[category]()))
    return queries


def _distance(rng, verified) -> dict:
    plan = rng.choice(verified)
    if rng.random() < 0.3:
        latitude, longitude = data.TOWN_COORDINATES[plan.town]
        near = f"{latitude:.4f}, {longitude:.4f}"
    else:
        near = plan.town  # through the gazetteer
    params = {"near": [near], "within": [str(rng.choice(RADII_KM))]}
    if rng.random() < 0.4:
        facet = rng.choice([f for f in ("sector", "impact", "legal_form", "network") if plan.facets[f]])
        params[facet] = [rng.choice(plan.facets[facet])]
    return params


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


def _some_facets(rng, facets, values, names) -> dict:
    """1–3 of the facets an item has, in a stable parameter order, each with one of
    its values and sometimes a second value of any item."""
    chosen = rng.sample([f for f in names if facets[f]], rng.randint(1, 3))
    params = {}
    for facet in names:
        if facet not in chosen:
            continue
        selected = [rng.choice(facets[facet])]
        if rng.random() < 0.35:
            other = rng.choice(values[facet])
            if other not in selected:
                selected.append(other)
        params[facet] = selected
    return params


def _facets(rng, verified, values) -> dict:
    plan = rng.choice(verified)
    facets = plan.facets
    params = _some_facets(rng, facets, values, FACET_NAMES)
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


# Product search ------------------------------------------------------------------

PRODUCT_CATEGORIES = ("text", "facets", "text+facets", "price", "deep")
PRODUCT_FACET_NAMES = ProductQuery.facet_names()
PRODUCT_SORTS = tuple(sort for sort in ProductQuery.sorts if sort != "relevance")
BROAD_PRODUCT_WORD = "social"  # every generated product description says "social enterprise"


def build_product_queries(plans, count: int = DEFAULT_QUERIES, seed: int = SEED) -> list[BenchQuery]:
    """Product queries, a fifth of each kind, interleaved (query n is of kind n % 5):

    - text: one or two words of a product's title or description (some upper-case,
      without accents, cut to a prefix), or a word and the supplier's town;
    - facets: 1–3 facets (category, either level, kind, country, impact, network,
      in stock) with 1–2 values each, no text, sometimes sorted;
    - text+facets: a word and 3 facets, all taken from one product;
    - price: a price range (or one bound), alone or with one facet, often sorted by price;
    - deep: page 20 or later of a broad query (everything, a country, a parent
      category, goods, in stock, a word every product has)."""
    rng = random.Random(f"product-queries-{seed}")
    offers = [(plan, product) for plan in plans for product in plan.searchable_products]
    if not offers:
        raise ValueError("The plan has no public product of a verified supplier to draw queries from.")
    values = {
        facet: sorted({v for plan, product in offers for v in plan.product_facets(product)[facet]})
        for facet in PRODUCT_FACET_NAMES
    }
    makers = {
        "text": lambda: _product_text(rng, offers),
        "facets": lambda: _product_facets(rng, offers, values),
        "text+facets": lambda: _product_text_and_facets(rng, offers),
        "price": lambda: _product_price(rng, offers),
        "deep": lambda: _product_deep(rng, offers, values),
    }
    return [
        BenchQuery(number=n, category=PRODUCT_CATEGORIES[n % 5], params=makers[PRODUCT_CATEGORIES[n % 5]]())
        for n in range(count)
    ]


# Words of the description template, in (nearly) every product: not what a buyer types.
TEMPLATE_WORDS = {"sold", "made", "social", "enterprise", "employs", "people", "work"}


def product_words(product) -> list[str]:
    """Words of a product's title and description that a buyer would type
    (five letters or more, not the template's), as written."""
    text = f"{product.title} {product.description}"
    found = dict.fromkeys(
        w
        for w in "".join(c if c.isalnum() else " " for c in text).split()
        if len(w) >= 5 and fold(w) not in TEMPLATE_WORDS
    )
    return list(found)


def _product_text(rng, offers) -> dict:
    plan, product = rng.choice(offers)
    candidates = product_words(product)
    word = rng.choice(candidates)
    form = rng.random()
    if form < 0.30:
        text = word
    elif form < 0.45:
        text = word.upper()
    elif form < 0.60:
        text = fold(word)
    elif form < 0.70:
        text = fold(word)[: rng.randint(4, 6)]
    elif form < 0.88:
        text = f"{word} {rng.choice([w for w in candidates if w != word] or [plan.town])}"
    else:
        text = f"{word} {plan.town}"
    return {"q": [text]}


def _product_facets(rng, offers, values) -> dict:
    plan, product = rng.choice(offers)
    facets = plan.product_facets(product)
    params = _some_facets(rng, facets, values, PRODUCT_FACET_NAMES)
    if rng.random() < 0.4:
        params["sort"] = [rng.choice(PRODUCT_SORTS)]
    return params


def _product_text_and_facets(rng, offers) -> dict:
    plan, product = rng.choice(offers)
    word = rng.choice(product_words(product))
    facets = plan.product_facets(product)
    chosen = rng.sample([f for f in PRODUCT_FACET_NAMES if facets[f]], 3)
    params = {"q": [word if rng.random() < 0.7 else word.lower()]}
    for facet in PRODUCT_FACET_NAMES:
        if facet in chosen:
            params[facet] = [rng.choice(facets[facet])]
    return params


def _product_price(rng, offers) -> dict:
    plan, product = rng.choice(offers)
    low = (product.price * Decimal(rng.randint(50, 95)) / 100).quantize(Decimal("1"))
    high = (product.price * Decimal(rng.randint(105, 200)) / 100).quantize(Decimal("1"))
    bounds = rng.random()
    params = {}
    if bounds < 0.6:
        params = {"price_min": [str(low)], "price_max": [str(high)]}
    elif bounds < 0.8:
        params = {"price_min": [str(low)]}
    else:
        params = {"price_max": [str(high)]}
    if rng.random() < 0.5:
        facet = rng.choice(["category", "kind", "country", "in_stock"])
        params[facet] = [rng.choice(plan.product_facets(product)[facet])]
    if rng.random() < 0.6:
        params["sort"] = [rng.choice(["price", "price", "price_desc"])]
    return params


def _product_deep(rng, offers, values) -> dict:
    parents = sorted({v for v in values["category"] if "/" not in v})
    broad = rng.choice(
        [
            ({}, lambda facets: True),
            ({"q": [BROAD_PRODUCT_WORD]}, lambda facets: True),
            *[({"country": [c]}, lambda facets, c=c: c in facets["country"]) for c in values["country"]],
            *[({"category": [p]}, lambda facets, p=p: p in facets["category"]) for p in parents],
            ({"kind": ["goods"]}, lambda facets: "goods" in facets["kind"]),
            ({"in_stock": ["yes"]}, lambda facets: "yes" in facets["in_stock"]),
        ]
    )
    params, matches = broad
    total = sum(1 for plan, product in offers if matches(plan.product_facets(product)))
    last_page = min(MAX_PAGE, ceil(total / DEFAULT_PAGE_SIZE))
    params = {**params, "page": [str(rng.randint(20, max(20, last_page)))]}
    sort = rng.choice(["", "", "price", "newest", "title"])
    if sort:
        params["sort"] = [sort]
    return params
