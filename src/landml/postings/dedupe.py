"""The same job seen twice: from two sources, or reposted with small edits.

Three keys find a duplicate, strongest first:

- the canonical URL (`canonical_url`): lower-case host, no tracking parameters, no
  fragment or trailing slash, and known applicant tracking systems reduced to their job id
  ("greenhouse:4012345"), so a board link and an embedded link meet;
- the identity key (`identity_key`): normalised title, company and location;
- a near-duplicate description (`description_fingerprint`): MinHash over 4-word shingles,
  whose agreement estimates the Jaccard similarity of the two shingle sets.

`DuplicateIndex` takes postings one at a time and says which group each joins and why.
Candidates for near-duplicates come from LSH banding (16 bands of 8 values), so a new
posting is compared only with postings that share a band, not with all of them; a pair
with Jaccard 0.85 shares a band with probability 0.994, a pair at 0.5 with 0.06. Two
guards keep one employer's template from merging separate openings: near-identical texts
count only when the titles agree (same seniority, and one title adds words to the other
or they differ by a typo), and the same title, company and place count only when the
texts are not clearly different (Jaccard 0.5 or more). Groups are the connected
components of the links found, so a chain of small edits stays one group. A group is
named by the first posting that entered it and never splits.

Fingerprints are deterministic across runs, processes and machines: every hash is
BLAKE2b or fixed integer arithmetic, never Python's salted `hash()`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit

import numpy as np
from numpy.typing import NDArray

from landml.errors import Conflict, InvalidInput
from landml.postings.location import parse_location
from landml.postings.titles import Seniority, classify_seniority, normalise_title

# --- canonical URL --------------------------------------------------------------------

# fmt: off
TRACKING_PARAMS = frozenset({
    "gh_src", "lever-source", "lever-origin", "lever-via", "ref", "referrer", "refid",
    "ref_id", "source", "src_id", "trk", "trkinfo", "trackingid", "fbclid", "gclid",
    "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "igshid", "si",
    "_ga", "_gl", "campaign", "sid",
})
# fmt: on
_TRACKING_PREFIXES = ("utm_",)


def _query(query: str) -> list[tuple[str, str]]:
    return parse_qsl(query, keep_blank_values=True)


def _param(params: list[tuple[str, str]], *names: str) -> str | None:
    wanted = {n.lower() for n in names}
    return next((v for k, v in params if k.lower() in wanted and v), None)


def _ats_key(host: str, parts: list[str], params: list[tuple[str, str]]) -> str | None:
    """A job id key for applicant tracking systems whose URLs name the job."""
    if gh := _param(params, "gh_jid"):
        return f"greenhouse:{gh}"
    if host.endswith("greenhouse.io"):
        if len(parts) >= 3 and parts[1] == "jobs":
            return f"greenhouse:{parts[2]}"
        if token := _param(params, "token"):
            return f"greenhouse:{token}"
    if host.endswith("lever.co") and len(parts) >= 2:
        return f"lever:{parts[0].lower()}/{parts[1].lower()}"
    if host == "jobs.ashbyhq.com" and len(parts) >= 2:
        return f"ashby:{parts[1].lower()}"
    if host.endswith("workable.com") and "j" in parts[:-1]:
        return f"workable:{parts[parts.index('j') + 1].upper()}"
    if host.endswith("smartrecruiters.com") and len(parts) >= 2:
        job_id = parts[1].split("-")[0]
        return f"smartrecruiters:{parts[0].lower()}/{job_id}"
    if ".myworkdayjobs.com" in host and parts and "_" in parts[-1]:
        tenant = host.split(".")[0]
        return f"workday:{tenant}/{parts[-1].rsplit('_', 1)[1].upper()}"
    if host.endswith("linkedin.com"):
        if job := _param(params, "currentjobid"):
            return f"linkedin:{job}"
        view = parts[2] if len(parts) >= 3 and parts[:2] == ["jobs", "view"] else ""
        if m := re.search(r"(\d{6,})$", view):
            return f"linkedin:{m.group(1)}"
    if "indeed." in host and (jk := _param(params, "jk", "vjk")):
        return f"indeed:{jk}"
    if "glassdoor." in host and (jl := _param(params, "jl", "joblistingid")):
        return f"glassdoor:{jl}"
    if host.endswith(".bamboohr.com"):
        job = _param(params, "id") or (
            parts[1] if parts[:1] == ["careers"] and len(parts) > 1 else None
        )
        if job:
            return f"bamboohr:{host.split('.')[0]}/{job}"
    return None


def canonical_url(url: str) -> str:
    """One key for every URL of the same posting.

    Known ATS job pages give `"<ats>:<job id>"` ("greenhouse:4012345",
    "lever:acme/<uuid>", "workday:acme/R12345"); any other URL gives
    `https://<host><path>?<query>` with the host lower-cased and without "www.", tracking
    parameters (utm_*, gh_src, lever-source, ref, fbclid...) dropped, the remaining
    parameters sorted, and no fragment or trailing slash.
    """
    text = url.strip()
    if "://" not in text:
        text = f"https://{text}"
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower().rstrip(".")
        port = parts.port
    except ValueError:
        host, port = "", None
    if not host or "." not in host or " " in host:
        raise InvalidInput(
            f"{url!r} is not a web address.", hint="Give a URL such as https://example.com/jobs/1."
        )
    host = host.removeprefix("www.")
    params = _query(parts.query)
    path_parts = [p for p in parts.path.split("/") if p]
    if key := _ats_key(host, path_parts, params):
        return key
    kept = sorted(
        (k, v)
        for k, v in params
        if k.lower() not in TRACKING_PARAMS and not k.lower().startswith(_TRACKING_PREFIXES)
    )
    path = "/" + "/".join(path_parts) if path_parts else ""
    query = f"?{urlencode(kept)}" if kept else ""
    port_text = f":{port}" if port not in (None, 80, 443) else ""
    return f"https://{host}{port_text}{path}{query}"


def _url_key(url: str | None) -> str | None:
    if not url or not url.strip():
        return None
    try:
        return canonical_url(url)
    except InvalidInput:  # a malformed URL cannot match anything
        return None


# --- identity key ---------------------------------------------------------------------

# fmt: off
_LEGAL_SUFFIXES = frozenset({
    "inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co", "plc",
    "gmbh", "ag", "sa", "sas", "sarl", "bv", "nv", "oy", "ab", "as", "pty", "pvt", "srl",
    "spa", "kk", "lp", "llp", "se", "company",
})
# fmt: on


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower().replace("&", " and "))


def normalise_company(name: str) -> str:
    """A company name as a key: "The Acme Corp., Inc." -> "acme"."""
    words = _words(name)
    while words and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _location_key(location: str) -> str:
    place = parse_location(location)
    fields = [place.city, place.region, place.country, place.work_mode]
    if any(fields):
        return ", ".join(" ".join(_words(str(f))) for f in fields if f)
    return " ".join(_words(location))


def identity_key(title: str | None, company: str | None, location: str | None) -> str | None:
    """The normalised title, company and location ("senior data scientist | acme | new york,
    ny, us"), or None without a title or a company."""
    title_key = " ".join(_words(normalise_title(title or "")))
    company_key = normalise_company(company or "")
    if not title_key or not company_key:
        return None
    return f"{title_key} | {company_key} | {_location_key(location or '')}"


# --- description fingerprint ----------------------------------------------------------

NUM_PERM = 128
SHINGLE_WORDS = 4
_SEED = b"landml-minhash-v1"


def _seeded_u64(label: str, count: int) -> NDArray[np.uint64]:
    """`count` fixed 64-bit odd numbers derived from BLAKE2b, the same on every machine."""
    values = []
    for i in range(count):
        digest = hashlib.blake2b(f"{label}:{i}".encode(), digest_size=8, key=_SEED).digest()
        values.append(int.from_bytes(digest, "little") | 1)
    return np.array(values, dtype=np.uint64)


@lru_cache(maxsize=8)
def _permutations(num_perm: int) -> tuple[NDArray[np.uint64], NDArray[np.uint64]]:
    return _seeded_u64("a", num_perm), _seeded_u64("b", num_perm)


@lru_cache(maxsize=8)
def _shingle_weights(size: int) -> NDArray[np.uint64]:
    return _seeded_u64("shingle", size)


_TOKEN_HASHES: dict[str, int] = {}
_TOKEN_CACHE_LIMIT = 1 << 20


def _token_hash(token: str) -> int:
    digest = hashlib.blake2b(token.encode(), digest_size=8, key=_SEED).digest()
    value = int.from_bytes(digest, "little")
    if len(_TOKEN_HASHES) >= _TOKEN_CACHE_LIMIT:  # bound the memory a long run can take
        _TOKEN_HASHES.clear()
    _TOKEN_HASHES[token] = value
    return value


_TOKEN = re.compile(r"\w+")


def description_tokens(text: str) -> list[str]:
    """Lower-case words of a description (Unicode letters and digits)."""
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).lower())


