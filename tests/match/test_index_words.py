"""How the index reads words: batches of texts counted at once, by a numpy hash table.

The reference everywhere is the plain reading of a text, one word at a time:
`term_of(w)` for each of `words(text)`.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from landml.match.index import (
    _TABLE,
    _UNSEEN,
    TermVocabulary,
    _TermCounts,
    _word_bounds,
    _word_hashes,
    _WordTable,
    term_of,
    words,
)

# Words worth mixing: function words, plurals, digits, one letter, C++/C#, accents, CJK,
# long words sharing their first 8 and 16 bytes, separators of every kind.
PIECES = st.sampled_from(
    [
        "the", "and", "Models", "model", "PyTorch", "c++", "C#", "r", "x", "2024", "tf-idf",
        "naïve", "café", "résumé", "東京", "データ", "kubernetes", "Kubernetes",
        "internationalisation", "internationalization", "internationalisations",
        "abcdefgh", "abcdefghi", "abcdefghij", "abcdefghijklmnopq", "abcdefghijklmnopr",
        ",", ".", " ", "\n", "\t", "  ", "—", "(", ")", "/", "\u00a0", "\ud800",
    ]
)  # fmt: skip
TEXT = st.lists(PIECES, max_size=40).map("".join) | st.text(max_size=80)


def reference_counts(text: str, vocabulary: TermVocabulary) -> dict[int, int]:
    counted: Counter[int] = Counter()
    for word in words(text):
        if term_of(word) is not None:
            counted[vocabulary.learn(word)] += 1
    return dict(counted)


def batch_counts(counts: _TermCounts) -> list[dict[int, int]]:
    out = []
    for cols, tf, entries in counts.parts:
        ends = np.cumsum(entries)
        for end, n in zip(ends.tolist(), entries.tolist(), strict=True):
            out.append(
                dict(zip(cols[end - n : end].tolist(), tf[end - n : end].tolist(), strict=True))
            )
    return out


@settings(max_examples=150, deadline=None)
@given(st.lists(TEXT, max_size=12), st.integers(min_value=1, max_value=5))
def test_batched_counts_equal_counting_word_by_word(texts: list[str], batch: int) -> None:
    vocabulary = TermVocabulary()
    counts = _TermCounts()
    for start in range(0, len(texts), batch):
        counts.add_batch(texts[start : start + batch], vocabulary)
    expected_vocabulary = TermVocabulary()
    expected = [reference_counts(t, expected_vocabulary) for t in texts]
    # Same terms, numbered in the order they first occur, whatever the batching.
    assert vocabulary.terms == expected_vocabulary.terms
    assert vocabulary.shown == expected_vocabulary.shown
    assert batch_counts(counts) == expected


def test_a_word_of_up_to_eight_bytes_is_its_own_key_and_longer_words_differ() -> None:
    text = "ab abcdefgh abcdefghi abcdefghj abcdefghijklmnopq abcdefghijklmnopr café"
    blob = b" " + text.encode().translate(_TABLE) + b" "
    starts, lengths = _word_bounds(blob)
    keys = _word_hashes(blob, starts, lengths).tolist()
    pieces = text.encode().split()
    assert keys[0] == int.from_bytes(b"ab", "little")
    assert keys[1] == int.from_bytes(b"abcdefgh", "little")
    assert keys[6] == int.from_bytes("café".encode(), "little")  # 5 bytes
    assert len(set(keys)) == len(pieces)
    assert all(k >= 2**63 for k in keys[2:6])  # long words carry the top bit
    assert 0 not in keys


def test_word_table_finds_every_key_it_holds_through_collisions_and_growth() -> None:
    rng = np.random.default_rng(3)
    table = _WordTable(bits=2)  # four slots: every insert below collides and grows it
    held: dict[int, int] = {}
    for round_ in range(6):
        fresh = np.unique(rng.integers(1, 2**63, size=50 * (round_ + 1), dtype=np.uint64))
        fresh = np.array([k for k in fresh.tolist() if k not in held], dtype=np.uint64)
        values = np.arange(fresh.size, dtype=np.int64) + 1000 * round_
        table.insert(fresh, values)
        held.update(zip(fresh.tolist(), values.tolist(), strict=True))
        probe = np.array([*held, 7, 8, 2**63 + 5], dtype=np.uint64)
        found = table.lookup(probe).tolist()
        assert found[: len(held)] == list(held.values())
        assert found[len(held) :] == [_UNSEEN] * 3
    assert len(table) == len(held)


def test_keys_that_share_a_home_slot_are_all_kept() -> None:
    table = _WordTable(bits=4)
    # Keys differing only above the bits the home slot reads would all land in one slot
    # without the multiply; with it, force clashes by inserting more keys than slots.
    keys = np.arange(1, 40, dtype=np.uint64)
    table.insert(keys, keys.astype(np.int64) * 10)
    assert table.lookup(keys).tolist() == (keys.astype(np.int64) * 10).tolist()
