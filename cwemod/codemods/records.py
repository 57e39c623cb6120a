"""What a codemod says about one file: plain data the engine turns into output.

A codemod appends :class:`Fix` and :class:`Refusal` records to its
:class:`RunState`; diff headers, triage verdicts and JSON are built from them.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field

from cwemod.codemods.kit.project import Project
from cwemod.codemods.kit.reasons import one_line


class Applicability(str, enum.Enum):
    """How much a fix can be trusted, in ruff's sense of fix safety."""

    SAFE = "safe"  # applied by default
    REVIEW = "review"  # applied only with --unsafe; the reason says what to check


class RefusalKind(str, enum.Enum):
    """Why a codemod left a site alone; these map one to one to triage verdicts."""

    NOT_APPLICABLE = "not-applicable"
    ALREADY_FIXED = "already-fixed"
    ADVICE_ONLY = "advice-only"


@dataclass(frozen=True)
class Fix:
    codemod: str
    line: int
    applicability: Applicability
    reason: str
    findings: tuple[str, ...] = ()  # ids of the report findings this fix answers

    def __post_init__(self) -> None:
        # A reason is one line, whatever code it quotes (:func:`one_line`).
        object.__setattr__(self, "reason", one_line(self.reason))


@dataclass(frozen=True)
class Refusal:
    codemod: str
    line: int
    kind: RefusalKind
    reason: str
    findings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # A reason is one line, whatever code it quotes (:func:`one_line`).
        object.__setattr__(self, "reason", one_line(self.reason))


@dataclass(frozen=True)
class CreatedModule:
    """A new file a fix needs (a shared helper's module), asked for by a codemod.

    ``path`` is relative to the project root, in POSIX form. The engine turns
    the requests of a run into one created file per path; requests for one
    path must agree on ``text``.
    """

    codemod: str
    path: str
    text: str
    applicability: Applicability
    reason: str


@dataclass(frozen=True)
class LineRange:
    """Inclusive 1-based line range in the tree a codemod is given.

    ``finding`` names the report finding that points here, if any.
    """

    start: int
    end: int
    finding: str | None = None

    def overlaps(self, start: int, end: int) -> bool:
        return self.start <= end and start <= self.end


@dataclass
class RunState:
    """What one file's run allows and what the codemods said about it.

    ``finding_ranges`` is ``None`` when every site in the file may be fixed
    (``cwemod fix PATH``); with a report it holds the line ranges the
    findings point at, expressed in the tree the current codemod receives.
    Codemods never read it: they ask :meth:`Codemod.permits`,
    :meth:`Codemod.asked_about` and record with :meth:`Codemod.note`.
    """

    allow_review: bool = False
    finding_ranges: Sequence[LineRange] | None = None
    # Without a report: where the codemod's syntactic gate found candidate sites
    # (None: anywhere). Functions and classes holding none are not visited.
    candidate_ranges: Sequence[LineRange] | None = None
    project: Project = field(default_factory=Project)
    module_path: str = ""  # the file's path relative to the project root
    fixes: list[Fix] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    skipped_review: list[Fix] = field(default_factory=list)
    created: list[CreatedModule] = field(default_factory=list)
    # (module path below the project root, name): what the fixes call that this run
    # defines in another module (a shared helper added to its home), for the engine to
    # keep the two together when it drops changes file by file.
    uses: list[tuple[str, str]] = field(default_factory=list)
