"""What a run produces for each file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cwemod.codemods import Applicability, Fix, Refusal


@dataclass
class FileResult:
    path: Path  # where the file is on disk
    display: str  # its name in diffs and reports (a/ b/ relative)
    old: bytes = b""
    new: bytes | None = None  # None: unchanged or failed
    encoding: str = "utf-8"
    fixes: list[Fix] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    skipped_review: list[Fix] = field(default_factory=list)
    error: str | None = None  # why it could not be read, parsed, changed or written

    @property
    def changed(self) -> bool:
        return self.new is not None and self.new != self.old

    @property
    def counts_as_changed(self) -> bool:
        """Changed and not failed: after ``write_results``, what was written."""
        return self.changed and self.error is None

    @property
    def old_text(self) -> str:
        return self.old.decode(self.encoding)

    @property
    def new_text(self) -> str:
        return (self.new if self.new is not None else self.old).decode(self.encoding)

    @property
    def applicability(self) -> Applicability:
        """The weakest applicability among the fixes: one review fix makes the file review."""
        if any(fix.applicability is Applicability.REVIEW for fix in self.fixes):
            return Applicability.REVIEW
        return Applicability.SAFE

    @property
    def codemods(self) -> list[str]:
        return sorted({fix.codemod for fix in self.fixes})
