"""Inline charts: vl-convert's SVG passes the check, anything that could run is refused,
and the cache makes each chart once."""

from __future__ import annotations

import altair as alt
import pytest

from landml.insights.charts import render_svg
from landml.web.charts import ChartCache, UnsafeSvg, check_svg, inline_svg

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{}</svg>'


def test_vl_convert_svg_escapes_names_and_passes_the_check() -> None:
    name = "<script>alert(1)</script>"
    spec = (
        alt.Chart(alt.InlineData(values=[{"company": name, "n": 3}]))
        .mark_bar()
        .encode(x="n:Q", y="company:N")
        .to_dict()
    )
    svg = str(inline_svg(render_svg(spec)))
    assert name not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert svg.startswith("<svg")


@pytest.mark.parametrize(
    "body",
    [
        "<script>alert(1)</script>",
        '<g onload="alert(1)"></g>',
        '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>',
        '<a xlink:href="https://evil.example/"><text>x</text></a>',
        '<a href="javascript:alert(1)"><text>x</text></a>',
        '<use href="https://evil.example/sprite.svg#x"/>',
    ],
)
def test_svg_that_could_run_or_load_something_is_refused(body: str) -> None:
    with pytest.raises(UnsafeSvg):
        check_svg(SVG.format(body))


def test_only_a_well_formed_svg_root_is_inlined() -> None:
    with pytest.raises(UnsafeSvg, match="not well-formed"):
        check_svg("<svg><g></svg>")
    with pytest.raises(UnsafeSvg, match="not svg"):
        check_svg('<html xmlns="http://www.w3.org/1999/xhtml"></html>')
    inner = '<a href="#legend"><text>legend</text></a>'
    assert str(inline_svg('<?xml version="1.0"?>\n' + SVG.format(inner))) == SVG.format(inner)


def test_the_cache_makes_each_value_once_and_forgets_the_oldest() -> None:
    cache = ChartCache(size=2)
    made: list[str] = []

    def maker(key: str) -> str:
        made.append(key)
        return key.upper()

    assert cache.get_or_make("a", lambda: maker("a")) == "A"
    assert cache.get_or_make("a", lambda: maker("a")) == "A"
    cache.get_or_make("b", lambda: maker("b"))
    cache.get_or_make("c", lambda: maker("c"))
    cache.get_or_make("a", lambda: maker("a"))
    assert made == ["a", "b", "c", "a"]
    assert len(cache) == 2
