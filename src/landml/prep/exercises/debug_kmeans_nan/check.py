"""Hidden tests for the K-means NaN bug."""

from __future__ import annotations

import warnings
from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, compare

checks = Checks()


@checks.case("well-separated blobs")
def blobs(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    centres = np.array([[0.0, 0.0], [6.0, 0.0], [0.0, 6.0]])
    x = (centres[:, None, :] + rng.normal(size=(3, 15, 2))).reshape(-1, 2)
    init = x[[0, 15, 30]]
    compare(sub.kmeans, ref.kmeans, x, init, 5, what="kmeans on 3 blobs")


@checks.case("a centroid far from every point")
def empty_cluster(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=(30, 2))
    init = np.vstack([x[:3], [[50.0, -50.0]]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        compare(
            sub.kmeans, ref.kmeans, x, init, 4, what="kmeans with a cluster that gets no points"
        )
