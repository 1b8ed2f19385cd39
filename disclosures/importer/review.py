"""The review list: every guess the importer makes and every piece of text it left out or could not place."""

from __future__ import annotations

from dataclasses import dataclass

from ..typography import to_fullwidth


@dataclass(frozen=True)
class ReviewItem:
    line: int  # source line (paragraph for .docx); 0 for the whole notice
    # "guess": check it; "unplaced": kept as a plain paragraph; "dropped": not in the data; "kept": a
    # number the source skipped to, kept as a deliberate exception; "missing": a fact the text does not give
    kind: str
    message: str

    def __str__(self) -> str:
        where = f"第{self.line}行" if self.line else "全文"
        return to_fullwidth(f"{where} [{_KINDS[self.kind]}] {self.message}")


_KINDS = {"guess": "推测,请核对", "unplaced": "未能归位,保留为段落", "dropped": "未放入数据", "note": "提示",
          "kept": "保留原文编号", "missing": "原文未写明"}
