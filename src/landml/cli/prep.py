"""`landml prep`: ML coding and ML debugging exercises, graded in a sandbox.

`exercises` lists them, `show` prints a statement, `start` writes the starter file and
`grade` runs the hidden tests on a solution. Grading never runs the person's code in this
process: see `landml.prep.sandbox`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from rich.table import Table

from landml.cli.context import CliState, LandmlGroup, command_options, pass_state
from landml.errors import Conflict, InvalidInput, LandmlError
from landml.prep.exercises import (
    TOPICS,
    Exercise,
    get_exercise,
    list_exercises,
    starter,
)
from landml.prep.grader import MAX_SUBMISSION_BYTES, GradeReport, grade

# Called after each grading with the exercise, the submitted source and the report; this is
# where attempts get recorded once the workspace has a table for them.
AttemptRecorder = Callable[[Exercise, str, GradeReport], None]


def register(cli: click.Group, *, record_attempt: AttemptRecorder | None = None) -> None:
    """Add the exercise commands to the `prep` group, creating the group if needed."""
    group = cli.commands.get("prep")
    if not isinstance(group, click.Group):
        group = prep_group()
        cli.add_command(group)
    for command in exercise_commands(record_attempt):
        group.add_command(command)


def prep_group() -> click.Group:
    @click.group("prep", cls=LandmlGroup)
    def prep() -> None:
        """Interview prep: loops and plans, reviews, exercises, system design practice.

        Exercises are graded by hidden tests in a sandbox; `review` asks the question
        bank with spaced repetition; `loop` and `plan` turn an application's rounds into a
        day-by-day plan; `practice` runs timed system design and ML coding sessions.
        """

    return prep


def exercise_commands(record_attempt: AttemptRecorder | None = None) -> list[click.Command]:
    return [exercises_cmd, show_cmd, start_cmd, _grade_command(record_attempt)]


def _listing(ex: Exercise) -> dict[str, Any]:
    return ex.model_dump(mode="json", exclude={"statement"})


@click.command("exercises")
@click.option("--kind", type=click.Choice(["coding", "debugging"]), help="Only this kind.")
@click.option("--topic", type=click.Choice(TOPICS), help="Only this topic.")
@command_options
@pass_state
def exercises_cmd(st: CliState, kind: str | None, topic: str | None) -> None:
    """List the exercises: id, kind, topic, difficulty, time target and title."""
    found = list_exercises(kind=kind, topic=topic)  # type: ignore[arg-type]

    def render() -> None:
        table = Table(box=None, pad_edge=False)
        for column in ("id", "kind", "topic", "level", "min"):
            table.add_column(column, no_wrap=True, justify="right" if column == "min" else "left")
        table.add_column("title")
        for ex in found:
            table.add_row(
                ex.id,
                ex.kind,
                ex.topic,
                ex.difficulty,
                str(ex.time_target_minutes),
                ex.title,
            )
        st.console.print(table)
        st.console.print(
            f"{len(found)} exercises. Start one with `landml prep start ID`.", markup=False
        )

    st.emit([_listing(ex) for ex in found], render)


@click.command("show")
@click.argument("exercise_id", metavar="EX")
@command_options
@pass_state
def show_cmd(st: CliState, exercise_id: str) -> None:
    """Print the statement of exercise EX."""
    ex = get_exercise(exercise_id)
    st.emit(ex, lambda: st.console.print(ex.statement.rstrip(), markup=False))


@click.command("start")
@click.argument("exercise_id", metavar="EX")
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(),
    show_default=True,
    help="Folder to write the starter file in (created if missing).",
)
@click.option("--force", is_flag=True, help="Overwrite the file if it exists.")
@command_options
@pass_state
def start_cmd(st: CliState, exercise_id: str, folder: Path, force: bool) -> None:
    """Write the starter file of exercise EX (EX.py, with underscores) and show its statement."""
    ex = get_exercise(exercise_id)
    path = write_starter(ex, folder, force=force)

    def render() -> None:
        st.console.print(ex.statement.rstrip(), markup=False)
        st.console.print("")
        st.console.print(
            f"Wrote {path} (time target: {ex.time_target_minutes} min). "
            f"When ready: landml prep grade {ex.id} {path}",
            markup=False,
        )

    payload = {**_listing(ex), "path": str(path)}
    st.emit(payload, render)


def write_starter(ex: Exercise, folder: Path, *, force: bool) -> Path:
    """Write `ex`'s starter into `folder`; refuse to replace an existing file unless `force`."""
    path = folder / ex.starter_filename
    if path.exists() and not force:
        raise Conflict(
            f"{path} already exists.",
            hint="Pass --force to replace it with a fresh starter, or choose --dir.",
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(starter(ex), encoding="utf-8")
    except OSError as exc:
        raise LandmlError(f"Cannot write {path}: {exc.strerror}.") from exc
    return path


def read_submission(path: Path) -> str:
    """The source code in `path`, or an error a person can act on."""
    try:
        size = path.stat().st_size
        if size > MAX_SUBMISSION_BYTES:
            raise InvalidInput(
                f"{path} is {size // 1024} KiB; a submission may be "
                f"{MAX_SUBMISSION_BYTES // 1024} KiB at most.",
                hint="Submit the solution file only.",
            )
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"{path} is not UTF-8 text.", hint="Save it as UTF-8.") from exc
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}: {exc.strerror}.") from exc


def _grade_command(record_attempt: AttemptRecorder | None) -> click.Command:
    @click.command("grade")
    @click.argument("exercise_id", metavar="EX")
    @click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
    @click.option("--seed", type=int, help="Seed of the random inputs, to replay a run.")
    @command_options
    @pass_state
    def grade_cmd(st: CliState, exercise_id: str, file: Path, seed: int | None) -> None:
        """Run the hidden tests of EX on FILE in the sandbox; exit code 1 unless all pass."""
        ex = get_exercise(exercise_id)
        source = read_submission(file)
        report = grade(ex, source, seed=seed)
        if record_attempt is not None:
            record_attempt(ex, source, report)
        st.emit(report, lambda: render_report(st, ex, report))
        if not report.passed:
            click.get_current_context().exit(1)

    return grade_cmd


def render_report(st: CliState, ex: Exercise, report: GradeReport) -> None:
    """The report as a person reads it: one line per check, messages under failures."""
    if report.isolation_note:
        st.err.print(report.isolation_note, markup=False)
    lines = [f"{ex.id}: {ex.title}"]
    for test in report.tests:
        lines.append(f"  {'PASS' if test.passed else 'FAIL'}  {test.name}")
        if not test.passed and test.message:
            lines.append(f"        {test.message}")
    if report.output.strip():
        lines.append("Your program printed:")
        lines += [f"  | {line}" for line in report.output.rstrip().splitlines()[-20:]]
    passed = sum(t.passed for t in report.tests)
    verdict = "passed" if report.passed else "not passed"
    lines.append(
        f"{passed}/{len(report.tests)} checks passed in {report.duration_s:.2f} s: {verdict} "
        f"(seed {report.seed}, sandbox: {report.isolation})."
    )
    st.print_each(lines)