def _shingle_hashes(tokens: list[str], size: int) -> NDArray[np.uint64]:
    try:
        hashed = np.fromiter(map(_TOKEN_HASHES.__getitem__, tokens), np.uint64, len(tokens))
    except KeyError:  # words not seen before: hash each distinct word once
        local = {t: _TOKEN_HASHES.get(t) or _token_hash(t) for t in set(tokens)}
        hashed = np.fromiter(map(local.__getitem__, tokens), np.uint64, len(tokens))
    width = min(size, len(hashed))
    count = len(hashed) - width + 1
    weights = _shingle_weights(size)
    combined = np.zeros(count, dtype=np.uint64)
    for j in range(width):  # wrapping 64-bit arithmetic: a polynomial hash of each shingle
        combined += hashed[j : j + count] * weights[j]
    return combined  # repeated shingles change no minimum, so no need to deduplicate


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """MinHash signature of a text: `signature` holds num_perm little-endian uint32;
    `shingles` counts the word shingles read (0 for a text without words)."""

    signature: bytes
    shingles: int

    def values(self) -> NDArray[np.uint32]:
        return np.frombuffer(self.signature, dtype="<u4")

    def similarity(self, other: Fingerprint) -> float:
        """Estimated Jaccard similarity of the two texts' shingle sets."""
        if self.shingles == 0 or other.shingles == 0:
            return 0.0
        return float(np.mean(self.values() == other.values()))

    def hex(self) -> str:
        return self.signature.hex()

    def as_list(self) -> list[int]:
        """The signature as plain integers, for storage as JSON."""
        return [int(v) for v in self.values()]

    @classmethod
    def from_list(cls, values: list[int], shingles: int) -> Fingerprint:
        """A stored signature back (see `as_list`)."""
        if any(not 0 <= v <= 0xFFFFFFFF for v in values):
            raise InvalidInput("A fingerprint holds unsigned 32-bit values only.")
        return cls(np.array(values, dtype="<u4").tobytes(), shingles)


