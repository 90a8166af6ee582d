"""Hidden tests for K-means."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, assert_equal, compare

checks = Checks()


def _blobs(rng: np.random.Generator, k: int, per: int, d: int) -> np.ndarray:
    centres = rng.normal(scale=5.0, size=(k, d))
    points: np.ndarray = (centres[:, None, :] + rng.normal(size=(k, per, d))).reshape(-1, d)
    return points


@checks.case("blobs with random initial centroids")
def blobs(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for k, per, d, iters in [(2, 10, 2, 5), (3, 20, 3, 10), (4, 15, 5, 1)]:
        x = _blobs(rng, k, per, d)
        init = x[rng.choice(len(x), size=k, replace=False)]
        compare(sub.kmeans, ref.kmeans, x, init, iters, what=f"kmeans K={k} iters={iters}")


@checks.case("n_iter = 0 returns the initial centroids and their labels")
def zero_iterations(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=(12, 2))
    init = rng.normal(size=(3, 2))
    compare(sub.kmeans, ref.kmeans, x, init, 0, what="kmeans with n_iter=0")


@checks.case("an empty cluster keeps its centroid")
def empty_cluster(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=(20, 2))
    init = np.vstack([x[:2], [[100.0, 100.0]]])
    centroids, _ = sub.kmeans(x, init, 3)
    assert_close(
        np.asarray(centroids)[2],
        np.array([100.0, 100.0]),
        what="centroid of an empty cluster",
        hint="a centroid with no points must not become the mean of nothing (NaN)",
    )
    compare(sub.kmeans, ref.kmeans, x, init, 3, what="kmeans with an empty cluster")


@checks.case("ties go to the lowest centroid index")
def ties(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = np.array([[0.0, 0.0], [2.0, 0.0], [1.0, 0.0]])
    init = np.array([[0.0, 0.0], [2.0, 0.0]])
    _, labels = sub.kmeans(x, init, 0)
    assert_equal(labels, np.array([0, 1, 0]), what="labels with a point halfway between")
