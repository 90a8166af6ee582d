"""Duplicate groups in the real Glassdoor postings, and a 100k-posting scale check.

Reads /work/shared/data/postings/glassdoor_ds_jobs_2020.csv (956 Glassdoor data-science
postings from 2020, scraped, no licence: benchmark use only; the product never reads
/work/shared). Columns used: Job Title, Company Name (its second line is the rating and is
dropped), Location, Job Description. The file has no URLs, so only the identity key and
the description fingerprint can match there.

Part 1 reports, on the real file: postings, distinct descriptions by exact hash (the peer,
timed in the same run), the groups `landml.postings.dedupe.DuplicateIndex` finds and by
which reason, the time taken, how the groups compare with exact-hash groups, and a sample
of groups to inspect.

Part 2 is a scale check on a corpus built by resampling the real file, because no larger
real set is available: each synthetic original draws a random set of sentences from all
Glassdoor descriptions (so texts are shuffled across postings) under a real title and a
varied company name; reposts of earlier originals are planted with known edits (second
source with tracking URL, repost with up to 1% of its words changed and sometimes one
sentence dropped, cross-posting to another city).
Since the truth is known, it reports recall of planted reposts and false merges.

Times are given as wall clock and as this process's CPU time; on a shared machine the CPU
time is the steadier figure.

Usage: .venv/bin/python bench/dedupe_glassdoor.py [--scale 100000] [--sample 8] [--seed 7]
"""

from __future__ import annotations

import argparse
import csv
import difflib
import hashlib
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from landml.postings.dedupe import (
    DuplicateGroup,
    DuplicateIndex,
    MatchReason,
    PostingText,
    group_duplicates,
)

GLASSDOOR = Path("/work/shared/data/postings/glassdoor_ds_jobs_2020.csv")


@dataclass(frozen=True)
class Row:
    id: str
    title: str
    company: str
    location: str
    description: str


def load_rows(path: Path) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Row(
                id=f"gd-{r['']}",
                title=r["Job Title"],
                company=r["Company Name"].split("\n")[0].strip(),
                location=r["Location"],
                description=r["Job Description"],
            )
            for r in csv.DictReader(handle)
        ]


def exact_groups(rows: list[Row]) -> dict[str, list[str]]:
    """The peer: postings grouped by a hash of their exact description text."""
    groups: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        groups[hashlib.blake2b(row.description.encode(), digest_size=16).hexdigest()].append(row.id)
    return groups


def _snippet(text: str, width: int = 150) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _word_changes(a: str, b: str, limit: int = 4) -> list[str]:
    wa, wb = a.split(), b.split()
    changes = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        if op != "equal":
            changes.append(f"{' '.join(wa[i1:i2])[:40]!r} -> {' '.join(wb[j1:j2])[:40]!r}")
    more = f" (+{len(changes) - limit} more)" if len(changes) > limit else ""
    return changes[:limit] + ([more] if more else [])


def print_group(group: DuplicateGroup, by_id: dict[str, Row]) -> None:
    first = by_id[group.members[0]]
    reasons = Counter(link.reason.value for link in group.links)
    print(f"  group {group.id}: {len(group.members)} postings; links {dict(reasons)}")
    for member in group.members[:6]:
        row = by_id[member]
        print(f"    {member:>7}  {row.title[:50]!r} @ {row.company[:30]!r}, {row.location}")
    if len(group.members) > 6:
        print(f"    ... and {len(group.members) - 6} more")
    print(f"    text: {_snippet(first.description)}")
    for link in group.links:
        if link.similarity is not None and link.similarity < 1.0:
            a, b = by_id[link.matched_id].description, by_id[link.posting_id].description
            print(
                f"    {link.posting_id} ~ {link.matched_id} ({link.reason.value}, "
                f"Jaccard est. {link.similarity:.2f}): {'; '.join(_word_changes(a, b))}"
            )
            break