def fingerprint_tokens(
    tokens: list[str], num_perm: int = NUM_PERM, shingle_words: int = SHINGLE_WORDS
) -> Fingerprint:
    """MinHash of already tokenised text (see `description_tokens`)."""
    if not tokens:
        return Fingerprint(np.full(num_perm, 0xFFFFFFFF, dtype="<u4").tobytes(), 0)
    shingles = _shingle_hashes(tokens, shingle_words)
    a, b = _permutations(num_perm)
    # Multiply-shift hashing: the top 32 bits of a*x + b (mod 2^64) for each permutation.
    # The shift is monotonic, so it is applied to the minima only.
    mixed = np.multiply.outer(a, shingles)
    mixed += b[:, None]
    signature = (mixed.min(axis=1) >> np.uint64(32)).astype("<u4")
    return Fingerprint(signature.tobytes(), len(shingles))


def description_fingerprint(
    text: str, num_perm: int = NUM_PERM, shingle_words: int = SHINGLE_WORDS
) -> Fingerprint:
    """MinHash over word shingles of a description; equal inputs give equal bytes anywhere."""
    return fingerprint_tokens(description_tokens(text), num_perm, shingle_words)


# --- the index ------------------------------------------------------------------------


class MatchReason(StrEnum):
    same_url = "same_url"
    same_identity = "same_identity"
    near_duplicate = "near_duplicate"


