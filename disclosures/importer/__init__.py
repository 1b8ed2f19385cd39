"""Importer: a published notice (plain text or .docx) -> a first draft of its YAML data file.

The clerk still checks the draft: every guess the importer makes and every
piece of text it could not place is listed, with its line in the source, in
the review that comes back with the data. A tool of its own beside the build,
with its own command (`disclosures-import`, `python -m disclosures.importer`).

May import: core, numbering, load (the draft is checked with the same rules as data/).
"""

from __future__ import annotations

from .build import Imported, import_lines
from .review import ReviewItem
from .source import Line, read_source

__all__ = ["Imported", "Line", "ReviewItem", "import_lines", "read_source"]
