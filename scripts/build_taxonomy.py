#!/usr/bin/env python3
"""Build landml's skills taxonomy from ESCO, O*NET Technology Skills and landml's ML layer.

Reads the ESCO v1.1.1 and O*NET 29.2 files from ../shared/data/taxonomy (or --source),
the hand-written layer src/landml/skills/data/ml_layer.yaml, and writes
src/landml/skills/data/taxonomy.json.gz plus ATTRIBUTION.md. This is a development-time
script: it is the only code that reads the shared data folder; the package reads the file
it writes. The output is deterministic: same inputs and --build-date give the same bytes.

    .venv/bin/python scripts/build_taxonomy.py [--source DIR] [--build-date YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import hashlib
import io
import json
import os
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from landml.skills.taxonomy import CATEGORIES, FORMAT, compile_alias_index
from landml.skills.tokens import alias_key, normalize_word, tokenize

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "landml" / "skills" / "data"
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "taxonomy"

ESCO_LINE = "This product includes ESCO data, (c) European Union, https://esco.ec.europa.eu"
ONET_LINE = (
    "This product includes information from the O*NET 29.2 Database by the U.S. Department "
    "of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 "
    "license."
)
ESCO_VERSION = "1.1.1"
ONET_VERSION = "29.2"

# A lowercase word found in at least this many ESCO/O*NET descriptions is ordinary
# English for our purpose: alone, it is too vague to name a skill.
COMMON_DF = 12
# Closed-class words that cannot begin or end a skill name on their own.
FUNCTION_WORDS = frozenset((
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "be", "is", "are", "if", "what", "up", "out", "off", "over", "other",
    "others", "your", "you", "our", "we", "it", "its", "this", "that", "these", "those",
    "all", "any", "some",
))  # fmt: skip
COMPUTER_PROGRAMMING = "esco:21d2f96d-35f7-4e3f-9745-c533d2dd6e97"


@dataclass
class Skill:
    """One taxonomy entry while it is being built."""

    id: str
    label: str
    category: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    cased: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)
    off: set[str] = field(default_factory=set)
    cue: str = "tech"
    hot: bool = False
    own: set[str] = field(default_factory=set)  # aliases whose match rules the ML layer sets
    language: bool = False

    def add_alias(self, alias: str) -> None:
        alias = " ".join(alias.split())
        if alias and alias != self.label and alias not in self.aliases:
            self.aliases.append(alias)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "label": self.label,
            "category": self.category,
            "kind": self.kind,
        }
        if self.aliases:
            out["aliases"] = self.aliases
        if self.parents:
            out["parents"] = self.parents
        if self.sources != [self.id]:
            out["sources"] = self.sources
        for name, values in (("cased", self.cased), ("context", self.context), ("off", self.off)):
            if values:
                out[name] = sorted(values)
        if self.context and self.cue != "tech":
            out["cue"] = self.cue
        if self.hot:
            out["hot"] = True
        return out


# --- reading the sources ------------------------------------------------------------


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def esco_id(uri: str) -> str:
    """ESCO URIs become short stable ids: "esco:<uuid>", "esco:isced-f-0613"."""
    tail = uri.rstrip("/").rsplit("/", 2)
    if tail[-2] == "isced-f":
        return f"esco:isced-f-{tail[-1]}"
    return f"esco:{tail[-1]}"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("+", "p").replace("#", "sharp")).strip(
        "-"
    )


def description_words(source: Path) -> Counter[str]:
    """How many ESCO and O*NET descriptions use each lowercase word: a measure of how
    ordinary a word is, drawn from the same licensed sources."""
    df: Counter[str] = Counter()
    texts = [r["description"] for r in read_csv(source / "skills_en.csv")]
    texts += [r["description"] for r in read_csv(source / "occupations_en.csv")]
    with (source / "onet_Occupation_Data.txt").open(encoding="utf-8") as fh:
        texts += [line.split("\t")[-1] for line in fh.read().splitlines()[1:]]
    for text in texts:
        df.update({t.norm for t in tokenize(text) if t.text.isalpha() and t.text.islower()})
    return df


# --- the ML layer -------------------------------------------------------------------------


def load_ml_layer(path: Path) -> tuple[dict[str, Any], list[Skill], dict[str, list[str]]]:
    """The hand-written layer: its settings, its skills and their ESCO/O*NET same-as lists."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    skills: list[Skill] = []
    same_as: dict[str, list[str]] = {}
    problems: list[str] = []
    for category, entries in doc["skills"].items():
        if category not in CATEGORIES:
            problems.append(f"unknown category {category}")
        for e in entries:
            sid = f"ml:{e['id']}"
            s = Skill(sid, e["label"], category, "concept", sources=["landml"])
            for alias in e.get("aka", []) + e.get("cased", []) + e.get("ctx", []):
                s.add_alias(str(alias))
            s.cased = {str(a) for a in e.get("cased", [])}
            s.context = {str(a) for a in e.get("ctx", [])}
            s.cue = e.get("cue", "tech")
            s.own = {s.label, *s.aliases}
            s.parents = [f"ml:{p}" for p in e.get("parents", [])]
            skills.append(s)
            same_as[sid] = [f"esco={x}" for x in e.get("esco", [])] + [
                f"onet={x}" for x in e.get("onet", [])
            ]
    ids = Counter(s.id for s in skills)
    problems += [f"duplicate id {i}" for i, n in ids.items() if n > 1]
    known = set(ids)
    for s in skills:
        problems += [f"{s.id}: unknown parent {p}" for p in s.parents if p not in known]
    owners: dict[str, str] = {}
    for s in skills:
        for alias in [s.label, *s.aliases]:
            key = alias_key(alias)
            if not key:
                problems.append(f"{s.id}: alias {alias!r} has no word in it")
            elif key in owners and owners[key] != s.id:
                problems.append(f"alias {alias!r} is on both {owners[key]} and {s.id}")
            owners.setdefault(key, s.id)
    if problems:
        raise SystemExit("ml_layer.yaml is not valid:\n  " + "\n  ".join(problems))
    return doc, skills, same_as


