"""Charts in pages: SVG rendered by vl-convert, checked before it is inlined, and cached.

The SVG is our own output, and vl-convert escapes the text it draws (a company named
``<script>`` comes out as ``&lt;script&gt;``). The check below still refuses anything that
could run in a page (script elements, event handler attributes, foreign objects, links
outside the document), so a change in the renderer can never turn into script injection.

Rendering a chart takes a good fraction of a second, so rendered SVGs are kept in a small
in-memory cache shared by the app's requests; callers choose keys that change whenever
what the chart shows changes.
"""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from markupsafe import Markup

T = TypeVar("T")

SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
FORBIDDEN_TAGS = frozenset(
    {"script", "foreignObject", "iframe", "object", "embed", "handler", "listener"}
)
CACHE_SIZE = 64


class UnsafeSvg(ValueError):
    """SVG that could run code or load something if inlined in a page."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def check_svg(svg: str) -> None:
    """Raise UnsafeSvg unless `svg` is one inert <svg> element."""
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as exc:
        raise UnsafeSvg(f"not well-formed SVG: {exc}") from exc
    if root.tag != f"{SVG_NS}svg":
        raise UnsafeSvg(f"the root element is {root.tag}, not svg")
    for element in root.iter():
        if _local(str(element.tag)) in FORBIDDEN_TAGS:
            raise UnsafeSvg(f"<{_local(str(element.tag))}> is not allowed in an inline chart")
        for name, value in element.attrib.items():
            local = _local(name).lower()
            if local.startswith("on"):
                raise UnsafeSvg(f"event handler attribute {local!r} in an inline chart")
            if name in (XLINK_HREF, "href") and not value.startswith("#"):
                raise UnsafeSvg(f"link to {value[:60]!r} in an inline chart")
            if "javascript:" in value.lower().replace(" ", ""):
                raise UnsafeSvg("javascript: URL in an inline chart")


def inline_svg(svg: str) -> Markup:
    """`svg` checked and marked safe for a template (the XML prolog, if any, dropped)."""
    text = svg.strip()
    if text.startswith("<?xml"):
        text = text[text.index("?>") + 2 :].lstrip()
    check_svg(text)
    # Safe to mark: checked just above, and the text is our own renderer's output.
    return Markup(text)


class ChartCache:
    """A small least-recently-used cache of rendered charts, safe across request threads."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_make(self, key: Hashable, make: Callable[[], T]) -> T:
        """The value kept under `key`, made (outside the lock) and kept when missing."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                value: T = self._items[key]
                return value
        made = make()
        with self._lock:
            self._items[key] = made
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return made

    def __len__(self) -> int:
        return len(self._items)


def get_chart_cache(request: Request) -> ChartCache:
    """The app's chart cache (made by `create_app`)."""
    cache: ChartCache = request.app.state.chart_cache
    return cache


ChartCacheDep = Annotated[ChartCache, Depends(get_chart_cache)]
