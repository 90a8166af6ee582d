"""The skills taxonomy that ships with landml: ESCO + O*NET Technology Skills + the ML layer.

`load_taxonomy()` reads `data/taxonomy.json.gz` once per process (built by
scripts/build_taxonomy.py); lookups go by id, by merged id or by alias, and the parent
links answer whether two skills are related ("PyTorch" sits under "deep learning
frameworks").
"""

from __future__ import annotations

import gzip
import json
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from landml.errors import NotFound, WorkspaceError
from landml.skills.tokens import alias_key, normalize_word, word_texts

Category = Literal[
    "programming_language",
    "framework_library",
    "cloud_infrastructure",
    "data_tool",
    "ml_concept",
    "math_statistics",
    "soft_skill",
    "domain",
]

CATEGORIES: dict[str, str] = {
    "programming_language": "programming language",
    "framework_library": "framework/library",
    "cloud_infrastructure": "cloud/infrastructure",
    "data_tool": "data tool",
    "ml_concept": "ML concept",
    "math_statistics": "math/statistics",
    "soft_skill": "soft skill",
    "domain": "domain",
}

# Categories whose skills confirm a technical reading of an ambiguous neighbour ("R", "Go").
TECH_CATEGORIES = frozenset(
    {"programming_language", "framework_library", "cloud_infrastructure", "data_tool", "ml_concept"}
)

MatchMode = Literal["plain", "cased", "context"]
SOURCE_RANK = {"ml": 0, "onet": 1, "esco": 2}
FORMAT = 1


@dataclass(frozen=True, slots=True)
class Skill:
    """One skill or skill group, with where it came from."""

    id: str
    label: str
    category: str
    kind: str  # concept (ML layer), tool (O*NET), skill/knowledge/transversal (ESCO), group
    aliases: tuple[str, ...]
    parents: tuple[str, ...]
    sources: tuple[str, ...]
    hot: bool = False

    @property
    def category_label(self) -> str:
        return CATEGORIES.get(self.category, self.category)


@dataclass(frozen=True, slots=True)
class AliasRule:
    """How the text matcher may use one normalised alias."""

    skill_id: str
    mode: MatchMode
    forms: frozenset[str]  # surface forms accepted as written, for cased and context modes
    cue: str = "tech"