# --- ESCO ------------------------------------------------------------------------------


def load_esco(source: Path) -> tuple[dict[str, Skill], dict[str, list[str]]]:
    """ESCO skills and skill groups with their broader links."""
    skills: dict[str, Skill] = {}
    for r in read_csv(source / "skills_en.csv"):
        sid = esco_id(r["conceptUri"])
        kind = "knowledge" if r["skillType"] == "knowledge" else "skill"
        s = Skill(sid, r["preferredLabel"].strip(), "domain", kind, sources=[sid])
        for alt in r["altLabels"].split("\n"):
            s.add_alias(alt)
        s.hot = False
        skills[sid] = s
        s.kind = kind if r["reuseLevel"] != "transversal" else "transversal"
    groups: dict[str, str] = {}
    for r in read_csv(source / "skillsHierarchy_en.csv"):
        for level in range(4):
            uri, label = r[f"Level {level} URI"], r[f"Level {level} preferred term"]
            if uri and label:
                groups[esco_id(uri)] = label.strip()
    broader: dict[str, list[str]] = defaultdict(list)
    for r in read_csv(source / "broaderRelationsSkillPillar.csv"):
        child, parent = esco_id(r["conceptUri"]), esco_id(r["broaderUri"])
        if parent not in broader[child]:
            broader[child].append(parent)
    for gid, label in groups.items():
        if gid not in skills:
            skills[gid] = Skill(gid, label, "domain", "group", sources=[gid])
    for sid, s in skills.items():
        s.parents = [p for p in broader.get(sid, []) if p in skills]
    return skills, broader


def esco_category(sid: str, skills: dict[str, Skill]) -> str:
    """A category from where a skill sits in ESCO's hierarchy (see ATTRIBUTION.md)."""
    seen: set[str] = set()
    frontier = [sid]
    while frontier:
        nxt: list[str] = []
        for node in frontier:
            for p in skills[node].parents:
                if p not in seen:
                    seen.add(p)
                    nxt.append(p)
        frontier = nxt
    s = skills[sid]
    labels = {skills[a].label for a in seen}
    if COMPUTER_PROGRAMMING in s.parents and s.kind == "knowledge":
        return "programming_language"
    if any(a.startswith("esco:isced-f-054") for a in seen):
        return "math_statistics"
    if "transversal skills and competences" in labels or s.kind == "transversal":
        return "soft_skill"
    if "esco:isced-f-0612" in seen:
        return "data_tool"
    if "esco:isced-f-0613" in seen:
        return "framework_library"
    if any(a.startswith("esco:isced-f-06") for a in seen):
        return "cloud_infrastructure"
    if "accessing and analysing digital data" in labels:
        return "data_tool"
    if "working with computers" in labels:
        return "cloud_infrastructure"
    return "domain"


