"""Reading STAR stories from the files people write them in: YAML or Markdown.

YAML holds one story (a mapping with `title`, `situation`, `task`, `action`, `result`,
`tags`, or `text` for a free-text story), a list of them, or `stories:` with a list.

Markdown holds one story per `# Title` heading. `## Situation`, `## Task`, `## Action` and
`## Result` sub-headings fill the parts; text under the title without them is a free-text
story whose parts are found later from cue phrases. A `Tags: a, b` line sets the tags.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from pydantic import ValidationError

from landml.errors import ImportRejected, InvalidInput
from landml.prep.stories import PARTS, StoryIn

_HINT = (
    "Write each story as `# Title` then `## Situation`, `## Task`, `## Action`, `## Result` "
    "(Markdown), or as a YAML mapping with those keys; docs/prep.md shows both."
)
_TAGS_LINE = re.compile(r"^tags\s*:\s*(?P<tags>.*)$", re.IGNORECASE)
_SUB_HEADING = re.compile(r"^##\s+(?P<name>.+?)\s*#*$")


def read_stories(text: str, *, markdown: bool) -> list[StoryIn]:
    """The stories in a file's text; every faulty story is named at once."""
    raw = _markdown_stories(text) if markdown else _yaml_stories(text)
    if not raw:
        raise InvalidInput("The file holds no story.", hint=_HINT)
    stories: list[StoryIn] = []
    problems: list[str] = []
    for position, entry in enumerate(raw, start=1):
        try:
            stories.append(StoryIn.model_validate(entry))
        except ValidationError as exc:
            title = entry.get("title") if isinstance(entry, dict) else None
            where = f"story {position}" + (f" ({title})" if title else "")
            problems += [f"{where}: {_describe(error)}" for error in exc.errors()]
    if problems:
        raise ImportRejected(f"{len(problems)} problem(s) in the stories file.", problems)
    return stories


def _describe(error: Any) -> str:
    where = ".".join(str(part) for part in error.get("loc", ()))
    message = str(error.get("msg", "invalid"))
    return f"{where}: {message}" if where else message


def _yaml_stories(text: str) -> list[Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InvalidInput(f"Not valid YAML: {' '.join(str(exc).split())}", hint=_HINT) from exc
    if isinstance(data, dict) and set(data) == {"stories"}:
        data = data["stories"]
    if isinstance(data, dict):
        return [_tags_as_list(data)]
    if isinstance(data, list):
        return [_tags_as_list(entry) if isinstance(entry, dict) else entry for entry in data]
    return []


def _tags_as_list(entry: dict[str, Any]) -> dict[str, Any]:
    tags = entry.get("tags")
    if isinstance(tags, str):
        return {**entry, "tags": _split_tags(tags)}
    return entry


def _split_tags(text: str) -> list[str]:
    return [tag.strip().lower() for tag in text.split(",") if tag.strip()]


def _markdown_stories(text: str) -> list[dict[str, Any]]:
    stories: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    section = "text"
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("# "):
            current = {"title": stripped[2:].strip(), "text": []}
            stories.append(current)
            section = "text"
            continue
        if current is None:
            continue
        heading = _SUB_HEADING.match(stripped)
        tags = _TAGS_LINE.match(stripped)
        if heading and heading.group("name").lower() in PARTS:
            section = heading.group("name").lower()
            current.setdefault(section, [])
        elif tags and section == "text":
            current["tags"] = _split_tags(tags.group("tags"))
        else:
            current.setdefault(section, []).append(line)
    return [_joined(story) for story in stories]


def _joined(story: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"title": story["title"]}
    for key, value in story.items():
        if key in ("title", "tags"):
            out[key] = value
            continue
        body = "\n".join(value).strip()
        if body:
            out[key] = body
    # With parts present, text before the first part heading stays as the person's notes
    # (StoryIn uses the parts and keeps the text).
    return out
