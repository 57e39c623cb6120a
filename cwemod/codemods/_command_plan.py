"""What ``command-argv`` plans for one call: its command, the plan, why, and the new argv."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import libcst as cst

from cwemod.codemods._shell_render import render_word
from cwemod.codemods._shell_template import Template, TemplateError, Word
from cwemod.codemods.kit.source import code_of
from cwemod.codemods.records import Applicability, RefusalKind

SAFE_REASON = "the command runs as an argument list, so no shell parses the interpolated values"
BARE_REASON = (
    "{names} stood unquoted in the shell string: the shell split {them} into words and expanded globs; "
    "now each is exactly one argument"
)
SPLIT_REASON = "str.split() cut {names} at whitespace; now each is exactly one argument"
WAIT_STATUS_REASON = "os.system() returned the wait status, subprocess.call() returns the exit code"
ALREADY_A_LIST = "already an argument list"


class Refused(Exception):
    """A call site the codemod leaves alone: kind and one-line reason."""

    def __init__(self, kind: RefusalKind, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


@dataclass
class Command:
    """Where a call's command string comes from."""

    expression: cst.BaseExpression  # the template itself
    assignment: cst.Assign | None = None  # set when the call names a variable
    variable: cst.Name | None = None


@dataclass
class Plan:
    template: Template
    words: list[Word]
    stringify: bool  # subprocess needs str arguments; processutils converts itself


def refusal_for(error: TemplateError, constant: bool) -> Refused:
    if error.expands_file_names:
        return Refused(
            RefusalKind.ADVICE_ONLY,
            f"{error}: file names it expands to can smuggle in options (wildcard injection); "
            "list the files in Python and pass them after '--'",
        )
    if constant:
        return Refused(
            RefusalKind.NOT_APPLICABLE,
            f"{error}; the command is constant text, so nothing can be injected",
        )
    return Refused(RefusalKind.ADVICE_ONLY, f"{error}; rewrite it by hand")


def plan_applicability(plan: Plan, bare_reason: str = BARE_REASON) -> tuple[Applicability, str]:
    """SAFE when every placeholder was quoted; REVIEW, naming them, when some stood bare."""
    bare = [placeholder for word in plan.words for placeholder in word.bare]
    if not bare:
        return Applicability.SAFE, SAFE_REASON
    names = ", ".join(dict.fromkeys(code_of(placeholder.value) for placeholder in bare))
    them = "it" if len(bare) == 1 else "them"
    return Applicability.REVIEW, bare_reason.format(names=names, them=them)


def argv_list(plan: Plan) -> cst.List:
    return cst.List(
        [cst.Element(render_word(word, plan.template.quote, plan.stringify)) for word in plan.words]
    )


def argv_value(command: Command, plan: Plan) -> cst.BaseExpression:
    """The call's new argument: the rewritten variable, or the list itself."""
    if command.variable is not None:
        return cst.Name(command.variable.value)
    return argv_list(plan)


def spliced_args(command: Command, plan: Plan) -> list[cst.Arg]:
    """The argv as separate positional arguments, for ``*args`` APIs."""
    if command.variable is not None:
        return [cst.Arg(cst.Name(command.variable.value), star="*")]
    return [cst.Arg(element.value) for element in argv_list(plan).elements]


def replace_value(args: Sequence[cst.Arg], index: int, value: cst.BaseExpression) -> list[cst.Arg]:
    return [
        arg.with_changes(value=value) if position == index else arg
        for position, arg in enumerate(args)
    ]
