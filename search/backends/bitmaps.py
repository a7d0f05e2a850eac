"""Facet counts and result pages of the database backend, computed in memory.

SQL counts facet values with GROUP BYs that read one row per (entry, facet
value) the filters leave: at 100,000 products that is most of a second. Here
each facet value is a bitmap over the index's entries (a Python int, one bit
an entry), so a facet's counts are an AND and a popcount per value, whatever
the number of entries, and a page of results is the first set bits in the
wanted order.

A snapshot of an index is read from the database once and shared by the
process's requests. Each write draws a new version and stamp (IndexState) and
journals the entries it changed (IndexChange): the next search patches a copy of
the snapshot with those entries only (`Snapshot.patched`, milliseconds) instead
of reading 100,000 entries again (a second). A changed entry loses its bit and
comes back at a new position after the last; each sort order gets it where the
database orders it. A rebuild, a write rolled back, a large batch or a snapshot
with too many dead positions is read whole again. Entries sit in price order, so
a price range is one run of bits, plus the few entries appended since.

Relevance is computed on bitmaps too: the hits with more of the query's
words in their name come first, among them the shorter names (the closer
match; a bitmap per name length), then the tiebreak sort. So a text needs,
per word, which entries have it anywhere and which in their name, and no
score per match: a text matching every product ranks as fast as a rare one.
A snapshot remembers those two bitmaps for the words last searched, so the
full-text statement runs once per word, not once per page, facet click or text
sharing the word. A patch keeps them: the next search of a word asks the
database only about the entries changed since (a statement over a few ids, not
the thousands of entries a common word has)."""

import copy
import heapq
import json
import re
import threading
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from dataclasses import dataclass
from itertools import accumulate, chain, islice

from django.db import connection
from django.db.models import F, OrderBy

from ..models import IndexChange

EVERYTHING = "_all"
SPARSE = 4000  # below this many hits, sort the hits; above, walk the order until the page is full
BLOCK = 2048  # entries of a sort order whose hits a deep page counts at once, to skip them
RECENT_WORDS = 256  # query words a snapshot remembers: two bitmaps each, 25 KB at 100,000 entries
LONGEST_NAME = 12  # names of more words rank as if they had this many
PATCH_LIMIT = 200  # entries a patch takes at most (a few statements each); more are read whole
CHANGES_KEPT = 1000  # versions of the journal kept: a snapshot further behind reloads
NOWHERE = -1  # the position of an id that is no entry: bits_of(…, size + 1) sets the bit past the last
_WORD = re.compile(r"[^\W_]+")  # a word of an already folded name, as search.interface.words splits it

_snapshots = {}
_lock = threading.Lock()


