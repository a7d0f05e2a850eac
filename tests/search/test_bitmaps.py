"""The database backend's in-memory parts that need no index: bitmaps built
from positions and the bounded memory of recent texts."""

from search.backends.bitmaps import Recent, bits_of


def test_bits_of_sets_the_bit_of_each_position():
    assert bits_of([0, 3, 4], size=5) == 0b11001
    assert bits_of([3, 3], size=9) == 0b1000
    assert bits_of([], size=0) == 0


def test_recent_forgets_the_least_recently_used_key_first():
    recent = Recent(2)
    recent.put("pain", 1)
    recent.put("miel", 2)
    assert recent.get("pain") == 1  # now the most recently used
    recent.put("café", 3)
    assert (recent.get("pain"), recent.get("miel"), recent.get("café")) == (1, None, 3)
    recent.clear()
    assert recent.get("pain") is None
