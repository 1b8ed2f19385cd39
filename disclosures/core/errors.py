"""Errors a clerk can act on: one base for everything wrong with the data or the configuration,
and data errors with one message per problem."""

from __future__ import annotations

from dataclasses import dataclass

from disclosures.core import texts


class ProjectError(Exception):
    """Something in the data or the configuration stops the build; str(error) says what and how to fix it.

    The hook and the command line catch this one class and print the message, never a traceback.
    """


@dataclass(frozen=True)
class DataError:
    """One mistake in a data file, located precisely enough to fix from the message alone."""

    file: str
    line: int  # 1-based; 0 when the whole file is concerned
    column: int  # 1-based; 0 when unknown
    path: str  # field path as written in the file, e.g. "parts[1].heading"
    expected: str
    found: str
    hint: str = ""
    shown: str = ""  # the same place in the page's words, e.g. "二、 （一） 1. （2） 的标题" (fieldpath.py)

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column}" if self.column else f":{self.line}"
        field = texts.DATA_ERROR_FIELD.format(path=self.path) if self.path else ""
        if self.shown:
            field = texts.DATA_ERROR_FIELD_SHOWN.format(shown=self.shown, path=self.path)
        text = texts.DATA_ERROR.format(where=where, field=field, expected=self.expected, found=self.found)
        if self.hint:
            text += self.hint
        return text


class DataInvalid(ProjectError):
    """Raised once, after validation, carrying every error found."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(errors, key=lambda e: (e.file, e.line, e.column, e.path))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        lines = [texts.DATA_ERROR_COUNT.format(count=count)]
        lines += [f"  - {error}" for error in self.errors]
        return "\n".join(lines)