def snapshot(tables, version, stamp):
    """The index's bitmaps as of `version` and `stamp`, loaded or patched at most
    once per stamp and database."""
    key = (tables.name, connection.alias)
    current = _snapshots.get(key)
    if current is None or current.stamp != stamp:
        with _lock:
            current = _snapshots.get(key)
            if current is None or current.stamp != stamp:
                current = (current and current.patched(version, stamp)) or Snapshot(tables, version, stamp)
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
    def __init__(self, tables, version, stamp):
        self.tables, self.version, self.stamp = tables, version, stamp
        entries = tables.entry.objects.all()
        self.priced = "price" in {f.name for f in tables.entry._meta.fields}
        if self.priced:
            entries = entries.order_by(F("price").asc(nulls_last=True), "pk")
            rows = list(entries.values_list("pk", "price", tables.name_sort))
        else:
            rows = [(pk, None, name) for pk, name in entries.order_by("pk").values_list("pk", tables.name_sort)]
        self.ids = [pk for pk, _price, _name in rows]
        self.size = len(self.ids)
        self.dead = 0  # positions of entries changed or removed since the load
        # position_of[id]: the entry's position, NOWHERE for ids of no entry. A list,
        # not a dict: 8 times faster to look up the tens of thousands of ids a word can match.
        self.position_of = [NOWHERE] * (max(self.ids, default=0) + 1)
        for position, pk in enumerate(self.ids):
            self.position_of[pk] = position
        self.prices = [price for _pk, price, _name in rows if price is not None]  # ascending, positions 0..len-1
        self.appended_prices = []  # (price, position) of the priced entries patched in since
        by_length = [[] for _length in range(LONGEST_NAME)]  # positions of the names of 1, 2… words
        for position, (_pk, _price, name) in enumerate(rows):
            by_length[_name_length(name)].append(position)
        self.name_lengths = [bits_of(positions, self.size) for positions in by_length]
        self.everything = (1 << self.size) - 1
        # The database orders each sort (its collation for names, ties by id), as the SQL pages did.
        orders = {
            sort: [self.position_of[pk] for pk in tables.entry.objects.order_by(*ordering).values_list("pk", flat=True)]
            for sort, ordering in tables.orders.items()
        }
        # rank[sort][position]: increasing along the order; a patch gives an inserted
        # position a value between its neighbours' (a float), so nothing is renumbered.
        self.rank = {sort: _ranks(order, self.size) for sort, order in orders.items()}
        # Each sort order in blocks (lists of positions, BLOCK at first): a patch copies the blocks it inserts
        # into, not the whole order. Per block, the bitmap of its positions and the index in the order where it ends.
        self.orders = {sort: [o[i : i + BLOCK] for i in range(0, self.size, BLOCK)] for sort, o in orders.items()}
        self.blocks = {sort: [bits_of(block, self.size) for block in order] for sort, order in self.orders.items()}
        self.block_ends = {sort: list(accumulate(map(len, order))) for sort, order in self.orders.items()}
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

    # Patches -------------------------------------------------------------------

    def patched(self, version, stamp):
        """A copy of this snapshot with the changes journalled since, as of `version`
        and `stamp`; None when it must be read whole (see the module's docstring)."""
        if version <= self.version:
            return None
        changes = list(
            IndexChange.objects.filter(index=self.tables.name, version__gte=self.version, version__lte=version)
            .order_by("version")
            .values_list("version", "stamp", "entries")
        )
        if (
            len(changes) != version - self.version + 1
            or changes[0][:2] != (self.version, self.stamp)
            or changes[-1][1] != stamp
            or any(entries is None for _version, _stamp, entries in changes[1:])
        ):
            return None
        ids = sorted({pk for _version, _stamp, entries in changes[1:] for pk in entries})
        if len(ids) > PATCH_LIMIT or self.dead + len(ids) > self.size // 4 + PATCH_LIMIT:
            return None
        patched = copy.copy(self)
        try:
            patched._patch(ids)
        except _Unknown:
            return None
        patched.version, patched.stamp = version, stamp
        return patched

    def _patch(self, ids):
        """Kill the positions of `ids` and append those still in the index. Runs on a fresh
        copy, as other threads read the original: the lists it changes are copied first, but
        for `ids` and `rank`, which it only extends (a snapshot reads no position past its
        size), and the orders, whose blocks _insert copies when it inserts into one. Copying
        them all (eight lists of 100,000) cost most of a patch. A snapshot is patched once at
        most (the next one replaces it under the lock), so no two patches extend them."""
        tables = self.tables
        if len(self.ids) != self.size:  # a patch of this snapshot failed half-way: read it whole
            raise _Unknown
        self.position_of = list(self.position_of)
        self.appended_prices = list(self.appended_prices)
        self.name_lengths = list(self.name_lengths)
        self.facets = {facet: dict(by_value) for facet, by_value in self.facets.items()}
        self.orders = {sort: list(order) for sort, order in self.orders.items()}
        self.blocks = {sort: list(blocks) for sort, blocks in self.blocks.items()}
        self.block_ends = {sort: list(ends) for sort, ends in self.block_ends.items()}
        self.located, self.latitudes = list(self.located), list(self.latitudes)
        # The words remembered stay right for every entry but the changed ones, whose words the next
        # search of each asks the database for (WordMatch.changed, Snapshot.word_fixed).
        self.words = self.words.stale_copy(ids)
        for pk in ids:
            if pk < len(self.position_of) and self.position_of[pk] != NOWHERE:
                self.everything &= ~(1 << self.position_of[pk])
                self.position_of[pk] = NOWHERE
                self.dead += 1
        fields = list(dict.fromkeys(["pk", tables.name_sort, *(f for o in tables.orders.values() for f in _fields(o))]))
        located = "latitude" in {f.name for f in tables.entry._meta.fields}
        if located:
            fields += ["latitude", "longitude"]
        rows = {row["pk"]: row for row in tables.entry.objects.filter(pk__in=ids).values(*fields)}
        if not rows:
            return
        self.position_of += [NOWHERE] * (max(rows) + 1 - len(self.position_of))
        for pk, row in rows.items():
            position = self.size
            self.size += 1
            self.ids.append(pk)
            self.position_of[pk] = position
            bit = 1 << position
            self.everything |= bit
            self.name_lengths[_name_length(row[tables.name_sort])] |= bit
            if self.priced and row["price"] is not None:
                self.appended_prices.append((row["price"], position))
            if located and row["latitude"] is not None and row["longitude"] is not None:
                index = bisect_right(self.latitudes, row["latitude"])
                self.latitudes.insert(index, row["latitude"])
                self.located.insert(index, (row["latitude"], row["longitude"], position))
        for pk, facet, value in tables.facet_entry.objects.filter(entry_id__in=rows).values_list(
            "entry_id", "facet", "value"
        ):
            by_value = self.facets.setdefault(facet, {})
            by_value[value] = by_value.get(value, 0) | 1 << self.position_of[pk]
        # Each changed entry goes after the unchanged entry just before it in each sort's database order.
        before = {pk: _predecessors(tables, row, ids) for pk, row in rows.items()}
        for sort, ordering in tables.orders.items():
            previous = (None, None)  # the last entry put in this order, and the one it was put after
            in_order = tables.entry.objects.filter(pk__in=rows).order_by(*ordering).values_list("pk", flat=True)
            for pk in in_order if len(rows) > 1 else rows:
                # After that unchanged entry (None: first) or, when the previous changed entry went
                # after the same one, after that changed entry.
                after = self.position_of[before[pk][sort]] if before[pk][sort] is not None else None
                if after == NOWHERE:  # the snapshot does not know it: read it whole
                    raise _Unknown
                position = self.position_of[pk]
                self._insert(sort, position, previous[0] if previous[0] is not None and after == previous[1] else after)
                previous = (position, after)

    def _insert(self, sort, position, after):
        """Put `position` in the sort's order right after the position `after` (None: at the start)."""
        order, rank, ends = self.orders[sort], self.rank[sort], self.block_ends[sort]
        rank += [0] * (self.size - len(rank))
        if not order:
            order.append([])
            self.blocks[sort].append(0)
            ends.append(0)
        if after is None:
            block, index = 0, 0
        else:  # in the first block whose last position ranks after `after` (else the last block)
            block = min(bisect_right(order, rank[after], key=lambda positions: rank[positions[-1]]), len(order) - 1)
            index = bisect_right(order[block], rank[after], key=rank.__getitem__)
        positions = order[block] = list(order[block])  # a copy: other threads read the original
        if index:
            low = rank[positions[index - 1]]
        elif block:
            low = rank[order[block - 1][-1]]
        else:
            low = rank[positions[0]] - 1 if positions else 0
        high = rank[positions[index]] if index < len(positions) else low + 2
        middle = (low + high) / 2
        positions.insert(index, position)
        rank[position] = middle
        if not low < middle < high:  # floats ran out between two neighbours: number them again, in a copy
            rank = self.rank[sort] = list(rank)
            for n, p in enumerate(chain.from_iterable(order)):
                rank[p] = n
        self.blocks[sort][block] |= 1 << position
        for n in range(block, len(ends)):
            ends[n] += 1

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
        bits = ((1 << high) - 1) ^ ((1 << low) - 1) if high > low else 0
        for price, position in self.appended_prices:
            if ranges.get("price__gte", price) <= price <= ranges.get("price__lte", price):
                bits |= 1 << position
        return bits

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
        since, say) count for nothing: NOWHERE sets the bit past the last position."""
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

    def word_fixed(self, term, stale, anywhere, in_name) -> "WordMatch":
        """Remember a match remembered before a patch, with those of its changed entries that
        have the word now (anywhere and in their name, as word_matched takes them). Their old
        positions are dead, outside `everything`, which every search intersects first."""
        found = WordMatch(stale.anywhere | self.of_ids(_ids(anywhere)), stale.in_name | self.of_ids(_ids(in_name)))
        self.words.put(term, found)
        return found

    # Answers -------------------------------------------------------------------

    def counts(self, bits, facet) -> dict:
        return {value: n for value, mask in self.facets.get(facet, {}).items() if (n := (bits & mask).bit_count())}

    def page(self, bits, total, sort, offset, limit) -> list:
        """Ids of the hits offset..offset+limit in the sort's order."""
        wanted = offset + limit
        order, ends = self.orders[sort], self.block_ends[sort]
        if total == self.size:  # every entry is a hit (never once a patch left dead positions)
            block = bisect_right(ends, offset)
            start = ends[block - 1] if block else 0
            return [self.ids[p] for p in islice(chain.from_iterable(order[block:]), offset - start, wanted - start)]
        if total <= SPARSE:
            hits = heapq.nsmallest(wanted, _set_bits(bits, self.size), key=self.rank[sort].__getitem__)
            return [self.ids[p] for p in hits[offset:wanted]]
        # Skip the blocks of the order that end before the page (a popcount each),
        # then walk the order from there until the page is full.
        skipped = block = 0
        for mask in self.blocks[sort]:
            inside = (bits & mask).bit_count()
            if skipped + inside > offset:
                break
            skipped += inside
            block += 1
        member = bits.to_bytes((self.size + 7) // 8, "little")
        hits = []
        for p in chain.from_iterable(order[block:]):
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


class _Unknown(Exception):
    """A patch met an entry the snapshot should know and does not."""


def _name_length(name) -> int:
    """The index of name_lengths for a name: its number of words, from 1 to LONGEST_NAME, less one."""
    return min(max(len(_WORD.findall(name)), 1), LONGEST_NAME) - 1


def _terms(ordering):
    """(field, descending, nulls) per term of an ORM ordering, nulls "first", "last" or None
    for the database's default; the index's nullable columns all sort their nulls last."""
    for term in ordering:
        if isinstance(term, OrderBy):
            nulls = "first" if term.nulls_first else "last" if term.nulls_last else None
            yield term.expression.name, term.descending, nulls
        else:
            yield term.lstrip("-"), term.startswith("-"), None


def _fields(ordering) -> list:
    return [field for field, _descending, _nulls in _terms(ordering)]


def _predecessors(tables, row, changed) -> dict:
    """sort -> id of the entry the sort's database order puts just before the one whose
    fields are `row`, among those not `changed` (None: it comes first). One statement for
    every sort: through the ORM, a statement per sort and group cost a millisecond each to
    compile, most of a patch's time."""
    meta, quote = tables.entry._meta, connection.ops.quote_name
    pk = quote(meta.pk.column)
    unchanged = ", ".join(["%s"] * len(changed))
    columns, params = [], []
    for ordering in tables.orders.values():
        terms = list(_terms(ordering))
        groups = []
        for depth, conditions, values in _before(terms, row, meta):
            # Walking the order backwards from `row`: every term reversed. The terms up to `depth` are
            # equal or not null in the group: no NULLS clause there, so that an index walked backwards
            # gives the order (with one, PostgreSQL sorted every entry of a price range: 6 ms).
            backwards = ", ".join(
                f"{quote(meta.get_field(field).column)} {'ASC' if descending else 'DESC'}"
                + ({"first": " NULLS LAST", "last": " NULLS FIRST", None: ""}[nulls] if n > depth else "")
                for n, (field, descending, nulls) in enumerate(terms)
            )
            groups.append(
                f"(SELECT {pk} FROM {quote(meta.db_table)} WHERE {conditions} AND {pk} NOT IN ({unchanged}) "
                f"ORDER BY {backwards} LIMIT 1)"
            )
            params += [*values, *changed]
        columns.append(f"COALESCE({', '.join(groups)})")  # the closest group that has one
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)}", params)
        return dict(zip(tables.orders, cursor.fetchone(), strict=True))


