"""What ``command-argv`` plans for one call: its command, the plan, why, and the new argv."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import libcst as cst

from cwemod.codemods._shell_render import render_word
from cwemod.codemods._shell_template import Placeholder, Template, TemplateError, Word
from cwemod.codemods.kit.names import dotted_expression
from cwemod.codemods.kit.source import code_of
from cwemod.codemods.records import Applicability, RefusalKind

CONSTANT_REASON = (
    "the command is constant text, so no value can bring shell syntax in; without the "
    "shell a missing program would raise instead of returning 127: a change with nothing "
    "to fix"
)
SAFE_REASON = "the command runs as an argument list, so no shell parses the interpolated values"
SPLIT_KEPT_REASON = (
    "the shell split {names} into words, as shlex.split() still does, but also expanded "
    "globs, $variables and ~ in {them}: check {them} never relies on that"
)
PATH_KEPT_REASON = (
    "the function uses {names} as one path (os.path), which the shell split at blanks and"
    " globbed: {each} is now one argument, as meant"
)
UNKNOWN_WORDS_REASON = (
    "{names} stood unquoted, so the shell split {them} into words and expanded globs; the tool "
    "cannot tell whether {each} is one word: pass it as one argument if so, "
    "or keep the splitting with *shlex.split()"
)
UNSPLITTABLE_REASON = (
    "the shell split {names} into words, but shlex.split() of the argument holding {them} "
    "would not split it the same way (quotes or blanks around {them}); rewrite it by hand"
)
SPLIT_UNKNOWN_REASON = (
    "str.split() cuts {names} at whitespace and the tool cannot tell whether {each} is one word: "
    "pass it as one argument if so"
)
SPLIT_CHURN_REASON = (
    "every value split by str.split() is one word or meant as several: "
    "an argument list would run the same command"
)
SPLIT_NO_SHELL = (
    "{}.split() makes the command an argument list, which runs without a shell: no shell"
    " parses it, so nothing in it can inject shell syntax"
)
WAIT_STATUS_REASON = "os.system() returned the wait status, subprocess.call() returns the exit code"
ALREADY_A_LIST = "already an argument list"


class Refused(Exception):
    """A call site the codemod leaves alone: kind and one-line reason."""

    def __init__(self, kind: RefusalKind, reason: str, quiet: bool = False) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason
        self.quiet = quiet  # said only where a report points


@dataclass
class Command:
    """Where a call's command string comes from."""

    expression: cst.BaseExpression  # the template itself
    assignment: cst.Assign | None = None  # set when the call names a variable
    variable: cst.Name | None = None
    # The literal a variable holds, formatted at the call (``c % x``, ``c.format(x)``): read
    # for what it runs, not rewritten.
    held_in: cst.Assign | None = None


@dataclass
class Plan:
    template: Template
    words: list[Word]
    stringify: bool  # subprocess needs str arguments; processutils converts itself
    python2: bool = False  # the project runs on Python 2 (render_word's python2)


def refusal_for(error: TemplateError, constant: bool, all_quoted: bool = False) -> Refused:
    if all_quoted and not error.expands_file_names:
        # rpmlint's f'rpm2cpio {quote(str(filename))} | cpio -id && chmod -R +rX .'
        return Refused(
            RefusalKind.NOT_APPLICABLE,
            f"{error}; every value goes through shlex.quote(), so nothing can be injected",
            quiet=True,
        )
    if error.expands_file_names:
        return Refused(
            RefusalKind.ADVICE_ONLY,
            f"{error}: file names it expands to can smuggle in options (wildcard injection); "
            "list the files in Python and pass them after '--'",
        )
    if constant:  # bindep's os.system('which brew >/dev/null'): said where a report points
        return Refused(
            RefusalKind.NOT_APPLICABLE,
            f"{error}; the command is constant text, so nothing can be injected",
            quiet=True,
        )
    return Refused(RefusalKind.ADVICE_ONLY, f"{error}; rewrite it by hand")


def plan_applicability(plan: Plan) -> tuple[Applicability, str]:
    """SAFE when every value stays the words it was; REVIEW, naming them, when shlex splits
    some, or a path the shell split at its blanks stays whole."""
    split = [placeholder for word in plan.words if word.splits for placeholder in word.bare]
    paths = [placeholder for word in plan.words for placeholder in word.paths]
    reasons = [with_names(SPLIT_KEPT_REASON, split)] if split else []
    reasons += [with_names(PATH_KEPT_REASON, paths)] if paths else []
    if not reasons:
        return Applicability.SAFE, SAFE_REASON
    return Applicability.REVIEW, "; ".join(reasons)


def with_names(reason: str, placeholders: Sequence[Placeholder]) -> str:
    names = list(dict.fromkeys(code_of(placeholder.value) for placeholder in placeholders))
    one = len(names) == 1
    return reason.format(
        names=", ".join(names),
        them="it" if one else "them",
        each="it" if one else "each",
    )


def argv_list(plan: Plan) -> cst.List:
    return cst.List(argv_elements(plan))


def argv_elements(plan: Plan) -> list[cst.BaseElement]:
    elements: list[cst.BaseElement] = []
    for word in plan.words:
        value = render_word(word, plan.template.quote, plan.stringify or word.splits, plan.python2)
        if word.splits:
            elements.append(cst.StarredElement(_shlex_split(value)))
        else:
            elements.append(cst.Element(value))
    return elements


def argv_value(command: Command, plan: Plan) -> cst.BaseExpression:
    """The call's new argument: the rewritten variable, or the list itself."""
    if command.variable is not None:
        return cst.Name(command.variable.value)
    return argv_list(plan)


def spliced_args(command: Command, plan: Plan) -> list[cst.Arg]:
    """The argv as separate positional arguments, for ``*args`` APIs."""
    if command.variable is not None:
        return [cst.Arg(cst.Name(command.variable.value), star="*")]
    return [
        cst.Arg(element.value, star="*" if isinstance(element, cst.StarredElement) else "")
        for element in argv_elements(plan)
    ]


def _shlex_split(value: cst.BaseExpression) -> cst.Call:
    return cst.Call(dotted_expression("shlex.split"), [cst.Arg(value)])


def replace_value(args: Sequence[cst.Arg], index: int, value: cst.BaseExpression) -> list[cst.Arg]:
    return [
        arg.with_changes(value=value) if position == index else arg
        for position, arg in enumerate(args)
    ]
