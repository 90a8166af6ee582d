"""Build src/landml/postings/data/onet_titles.json from the O*NET 29.2 title files.

Reads (at build time only; the product never reads /work/shared):
  /work/shared/data/taxonomy/onet_Alternate_Titles.txt
  /work/shared/data/taxonomy/onet_Sample_of_Reported_Titles.txt
Both are O*NET 29.2 (February 2025), USDOL/ETA, licensed CC BY 4.0; the attribution
ships in src/landml/postings/data/ATTRIBUTION.md.

Only the SOC codes in `landml.postings.titles.SOC_OCCUPATIONS` are kept, so the shipped
file stays small. The titles are stored as O*NET spells them (alternate title, its short
form when it has one, reported titles); `titles.onet_lexicon()` normalises them at load
time with the same code that normalises posting titles.

Usage: .venv/bin/python scripts/build_title_lexicon.py [--taxonomy DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import defaultdict
from pathlib import Path

from landml.postings.titles import SOC_OCCUPATIONS

DEFAULT_TAXONOMY = Path("/work/shared/data/taxonomy")
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src/landml/postings/data/onet_titles.json"
ATTRIBUTION = (
    "This product includes information from the O*NET 29.2 Database by the U.S. Department "
    "of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 "
    "license."
)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def collect_titles(taxonomy: Path) -> dict[str, list[str]]:
    """SOC code -> sorted distinct titles from the alternate and reported title files."""
    titles: dict[str, set[str]] = defaultdict(set)
    for row in _rows(taxonomy / "onet_Alternate_Titles.txt"):
        code = row["O*NET-SOC Code"]
        if code in SOC_OCCUPATIONS:
            titles[code].add(row["Alternate Title"].strip())
            short = row["Short Title"].strip()
            if short and short != "n/a":
                titles[code].add(short)
    for row in _rows(taxonomy / "onet_Sample_of_Reported_Titles.txt"):
        code = row["O*NET-SOC Code"]
        if code in SOC_OCCUPATIONS:
            titles[code].add(row["Reported Job Title"].strip())
    return {code: sorted(titles[code]) for code in SOC_OCCUPATIONS if titles.get(code)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--taxonomy", type=Path, default=DEFAULT_TAXONOMY)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    titles = collect_titles(args.taxonomy)
    payload = {
        "source": "O*NET 29.2 Database (February 2025): Alternate Titles, "
        "Sample of Reported Titles",
        "license": "CC BY 4.0, https://creativecommons.org/licenses/by/4.0/",
        "attribution": ATTRIBUTION,
        "occupations": {code: SOC_OCCUPATIONS[code].name for code in titles},
        "titles": titles,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", "utf-8")
    total = sum(len(v) for v in titles.values())
    print(f"wrote {total} titles for {len(titles)} SOC codes to {args.out}")


if __name__ == "__main__":
    main()
