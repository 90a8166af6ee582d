"""Hidden tests for cosine top-k retrieval."""

from __future__ import annotations

import warnings
from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, assert_equal, compare

checks = Checks()


@checks.case("random embeddings, several k")
def random_embeddings(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for q, n, d, k in [(1, 5, 3, 1), (4, 20, 8, 5), (3, 10, 4, 10)]:
        queries, docs = rng.normal(size=(q, d)), rng.normal(size=(n, d))
        compare(sub.cosine_top_k, ref.cosine_top_k, queries, docs, k, what=f"top-{k} of {n} docs")


@checks.case("scale does not matter")
def scale(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    queries, docs = rng.normal(size=(2, 4)), rng.normal(size=(6, 4))
    docs_scaled = docs * rng.uniform(0.01, 100, size=(6, 1))
    compare(
        sub.cosine_top_k,
        ref.cosine_top_k,
        queries,
        docs_scaled,
        3,
        what="top-3 with documents of very different norms",
        hint="divide by both norms: cosine, not dot product",
    )


@checks.case("zero vectors score 0, without warnings")
def zeros(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    docs = np.array([[1.0, 0.0], [0.0, 0.0], [-1.0, 0.0]])
    queries = np.array([[0.0, 0.0], [2.0, 0.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        indices, scores = sub.cosine_top_k(queries, docs, 3)
    assert_close(
        scores, np.array([[0.0, 0.0, 0.0], [1.0, 0.0, -1.0]]), what="scores with zero vectors"
    )
    assert_equal(
        indices,
        np.array([[0, 1, 2], [0, 1, 2]]),
        what="indices with tied scores",
        hint="ties: lower index first",
    )


@checks.case("duplicated documents tie and keep index order")
def duplicates(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    base = rng.normal(size=(1, 5))
    docs = np.vstack([rng.normal(size=(2, 5)), base, base, rng.normal(size=(2, 5))])
    indices, _ = sub.cosine_top_k(base, docs, 2)
    assert_equal(indices, np.array([[2, 3]]), what="top-2 of two copies of the query")