class Taxonomy:
    """Skills by id with aliases and parents; built once, then read-only."""

    def __init__(self, doc: dict[str, Any]) -> None:
        if doc.get("format") != FORMAT:
            raise WorkspaceError(
                f"The skills taxonomy file has format {doc.get('format')}, expected {FORMAT}.",
                hint="Rebuild it with scripts/build_taxonomy.py or reinstall landml.",
            )
        self.version: str = doc["version"]
        self.sources: dict[str, dict[str, str]] = doc["sources"]
        self.cues: dict[str, frozenset[str]] = {
            name: frozenset(normalize_word(w) for w in words) for name, words in doc["cues"].items()
        }
        self.redirects: dict[str, str] = doc["redirects"]
        self.skills: dict[str, Skill] = {
            r["id"]: Skill(
                id=r["id"],
                label=r["label"],
                category=r["category"],
                kind=r["kind"],
                aliases=tuple(r.get("aliases", ())),
                parents=tuple(r.get("parents", ())),
                sources=tuple(r.get("sources", (r["id"],))),
                hot=r.get("hot", False),
            )
            for r in doc["skills"]
        }
        self._ids: list[str] = [r["id"] for r in doc["skills"]]
        self._plain: dict[str, int] = doc["index"]["plain"]
        self._special: dict[str, list[Any]] = doc["index"]["special"]

    def __len__(self) -> int:
        return len(self.skills)

    def __iter__(self) -> Iterator[Skill]:
        return iter(self.skills.values())

    @property
    def attribution(self) -> list[str]:
        """The attribution lines the licences of the sources ask for."""
        return [s["attribution"] for s in self.sources.values() if "attribution" in s]

    def get(self, skill_id: str) -> Skill | None:
        """The skill with this id, following ids merged into another skill."""
        skill_id = self.redirects.get(skill_id, skill_id)
        return self.skills.get(skill_id)

    def find(self, text: str) -> Skill | None:
        """A skill by id, merged id or any alias (case, plural and punctuation folded)."""
        text = text.strip()
        if found := self.get(text):
            return found
        key = alias_key(text)
        idx = self._plain.get(key)
        if idx is None and key in self._special:
            idx = self._special[key][0]
        return self.skills[self._ids[idx]] if idx is not None else None

    def resolve(self, text: str) -> Skill:
        """Like `find`, but a skill that does not exist is a user error."""
        found = self.find(text)
        if found is None:
            raise NotFound(
                f"No skill called {text!r} in the taxonomy.",
                hint="Try another name, e.g. `landml skills show pytorch`.",
            )
        return found

    def parents(self, skill_id: str) -> list[Skill]:
        """The skill's direct parents (the skill given by id or alias)."""
        skill = self.find(skill_id)
        return [self.skills[p] for p in skill.parents] if skill else []

    def ancestors(self, skill_id: str) -> list[Skill]:
        """Every broader skill, nearest first."""
        skill = self.find(skill_id)
        if skill is None:
            return []
        seen: dict[str, None] = {}
        queue = deque(skill.parents)
        while queue:
            pid = queue.popleft()
            if pid in seen:
                continue
            seen[pid] = None
            queue.extend(self.skills[pid].parents)
        return [self.skills[p] for p in seen]

    def children(self, skill_id: str) -> list[Skill]:
        """Skills whose direct parent this is."""
        skill = self.find(skill_id)
        if skill is None:
            return []
        return [self.skills[c] for c in self._children.get(skill.id, ())]

    def relation(self, a: str, b: str) -> str | None:
        """How skill `a` relates to `b`: same, narrower (a under b), broader, sibling or None.

        Siblings share a direct parent that is a real skill, not a big catalogue group.
        """
        sa, sb = self.find(a), self.find(b)
        if sa is None or sb is None:
            return None
        if sa.id == sb.id:
            return "same"
        if any(x.id == sb.id for x in self.ancestors(sa.id)):
            return "narrower"
        if any(x.id == sa.id for x in self.ancestors(sb.id)):
            return "broader"
        shared = set(sa.parents) & set(sb.parents)
        if any(self.skills[p].kind != "group" for p in shared):
            return "sibling"
        return None

    def related(self, a: str, b: str, *, siblings: bool = False) -> bool:
        """True when one skill is the other or lies under it (or shares its parent, if asked)."""
        rel = self.relation(a, b)
        return rel in ("same", "narrower", "broader") or (siblings and rel == "sibling")

    @cached_property
    def _children(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for s in self.skills.values():
            for p in s.parents:
                out.setdefault(p, []).append(s.id)
        return out

    def rule(self, key: str) -> AliasRule | None:
        """How the text matcher may use the normalised alias `key`, if at all."""
        idx = self._plain.get(key)
        if idx is not None:
            return AliasRule(self._ids[idx], "plain", frozenset())
        return self.special_rules.get(key)

    @cached_property
    def special_rules(self) -> dict[str, AliasRule]:
        """The aliases matched only as written or only next to a cue."""
        return {
            key: AliasRule(self._ids[v[0]], v[1], frozenset(v[2]), v[3])
            for key, v in self._special.items()
            if v[1] != "off"
        }

    @cached_property
    def plain_ids(self) -> dict[str, str]:
        """Normalised alias -> skill id, for aliases the matcher uses without conditions."""
        ids = self._ids
        return {key: ids[idx] for key, idx in self._plain.items()}

    def plain_aliases(self) -> Iterator[tuple[str, str]]:
        """(normalised alias, skill id) for every alias the matcher uses without conditions."""
        for key, idx in self._plain.items():
            yield key, self._ids[idx]

    @cached_property
    def prefixes(self) -> frozenset[str]:
        """Every proper word prefix of a matchable alias ("machine" of "machine learning"):
        the matcher stops extending a candidate as soon as it leaves this set."""
        out: set[str] = set()
        for key in [*self._plain, *self.special_rules]:
            end = key.rfind(" ")
            while end > 0:
                prefix = key[:end]
                if prefix in out:
                    break
                out.add(prefix)
                end = key.rfind(" ", 0, end)
        return frozenset(out)


def compile_alias_index(raw: list[dict[str, Any]]) -> dict[str, Any]:
    """The alias dictionary stored with the taxonomy: normalised alias -> one skill.

    `raw` is the skills list in file order; skills are referred to by position. When
    several skills share an alias, the ML layer wins over O*NET, O*NET over ESCO, and a
    skill named exactly so over one that merely lists the alias. Plain aliases go in
    `plain`; cased, context and switched-off ones in `special` as [skill, mode, forms, cue].
    """
    best: dict[str, tuple[tuple[int, int, str], int, str, list[str], str]] = {}
    for idx, r in enumerate(raw):
        off = set(r.get("off", ()))
        cased = set(r.get("cased", ()))
        context = set(r.get("context", ()))
        per_key: dict[str, tuple[str, set[str]]] = {}
        for alias in (r["label"], *r.get("aliases", ())):
            key = alias_key(alias)
            if not key:
                continue
            mode = (
                "off"
                if alias in off
                else "context"
                if alias in context
                else "cased"
                if alias in cased
                else "plain"
            )
            old = per_key.get(key)
            if old is None or _MODE_STRENGTH[mode] > _MODE_STRENGTH[old[0]]:
                per_key[key] = (mode, {alias})
            elif old[0] == mode:
                old[1].add(alias)
        label_key = alias_key(r["label"])
        for key, (mode, forms) in per_key.items():
            rank = _rank(r["id"], r["kind"], key, label_key)
            if key not in best or rank < best[key][0]:
                surface = sorted(_surface_forms(forms)) if mode in ("cased", "context") else []
                best[key] = (rank, idx, mode, surface, r.get("cue", "tech"))
    plain = {k: v[1] for k, v in sorted(best.items()) if v[2] == "plain"}
    special = {k: [v[1], v[2], v[3], v[4]] for k, v in sorted(best.items()) if v[2] != "plain"}
    return {"plain": plain, "special": special}


_MODE_STRENGTH = {"off": 0, "context": 1, "cased": 2, "plain": 3}


def _rank(skill_id: str, kind: str, key: str, label_key: str) -> tuple[int, int, str]:
    source = SOURCE_RANK.get(skill_id.split(":", 1)[0], 3)
    kind_rank = 2 if kind == "group" else 1 if kind in ("skill", "transversal") else 0
    named = 0 if label_key == key else 1
    return (source * 3 + kind_rank, named, skill_id)


def _surface_forms(aliases: set[str]) -> set[str]:
    """The word tokens of each alias as written, joined by spaces: what cased matching compares."""
    return {" ".join(word_texts(a)) for a in aliases}


def taxonomy_path() -> Path:
    """Where the shipped taxonomy file is."""
    return Path(str(resources.files("landml.skills") / "data" / "taxonomy.json.gz"))


@cache
def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """The shipped taxonomy, read once per process (or the file at `path`)."""
    path = path or taxonomy_path()
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            doc = json.load(fh)
    except (OSError, ValueError) as exc:
        raise WorkspaceError(
            f"Cannot read the skills taxonomy at {path}: {exc}.",
            hint="Reinstall landml, or rebuild the file with scripts/build_taxonomy.py.",
        ) from exc
    return Taxonomy(doc)
