"""The shipped taxonomy and tagger, loaded once for the whole test session."""

from __future__ import annotations

import pytest

from landml.skills.tagger import Tagger, load_tagger
from landml.skills.taxonomy import Taxonomy, load_taxonomy


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


@pytest.fixture(scope="session")
def tagger() -> Tagger:
    model = load_tagger()
    assert model is not None, "the skill tagger model must ship with the package"
    return model
