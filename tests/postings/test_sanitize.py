"""Posting HTML cut down to a safe allowlist, and a posting's text cut into segments that
mark its skills."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from landml.postings.sanitize import highlight_segments, kept_spans, sanitize_posting_html


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    name: str = ""


def test_scripts_and_their_content_are_removed() -> None:
    cleaned = sanitize_posting_html("<p>Hello</p><script>window.__pwned = 1</script>")
    assert cleaned == "<p>Hello</p>"


def test_images_with_error_handlers_are_removed() -> None:
    cleaned = sanitize_posting_html('<p>Hi<img src=x onerror="window.__pwned=2"></p>')
    assert cleaned == "<p>Hi</p>"


def test_event_handlers_and_style_attributes_are_dropped_from_kept_tags() -> None:
    cleaned = sanitize_posting_html(
        '<p onclick="steal()" style="position:fixed" class="x" id="y" title="t" lang="en">Text</p>'
    )
    assert cleaned == "<p>Text</p>"


def test_style_blocks_and_iframes_go_with_their_content() -> None:
    cleaned = sanitize_posting_html(
        "<style>body{display:none}</style><iframe src='https://evil.example'>inside</iframe>"
        "<p>kept</p><svg><script>1</script></svg>"
    )
    assert cleaned == "<p>kept</p>"


def test_javascript_and_relative_links_lose_their_href() -> None:
    cleaned = sanitize_posting_html(
        '<a href="javascript:alert(1)">a</a> <a href="JaVaScRiPt:alert(1)">b</a> '
        '<a href="java&#x09;script:alert(1)">c</a> <a href="/postings/1">d</a> '
        '<a href="//evil.example/x">e</a> <a href="data:text/html,hi">f</a>'
    )
    assert "href" not in cleaned
    assert cleaned.count("<a ") == 6


def test_http_links_are_kept_with_noopener_noreferrer_nofollow() -> None:
    cleaned = sanitize_posting_html(
        '<a href="https://jobs.example/apply?id=1&amp;src=x" target="_blank" title="t">Apply</a>'
    )
    assert cleaned == (
        '<a href="https://jobs.example/apply?id=1&amp;src=x" '
        'rel="noopener noreferrer nofollow">Apply</a>'
    )


def test_safe_structure_is_kept() -> None:
    source = (
        "<h2>About</h2><p>We <strong>build</strong> <em>models</em>, <b>fast</b> "
        "and <i>well</i>.<br>Next line</p><h3>You</h3><ul><li>Python</li></ul>"
        "<h4>Bonus</h4><ol><li>Rust</li></ol>"
    )
    assert sanitize_posting_html(source) == source


def test_other_tags_are_unwrapped_keeping_their_text() -> None:
    cleaned = sanitize_posting_html('<div class="c"><h1>Title</h1><span>text</span></div>')
    assert cleaned == "Titletext"


TEXT = "Requirements: Python and PyTorch; nice to have: Kubernetes."


def test_segments_mark_each_skill_and_join_back_to_the_text() -> None:
    python = Span(14, 20, "python")
    torch = Span(25, 32, "pytorch")
    segments = highlight_segments(TEXT, [torch, python])
    assert "".join(s.text for s in segments) == TEXT
    marked = [(s.text, s.skill) for s in segments if s.skill is not None]
    assert marked == [("Python", python), ("PyTorch", torch)]
    assert all(TEXT[s.start : s.end] == s.text for s in segments)


def test_overlapping_spans_keep_the_longest() -> None:
    text = "Experience with machine learning systems."
    short = Span(16, 23, "machine")
    long = Span(16, 32, "machine learning")
    inner = Span(24, 32, "learning")
    segments = highlight_segments(text, [short, inner, long])
    assert [s.skill for s in segments if s.skill] == [long]
    assert "".join(s.text for s in segments) == text


def test_equal_overlapping_spans_keep_the_earliest() -> None:
    first, second = Span(0, 4, "a"), Span(2, 6, "b")
    assert kept_spans("abcdefgh", [second, first]) == [first]


def test_spans_outside_the_text_or_empty_are_ignored() -> None:
    spans = [Span(-1, 3), Span(5, 5), Span(6, 4), Span(50, 60), Span(0, 3, "ok")]
    segments = highlight_segments("abcdefgh", spans)
    assert [(s.text, s.skill) for s in segments] == [("abc", Span(0, 3, "ok")), ("defgh", None)]


def test_an_empty_text_has_no_segments() -> None:
    assert highlight_segments("", [Span(0, 1)]) == []


@given(
    text=st.text(max_size=60),
    raw=st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=12),
)
def test_segments_always_rebuild_the_text_without_overlaps(
    text: str, raw: list[tuple[int, int]]
) -> None:
    spans = [Span(a, b) for a, b in raw]
    segments = highlight_segments(text, spans)
    assert "".join(s.text for s in segments) == text
    assert all(s.text for s in segments)
    assert [s.start for s in segments[1:]] == [s.end for s in segments[:-1]]
    marked = [s for s in segments if s.skill is not None]
    assert all(
        s.skill in spans and (s.skill.start, s.skill.end) == (s.start, s.end) for s in marked
    )
    # Every span left out overlaps one at least as long that was kept.
    for span in spans:
        if 0 <= span.start < span.end <= len(text) and span not in [s.skill for s in marked]:
            assert any(
                k.start < span.end
                and span.start < k.end
                and k.end - k.start >= span.end - span.start
                for k in (s.skill for s in marked if s.skill is not None)
            )
