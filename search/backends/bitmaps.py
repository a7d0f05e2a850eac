"""Facet counts and result pages of the database backend, computed in memory.

SQL counts facet values with GROUP BYs that read one row per (entry, facet
value) the filters leave: at 100,000 products that is most of a second. Here
each facet value is a bitmap over the index's entries (a Python int, one bit
an entry), so a facet's counts are an AND and a popcount per value, whatever
the number of entries, and a page of results is the first set bits in the
wanted order.

A snapshot of an index is read from the database once per index stamp (a new
random stamp comes with every write, see IndexState) and shared by the
process's requests until the next write. Entries sit in price order, so a
price range is one run of bits."""

import heapq
import threading
from bisect import bisect_left, bisect_right

from django.db import connection
from django.db.models import F

EVERYTHING = "_all"
SPARSE = 4000  # below this many hits, sort the hits; above, walk the order until the page is full

_snapshots = {}
_lock = threading.Lock()


def snapshot(tables, stamp):
    """The index's bitmaps as of `stamp`, loaded at most once per stamp and database."""
    key = (tables.name, connection.alias)
    current = _snapshots.get(key)
    if current is None or current.stamp != stamp:
        with _lock:
            current = _snapshots.get(key)
            if current is None or current.stamp != stamp:
                current = Snapshot(tables, stamp)
                _snapshots[key] = current
    return current


def bits_of(positions, size) -> int:
    mask = bytearray((size + 7) // 8)
    for p in positions:
        mask[p >> 3] |= 1 << (p & 7)
    return int.from_bytes(mask, "little")


class Snapshot:
    def __init__(self, tables, stamp):
        self.stamp = stamp
        entries = tables.entry.objects.all()
        priced = "price" in {f.name for f in tables.entry._meta.fields}
        if priced:
            entries = entries.order_by(F("price").asc(nulls_last=True), "pk")
            rows = list(entries.values_list("pk", "price"))
        else:
            rows = [(pk, None) for pk in entries.order_by("pk").values_list("pk", flat=True)]
        self.ids = [pk for pk, _price in rows]
        self.size = len(self.ids)
        self.position = {pk: n for n, pk in enumerate(self.ids)}
        self.prices = [price for _pk, price in rows if price is not None]  # ascending, positions 0..len-1
        self.everything = (1 << self.size) - 1
        # The database orders each sort (its collation for names, ties by id), as the SQL pages did.
        self.orders = {
            sort: [self.position[pk] for pk in tables.entry.objects.order_by(*ordering).values_list("pk", flat=True)]
            for sort, ordering in tables.orders.items()
        }
        self.rank = {sort: _ranks(order, self.size) for sort, order in self.orders.items()}
        values = {}
        facet_rows = tables.facet_entry.objects.exclude(facet=EVERYTHING).values_list("entry_id", "facet", "value")
        for entry_id, facet, value in facet_rows.iterator(chunk_size=20_000):
            values.setdefault(facet, {}).setdefault(value, []).append(self.position[entry_id])
        self.facets = {
            facet: {value: bits_of(positions, self.size) for value, positions in by_value.items()}
            for facet, by_value in values.items()
        }

    # What a query selects ------------------------------------------------------

    def selected(self, facet, values) -> int:
        by_value = self.facets.get(facet, {})
        bits = 0
        for value in values:
            bits |= by_value.get(value, 0)
        return bits

    def in_ranges(self, ranges) -> int:
        """Entries whose price is in the range (bounds included; no price never matches)."""
        low, high = 0, len(self.prices)
        for lookup, bound in ranges.items():
            if lookup == "price__gte":
                low = max(low, bisect_left(self.prices, bound))
            elif lookup == "price__lte":
                high = min(high, bisect_right(self.prices, bound))
            else:
                raise ValueError(f"No bitmap for the range {lookup}.")
        return ((1 << high) - 1) ^ ((1 << low) - 1) if high > low else 0

    def of_ids(self, ids) -> int:
        return bits_of((self.position[pk] for pk in ids if pk in self.position), self.size)

    # Answers -------------------------------------------------------------------

    def counts(self, bits, facet) -> dict:
        return {value: n for value, mask in self.facets.get(facet, {}).items() if (n := (bits & mask).bit_count())}

    def page(self, bits, total, sort, offset, limit) -> list:
        """Ids of the hits offset..offset+limit in the sort's order."""
        order, rank = self.orders[sort], self.rank[sort]
        wanted = offset + limit
        if total <= SPARSE:
            hits = heapq.nsmallest(wanted, _set_bits(bits, self.size), key=rank.__getitem__)
        else:
            member = bits.to_bytes((self.size + 7) // 8, "little")
            hits = []
            for p in order:
                if member[p >> 3] >> (p & 7) & 1:
                    hits.append(p)
                    if len(hits) == wanted:
                        break
        return [self.ids[p] for p in hits[offset:wanted]]

    def page_ranked(self, bits, ranked, tiebreak, offset, limit) -> list:
        """Ids of the hits in full-text rank order (ties by the tiebreak sort): `ranked` is (id, rank) rows."""
        member = bits.to_bytes((self.size + 7) // 8, "little")
        rank = self.rank[tiebreak]
        hits = (
            (score, rank[p], p)
            for pk, score in ranked
            if (p := self.position.get(pk)) is not None and member[p >> 3] >> (p & 7) & 1
        )
        return [self.ids[p] for _score, _rank, p in heapq.nsmallest(offset + limit, hits)[offset:]]


def _ranks(order, size) -> list:
    rank = [0] * size
    for n, p in enumerate(order):
        rank[p] = n
    return rank


def _set_bits(bits, size):
    for index, byte in enumerate(bits.to_bytes((size + 7) // 8, "little")):
        while byte:
            low = byte & -byte
            yield index * 8 + low.bit_length() - 1
            byte ^= low