def _sample(groups: list[DuplicateGroup], size: int, rng: random.Random) -> list[DuplicateGroup]:
    """Edited copies first (the interesting ones), then a spread of the rest."""
    edited = [g for g in groups if any((lk.similarity or 1.0) < 1.0 for lk in g.links)]
    rest = [g for g in groups if g not in edited]
    picked = edited[: size // 2]
    picked += rng.sample(rest, min(len(rest), size - len(picked)))
    return picked


def part_one(sample_size: int, seed: int) -> None:
    rows = load_rows(GLASSDOOR)
    by_id = {r.id: r for r in rows}
    print(f"Glassdoor file: {GLASSDOOR}")
    print(f"  postings: {len(rows)}")

    start = time.perf_counter()
    exact = exact_groups(rows)
    peer_seconds = time.perf_counter() - start
    exact_dups = [ids for ids in exact.values() if len(ids) > 1]
    print("\nPeer: exact hash of the description (BLAKE2b of the raw text)")
    print(f"  distinct descriptions: {len(exact)}")
    print(
        f"  groups with 2+ postings: {len(exact_dups)} ({sum(len(g) for g in exact_dups)} postings)"
    )
    print(f"  time: {peer_seconds * 1000:.1f} ms")

    postings = [
        PostingText(r.id, None, r.title, r.company, r.location, r.description) for r in rows
    ]
    start, start_cpu = time.perf_counter(), time.process_time()
    groups = group_duplicates(postings)
    seconds, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    dups = [g for g in groups if len(g.members) > 1]
    print("\nDuplicateIndex (URL, identity key, MinHash 128 x 4-word shingles, LSH 16x8, J>=0.85)")
    print(f"  groups (a unique posting is a group of one): {len(groups)}")
    print(f"  groups with 2+ postings: {len(dups)} ({sum(len(g.members) for g in dups)} postings)")
    links = Counter(link.reason for g in groups for link in g.links)
    with_reason = Counter(reason for g in dups for reason in g.reasons)
    for reason in MatchReason:
        print(f"  {reason.value:>15}: {links[reason]:4d} links, in {with_reason[reason]:3d} groups")
    print(
        f"  time: {seconds * 1000:.1f} ms wall, {cpu * 1000:.1f} ms CPU, "
        f"{cpu / len(rows) * 1e6:.0f} us CPU per posting, cold caches "
        f"(peer: {peer_seconds / len(rows) * 1e6:.1f} us wall per posting)"
    )

    group_of = {m: g.id for g in groups for m in g.members}
    split = [ids for ids in exact_dups if len({group_of[i] for i in ids}) > 1]
    beyond = [g for g in dups if len({by_id[m].description for m in g.members}) > 1]
    print("\nIndex against peer")
    print(f"  exact-copy groups the index keeps whole: {len(exact_dups) - len(split)}")
    print(f"  exact-copy groups the index splits (same text, titles disagree): {len(split)}")
    for ids in split[:3]:
        print(f"    e.g. {[by_id[i].title for i in ids]}")
    print(
        f"  index groups joining different texts (edits, or same title+company+place): "
        f"{len(beyond)}"
    )

    print(f"\nSample of {sample_size} groups")
    for group in _sample(dups, sample_size, random.Random(seed)):
        print_group(group, by_id)


# --- part 2: resampled corpus ---------------------------------------------------------

_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
_COMPANY_WORDS = [
    "Labs",
    "Health",
    "Digital",
    "Capital",
    "Systems",
    "Analytics",
    "Bio",
    "Energy",
    "Retail",
    "Media",
    "Robotics",
    "Cloud",
    "Insurance",
    "Logistics",
]
_TEAM_SUFFIXES = [
    " - Ads",
    " - Search",
    " (NLP)",
    " - Platform",
    " - Risk",
    " - Growth",
    " - Supply Chain",
    " - Pricing",
]


@dataclass
class Original:
    sentences: list[int]
    title: str
    company: str
    location: str
    url: str | None


@dataclass
class Truth:
    origin: dict[str, str]  # posting id -> id of the original it copies (itself if original)
    kind: dict[str, str]  # repost id -> kind of repost


def _pool(rows: list[Row]) -> tuple[list[str], list[int], list[str]]:
    sentences: dict[str, None] = {}
    counts = []
    for text in sorted({r.description for r in rows}):  # sorted: same corpus every run
        parts = [s.strip() for s in _SENTENCE_BREAK.split(text) if len(s.split()) >= 4]
        counts.append(len(parts))
        sentences.update(dict.fromkeys(parts))
    vocabulary = sorted({w for s in sentences for w in s.split() if w.isalpha()})
    return list(sentences), counts, vocabulary


def _edit(text: str, changes: int, vocabulary: list[str], rng: random.Random) -> str:
    words = text.split()
    for position in rng.sample(range(len(words)), min(changes, len(words))):
        words[position] = rng.choice(vocabulary)
    return " ".join(words)


def resampled(
    rows: list[Row], size: int, repost_rate: float, seed: int, truth: Truth
) -> Iterator[PostingText]:
    """A stream of `size` synthetic postings, see the module docstring."""
    rng = random.Random(seed)
    pool, counts, vocabulary = _pool(rows)
    titles = sorted({r.title for r in rows})
    companies = sorted({r.company for r in rows})
    locations = sorted({r.location for r in rows})
    originals: list[tuple[str, Original]] = []
    for n in range(size):
        pid = f"s{n}"
        if originals and rng.random() < repost_rate:
            yield _repost(pid, originals, pool, locations, vocabulary, rng, truth)
            continue
        k = max(5, min(80, rng.choice(counts)))
        title = rng.choice(titles) + (rng.choice(_TEAM_SUFFIXES) if rng.random() < 0.3 else "")
        company = rng.choice(companies)
        if rng.random() < 0.8:
            company = f"{company} {rng.choice(_COMPANY_WORDS)} {rng.randrange(100)}"
        url = None
        if rng.random() < 0.5:
            url = f"https://boards.greenhouse.io/board{rng.randrange(500)}/jobs/{4_000_000 + n}"
        original = Original(
            rng.sample(range(len(pool)), k), title, company, rng.choice(locations), url
        )
        originals.append((pid, original))
        truth.origin[pid] = pid
        yield PostingText(
            pid,
            url,
            title,
            company,
            original.location,
            " ".join(pool[i] for i in original.sentences),
        )


def _repost(
    pid: str,
    originals: list[tuple[str, Original]],
    pool: list[str],
    locations: list[str],
    vocabulary: list[str],
    rng: random.Random,
    truth: Truth,
) -> PostingText:
    source_id, o = rng.choice(originals)
    truth.origin[pid] = source_id
    roll = rng.random()
    if roll < 0.30:  # the same posting seen on a second site
        truth.kind[pid] = "second source"
        text = "About the job\n" + "\n".join(pool[i] for i in o.sentences)
        url = f"{o.url}?gh_src=abc{rng.randrange(999)}&utm_source=jobboard" if o.url else None
        return PostingText(pid, url, o.title, o.company, o.location, text)
    sentences = list(o.sentences)
    if roll < 0.75:  # reposted with small edits
        truth.kind[pid] = "edited repost"
        if rng.random() < 0.3 and len(sentences) > 10:
            sentences.pop(rng.randrange(len(sentences)))
        text = " ".join(pool[i] for i in sentences)
        text = _edit(text, rng.randint(1, _small(text)), vocabulary, rng)
        location = o.location if rng.random() < 0.5 else rng.choice(locations)
        return PostingText(pid, None, o.title, o.company, location, text)
    truth.kind[pid] = "other city"  # cross-posted to another city, title may say Remote
    title = o.title + (" - Remote" if rng.random() < 0.5 else "")
    text = " ".join(pool[i] for i in sentences)
    text = _edit(text, rng.randint(1, _small(text)), vocabulary, rng)
    return PostingText(pid, None, title, o.company, rng.choice(locations), text)


def _small(text: str) -> int:
    """A small edit: up to one word in a hundred, at least one."""
    return max(1, len(text.split()) // 100)


def part_two(size: int, seed: int) -> None:
    rows = load_rows(GLASSDOOR)
    truth = Truth({}, {})
    index = DuplicateIndex()
    index_seconds = index_cpu = 0.0
    peer: set[bytes] = set()
    peer_seconds = 0.0
    start_all = time.perf_counter()
    for posting in resampled(rows, size, repost_rate=0.2, seed=seed, truth=truth):
        start, start_cpu = time.perf_counter(), time.process_time()
        index.add(posting)
        index_seconds += time.perf_counter() - start
        index_cpu += time.process_time() - start_cpu
        start = time.perf_counter()
        peer.add(hashlib.blake2b((posting.description or "").encode(), digest_size=16).digest())
        peer_seconds += time.perf_counter() - start
    total = time.perf_counter() - start_all

    groups = index.groups()
    group_of = {m: g.id for g in groups for m in g.members}
    reposts = list(truth.kind)
    found = Counter(truth.kind[p] for p in reposts if group_of[p] == group_of[truth.origin[p]])
    planted = Counter(truth.kind.values())
    false_merges = sum(1 for g in groups if len({truth.origin[m] for m in g.members}) > 1)
    expected_groups = len({truth.origin[p] for p in reposts})
    print(
        f"\nScale check: {size} postings RESAMPLED from the Glassdoor file (sentences shuffled "
        "across postings, titles and companies varied, reposts planted; not real postings)"
    )
    print(f"  originals: {size - len(reposts)}, planted reposts: {len(reposts)} {dict(planted)}")
    print(
        f"  groups with 2+ postings: {sum(len(g.members) > 1 for g in groups)} "
        f"(planted: {expected_groups})"
    )
    for kind, count in sorted(planted.items()):
        print(f"  recall, {kind:>13}: {found[kind] / count:.3f} ({found[kind]}/{count})")
    print(f"  groups joining two different originals (false merges): {false_merges}")
    print(
        f"  index time: {index_seconds:.1f} s wall, {index_cpu:.1f} s CPU; "
        f"{index_cpu / size * 1e6:.0f} us CPU per posting, {size / index_cpu:,.0f} postings per "
        f"CPU second (corpus generation included: {total:.1f} s wall)"
    )
    print(
        f"  peer, exact hash: {len(peer)} distinct descriptions (finds no edited copy), "
        f"{peer_seconds / size * 1e6:.1f} us per posting"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100_000, help="0 skips the scale check")
    parser.add_argument("--sample", type=int, default=8)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not GLASSDOOR.exists():
        sys.exit(f"{GLASSDOOR} is missing; this benchmark needs the shared data folder.")
    part_one(args.sample, args.seed)
    if args.scale:
        part_two(args.scale, args.seed)


if __name__ == "__main__":
    main()