def is_language_skill(sid: str, skills: dict[str, Skill]) -> bool:
    frontier, seen = [sid], set()
    while frontier:
        node = frontier.pop()
        if skills[node].label in (
            "languages",
            "language skills and knowledge",
            "classical languages",
        ):
            return node != sid
        for p in skills[node].parents:
            if p not in seen:
                seen.add(p)
                frontier.append(p)
    return False


# --- O*NET -----------------------------------------------------------------------------


_ACRONYM_TAIL = re.compile(r"^(?P<long>.+?)\s+(?P<short>[A-Z][A-Z0-9/&]{1,9})$")


def onet_aliases(name: str, vendors: list[str], prose: Counter[str]) -> list[str]:
    """Extra names for an O*NET example: without "software", its acronym, without vendor.

    "software" stays on generic kinds of software ("Quality control software"): without it
    they would name an activity, not a tool.
    """
    out: list[str] = []
    base = re.sub(r"\s+software$", "", name).strip()
    words = base.split()
    # "Salesforce software" names a product; "Posting software" a kind of software.
    is_product = any(not w.islower() for w in words[1:]) or (
        len(words) == 1
        and not words[0].islower()
        and (is_distinctive(words[0]) or prose[normalize_word(words[0])] == 0)
    )
    if base != name and base and is_product:
        out.append(base)
    else:
        base = name
    if m := _ACRONYM_TAIL.match(base):
        words = m.group("long").split()
        short = m.group("short")
        letters = [c for c in short.lower() if c.isalpha()]
        if len(words) >= len(letters) and [w[0].lower() for w in words[-len(letters) :]] == letters:
            out += [m.group("long"), short]
            head = words[: -len(letters)]
            if head:
                out.append(" ".join([*head, short]))
    for vendor in sorted(vendors, key=len, reverse=True):
        for variant in [name, *out]:
            if variant.startswith(vendor + " ") and len(variant) > len(vendor) + 1:
                out.append(variant[len(vendor) + 1 :])
    seen: list[str] = []
    for alias in out:
        if alias not in seen and alias != name:
            seen.append(alias)
    return seen


_ONET_CATEGORY = [
    (
        (
            "data base",
            "database",
            "business intelligence",
            "data mining",
            "analytical or scientific",
            "spreadsheet",
            "metadata",
            "information retrieval",
            "map creation",
            "geographic",
        ),
        "data_tool",
    ),
    (
        (
            "operating system",
            "network",
            "cloud",
            "application server",
            "configuration management",
            "transaction security",
            "file versioning",
            "platform and",
            "enterprise system management",
            "storage",
            "backup",
        ),
        "cloud_infrastructure",
    ),
    (
        (
            "development environment",
            "object or component",
            "web platform",
            "program testing",
            "enterprise application integration",
            "compiler",
            "development",
        ),
        "framework_library",
    ),
]


def onet_category(classes: list[str]) -> str:
    for cls in classes:
        low = cls.lower()
        for words, category in _ONET_CATEGORY:
            if any(w in low for w in words):
                return category
    return "domain"


