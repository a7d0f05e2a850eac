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

Relevance is computed on bitmaps too: the hits with more of the query's
words in their name come first, among them the shorter names (the closer
match; a bitmap per name length), then the tiebreak sort. So a text needs,
per word, which entries have it anywhere and which in their name, and no
score per match: a text matching every product ranks as fast as a rare one.
A snapshot remembers those two bitmaps for the words last searched, so the
full-text statement runs once per word and stamp, not once per page, facet
click or text sharing the word."""

import heapq
import json
import re
import threading
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from dataclasses import dataclass
from itertools import islice

from django.db import connection
from django.db.models import F

EVERYTHING = "_all"
SPARSE = 4000  # below this many hits, sort the hits; above, walk the order until the page is full
BLOCK = 2048  # entries of a sort order whose hits a deep page counts at once, to skip them
RECENT_WORDS = 256  # query words a snapshot remembers: two bitmaps each, 25 KB at 100,000 entries
LONGEST_NAME = 12  # names of more words rank as if they had this many
_WORD = re.compile(r"[^\W_]+")  # a word of an already folded name, as search.interface.words splits it

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


def clear_word_caches() -> None:
    """Forget the words every snapshot remembers (the benchmark starts its timing from empty caches)."""
    for current in list(_snapshots.values()):
        current.words.clear()


# The ids of a group of rows as one comma-separated text, per database.
_ID_LIST = {"sqlite": "group_concat(entry_id)", "postgresql": "string_agg(entry_id::text, ',')"}

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
            rows = list(entries.values_list("pk", "price", tables.name_sort))
        else:
            rows = [(pk, None, name) for pk, name in entries.order_by("pk").values_list("pk", tables.name_sort)]
        self.ids = [pk for pk, _price, _name in rows]
        self.size = len(self.ids)
        # position_of[id]: the entry's position; ids of no entry get `size`, a
        # bit beyond every entry. A list, not a dict: 8 times faster to look up
        # the tens of thousands of ids a word can match.
        self.position_of = [self.size] * (max(self.ids, default=0) + 1)
        for position, pk in enumerate(self.ids):
            self.position_of[pk] = position
        self.prices = [price for _pk, price, _name in rows if price is not None]  # ascending, positions 0..len-1
        by_length = [[] for _length in range(LONGEST_NAME)]  # positions of the names of 1, 2… words
        for position, (_pk, _price, name) in enumerate(rows):
            by_length[min(max(len(_WORD.findall(name)), 1), LONGEST_NAME) - 1].append(position)
        self.name_lengths = [bits_of(positions, self.size) for positions in by_length]
        self.everything = (1 << self.size) - 1
        # The database orders each sort (its collation for names, ties by id), as the SQL pages did.
        self.orders = {
            sort: [self.position_of[pk] for pk in tables.entry.objects.order_by(*ordering).values_list("pk", flat=True)]
            for sort, ordering in tables.orders.items()
        }
        self.rank = {sort: _ranks(order, self.size) for sort, order in self.orders.items()}
        self.blocks = {
            sort: [bits_of(order[start : start + BLOCK], self.size) for start in range(0, self.size, BLOCK)]
            for sort, order in self.orders.items()
        }
        # One row a facet value with its entries' ids (not one a pair: 600,000 at 100,000 products).
        self.facets = {}
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT facet, value, {_ID_LIST[connection.vendor]} FROM {tables.facet_entry._meta.db_table} "
                "WHERE facet <> %s GROUP BY facet, value",
                [EVERYTHING],
            )
            for facet, value, ids in cursor.fetchall():
                self.facets.setdefault(facet, {})[value] = self.of_ids(_ids(ids))
        self.words = Recent(RECENT_WORDS)  # query word -> WordMatch
        # Located entries by latitude: a distance filter reads the band of its bounding box.
        self.located = []  # (latitude, longitude, position), ascending
        if "latitude" in {f.name for f in tables.entry._meta.fields}:
            coordinates = tables.entry.objects.exclude(latitude=None).exclude(longitude=None)
            self.located = sorted(
                (latitude, longitude, self.position_of[pk])
                for pk, latitude, longitude in coordinates.values_list("pk", "latitude", "longitude")
            )
        self.latitudes = [latitude for latitude, _longitude, _position in self.located]

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

    def near(self, near) -> dict:
        """The positions of the entries within the distance filter, with their distance in km:
        the bounding box's band of latitudes (a bisection), its longitudes, then the exact distance."""
        south, north, west, east = near.bounding_box()
        band = self.located[bisect_left(self.latitudes, south) : bisect_right(self.latitudes, north)]
        found = {}
        for latitude, longitude, position in band:
            if west <= longitude <= east:
                distance = near.distance_to(latitude, longitude)
                if distance <= near.km:
                    found[position] = distance
        return found

    def of_ids(self, ids) -> int:
        """The bitmap of the ids; ids that are no entry (of a product deleted
        since, say) count for nothing."""
        try:
            positions = map(self.position_of.__getitem__, ids)
            return bits_of(positions, self.size + 1) & self.everything
        except IndexError:  # an id above every entry's
            known = len(self.position_of)
            return self.of_ids([pk for pk in ids if pk < known])

    # Words of the text -------------------------------------------------------------

    def word_matched(self, term, anywhere, in_name) -> "WordMatch":
        """Remember the entries with a word starting with `term` anywhere and in
        their name (comma-separated ids, None for none, as fulltext.term_sql selects them)."""
        found = WordMatch(self.of_ids(_ids(anywhere)), self.of_ids(_ids(in_name)))
        self.words.put(term, found)
        return found

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

    def page_by_distance(self, bits, distances, tiebreak, offset, limit) -> list:
        """Ids of the hits offset..offset+limit, the nearest first (ties in the tiebreak sort).
        distances: position -> km of every hit (hits of a distance filter all have one)."""
        rank = self.rank[tiebreak]
        hits = heapq.nsmallest(offset + limit, _set_bits(bits, self.size), key=lambda p: (distances[p], rank[p]))
        return [self.ids[p] for p in hits[offset:]]

    def page_by_relevance(self, bits, in_name, tiebreak, offset, limit) -> list:
        """Ids of the hits offset..offset+limit by relevance: those with more of
        the text's words in their name first, among them the shorter names
        first (a closer match), then the tiebreak sort. in_name: per word of
        the text, the bitmap of the entries with it in their name."""
        ids = []
        for group in self._relevance_groups(bits, in_name):
            size = group.bit_count()
            if offset >= size:  # the page starts after this group: a popcount skips it
                offset -= size
                continue
            ids += self.page(group, size, tiebreak, offset, limit - len(ids))
            offset = 0
            if len(ids) == limit:
                break
        return ids

    def _relevance_groups(self, bits, in_name):
        """The hits cut into groups of equal relevance, the most relevant first."""
        # with_words[n]: the hits with exactly n of the words in their name.
        with_words = [bits]
        for named in in_name:
            with_words = [
                (with_words[n] & ~named if n < len(with_words) else 0) | (with_words[n - 1] & named if n else 0)
                for n in range(len(with_words) + 1)
            ]
        for group in reversed(with_words[1:]):
            if group:
                for length in self.name_lengths:
                    yield group & length
        yield with_words[0]


@dataclass(frozen=True)
class WordMatch:
    anywhere: int  # the entries with a word starting with the query word
    in_name: int  # those with such a word in their name


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


def _ids(text) -> list:
    """The ids of a comma-separated text (None: no id). json reads them twice as fast as int() one by one."""
    return json.loads(f"[{text}]") if text else []


def _set_bits(bits, size):
    for index, byte in enumerate(bits.to_bytes((size + 7) // 8, "little")):
        while byte:
            low = byte & -byte
            yield index * 8 + low.bit_length() - 1
            byte ^= low
