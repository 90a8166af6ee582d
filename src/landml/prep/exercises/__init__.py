"""The catalogue of ML coding and ML debugging exercises shipped with landml.

Each exercise is a sub-folder here (a package, so the type checker sees its code):

- ``meta.toml``: id, title, kind (``coding`` or ``debugging``), topic, difficulty, a time
  target in minutes and the names of the functions the submission must define;
- ``statement.md``: what to build, or for a debugging exercise the symptom a colleague saw;
- ``starter.py``: what the person starts from (for debugging, the buggy implementation);
- ``reference.py``: a correct solution, never shown, run only inside the sandbox;
- ``check.py``: the hidden tests (see ``landml.prep.checking``).

Every text and solution here was written for landml.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from landml.errors import InvalidInput, NotFound

ExerciseKind = Literal["coding", "debugging"]
Difficulty = Literal["easy", "medium", "hard"]

TOPICS = (
    "attention",
    "transformers",
    "decoding",
    "numerics",
    "backprop",
    "optimization",
    "classical_ml",
    "clustering",
    "dimensionality_reduction",
    "ranking_metrics",
    "classification_metrics",
    "numpy",
    "data",
    "cnn",
    "retrieval",
)


class Exercise(BaseModel):
    """One exercise, as listed; the starter, reference and checks are read on demand."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str = Field(min_length=3)
    kind: ExerciseKind
    topic: str
    difficulty: Difficulty
    time_target_minutes: int = Field(ge=1, le=120)
    functions: tuple[str, ...] = Field(min_length=1)
    statement: str

    @property
    def folder_name(self) -> str:
        return self.id.replace("-", "_")

    @property
    def starter_filename(self) -> str:
        """The file `landml prep start` writes: an importable module name."""
        return f"{self.folder_name}.py"


def list_exercises(*, kind: ExerciseKind | None = None, topic: str | None = None) -> list[Exercise]:
    """Every shipped exercise, by kind then topic then id, optionally filtered."""
    if topic is not None and topic not in TOPICS:
        raise InvalidInput(f"Unknown topic {topic!r}.", hint=f"Topics: {', '.join(TOPICS)}.")
    return [
        ex
        for ex in _catalogue().values()
        if (kind is None or ex.kind == kind) and (topic is None or ex.topic == topic)
    ]


def get_exercise(exercise_id: str) -> Exercise:
    """The exercise with this id (``scaled-dot-product-attention``; underscores work too)."""
    key = exercise_id.strip().lower().replace("_", "-")
    found = _catalogue().get(key)
    if found is None:
        raise NotFound(
            f"There is no exercise {exercise_id!r}.",
            hint="`landml prep exercises` lists them.",
        )
    return found


def starter(exercise: Exercise) -> str:
    """The code the person starts from."""
    return _read(exercise, "starter.py")


def reference_source(exercise: Exercise) -> str:
    """The reference solution; only the grader reads it, to run it inside the sandbox."""
    return _read(exercise, "reference.py")


def check_source(exercise: Exercise) -> str:
    """The hidden tests."""
    return _read(exercise, "check.py")


def _read(exercise: Exercise, name: str) -> str:
    return (_root() / exercise.folder_name / name).read_text(encoding="utf-8")


def _root() -> Traversable:
    return resources.files(__name__)


@cache
def _catalogue() -> dict[str, Exercise]:
    exercises = [
        _load(folder)
        for folder in _root().iterdir()
        if folder.is_dir() and (folder / "meta.toml").is_file()
    ]
    exercises.sort(key=lambda ex: (ex.kind, ex.topic, ex.id))
    return {ex.id: ex for ex in exercises}


def _load(folder: Traversable) -> Exercise:
    meta = tomllib.loads((folder / "meta.toml").read_text(encoding="utf-8"))
    statement = (folder / "statement.md").read_text(encoding="utf-8")
    exercise = Exercise.model_validate({**meta, "statement": statement})
    if exercise.folder_name != folder.name:
        raise ValueError(f"exercise {exercise.id} lives in {folder.name}/")
    if exercise.topic not in TOPICS:
        raise ValueError(f"exercise {exercise.id} has unknown topic {exercise.topic}")
    return exercise
