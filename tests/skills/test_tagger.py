from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from landml.errors import WorkspaceError
from landml.skills.tagger import (
    Tagger,
    _allowed_transitions,
    load_tagger,
    lookup_states,
    model_path,
    shape,
    viterbi,
)

LABELS = ["O", "B-S", "I-S", "B-K", "I-K"]


def brute_force(
    emis: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray
) -> list[str]:
    allowed = _allowed_transitions(LABELS)
    best, best_path = -np.inf, None
    for path in itertools.product(range(len(LABELS)), repeat=emis.shape[0]):
        if LABELS[path[0]].startswith("I"):
            continue
        s = start[path[0]] + emis[0, path[0]] + end[path[-1]]
        for t in range(1, len(path)):
            s += trans[path[t - 1], path[t]] + allowed[path[t - 1], path[t]] + emis[t, path[t]]
        if s > best:
            best, best_path = s, path
    assert best_path is not None
    return [LABELS[i] for i in best_path]


@pytest.mark.parametrize("seed", range(6))
def test_viterbi_finds_the_best_bio_path(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 5))
    emis = rng.normal(size=(n, 5)).astype(np.float32)
    trans = rng.normal(size=(5, 5)).astype(np.float32)
    start, end = rng.normal(size=5).astype(np.float32), rng.normal(size=5).astype(np.float32)
    got = viterbi(emis, trans, start, end, _allowed_transitions(LABELS), LABELS)
    assert got == brute_force(emis, trans, start, end)


def test_shipped_tagger_tags_skill_phrases_with_valid_bio(tagger: Tagger) -> None:
    assert tagger.labels == LABELS
    words = [
        "You",
        "are",
        "able",
        "to",
        "work",
        "independently",
        "and",
        "have",
        "experience",
        "with",
        "Python",
        ".",
    ]
    tags = tagger.tag(words, lookup_states([(9, 9, "programming_language")], len(words)))
    assert len(tags) == len(words)
    for prev, tag in zip(["O", *tags], tags, strict=False):
        assert not (tag.startswith("I") and prev[2:] != tag[2:])
    assert tags[words.index("independently")] != "O"
    assert tags[words.index("Python")] != "O"
    assert tags[words.index("You")] == "O"


def test_batched_tagging_equals_one_sentence_at_a_time(tagger: Tagger) -> None:
    sentences = [
        ["Strong", "communication", "skills"],
        [],
        [
            "Design",
            "and",
            "build",
            "data",
            "pipelines",
            "in",
            "Spark",
            "and",
            "Airflow",
            "for",
            "the",
            "team",
        ],
        ["Hello"],
    ]
    batch = [(w, lookup_states([], len(w))) for w in sentences]
    assert tagger.tag_many(batch) == [tagger.tag(w, f) for w, f in batch]


def test_word_shapes() -> None:
    assert [shape(w) for w in ("PyTorch", "k8s", "SQL", "C++", "2024")] == [
        "XxXx", "xdx", "X", "X+", "d",
    ]  # fmt: skip


def test_missing_model_means_lookup_only_and_broken_model_is_reported(tmp_path: Path) -> None:
    assert model_path().is_file()
    assert load_tagger(tmp_path / "none.npz") is None
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a model")
    with pytest.raises(WorkspaceError, match="Cannot read the skill tagger"):
        Tagger(broken)


def test_model_from_other_features_is_refused(tmp_path: Path) -> None:
    data = dict(np.load(model_path()))
    data["feature_version"] = np.array(-1)
    old = tmp_path / "old.npz"
    np.savez(old, **data)
    with pytest.raises(WorkspaceError, match="other features"):
        Tagger(old)
