"""Errors a user can hit. Each says what happened and what to do about it.

Interfaces catch `LandmlError`: the CLI prints the message on one line and exits
non-zero, the web app shows it on the page (or as JSON with an HTTP status).
"""

from __future__ import annotations


class LandmlError(Exception):
    """Base class for every error a user can cause or fix."""

    http_status = 400

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}" if self.hint else self.message


class NotFound(LandmlError):
    """An id or name that does not exist in this workspace."""

    http_status = 404


class InvalidInput(LandmlError):
    """A value that cannot be accepted (an unknown stage, a bad date...)."""

    http_status = 422


class Conflict(LandmlError):
    """The request contradicts what is already stored (duplicate, non-empty workspace...)."""

    http_status = 409


class WorkspaceError(LandmlError):
    """The workspace cannot be opened, migrated or written (locked, unreachable, corrupt)."""

    http_status = 503


class ImportRejected(InvalidInput):
    """A file whose rows cannot all be imported; nothing was written.

    `problems` lists one line per faulty row, so the person can fix the file at once.
    """

    def __init__(self, message: str, problems: list[str], *, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.problems = problems


class NetworkError(LandmlError):
    """A network action the person asked for failed (unreachable, too large, too slow)."""

    http_status = 502


class UnsafeURL(InvalidInput):
    """A URL landml refuses to fetch (private address, unsupported scheme)."""
