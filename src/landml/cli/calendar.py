"""`landml calendar export FILE.ics`: interviews and follow-ups for your calendar app."""

from __future__ import annotations

import os
import tempfile
from datetime import timedelta
from pathlib import Path

import click

from landml.cli.context import CliState, LandmlGroup, command_options, pass_state
from landml.errors import InvalidInput, LandmlError
from landml.tracker.calendar import export_calendar


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder, then rename it,
    so a calendar app never reads a half-written file and a failed write leaves the old
    one intact."""
    folder = path.parent
    if not folder.is_dir():
        raise InvalidInput(
            f"The folder {folder} does not exist.", hint="Create it first or choose another path."
        )
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise LandmlError(f"Cannot write in {folder}: {exc.strerror}.") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise LandmlError(f"Cannot write {path}: {exc.strerror}.") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@click.group(cls=LandmlGroup)
def calendar() -> None:
    """Your interviews and follow-ups in the calendar app you already use."""


@calendar.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--alarm",
    "alarm_minutes",
    type=click.IntRange(0, 24 * 60),
    default=15,
    show_default=True,
    help="Minutes before each upcoming interview to remind you (0: no reminder).",
)
@command_options
@pass_state
def calendar_export(st: CliState, file: Path, alarm_minutes: int) -> None:
    """Write interviews and follow-ups to FILE.ics for your calendar app.

    Calendar apps such as Google Calendar, Outlook and Apple Calendar import .ics files.
    Interviews are timed events in their own time zone (cancelled ones are left out);
    follow-ups and next actions are all-day events. Each event keeps its identity
    from one export to the next, so importing a newer file updates the old events.
    """
    if file.suffix.lower() != ".ics":
        raise InvalidInput(
            f"{file.name!r} is not an .ics file name.",
            hint="Calendar apps import files ending in .ics, for example landml.ics.",
        )
    with st.session() as s:
        prefs = st.preferences(s)
        data, summary = export_calendar(
            s,
            st.owner,
            prefs,
            now=st.now(),
            tz=st.zone(prefs),
            alarm_before=timedelta(minutes=alarm_minutes) if alarm_minutes else None,
        )
    write_atomically(file, data)

    def render() -> None:
        st.console.print(
            f"Wrote {summary.events} events to {file}: {summary.interviews} interviews, "
            f"{summary.follow_ups} follow-ups, {summary.next_actions} next actions.",
            markup=False,
        )
        st.console.print("Import it in your calendar app (File → Import).", markup=False)

    st.emit({"file": str(file), **summary.model_dump()}, render)


def register(cli: click.Group) -> None:
    cli.add_command(calendar)