def _before(terms, row, meta):
    """The entries an ordering puts before the one whose fields are `row`, in groups, the
    closest first, as (depth, SQL condition, parameters): equal on every term but the last and
    before on it, then equal on every term but the last two and before on the one before…
    Each group is one range of an index (an OR of them all is not: it cost 10 ms a statement
    at 100,000 products). Nulls come last in every ordering of the index."""
    quote = connection.ops.quote_name

    def column(field):
        return quote(meta.get_field(field).column)

    def value(field):
        return meta.get_field(field).get_db_prep_value(row[field], connection)

    for depth in reversed(range(len(terms))):
        conditions, values = [], []
        for field, _descending, _nulls in terms[:depth]:
            if row[field] is None:
                conditions.append(f"{column(field)} IS NULL")
            else:
                conditions.append(f"{column(field)} = %s")
                values.append(value(field))
        field, descending, _nulls = terms[depth]
        if row[field] is None:  # nulls last: every value comes before
            conditions.append(f"{column(field)} IS NOT NULL")
        else:
            conditions.append(f"{column(field)} {'>' if descending else '<'} %s")
            values.append(value(field))
        yield depth, " AND ".join(conditions), values


@dataclass(frozen=True)
class WordMatch:
    anywhere: int  # the entries with a word starting with the query word
    in_name: int  # those with such a word in their name
    changed: frozenset = frozenset()  # ids of entries changed since: whether they have the word is unknown


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

    def stale_copy(self, changed) -> "Recent":
        """A copy whose word matches know not whether the `changed` ids have their word; a match
        that would not know it of more than PATCH_LIMIT entries is forgotten (asked again whole)."""
        copied = Recent(self.size)
        with self._lock:
            for key, match in self._items.items():
                unknown = match.changed.union(changed)
                if len(unknown) <= PATCH_LIMIT:
                    copied._items[key] = WordMatch(match.anywhere, match.in_name, unknown)
        return copied


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