_REASON_RANK = {
    MatchReason.same_url: 0,
    MatchReason.same_identity: 1,
    MatchReason.near_duplicate: 2,
}
_Match = tuple[int, MatchReason, float | None]  # earlier posting, reason, similarity


@dataclass(frozen=True, slots=True)
class PostingText:
    """What duplicate detection reads from a posting."""

    id: str
    url: str | None = None
    title: str | None = None
    company: str | None = None
    location: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """Why `posting_id` is a duplicate of the earlier `matched_id`."""

    posting_id: str
    matched_id: str
    reason: MatchReason
    similarity: float | None = None  # estimated Jaccard of the descriptions, when compared


@dataclass(frozen=True, slots=True)
class Placement:
    """Where `add` put a posting: its group, and the link that put it there (None when
    the posting starts a new group)."""

    posting_id: str
    group_id: str
    link: Link | None
    merged_groups: tuple[str, ...] = ()

    @property
    def is_duplicate(self) -> bool:
        return self.link is not None


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Postings of one job; `id` is the first posting that entered the group."""

    id: str
    members: tuple[str, ...]
    links: tuple[Link, ...]

    @property
    def reasons(self) -> frozenset[MatchReason]:
        return frozenset(link.reason for link in self.links)


@dataclass(frozen=True, slots=True)
class DedupeSettings:
    """Thresholds; `bands * rows` must equal `num_perm`."""

    threshold: float = 0.85
    num_perm: int = NUM_PERM
    bands: int = 16
    shingle_words: int = SHINGLE_WORDS
    # Fewer shingles than this and a description says too little to call two jobs equal
    # ("See our careers page").
    min_shingles: int = 20
    # Same title, company and location, but descriptions this different: two openings.
    identity_min_similarity: float = 0.5
    # Near-duplicate texts under titles that each add their own words ("Scientist,
    # Hematology" / "Scientist, Immunology") count only above this title-word Jaccard.
    title_min_similarity: float = 0.8

    def __post_init__(self) -> None:
        if self.bands <= 0 or self.num_perm % self.bands:
            raise InvalidInput(
                f"{self.bands} LSH bands do not divide {self.num_perm} MinHash values.",
                hint="Choose bands that divide num_perm, e.g. 16 bands for 128 values.",
            )
        if not 0.0 < self.threshold <= 1.0:
            raise InvalidInput(
                f"Similarity threshold {self.threshold} is outside (0, 1].",
                hint="Use a Jaccard threshold such as 0.85.",
            )


@dataclass(frozen=True, slots=True)
class _TitleSketch:
    words: frozenset[str]
    seniority: Seniority


@lru_cache(maxsize=1 << 14)
def _title_sketch(title: str) -> _TitleSketch:
    seniority, _, _ = classify_seniority(title)
    return _TitleSketch(frozenset(_words(normalise_title(title))), seniority)


class DuplicateIndex:
    """Postings added one by one, grouped with earlier postings of the same job."""

    def __init__(self, settings: DedupeSettings | None = None) -> None:
        self.settings = settings or DedupeSettings()
        self._ids: list[str] = []
        self._position: dict[str, int] = {}
        self._parent: list[int] = []
        self._members: dict[int, list[int]] = {}
        self._links: dict[int, list[Link]] = {}
        self._titles: list[_TitleSketch | None] = []
        self._by_url: dict[str, int] = {}
        self._by_identity: dict[str, list[int]] = {}
        self._rows = self.settings.num_perm // self.settings.bands
        self._bands: list[dict[bytes, list[int]]] = [{} for _ in range(self.settings.bands)]
        self._signatures = np.zeros((1024, self.settings.num_perm), dtype=np.uint32)
        self._usable = np.zeros(1024, dtype=bool)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, posting_id: object) -> bool:
        return posting_id in self._position

    # -- union-find over insertion positions; the root is always the group's first member

    def _root(self, i: int) -> int:
        while self._parent[i] != i:
            self._parent[i] = self._parent[self._parent[i]]
            i = self._parent[i]
        return i

    def _union(self, i: int, j: int) -> None:
        a, b = self._root(i), self._root(j)
        if a == b:
            return
        keep, gone = (a, b) if a < b else (b, a)
        self._parent[gone] = keep
        self._members[keep].extend(self._members.pop(gone))
        self._links[keep].extend(self._links.pop(gone))

    # -- adding

    def add(self, posting: PostingText, fingerprint: Fingerprint | None = None) -> Placement:
        """Add a posting; say which group it joined and the strongest reason why.

        `fingerprint` skips hashing the description again when it was stored already; it
        must come from `description_fingerprint` with this index's settings."""
        if posting.id in self._position:
            raise Conflict(
                f"Posting {posting.id!r} is already in the duplicate index.",
                hint="Give each posting one id.",
            )
        i = len(self._ids)
        self._ids.append(posting.id)
        self._position[posting.id] = i
        self._parent.append(i)
        self._members[i] = [i]
        self._links[i] = []
        self._titles.append(_title_sketch(posting.title) if posting.title else None)

        url = _url_key(posting.url)
        key = identity_key(posting.title, posting.company, posting.location)
        if fingerprint is None:
            fingerprint = description_fingerprint(
                posting.description or "", self.settings.num_perm, self.settings.shingle_words
            )
        elif len(fingerprint.signature) != 4 * self.settings.num_perm:
            raise InvalidInput(
                f"Fingerprint of posting {posting.id!r} has "
                f"{len(fingerprint.signature) // 4} values; this index uses "
                f"{self.settings.num_perm}.",
                hint="Recompute it with description_fingerprint.",
            )
        usable = fingerprint.shingles >= self.settings.min_shingles
        self._store_signature(i, fingerprint.values(), usable)

        matches = self._url_matches(url) + self._identity_matches(key, i, usable)
        if usable:
            matches += self._description_matches(i)
        links = [Link(posting.id, self._ids[j], reason, sim) for j, reason, sim in matches]
        primary = min(
            links,
            key=lambda lk: (
                _REASON_RANK[lk.reason],
                -(lk.similarity or 0.0),
                self._position[lk.matched_id],
            ),
            default=None,
        )
        before = {self._root(j) for j, _, _ in matches}
        for j, _, _ in matches:
            self._union(i, j)
        root = self._root(i)
        self._links[root].extend(links)
        self._register(i, url, key, usable)
        merged = tuple(sorted(self._ids[r] for r in before if r != root))
        return Placement(posting.id, self._ids[root], primary, merged)

    def _store_signature(self, i: int, signature: NDArray[np.uint32], usable: bool) -> None:
        if i >= len(self._signatures):
            grow = len(self._signatures)
            self._signatures = np.concatenate(
                [self._signatures, np.zeros((grow, self.settings.num_perm), dtype=np.uint32)]
            )
            self._usable = np.concatenate([self._usable, np.zeros(grow, dtype=bool)])
        self._signatures[i] = signature
        self._usable[i] = usable

    def _url_matches(self, url: str | None) -> list[_Match]:
        if url is None or url not in self._by_url:
            return []
        return [(self._by_url[url], MatchReason.same_url, None)]

    def _identity_matches(self, key: str | None, i: int, usable: bool) -> list[_Match]:
        if key is None or key not in self._by_identity:
            return []
        for j in self._by_identity[key]:
            if not (usable and self._usable[j]):
                return [(j, MatchReason.same_identity, None)]
            similarity = float(np.mean(self._signatures[i] == self._signatures[j]))
            if similarity >= self.settings.identity_min_similarity:
                return [(j, MatchReason.same_identity, similarity)]
        return []

    def _titles_agree(self, i: int, j: int) -> bool:
        """Near-identical texts under different titles are separate openings of one template
        ("Data Scientist" and "Senior Data Scientist"; "Scientist, Hematology" and
        "Scientist, Immunology"). Titles agree at the same level when one adds words to the
        other ("Data Scientist - Remote") or they differ by a typo; a missing title agrees."""
        a, b = self._titles[i], self._titles[j]
        if a is None or b is None:
            return True
        if a.seniority is not b.seniority:
            return False
        if a.words <= b.words or b.words <= a.words:
            return True
        overlap = len(a.words & b.words) / len(a.words | b.words)
        return overlap >= self.settings.title_min_similarity

    def _band_keys(self, signature: NDArray[np.uint32]) -> list[bytes]:
        r = self._rows
        return [signature[b * r : (b + 1) * r].tobytes() for b in range(self.settings.bands)]

    def _description_matches(self, i: int) -> list[_Match]:
        candidates: set[int] = set()
        for band, key in zip(self._bands, self._band_keys(self._signatures[i]), strict=True):
            candidates.update(band.get(key, ()))
        if not candidates:
            return []
        order = np.fromiter(sorted(candidates), dtype=np.int64, count=len(candidates))
        agree = (self._signatures[order] == self._signatures[i]).mean(axis=1)
        best: dict[int, tuple[int, float]] = {}  # group root -> (candidate, similarity)
        for j, similarity in zip(order.tolist(), agree.tolist(), strict=True):
            if similarity >= self.settings.threshold and self._titles_agree(i, j):
                root = self._root(j)
                if root not in best or similarity > best[root][1]:
                    best[root] = (j, similarity)
        return [(j, MatchReason.near_duplicate, sim) for j, sim in best.values()]

    def _register(self, i: int, url: str | None, key: str | None, usable: bool) -> None:
        if url is not None:
            self._by_url.setdefault(url, i)
        if key is not None:
            self._by_identity.setdefault(key, []).append(i)
        if usable:
            keys = self._band_keys(self._signatures[i])
            for band, band_key in zip(self._bands, keys, strict=True):
                band.setdefault(band_key, []).append(i)

    # -- reading

    def _group(self, root: int) -> DuplicateGroup:
        members = tuple(self._ids[m] for m in sorted(self._members[root]))
        return DuplicateGroup(self._ids[root], members, tuple(self._links[root]))

    def group_of(self, posting_id: str) -> DuplicateGroup:
        """The group a posting belongs to."""
        if posting_id not in self._position:
            raise InvalidInput(f"Posting {posting_id!r} is not in the duplicate index.")
        return self._group(self._root(self._position[posting_id]))

    def groups(self) -> list[DuplicateGroup]:
        """Every group, single postings included, in the order their first member came."""
        return [self._group(root) for root in sorted(self._members)]


def group_duplicates(
    postings: Iterable[PostingText], settings: DedupeSettings | None = None
) -> list[DuplicateGroup]:
    """Partition postings into groups of the same job (a group of one is a unique job)."""
    index = DuplicateIndex(settings)
    for posting in postings:
        index.add(posting)
    return index.groups()
