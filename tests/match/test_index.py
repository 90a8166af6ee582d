"""The posting index on its own: scores, explanations, persistence and incremental updates."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from landml.match.features import implied_skills, strongest_requirements
from landml.match.index import (
    REQUIREMENT_WEIGHTS,
    PostingFeatures,
    PostingIndex,
    RankWeights,
    ResumeFeatures,
    ResumeSkill,
    StaleIndex,
    term_of,
    words,
)
from landml.match.semantic import skill_vectors
from landml.skills.taxonomy import load_taxonomy

SKILLS_ONLY = RankWeights(skills=1.0, terms=0.0, family=0.0, seniority=0.0)
WORDS_ONLY = RankWeights(skills=0.0, terms=1.0, family=0.0, seniority=0.0)


def posting(
    pid: int,
    skills: dict[str, str | None] | None = None,
    text: str = "build models for the product",
    family: str | None = "mle",
    seniority: str | None = "mid",
) -> PostingFeatures:
    return PostingFeatures(pid, skills or {}, family, seniority, text)


def resume(
    *skills: str,
    text: str = "",
    family_fit: dict[str, float] | None = None,
    seniority_fit: dict[str, float] | None = None,
) -> ResumeFeatures:
    return ResumeFeatures(
        skills={s: ResumeSkill(1.0) for s in skills},
        family_fit=family_fit or {},
        seniority_fit=seniority_fit or {},
        text=text,
    )


def order(index: PostingIndex, features: ResumeFeatures, weights: RankWeights) -> list[int]:
    return [pid for pid, _score, _why in index.query(features, index.size, weights=weights)]


def common_and_rare() -> list[PostingFeatures]:
    """Twenty postings asking for Python and SQL, one asking for them too, one for JAX and
    Triton, which no other posting asks for."""
    fillers = [posting(100 + i, {"python": "required", "sql": "required"}) for i in range(20)]
    return [
        *fillers,
        posting(1, {"python": "required", "sql": "required"}),
        posting(2, {"jax": "required", "triton": "required"}),
    ]


def test_a_posting_asking_for_rare_skills_the_resume_has_outranks_one_asking_common_ones() -> None:
    index = PostingIndex.build(common_and_rare())
    ranked = order(index, resume("python", "sql", "jax", "triton"), SKILLS_ONLY)
    assert ranked[0] == 2
    assert ranked.index(2) < ranked.index(1)


def test_a_required_skill_counts_more_than_the_same_skill_preferred_or_merely_named() -> None:
    index = PostingIndex.build(
        [
            posting(1, {"pytorch": "preferred", "go": "required"}),
            posting(2, {"pytorch": "required", "go": "required"}),
            posting(3, {"pytorch": None, "go": "required"}),
        ]
    )
    ranked = index.query(resume("pytorch"), 3, weights=SKILLS_ONLY)
    assert [pid for pid, _s, _w in ranked] == [2, 1, 3]
    [top_skill] = ranked[0][2].skills
    assert (top_skill.skill_id, top_skill.requirement) == ("pytorch", "required")
    assert top_skill.posting_weight == REQUIREMENT_WEIGHTS["required"]
    assert [w.skills[0].requirement for _p, _s, w in ranked[1:]] == ["preferred", None]


def test_a_broader_skill_the_resume_implies_earns_partial_credit_through_the_taxonomy() -> None:
    taxonomy = load_taxonomy()
    implied = implied_skills(["ml:pytorch"], taxonomy)
    assert implied["ml:pytorch"] == (1.0, None)
    weight, via = implied["ml:deep-learning-frameworks"]
    assert 0 < weight < 1
    assert via == "ml:pytorch"

    features = ResumeFeatures(
        skills={k: ResumeSkill(w, v) for k, (w, v) in implied.items()},
        family_fit={},
        seniority_fit={},
        text="",
    )
    index = PostingIndex.build(
        [
            posting(1, {"ml:deep-learning-frameworks": "required"}),
            posting(2, {"ml:pytorch": "required"}),
            posting(3, {"ml:kubernetes": "required"}),
        ]
    )
    ranked = index.query(features, 3, weights=SKILLS_ONLY)
    assert [pid for pid, _s, _w in ranked] == [2, 1, 3]
    partial = ranked[1][2].skills[0]
    assert (partial.skill_id, partial.via, partial.resume_weight) == (
        "ml:deep-learning-frameworks",
        "ml:pytorch",
        weight,
    )
    assert 0 < ranked[1][1] < ranked[0][1]
    assert ranked[2][1] == 0


def test_contributions_add_up_to_the_score_and_match_the_vectorised_scores() -> None:
    postings = [
        posting(
            i,
            {"python": "required", "spark": "preferred", f"skill-{i % 3}": None},
            text=f"ranking models for ads and search team {i % 4} spark pipelines",
            family=["mle", "ds", "swe"][i % 3],
            seniority=["mid", "senior"][i % 2],
        )
        for i in range(1, 13)
    ]
    index = PostingIndex.build(postings)
    features = resume(
        "python",
        "spark",
        "skill-1",
        text="I built ranking models and spark pipelines for search",
        family_fit={"mle": 1.0, "ds": 0.5},
        seniority_fit={"senior": 1.0, "mid": 0.5},
    )
    vector = dict(zip(index.ids.tolist(), index.scores(features).tolist(), strict=True))
    ranked = index.query(features, 12)
    assert len(ranked) == 12
    for pid, score, why in ranked:
        parts = [s.value for s in why.skills] + [t.value for t in why.terms]
        assert score == pytest.approx(math.fsum(parts) + why.family + why.seniority, abs=1e-12)
        assert score == pytest.approx(vector[pid], rel=1e-5, abs=1e-6)
        assert 0 <= why.skill_fit <= 1 + 1e-9
        assert 0 <= why.term_fit <= 1 + 1e-9
    scores = [score for _pid, score, _why in ranked]
    assert scores == sorted(scores, reverse=True)
    assert max(why.term_fit for _p, _s, why in ranked) == pytest.approx(1.0)


def test_shared_characteristic_words_rank_a_posting_and_are_named_in_its_reason() -> None:
    index = PostingIndex.build(
        [
            posting(1, text="marketing analytics dashboards for retail stores"),
            posting(2, text="speech recognition acoustic models for hearing aids"),
            posting(3, text="marketing dashboards and stores reports"),
        ]
    )
    ranked = index.query(resume(text="I trained acoustic models for speech recognition."), 3)
    pid, _score, why = ranked[0]
    assert pid == 2
    assert {t.term for t in why.terms} == {"speech", "recognition", "acoustic", "models"}
    assert ranked[1][1] == 0


def test_title_fit_comes_from_the_family_and_seniority_fits_given() -> None:
    index = PostingIndex.build(
        [
            posting(1, family="analyst", seniority="junior"),
            posting(2, family="ds", seniority="senior"),
            posting(3, family="mle", seniority="senior"),
        ]
    )
    features = resume(family_fit={"mle": 1.0, "ds": 0.5}, seniority_fit={"senior": 1.0})
    ranked = index.query(features, 3)
    assert [pid for pid, _s, _w in ranked] == [3, 2, 1]
    why = ranked[0][2]
    assert (why.family_fit, why.seniority_fit) == (1.0, 1.0)
    assert ranked[0][1] == pytest.approx(0.15 + 0.05)


def test_words_are_folded_and_function_words_skipped() -> None:
    assert words("Built C++ & PyTorch models, R and the TF-IDF.") == [
        b"built",
        b"c++",
        b"pytorch",
        b"models",
        b"r",
        b"and",
        b"the",
        b"tf",
        b"idf",
    ]
    assert [term_of(w) for w in (b"models", b"the", b"2024", b"r", b"x")] == [
        "model",
        None,
        None,
        "r",
        None,
    ]


def test_each_posting_keeps_only_its_most_characteristic_words() -> None:
    common = " ".join(f"common{i}" for i in range(6))
    postings = [posting(i, text=f"{common} rare{i}a rare{i}b") for i in range(1, 9)]
    index = PostingIndex.build(postings, terms_per_posting=3)
    row = index.terms.getrow(0)
    kept = {index.vocabulary.terms[c] for c in row.indices}
    assert len(kept) == 3
    assert {"rare1a", "rare1b"} <= kept


def test_pruning_keeps_exactly_the_limit_when_words_tie_and_skips_empty_postings() -> None:
    # Every word occurs once in one posting only: all tie, and the first ones are kept.
    postings = [posting(i, text=" ".join(f"w{i}x{j}" for j in range(10))) for i in range(1, 5)]
    postings += [posting(5, text=""), posting(6, text="the and of")]
    index = PostingIndex.build(postings, terms_per_posting=4)
    kept = [index.terms.getrow(r).indices.size for r in range(index.size)]
    assert kept == [4, 4, 4, 4, 0, 0]
    first = {index.vocabulary.terms[c] for c in index.terms.getrow(0).indices}
    assert first == {"w1x0", "w1x1", "w1x2", "w1x3"}


def test_save_then_load_gives_identical_rankings(tmp_path: Path) -> None:
    index = PostingIndex.build(
        [
            posting(i, {"python": "required", f"s{i % 4}": "preferred"}, text=f"team {i} models")
            for i in range(1, 30)
        ],
        workspace="sqlite:/tmp/a.sqlite3",
    )
    features = resume("python", "s2", text="models for team 7", family_fit={"mle": 1.0})
    index.save(tmp_path / "idx")
    loaded = PostingIndex.load(tmp_path / "idx", workspace="sqlite:/tmp/a.sqlite3")
    assert loaded.query(features, 10) == index.query(features, 10)
    assert (loaded.size, loaded.max_id, loaded.build_id) == (29, 29, index.build_id)
    np.testing.assert_array_equal(loaded.scores(features), index.scores(features))


def test_an_index_of_another_format_workspace_or_build_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "idx"
    PostingIndex.build([posting(1, {"python": "required"})], workspace="ws-a").save(folder)
    with pytest.raises(StaleIndex, match="belongs to"):
        PostingIndex.load(folder, workspace="ws-b")

    manifest = json.loads((folder / "manifest.json").read_text())
    (folder / "manifest.json").write_text(json.dumps({**manifest, "build_id": "other"}))
    with pytest.raises(StaleIndex, match="different builds"):
        PostingIndex.load(folder, workspace="ws-a")

    (folder / "manifest.json").write_text(json.dumps({**manifest, "format": 999}))
    with pytest.raises(StaleIndex, match="format 999"):
        PostingIndex.load(folder, workspace="ws-a")

    with pytest.raises(StaleIndex, match="no readable index"):
        PostingIndex.load(tmp_path / "empty")


def test_update_appends_new_postings_and_ranks_as_a_fresh_build_would() -> None:
    # Texts of equal length, so the average length BM25 normalises by is the same in both.
    postings = [
        posting(1, {"python": "required"}, text="alpha beta gamma"),
        posting(2, {"sql": "preferred"}, text="delta beta gamma"),
        posting(3, {"python": None, "go": "required"}, text="alpha epsilon gamma"),
        posting(4, {"rust": "required", "python": "required"}, text="zeta beta alpha"),
        posting(5, {"sql": "required"}, text="alpha eta theta"),
    ]
    grown = PostingIndex.build(postings[:3])
    before = grown.build_id
    assert grown.update([postings[1], *postings[3:]]) == 2  # id 2 is already there
    assert grown.size == 5
    assert grown.build_id != before
    fresh = PostingIndex.build(postings)
    features = resume("python", "rust", "sql", text="alpha zeta theta", family_fit={"mle": 1})
    assert [(p, round(s, 9)) for p, s, _w in grown.query(features, 5)] == [
        (p, round(s, 9)) for p, s, _w in fresh.query(features, 5)
    ]
    assert grown.query(features, 1)[0][0] == 4


def test_an_empty_resume_or_index_ranks_nothing_or_all_at_zero() -> None:
    assert PostingIndex.build([]).query(resume("python"), 5) == []
    index = PostingIndex.build([posting(1, {"python": "required"}), posting(2)])
    ranked = index.query(resume(), 5)
    assert [(pid, score) for pid, score, _w in ranked] == [(1, 0.0), (2, 0.0)]


def test_strongest_requirement_of_a_skill_wins() -> None:
    assert strongest_requirements(
        [("a", None), ("a", "preferred"), ("b", "required"), ("b", None), ("c", None)]
    ) == {"a": "preferred", "b": "required", "c": None}


def test_shipped_skill_vectors_put_related_tools_closer_than_unrelated_ones() -> None:
    vectors = skill_vectors()
    assert vectors is not None
    m = vectors.matrix(["ml:pytorch", "ml:tensorflow", "ml:excel", "no-such-skill"])
    assert float(m[0] @ m[1]) > float(m[0] @ m[2]) + 0.2
    assert not m[3].any()


def test_semantic_part_ranks_a_related_skill_above_an_unrelated_one_and_is_explained() -> None:
    vectors = skill_vectors()
    assert vectors is not None
    index = PostingIndex.build(
        [
            posting(1, {"ml:excel": "required"}),
            posting(2, {"ml:tensorflow": "required"}),
            posting(3, {"ml:pytorch": "required", "ml:excel": "required"}),
        ]
    )
    weights = RankWeights(skills=0.5, terms=0.0, family=0.0, seniority=0.0, semantic=0.5)
    ranked = index.query(resume("ml:pytorch"), 3, weights=weights, semantic=vectors)
    assert [pid for pid, _s, _w in ranked] == [3, 2, 1]
    by_id = {pid: why for pid, _s, why in ranked}
    sim = by_id[2].semantic_similarity
    assert sim is not None and by_id[2].skills == ()
    assert sim > (by_id[1].semantic_similarity or 0.0)
    for _pid, score, why in ranked:
        assert score == pytest.approx(math.fsum(s.value for s in why.skills) + why.semantic)
    alone = index.explain(2, resume("ml:pytorch"), weights=weights, semantic=vectors)
    assert alone.semantic == pytest.approx(by_id[2].semantic, rel=1e-5)


@pytest.mark.parametrize("seed", range(5))
def test_explained_entries_are_exactly_the_nonzeros_of_the_rows_and_columns_asked(
    seed: int,
) -> None:
    import scipy.sparse as sp

    from landml.match.index import _entries

    rng = np.random.default_rng(seed)
    dense = rng.random((60, 25)) * (rng.random((60, 25)) < 0.2)
    dense[:, 3] = 0.0  # an empty column
    dense[:, 7] = rng.random(60) + 0.1  # a full one
    matrix = sp.csc_matrix(dense.astype(np.float32))
    matrix.sort_indices()
    cols = rng.permutation(25)[:12]
    rows = rng.permutation(60)[:9]
    got = _entries(matrix, cols, rows)
    for i, row in enumerate(rows.tolist()):
        expected = [
            (int(c), float(np.float32(dense[row, c]))) for c in cols.tolist() if dense[row, c]
        ]
        assert got[i] == expected
