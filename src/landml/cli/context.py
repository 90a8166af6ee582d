"""What every command shares: the workspace, `--home` and `--json`, output and errors."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import click
from pydantic import BaseModel
from rich.console import Console
from sqlalchemy.orm import Session

from landml.accounts.models import LOCAL_OWNER_ID
from landml.accounts.service import Preferences, preferences
from landml.config import Settings
from landml.db.base import utcnow
from landml.db.workspace import Workspace
from landml.errors import LandmlError

F = TypeVar("F", bound=Callable[..., Any])


class CliState:
    """Per-invocation state: settings, the workspace (opened on first use), output mode."""

    def __init__(self) -> None:
        self.home: Path | None = None
        self.json = False
        self._workspace: Workspace | None = None
        self.owner = LOCAL_OWNER_ID
        self.console = Console(highlight=False, soft_wrap=True)
        self.err = Console(stderr=True, highlight=False)

    @property
    def settings(self) -> Settings:
        if self.home is not None:
            return Settings(home=self.home)
        return Settings()

    @property
    def workspace(self) -> Workspace:
        if self._workspace is None:
            self._workspace = Workspace.open(self.settings)
            if self._workspace.backup is not None and not self.json:
                self.err.print(
                    f"Backed up the workspace to {self._workspace.backup} before upgrading it."
                )
        return self._workspace

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.workspace.session() as session:
            yield session

    def preferences(self, session: Session) -> Preferences:
        return preferences(session, self.owner, self.settings)

    def zone(self, prefs: Preferences) -> tzinfo:
        if prefs.timezone:
            return ZoneInfo(prefs.timezone)
        local = datetime.now().astimezone().tzinfo
        assert local is not None
        return local

    def now(self) -> datetime:
        # LANDML_NOW pins the clock (ISO time with offset) for reproducible demos and tests.
        pinned = os.environ.get("LANDML_NOW")
        return datetime.fromisoformat(pinned) if pinned else utcnow()

    def close(self) -> None:
        if self._workspace is not None:
            self._workspace.close()

    def print_each(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.console.print(line, markup=False)

    def emit(self, data: Any, render: Callable[[], None]) -> None:
        """Print `data` as JSON when --json is on, otherwise call `render`."""
        if self.json:
            click.echo(json.dumps(to_jsonable(data), indent=2, ensure_ascii=False))
        else:
            render()


def to_jsonable(data: Any) -> Any:
    if isinstance(data, BaseModel):
        return data.model_dump(mode="json")
    if isinstance(data, list | tuple):
        return [to_jsonable(d) for d in data]
    if isinstance(data, dict):
        return {k: to_jsonable(v) for k, v in data.items()}
    return data


def state() -> CliState:
    ctx = click.get_current_context()
    obj = ctx.find_object(CliState)
    if obj is None:
        obj = ctx.ensure_object(CliState)
    return obj


def _set_home(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        ctx.ensure_object(CliState).home = value


def _set_json(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        ctx.ensure_object(CliState).json = True


home_option = click.option(
    "--home",
    type=click.Path(file_okay=False, path_type=Path),
    expose_value=False,
    is_eager=True,
    callback=_set_home,
    help="Workspace directory (default: $LANDML_HOME or the platform data directory).",
)
json_option = click.option(
    "--json",
    "json_output",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_set_json,
    help="Print only JSON.",
)


def command_options(fn: F) -> F:
    """`--home` and `--json`, which every command takes."""
    return home_option(json_option(fn))


class LandmlGroup(click.Group):
    """A group whose commands print user errors as one line and exit non-zero."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except LandmlError as exc:
            report_error(ctx, exc)
            ctx.exit(1)


def report_error(ctx: click.Context, exc: LandmlError) -> None:
    obj = ctx.find_object(CliState)
    problems = getattr(exc, "problems", [])
    if obj is not None and obj.json:
        payload: dict[str, Any] = {"type": type(exc).__name__, "message": exc.message}
        if exc.hint:
            payload["hint"] = exc.hint
        if problems:
            payload["problems"] = problems
        click.echo(json.dumps({"error": payload}, indent=2, ensure_ascii=False))
        return
    click.echo(f"Error: {exc}", err=True)
    for line in problems:
        click.echo(f"  {line}", err=True)


def pass_state(fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return fn(state(), *args, **kwargs)

    return wrapper


def parse_when(text: str, tz: tzinfo, *, what: str = "time") -> datetime:
    """A date or date-time typed by a person, read in their zone unless it has an offset."""
    from dateutil import parser as dateparser

    from landml.errors import InvalidInput

    try:
        value = dateparser.parse(text)
    except (ValueError, OverflowError) as exc:
        raise InvalidInput(
            f"Cannot read the {what} {text!r}.",
            hint="Use for example 2026-12-01 or '2026-12-01 14:30'.",
        ) from exc
    if value.tzinfo is None:
        value = value.replace(tzinfo=tz)
    return value


def stdin_text() -> str:
    return sys.stdin.read()