def load_onet(source: Path, vendors: list[str], prose: Counter[str]) -> dict[str, Skill]:
    rows: dict[str, dict[str, Any]] = {}
    with (source / "onet_Technology_Skills.txt").open(encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    for line in lines[1:]:
        _soc, example, _code, commodity, hot, _demand = line.split("\t")
        info = rows.setdefault(example.strip(), {"classes": [], "hot": False})
        if commodity not in info["classes"]:
            info["classes"].append(commodity)
        info["hot"] = info["hot"] or hot == "Y"
    skills: dict[str, Skill] = {}
    classes = sorted({c for info in rows.values() for c in info["classes"]})
    for cls in classes:
        cid = f"onet:class-{slug(cls)}"
        skills[cid] = Skill(cid, cls, onet_category([cls]), "group", sources=[cid])
    for name in sorted(rows):
        info = rows[name]
        sid = f"onet:{slug(name)}"
        if sid in skills:
            sid = f"{sid}-{hashlib.sha1(name.encode()).hexdigest()[:6]}"
        s = Skill(sid, name, onet_category(info["classes"]), "tool", sources=[sid])
        s.hot = info["hot"]
        for alias in onet_aliases(name, vendors, prose):
            s.add_alias(alias)
        s.parents = [f"onet:class-{slug(c)}" for c in sorted(info["classes"])]
        skills[sid] = s
    return skills


# --- merging and matching rules ------------------------------------------------------------


def base_key(label: str) -> str:
    """A label without its parenthesised qualifier: "Python (computer programming)"."""
    return alias_key(re.sub(r"\s*\([^)]*\)\s*$", "", label))


def merge_into(target: Skill, other: Skill, redirects: dict[str, str]) -> None:
    """Fold `other` into `target`: its names become aliases unless the target has them."""
    taken = {alias_key(a) for a in [target.label, *target.aliases]}
    for alias in [other.label, *other.aliases]:
        for variant in dict.fromkeys([alias, re.sub(r"\s*\([^)]*\)\s*$", "", alias)]):
            if alias_key(variant) and alias_key(variant) not in taken:
                target.add_alias(variant)
                taken.add(alias_key(variant))
    target.sources += [src for src in other.sources if src not in target.sources]
    target.hot = target.hot or other.hot
    redirects[other.id] = target.id


def merge_sources(
    ml: list[Skill],
    same_as: dict[str, list[str]],
    esco: dict[str, Skill],
    onet: dict[str, Skill],
) -> tuple[dict[str, Skill], dict[str, str]]:
    """One skill per concept: ESCO and O*NET entries that name an ML-layer skill join it."""
    redirects: dict[str, str] = {}
    by_key: dict[str, Skill] = {}
    by_key_any: dict[str, Skill] = {}
    for s in ml:
        for alias in [s.label, *s.aliases]:
            by_key_any.setdefault(alias_key(alias), s)
            if alias not in s.context:
                by_key.setdefault(alias_key(alias), s)
    esco_by_label: dict[str, list[Skill]] = defaultdict(list)
    for s in esco.values():
        if s.kind != "group":
            esco_by_label[s.label].append(s)
    onet_by_label = {s.label: s for s in onet.values() if s.kind != "group"}
    problems: list[str] = []
    for s in ml:
        for ref in same_as[s.id]:
            kind, name = ref.split("=", 1)
            if kind == "esco":
                found = esco_by_label.get(name, [])
                if len(found) != 1:
                    problems.append(f"{s.id}: ESCO label {name!r} matches {len(found)} skills")
                    continue
                if found[0].id not in redirects:
                    merge_into(s, found[0], redirects)
            else:
                target = onet_by_label.get(name)
                if target is None:
                    problems.append(f"{s.id}: no O*NET example {name!r}")
                    continue
                merge_into(s, target, redirects)
    if problems:
        raise SystemExit(
            "ml_layer.yaml names sources that do not exist:\n  " + "\n  ".join(problems)
        )
    for s in sorted(esco.values(), key=lambda x: x.id):
        if s.kind == "group" or s.id in redirects:
            continue
        target = by_key.get(base_key(s.label))
        if target is not None and s.kind == "knowledge":
            merge_into(target, s, redirects)
    for s in sorted(onet.values(), key=lambda x: x.id):
        if s.kind == "group":
            continue
        for name in [s.label, *s.aliases]:
            target = by_key_any.get(alias_key(name))
            if target is not None:
                merge_into(target, s, redirects)
                break
    merged: dict[str, Skill] = {s.id: s for s in ml}
    for source in (esco, onet):
        for s in source.values():
            if s.id not in redirects:
                merged[s.id] = s
    for s in merged.values():
        parents = [redirects.get(p, p) for p in s.parents]
        s.parents = [p for i, p in enumerate(parents) if p != s.id and p not in parents[:i]]
    return merged, redirects


def is_distinctive(word: str) -> bool:
    """A one-word name that cannot be ordinary prose: "MATLAB", "PyTorch", "k8s", "C++"."""
    return (
        any(c.isdigit() for c in word) or any(c.isupper() for c in word[1:]) or not word.isalpha()
    )


def set_match_rules(
    skills: dict[str, Skill], generic: set[str], common: set[str], stopped: set[str]
) -> None:
    """Which aliases of ESCO and O*NET entries the text matcher may use, and how.

    ML-layer aliases carry their own rules. Elsewhere a one-word alias must not be an
    ordinary word: ordinary words are never matched alone, all-capital acronyms only as
    written, and capitalised product names only as written.
    """
    for s in skills.values():
        if s.kind == "group" and s.id.startswith("esco:"):
            s.off = {s.label, *s.aliases}
            continue
        for alias in [s.label, *s.aliases]:
            if alias_key(alias) in stopped:
                s.off.add(alias)  # named in the layer's not_skills
                continue
            if alias in s.own:
                continue
            words = [t for t in tokenize(alias) if t.is_word]
            if not words:
                s.off.add(alias)
                continue
            if len(words) > 1:
                if s.kind == "transversal" and alias != s.label and len(words) <= 2:
                    s.off.add(alias)  # loose paraphrases of soft skills: "enjoy working"
                elif words[0].norm in FUNCTION_WORDS or words[-1].norm in FUNCTION_WORDS:
                    s.off.add(alias)  # "and procedure", "make up", "what if"
                elif alias != s.label and len(words) == 2 and all(w.norm in common for w in words):
                    s.off.add(alias)  # loose everyday paraphrases: "identify opportunity"
                continue
            word = words[0].text
            norm = words[0].norm
            if s.language and norm not in generic:
                s.context.add(alias)
                s.cue = "language"
            elif (
                (s.category == "soft_skill" and s.id.startswith("esco:"))
                or norm in generic
                or len(norm) <= 1
            ):
                s.off.add(alias)
            elif norm in common:
                s.off.add(alias)  # "Act!", "SPARK" (Ada), "Docs": the ML layer has the real ones
            elif word.isupper() and len(word) <= 3 and alias != s.label:
                s.off.add(alias)  # "HR", "IT", "PR" as alternative labels name departments
            elif s.id.startswith("onet:") or word.isupper() or word[0].isupper():
                # Product names and acronyms: only as written ("FastEST" is not "fastest").
                s.cased.add(alias)
            elif alias != s.label and not is_distinctive(word):
                # A one-word alternative label is often a loose synonym ("confidence" for
                # assertiveness, "LED" for optoelectronic devices): not matched alone.
                s.off.add(alias)
            elif not is_distinctive(word) and len(word) <= 3:
                s.off.add(alias)
        s.cased -= s.context | s.off
        s.context -= s.off


# --- output ---------------------------------------------------------------------------------


def check_acyclic(skills: dict[str, Skill]) -> None:
    state: dict[str, int] = {}

    def visit(sid: str, path: list[str]) -> None:
        if state.get(sid) == 2:
            return
        if state.get(sid) == 1:
            raise SystemExit("cycle in parents: " + " -> ".join([*path, sid]))
        state[sid] = 1
        for p in skills[sid].parents:
            visit(p, [*path, sid])
        state[sid] = 2

    sys.setrecursionlimit(10000)
    for sid in sorted(skills):
        visit(sid, [])


def build(source: Path, layer: Path) -> dict[str, Any]:
    doc, ml, same_as = load_ml_layer(layer)
    esco, _ = load_esco(source)
    for sid, s in esco.items():
        if s.kind != "group":
            s.category = esco_category(sid, esco)
            s.language = is_language_skill(sid, esco)
        else:
            s.category = "domain"
    prose = description_words(source)
    onet = load_onet(source, doc["vendors"], prose)
    skills, redirects = merge_sources(ml, same_as, esco, onet)
    missing = [f"{s.id} -> {p}" for s in skills.values() for p in s.parents if p not in skills]
    if missing:
        raise SystemExit("parents that do not exist: " + ", ".join(missing[:10]))
    check_acyclic(skills)
    generic = {normalize_word(w) for w in doc["generic_terms"]}
    common = {w for w, n in prose.items() if n >= COMMON_DF}
    set_match_rules(skills, generic, common, {alias_key(a) for a in doc.get("not_skills", [])})
    raw = [skills[sid].to_json() for sid in sorted(skills)]
    return {
        "format": FORMAT,
        "version": f"{doc['version']}+esco.{ESCO_VERSION}.onet.{ONET_VERSION}",
        "sources": {
            "landml": {"version": doc["version"], "licence": "MIT"},
            "esco": {"version": ESCO_VERSION, "attribution": ESCO_LINE},
            "onet": {"version": ONET_VERSION, "attribution": ONET_LINE, "licence": "CC BY 4.0"},
        },
        "cues": {name: sorted(words) for name, words in doc["cues"].items()},
        "skills": raw,
        "index": compile_alias_index(raw),
        "redirects": dict(sorted(redirects.items())),
    }


def write(taxonomy: dict[str, Any], out: Path, build_date: str) -> str:
    """Write the gzip JSON with a fixed header time, so equal content gives equal bytes."""
    raw = json.dumps(taxonomy, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(raw.encode("utf-8"))
    out.write_bytes(buf.getvalue())
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


SKILLSPAN_LICENSE = """\
    MIT License

    Copyright (c) 2023 Mike Zhang

    Permission is hereby granted, free of charge, to any person obtaining a copy
    of this software and associated documentation files (the "Software"), to deal
    in the Software without restriction, including without limitation the rights
    to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
    copies of the Software, and to permit persons to whom the Software is
    furnished to do so, subject to the following conditions:

    The above copyright notice and this permission notice shall be included in all
    copies or substantial portions of the Software.

    THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
    IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
    FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
    AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
    LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
    OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
    SOFTWARE."""


def attribution(
    taxonomy: dict[str, Any], digest: str, build_date: str, counts: Counter[str]
) -> str:
    return f"""# Sources and licences of landml's skills data

## ESCO

{ESCO_LINE}

ESCO v{ESCO_VERSION} (skills_en.csv, skillsHierarchy_en.csv, broaderRelationsSkillPillar.csv),
European Commission. Free reuse with attribution under Commission Decision 2011/833/EU.
landml keeps ESCO's preferred and alternative labels and broader relations; it chooses a
category from a skill's place in the hierarchy and marks which labels the text matcher may
use. ESCO is not responsible for these changes.

## O*NET

{ONET_LINE}

O*NET 29.2 Technology Skills (February 2025), https://www.onetcenter.org/database.html,
Creative Commons Attribution 4.0 International, https://creativecommons.org/licenses/by/4.0/.
landml adds shortened names (vendor and "software" removed, acronyms split off) and maps
commodity classes to categories. USDOL/ETA has not approved, endorsed or tested these
modifications.

## landml ML layer

ml_layer.yaml: skills, aliases, categories and parents written for landml, MIT licence.
Where an ESCO or O*NET entry names the same skill, it is merged into the ML layer's entry
(its id still resolves to it) and keeps its labels as aliases.

Categories of ESCO skills follow their place in ESCO's hierarchy: knowledge directly under
"computer programming" is a programming language; ISCED-F 054 (mathematics and statistics)
is math/statistics; transversal skills are soft skills; ISCED-F 0612 is data tool, 0613
framework/library, the rest of ISCED-F 06 and "working with computers" cloud/infrastructure;
"accessing and analysing digital data" data tool; everything else domain. O*NET tools take
theirs from their commodity class (database, BI and analytical software are data tools;
operating systems, networks and cloud are infrastructure; development software is
framework/library; other classes are domain).

## SkillSpan (span tagger training data)

tagger.npz is a model trained by scripts/train_skill_tagger.py on the SkillSpan training
split (Zhang et al., "SkillSpan: Hard and Soft Skill Extraction from English Job Postings",
NAACL 2022), MIT licence, Copyright (c) 2023 Mike Zhang. No SkillSpan text ships with
landml; the model holds feature weights only. SkillSpan's licence:

{SKILLSPAN_LICENSE}

## This build

- taxonomy version: {taxonomy["version"]}
- build date: {build_date}
- content sha256 (uncompressed JSON): {digest}
- skills: {sum(counts.values())} ({", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))})
- merged duplicate entries: {len(taxonomy["redirects"])}
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="ESCO/O*NET folder")
    parser.add_argument("--layer", type=Path, default=DATA / "ml_layer.yaml")
    parser.add_argument("--out", type=Path, default=DATA)
    parser.add_argument(
        "--build-date",
        default=None,
        help="date written to ATTRIBUTION.md (default: SOURCE_DATE_EPOCH, else today)",
    )
    args = parser.parse_args(argv)
    if not (args.source / "skills_en.csv").exists():
        raise SystemExit(f"No ESCO skills_en.csv in {args.source}; pass --source DIR.")
    build_date = args.build_date or (
        dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), dt.UTC).date().isoformat()
        if "SOURCE_DATE_EPOCH" in os.environ
        else dt.date.today().isoformat()
    )
    taxonomy = build(args.source, args.layer)
    args.out.mkdir(parents=True, exist_ok=True)
    digest = write(taxonomy, args.out / "taxonomy.json.gz", build_date)
    counts = Counter(s["id"].split(":")[0] for s in taxonomy["skills"])
    (args.out / "ATTRIBUTION.md").write_text(
        attribution(taxonomy, digest, build_date, counts), encoding="utf-8"
    )
    size = (args.out / "taxonomy.json.gz").stat().st_size
    print(f"wrote {len(taxonomy['skills'])} skills, {size / 1e6:.2f} MB, sha256 {digest[:12]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
