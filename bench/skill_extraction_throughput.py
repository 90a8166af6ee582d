#!/usr/bin/env python3
"""Skill extraction throughput: postings per second on the Glassdoor data-science set.

Reads ../shared/data/postings/glassdoor_ds_jobs_2020.csv (956 real postings, 2020; bench
only, never shipped) and, for the peer, ../shared/data/taxonomy. One process, one core.
Measured in the same run:
  landml posting     extract_skills(text, posting=True): lookup + tagger + sections
  landml lookup      extract_skills(text, tagger=None): taxonomy lookup only
  plain lookup       longest match of every ESCO and O*NET label (the usual baseline)
Each system reads the whole set twice; the first pass includes filling per-word caches.

    .venv/bin/python bench/skill_extraction_throughput.py [--postings FILE] [--repeat 2]
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from landml.skills.extract import extract_skills
from landml.skills.tagger import load_tagger
from landml.skills.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


def load_plain_lookup(source: Path) -> Callable[[str], Any]:
    spec = importlib.util.spec_from_file_location(
        "eval_skill_extraction", ROOT / "bench" / "eval_skill_extraction.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_skill_extraction"] = module
    spec.loader.exec_module(module)
    return module.PlainLookup(source)  # type: ignore[no-any-return]


def measure(name: str, run: Callable[[str], Any], texts: list[str], repeat: int) -> None:
    """Wall-clock and CPU postings/s; CPU time is the steadier figure on a shared machine."""
    for n in range(repeat):
        times, found = [], 0
        wall, cpu = time.perf_counter(), time.process_time()
        for text in texts:
            t = time.perf_counter()
            found += len(run(text))
            times.append(time.perf_counter() - t)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        p95 = statistics.quantiles(times, n=20)[18]
        print(
            f"{name:15} pass {n + 1}: {len(texts) / wall:7.1f} postings/s wall "
            f"{len(texts) / cpu:7.1f} /s cpu  median {statistics.median(times) * 1e3:5.2f} ms  "
            f"p95 {p95 * 1e3:5.2f} ms  {found / len(texts):4.1f} skills/posting"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--postings", type=Path, default=SHARED / "postings" / "glassdoor_ds_jobs_2020.csv"
    )
    parser.add_argument("--taxonomy-source", type=Path, default=SHARED / "taxonomy")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    with args.postings.open(newline="", encoding="utf-8") as fh:
        texts = [r["Job Description"] for r in csv.DictReader(fh) if r["Job Description"].strip()]
    mean = statistics.mean(map(len, texts))
    print(f"{len(texts)} Glassdoor postings, {mean:.0f} characters on average")
    t0 = time.perf_counter()
    taxonomy = load_taxonomy()
    tagger = load_tagger()
    print(f"loading taxonomy ({len(taxonomy)} skills) and tagger: {time.perf_counter() - t0:.2f} s")
    t0 = time.perf_counter()
    plain = load_plain_lookup(args.taxonomy_source)
    print(f"building the plain ESCO+O*NET lookup: {time.perf_counter() - t0:.2f} s\n")
    measure(
        "landml posting",
        lambda t: extract_skills(t, posting=True, taxonomy=taxonomy, tagger=tagger),
        texts,
        args.repeat,
    )
    measure(
        "landml lookup",
        lambda t: extract_skills(t, taxonomy=taxonomy, tagger=None),
        texts,
        args.repeat,
    )
    measure("plain lookup", plain, texts, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
