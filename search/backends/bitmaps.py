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
price range is one run of bits.

A snapshot also remembers, for the texts last searched, which entries match
(a bitmap) and, once ranked, their full-text scores: the full-text statements
then run once per text and stamp, not once per page or facet click."""

import heapq
import threading
from array import array
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from dataclasses import dataclass, replace
from itertools import compress, islice
from operator import itemgetter

from django.db import connection
from django.db.models import F

EVERYTHING = "_all"
SPARSE = 4000  # below this many hits, sort the hits; above, walk the order until the page is full
BLOCK = 2048  # entries of a sort order whose hits a deep page counts at once, to skip them
RECENT_TEXTS = 32  # texts a snapshot remembers; a ranked one takes 12 bytes a match, ~1 MB at most at 100,000

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


def clear_text_caches() -> None:
    """Forget the texts every snapshot remembers (the benchmark starts its timing from empty caches)."""
    for current in list(_snapshots.values()):
        current.texts.clear()


# One byte a position, 0 or 1, turned into the characters of a binary number:
# int(…, 2) then builds the bitmap in C, several times faster than setting bits one by one.
_BINARY_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


def bits_of(positions, size) -> int:
    flags = bytearray(size)
    for p in positions:
        flags[p] = 1
    return int(flags[::-1].translate(_BINARY_DIGITS), 2) if size else 0


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
        self.blocks = {
            sort: [bits_of(order[start : start + BLOCK], self.size) for start in range(0, self.size, BLOCK)]
            for sort, order in self.orders.items()
        }
        values = {}
        facet_rows = tables.facet_entry.objects.exclude(facet=EVERYTHING).values_list("entry_id", "facet", "value")
        for entry_id, facet, value in facet_rows.iterator(chunk_size=20_000):
            values.setdefault(facet, {}).setdefault(value, []).append(self.position[entry_id])
        self.facets = {
            facet: {value: bits_of(positions, self.size) for value, positions in by_value.items()}
            for facet, by_value in values.items()
        }
        self.texts = Recent(RECENT_TEXTS)  # terms -> TextMatch

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
        return bits_of(self._positions(ids), self.size)

    def _positions(self, ids) -> list:
        """Positions of the ids; ids that are no entry (full text of a product
        deleted since) have none. map() rather than a loop: texts can match
        tens of thousands of entries."""
        positions = list(map(self.position.get, ids))
        return positions if None not in positions else [p for p in positions if p is not None]

    # Texts -----------------------------------------------------------------------

    def matching(self, terms, ids) -> "TextMatch":
        """Remember the entries matching the terms (ids: every match's)."""
        bits = self.of_ids(ids)
        found = TextMatch(bits, bits.bit_count())
        self.texts.put(terms, found)
        return found

    def ranked(self, terms, found, rows, limit=None, ties_kept=False) -> "TextMatch":
        """Remember the scores of the text's matches; rows: (id, score), the best
        (lowest) score first, of every match or of the `limit` best (and, when
        ties_kept, of every match scored like the last of them)."""
        positions = list(map(self.position.get, map(itemgetter(0), rows)))
        scores = list(map(itemgetter(1), rows))
        if None in positions:  # see _positions
            kept = [p is not None for p in positions]
            positions, scores = list(compress(positions, kept)), list(compress(scores, kept))
        complete = limit is None or len(rows) < limit
        if not complete and not ties_kept and scores:  # the last score's ties may go on: keep the scores below it
            cut = bisect_left(scores, scores[-1])
            positions, scores = positions[:cut], scores[:cut]
        found = replace(found, positions=array("i", positions), scores=array("d", scores), complete=complete)
        self.texts.put(terms, found)
        return found

    def ids_of(self, bits) -> list:
        return [self.ids[p] for p in _set_bits(bits, self.size)]

    # Answers -------------------------------------------------------------------

    def counts(self, bits, facet) -> dict:
        return {value: n for value, mask in self.facets.get(facet, {}).items() if (n := (bits & mask).bit_count())}

    def page(self, bits, total, sort, offset, limit) -> list:
        """Ids of the hits offset..offset+limit in the sort's order."""
        wanted = offset + limit
        order = self.orders[sort]
        if total == self.size:  # every entry is a hit
            return [self.ids[p] for p in order[offset:wanted]]
        if total <= SPARSE:
            hits = heapq.nsmallest(wanted, _set_bits(bits, self.size), key=self.rank[sort].__getitem__)
            return [self.ids[p] for p in hits[offset:wanted]]
        # Skip the blocks of the order that end before the page (a popcount each),
        # then walk the order from there until the page is full.
        start = skipped = 0
        for mask in self.blocks[sort]:
            inside = (bits & mask).bit_count()
            if skipped + inside > offset:
                break
            skipped += inside
            start += BLOCK
        member = bits.to_bytes((self.size + 7) // 8, "little")
        hits = []
        for p in islice(order, start, None):
            if member[p >> 3] >> (p & 7) & 1:
                hits.append(p)
                if len(hits) == wanted - skipped:
                    break
        return [self.ids[p] for p in hits[offset - skipped :]]

    def page_by_score(self, bits, total, found, tiebreak, offset, limit) -> list | None:
        """Ids of the hits offset..offset+limit by the text's scores, ties by the
        tiebreak sort: the first hits in score order, and every hit tied with the
        last of them, sorted. None when the text's ranked matches are only its
        best ones and do not hold the page."""
        wanted = offset + limit
        positions, scores = found.positions, found.scores
        rank = self.rank[tiebreak]
        if total == found.count:  # every match is a hit: the page ends inside the run of ties of the last one
            if len(positions) < min(wanted, total):
                return None
            last = scores[min(wanted, total) - 1]
            tied, beyond = bisect_left(scores, last), bisect_right(scores, last)  # runs are whole, see ranked()
            before = sorted(range(tied), key=lambda n: (scores[n], rank[positions[n]]))
            # A run of ties can hold thousands (ts_rank ignores lengths): its first by the tiebreak sort, as a page.
            run = positions[tied:beyond]
            ties = self.page(bits_of(run, self.size), len(run), tiebreak, 0, wanted - tied)
            return ([self.ids[positions[n]] for n in before] + ties)[offset:wanted]
        member = bits.to_bytes((self.size + 7) // 8, "little")
        picked = []
        for n, p in enumerate(positions):
            if member[p >> 3] >> (p & 7) & 1:
                if len(picked) >= wanted and scores[n] != scores[picked[-1]]:
                    break
                picked.append(n)
        if len(picked) < wanted and not found.complete:
            return None
        picked.sort(key=lambda n: (scores[n], rank[positions[n]]))
        return [self.ids[positions[n]] for n in picked[offset:wanted]]

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


@dataclass(frozen=True)
class TextMatch:
    bits: int  # the entries matching every term
    count: int  # how many
    # Once ranked: positions and scores of the matches, the best first (ties in
    # any order); all of them when complete, else the best ones, every match
    # scored better than the first left out.
    positions: array | None = None
    scores: array | None = None
    complete: bool = False


class Recent:
    """A map of at most `size` keys that forgets the least recently used one;
    safe for the threads that share a snapshot."""

    def __init__(self, size):
        self.size = size
        self._items = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key, value):
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            if len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self):
        with self._lock:
            self._items.clear()


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
