"""Showing a posting's text safely: its source HTML cut down to a small allowlist, and its
plain text cut into segments so each extracted skill can be marked without ever treating
text from elsewhere as markup.

Posting HTML comes from job boards and pages the person imported; landml shows it only
after `sanitize_posting_html`, which keeps structure (paragraphs, lists, emphasis,
headings, http(s) links) and drops everything else, content and all for scripts, styles
and embedded frames.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

import nh3

ALLOWED_TAGS = frozenset(
    {"p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "h2", "h3", "h4", "a"}
)
# Tags removed with everything inside them; other unknown tags lose the tag, keep the text.
DROPPED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "noscript",
        "template",
        "svg",
        "math",
        "textarea",
        "select",
        "title",
        "head",
    }
)
LINK_REL = "noopener noreferrer nofollow"

_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    # "*" empty: ammonia otherwise allows lang and title on every tag.
    attributes={"a": {"href"}, "*": set()},
    url_schemes={"http", "https"},
    # A relative link would point into landml itself; only absolute http(s) links stay.
    url_relative="deny",
    link_rel=LINK_REL,
    strip_comments=True,
)


def sanitize_posting_html(html: str) -> str:
    """`html` reduced to paragraphs, lists, emphasis, h2-h4 and http(s) links, no attributes
    but a link's href (and its rel), no scripts, styles, frames, images or handlers."""
    return _CLEANER.clean(html)


class Span(Protocol):
    """Anything with character offsets into a text (a stored or freshly extracted skill)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Span)


@dataclass(frozen=True, slots=True)
class Segment(Generic[S]):
    """A run of the text: `text[start:end]`, with the skill it names or None."""

    text: str
    start: int
    end: int
    skill: S | None = None


def _fits(span: Span, length: int) -> bool:
    return 0 <= span.start < span.end <= length


def kept_spans(text: str, spans: Iterable[S]) -> list[S]:
    """The spans to mark, in text order: those whose offsets fit the text, and of spans that
    overlap, the longest (then the earliest, then the first given)."""
    candidates = [s for s in spans if _fits(s, len(text))]
    # Stable sort: among equal lengths and starts the first given wins.
    candidates.sort(key=lambda s: (s.start - s.end, s.start))
    kept: list[S] = []
    starts: list[int] = []
    for span in candidates:
        i = bisect_left(starts, span.start)
        # `kept` never overlaps itself, so only the neighbours on each side can clash.
        if i > 0 and kept[i - 1].end > span.start:
            continue
        if i < len(kept) and kept[i].start < span.end:
            continue
        kept.insert(i, span)
        starts.insert(i, span.start)
    return kept


def highlight_segments(text: str, skills: Iterable[S]) -> list[Segment[S]]:
    """`text` cut into segments that join back to it exactly, one per marked skill and one
    per run between them; spans outside the text are ignored, overlaps keep the longest."""
    segments: list[Segment[S]] = []
    at = 0
    for skill in kept_spans(text, skills):
        if at < skill.start:
            segments.append(Segment(text[at : skill.start], at, skill.start))
        segments.append(Segment(text[skill.start : skill.end], skill.start, skill.end, skill))
        at = skill.end
    if at < len(text):
        segments.append(Segment(text[at:], at, len(text)))
    return segments
