"""Why a resume file cannot be read, each with what to do about it.

Every error is an `InvalidInput`, so the CLI prints it on one line and exits non-zero and
the web app answers 422. Messages name the file so a person with several versions knows
which one failed.
"""

from __future__ import annotations

from landml.errors import InvalidInput


class ResumeError(InvalidInput):
    """A resume file landml cannot read."""


class EmptyFile(ResumeError):
    """The file has no bytes, or only whitespace."""


class FileTooLarge(ResumeError):
    """More bytes or pages than any resume needs; refused before parsing."""


class WrongFormat(ResumeError):
    """The extension and the content disagree, or the format is not one landml reads."""


class CorruptFile(ResumeError):
    """The file claims a format but its structure is broken (truncated, damaged)."""


class EncryptedFile(ResumeError):
    """A password is needed to open the file."""


class ImageOnlyPDF(ResumeError):
    """A PDF with no text layer: a scan, a picture of text, or text turned into outlines."""


class ZipBomb(ResumeError):
    """A DOCX whose zip would expand far beyond any real document; refused unopened."""
