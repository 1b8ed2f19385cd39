"""The review list: every guess the importer makes and every piece of text it left out or could not place."""

from __future__ import annotations

from dataclasses import dataclass

from disclosures.core import texts
from disclosures.core.typography import to_fullwidth


@dataclass(frozen=True)
class ReviewItem:
    line: int  # source line (paragraph for .docx); 0 for the whole notice
    # "guess": check it; "unplaced": kept as a plain paragraph; "dropped": not in the data; "kept": a
    # number the source skipped to, kept as a deliberate exception; "missing": a fact the text does not give
    kind: str
    message: str

    def __str__(self) -> str:
        where = texts.IMPORT_AT_LINE.format(line=self.line) if self.line else texts.IMPORT_WHOLE_TEXT
        # Source text quoted in a message may carry half-width punctuation: shown full-width like the rest.
        return to_fullwidth(texts.IMPORT_REVIEW_LINE.format(where=where, kind=_KINDS[self.kind], message=self.message))


_KINDS = {"guess": texts.IMPORT_KIND_GUESS, "unplaced": texts.IMPORT_KIND_UNPLACED,
          "dropped": texts.IMPORT_KIND_DROPPED, "note": texts.IMPORT_KIND_NOTE,
          "kept": texts.IMPORT_KIND_KEPT, "missing": texts.IMPORT_KIND_MISSING}
