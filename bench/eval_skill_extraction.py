#!/usr/bin/env python3
"""Skill extraction quality on SkillSpan dev and on Decorte et al.'s ESCO-linked spans.

Reads ../shared/data/skill-extraction (SkillSpan dev: the union of skill and knowledge
spans is the gold standard) and, for the peer, ../shared/data/taxonomy (ESCO v1.1.1 and
O*NET 29.2 labels). Development data: bench scripts read it, the product never does.

Systems, all measured in this run:
  baseline      plain longest-match lookup of every ESCO and O*NET label (preferred and
                alternative), case and plural folded, no filtering
  lookup        landml's taxonomy matcher alone (filtered aliases, ambiguity rules)
  tagger        landml's SkillSpan-trained CRF alone
  landml        extract_spans: tagger spans plus ML-layer tool matches the tagger missed
  skills        extract_skills: every taxonomy mention (lookup, and tagged phrases that
                link to a skill), what the product stores for a posting

Scores: strict = exact span boundaries; overlap = at least one shared token (precision
over predicted spans, recall over gold spans). Decorte rows report span recall and, for
rows whose label is an ESCO skill, how often an overlapping span links to that skill.

    .venv/bin/python bench/eval_skill_extraction.py [--data DIR] [--taxonomy-source DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from landml.skills.extract import extract_skills, extract_spans
from landml.skills.matcher import find_matches
from landml.skills.spanscore import SpanScores, bio_spans, score_spans
from landml.skills.tagger import load_tagger
from landml.skills.taxonomy import Taxonomy, load_taxonomy
from landml.skills.tokens import alias_key, match_units, tokenize

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"

# A system maps a sentence to (start, end, linked skill id or None) character spans.
System = Callable[[str], list[tuple[int, int, str | None]]]


@dataclass
class Sentence:
    text: str
    offsets: list[tuple[int, int]]  # character range of each SkillSpan token
    gold: list[tuple[int, int]]  # token spans, union of skill and knowledge layers
    source: str


def read_skillspan(path: Path) -> list[Sentence]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            offsets, pos = [], 0
            for w in row["tokens"]:
                offsets.append((pos, pos + len(w)))
                pos += len(w) + 1
            gold = sorted(set(bio_spans(row["tags_skill"])) | set(bio_spans(row["tags_knowledge"])))
            out.append(Sentence(" ".join(row["tokens"]), offsets, gold, row["source"]))
    return out


def to_tokens(s: Sentence, start: int, end: int) -> tuple[int, int] | None:
    """A character span as (first, last) SkillSpan token indices."""
    inside = [i for i, (a, b) in enumerate(s.offsets) if a < end and start < b]
    return (inside[0], inside[-1]) if inside else None


# --- the peer: a plain lookup of every ESCO and O*NET label --------------------------------------


class PlainLookup:
    """Longest match of every ESCO and O*NET label, no filtering: the usual first baseline."""

    def __init__(self, source: Path) -> None:
        self.keys: dict[str, str] = {}
        with (source / "skills_en.csv").open(newline="", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                sid = "esco:" + r["conceptUri"].rsplit("/", 1)[-1]
                for label in [r["preferredLabel"], *r["altLabels"].split("\n")]:
                    if key := alias_key(label):
                        self.keys.setdefault(key, sid)
        with (source / "onet_Technology_Skills.txt").open(encoding="utf-8") as fh:
            for line in fh.read().splitlines()[1:]:
                name = line.split("\t")[1]
                if key := alias_key(name):
                    self.keys.setdefault(key, "onet:" + name)
        self.max_words = max(k.count(" ") + 1 for k in self.keys)

    def __call__(self, text: str) -> list[tuple[int, int, str | None]]:
        tokens = tokenize(text)
        out: list[tuple[int, int, str | None]] = []
        for run in match_units(tokens, text):
            i = 0
            while i < len(run):
                hit = None
                for n in range(min(self.max_words, len(run) - i), 0, -1):
                    key = " ".join(tokens[j].norm for j in run[i : i + n])
                    if key in self.keys:
                        hit = (n, self.keys[key])
                        break
                if hit is None:
                    i += 1
                    continue
                n, sid = hit
                out.append((tokens[run[i]].start, tokens[run[i + n - 1]].end, sid))
                i += n
        return out


# --- landml systems ---------------------------------------------------------------------------


def landml_systems(taxonomy: Taxonomy) -> dict[str, System]:
    tagger = load_tagger()
    if tagger is None:
        sys.exit("No tagger model shipped; train it with scripts/train_skill_tagger.py.")

    def lookup(text: str) -> list[tuple[int, int, str | None]]:
        return [(m.start, m.end, m.skill_id) for m in find_matches(text, taxonomy)]

    def tagger_only(text: str) -> list[tuple[int, int, str | None]]:
        spans = extract_spans(text, taxonomy=taxonomy, tagger=tagger)
        return [(s.start, s.end, s.skill_id) for s in spans if s.source == "model"]

    def combined(text: str) -> list[tuple[int, int, str | None]]:
        spans = extract_spans(text, taxonomy=taxonomy, tagger=tagger)
        return [(s.start, s.end, s.skill_id) for s in spans]

    def mentions(text: str) -> list[tuple[int, int, str | None]]:
        found = extract_skills(text, taxonomy=taxonomy, tagger=tagger)
        return [(f.start, f.end, f.skill_id) for f in found]

    return {"lookup": lookup, "tagger": tagger_only, "landml": combined, "skills": mentions}


def run_skillspan(
    sentences: list[Sentence], system: System
) -> tuple[SpanScores, dict[str, SpanScores]]:
    pred: list[tuple[int, int, int]] = []
    gold: list[tuple[int, int, int]] = []
    by_source: dict[str, tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]] = {}
    for i, s in enumerate(sentences):
        g = [(i, a, b) for a, b in s.gold]
        p = [(i, *ab) for a, b, _ in system(s.text) if (ab := to_tokens(s, a, b))]
        gold += g
        pred += p
        part = by_source.setdefault(s.source, ([], []))
        part[0].extend(p)
        part[1].extend(g)
    return score_spans(pred, gold), {k: score_spans(*v) for k, v in by_source.items()}


# --- Decorte et al. ----------------------------------------------------------------------------


@dataclass
class DecorteRow:
    sentence: str
    start: int
    end: int
    esco_label: str | None


def read_decorte(path: Path) -> list[DecorteRow]:
    rows: dict[tuple[str, str, str], DecorteRow] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            span = r["span"].strip().rstrip(" .").strip()
            at = r["sentence"].find(span)
            if not span or at < 0:
                continue
            label = r["label"].strip()
            esco = None if label in ("LABEL NOT PRESENT", "UNDERSPECIFIED") else label
            key = (r["sentence"], span, label)
            rows.setdefault(key, DecorteRow(r["sentence"], at, at + len(span), esco))
    return list(rows.values())


def run_decorte(
    rows: list[DecorteRow], system: System, label_to_id: Callable[[str], str | None]
) -> tuple[float, float, float, int]:
    """Strict span recall, overlap span recall, linking accuracy, rows with an ESCO label."""
    cache: dict[str, list[tuple[int, int, str | None]]] = {}
    strict = overlap = linked = labelled = 0
    for row in rows:
        spans = cache.setdefault(row.sentence, system(row.sentence))
        hits = [s for s in spans if s[0] < row.end and row.start < s[1]]
        strict += any(s[0] == row.start and s[1] == row.end for s in spans)
        overlap += bool(hits)
        if row.esco_label is not None:
            target = label_to_id(row.esco_label)
            if target is not None:
                labelled += 1
                linked += any(s[2] == target for s in hits)
    n = len(rows)
    return strict / n, overlap / n, (linked / labelled if labelled else 0.0), labelled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=SHARED / "skill-extraction")
    parser.add_argument("--taxonomy-source", type=Path, default=SHARED / "taxonomy")
    args = parser.parse_args(argv)
    taxonomy = load_taxonomy()
    baseline = PlainLookup(args.taxonomy_source)
    systems: dict[str, System] = {"baseline": baseline, **landml_systems(taxonomy)}
    dev = read_skillspan(args.data / "skillspan_dev.jsonl")
    n_gold = sum(len(s.gold) for s in dev)
    print(f"SkillSpan dev: {len(dev)} sentences, {n_gold} gold spans (skill + knowledge)")
    print(f"taxonomy {taxonomy.version}\n")
    header = (
        f"{'system':10} {'strict P':>8} {'R':>6} {'F1':>6} | {'overlap P':>9} {'R':>6} {'F1':>6}"
    )
    print(header + f" | {'tech F1 s/o':>12} {'house F1 s/o':>12}")
    print("-" * (len(header) + 30))
    for name, system in systems.items():
        sc, parts = run_skillspan(dev, system)
        tech, house = parts.get("tech"), parts.get("house")
        print(
            f"{name:10} {sc.strict_p:8.3f} {sc.strict_r:6.3f} {sc.strict_f1:6.3f} | "
            f"{sc.overlap_p:9.3f} {sc.overlap_r:6.3f} {sc.overlap_f1:6.3f} | "
            f"{_pair(tech):>12} {_pair(house):>12}"
        )
    esco_ids = _esco_label_ids(args.taxonomy_source)

    def baseline_id(label: str) -> str | None:
        return esco_ids.get(label)

    def landml_id(label: str) -> str | None:
        esco = esco_ids.get(label)
        skill = taxonomy.get(esco) if esco else None
        return skill.id if skill else None

    print("\nDecorte et al. validation spans (span recall; linking accuracy on ESCO-labelled rows)")
    print(
        f"{'set':6} {'system':10} {'strict R':>8} {'overlap R':>9} {'link acc':>8} {'rows':>5}"
        f" {'labelled':>8}"
    )
    for part in ("tech", "house"):
        rows = read_decorte(args.data / f"decorte_{part}_validation.csv")
        for name, system in systems.items():
            to_id = baseline_id if name == "baseline" else landml_id
            strict, overlap, link, labelled = run_decorte(rows, system, to_id)
            print(
                f"{part:6} {name:10} {strict:8.3f} {overlap:9.3f} {link:8.3f} {len(rows):5}"
                f" {labelled:8}"
            )
    return 0


def _pair(sc: SpanScores | None) -> str:
    return f"{sc.strict_f1:.3f}/{sc.overlap_f1:.3f}" if sc else "-"


def _esco_label_ids(source: Path) -> dict[str, str]:
    with (source / "skills_en.csv").open(newline="", encoding="utf-8") as fh:
        return {
            r["preferredLabel"].strip(): "esco:" + r["conceptUri"].rsplit("/", 1)[-1]
            for r in csv.DictReader(fh)
        }


if __name__ == "__main__":
    sys.exit(main())
