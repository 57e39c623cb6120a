"""``os.chmod(path, 0o777)`` -> ``os.chmod(path, 0o755)``: no world-writable bits (CWE-732)."""

from __future__ import annotations

import ast
import re
import stat
from collections.abc import Mapping
from typing import Any

import libcst as cst
from libcst.metadata import PositionProvider, ScopeProvider

from cwemod.codemods.base import Codemod, callee_tails, imported_tails, nodes_of_type
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import values_assigned
from cwemod.codemods.kit.calls import argument, has_unpacking, name_words
from cwemod.codemods.kit.enclosing import EnclosingDefinitions
from cwemod.codemods.kit.growth import LineGrowth
from cwemod.codemods.kit.names import QualifiedNames
from cwemod.codemods.kit.parents import ParentProvider, ancestors
from cwemod.codemods.kit.platforms import only_on_windows
from cwemod.codemods.kit.source import code_of, module_code
from cwemod.codemods.kit.syntax import nodes
from cwemod.codemods.records import Applicability, RefusalKind

_CHMODS = {"os.chmod", "os.fchmod", "os.lchmod"}
_MKDIRS = {"os.mkdir", "os.makedirs"}
_DIRNAMES = {"os.path.dirname", "posixpath.dirname"}
# The permission bits of each class, by name, to spell what is left of a group constant.
_SINGLE_BITS = {
    name: getattr(stat, name)
    for name in (
        "S_IRUSR", "S_IWUSR", "S_IXUSR",
        "S_IRGRP", "S_IWGRP", "S_IXGRP",
        "S_IROTH", "S_IWOTH", "S_IXOTH",
    )
}  # fmt: skip
_STAT_CONSTANTS = {
    name: getattr(stat, name)
    for name in (
        *_SINGLE_BITS,
        "S_IRWXU", "S_IRWXG", "S_IRWXO",
        "S_ISUID", "S_ISGID", "S_ISVTX",
        "S_IREAD", "S_IWRITE", "S_IEXEC",
    )
}  # fmt: skip


_WINDOWS_ONLY = (
    "Windows-only code, where os.chmod() reads only the read-only bit: no other bit is"
    " given to anyone"
)


# What makes a Unix socket server: asyncio's, its loop's, and socketserver's classes.
_UNIX_SERVERS = frozenset(
    {"start_unix_server", "create_unix_server", "UnixStreamServer", "UnixDatagramServer",
     "ThreadingUnixStreamServer", "ThreadingUnixDatagramServer", "ForkingUnixStreamServer",
     "ForkingUnixDatagramServer"}
)  # fmt: skip


class OsChmod(EnclosingDefinitions, Codemod):
    id = "os-chmod"
    title = "Do not make files world-writable with chmod"
    cwe = ("CWE-732",)
    rules = ("B103",)
    applicability = Applicability.REVIEW
    leaves_tests_alone = True
    prefilter = ("chmod",)
    default_options = {"drop": "0o022"}
    docs = """\
## What it does
Where `os.chmod`, `os.fchmod` or `os.lchmod` sets a mode that the codemod
can evaluate (an integer literal, `stat.S_*` constants, or both joined with
`|`) and that mode lets other users write, it drops the write bits of the
group and of other users, as the usual umask 022 would: `0o777` becomes
`0o755`, `0o666` becomes `0o644`, `0x1ff` becomes `0o755`, and in
`stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO` the group constants become
`stat.S_IRGRP | stat.S_IXGRP` and `stat.S_IROTH | stat.S_IXOTH`. Integer
modes are written in octal.

## Why is this bad?
A world-writable file can be changed by every local user: a script, a
configuration or a socket that another user rewrites runs their code or
feeds their data to the owner (CWE-732, incorrect permission assignment).

## Fix safety
Review (applied with `--unsafe`):
- other users and the group lose write access: check that nothing relies
  on it (a file shared with a process running as another user or group).
  Read and execute bits, the owner's bits and the set-id bits are kept.

Advice only (nothing is written):
- a mode with the sticky bit (`0o1777`): a shared directory like `/tmp` is
  world-writable on purpose;
- a mode where nothing but the dropped bits is set;
- a mode a comment right above the call explains (nbgrader's "Make this
  0777=ugo=rwx so the instructor can delete later"): another user is meant
  to write;
- a mode set in a function whose name or docstring summary says what it
  makes is for others (toil's `make_public_dir()`, "Make a
  publicly-accessible directory", bind-mounted into a container that runs
  as another user; `shared`, `world-writable`);
- a mode set in a function that makes a Unix socket (it names
  `socket.AF_UNIX`, or makes a Unix socket server: mautrix's manhole,
  `asyncio.start_unix_server()`, whose allowed users are checked by
  `SO_PEERCRED`): other users connect to a socket only with write
  access, so a world-writable socket is usually deliberate. Not its
  directory (a `dirname()` or `.parent`, a name bound to one, or what
  `os.mkdir()`/`os.makedirs()` makes in the function: os-ken's
  `ZServer.start()`): clients need only search access there, and a
  world-writable directory without the sticky bit lets any user unlink
  the socket and bind their own, so it gets the review fix;
- a constant imported by name (`from stat import S_IRWXO`) that would have
  to be split into single bits that are not imported;
- test code: test fixtures set odd modes on purpose (where a report asks);
- Windows-only code (under `sys.platform == 'win32'` or a flag named for
  Windows, in the `else` of a
  test against it, or in a module, function or class named for Windows): there
  `os.chmod()` reads only the read-only bit (GitPython's `rmfile()` makes a
  file deletable), so the new mode would change nothing (where a report asks).

Modes that let no other user write (`0o770`, `0o664`, `0o755`) are not
the codemod's business: Bandit also reports group-writable and group- or
world-executable modes, which are usually deliberate (`0o755` is the normal
mode of a directory or a script). Where a report points at one, or at a
mode the codemod cannot evaluate (a variable), it answers advice-only with
that reason.

## Refuses
- `pathlib.Path.chmod` and other `chmod` methods: their receiver is not
  known to be a path.
- A rewritten line longer than the project's line length, or a longer mode
  that would move a bracket a continuation line is aligned under.

## Options
- `drop` (default `0o022`): the bits removed from a world-writable mode, in
  octal; it must include `0o002`. `0o002` keeps group write (`0o777` ->
  `0o775`).
"""
    example = """\
import os


def publish(path):
    os.chmod(path, 0o777)
"""

    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider, ParentProvider)

    @classmethod
    def check_options(cls, options: Mapping[str, Any]) -> None:
        try:
            drop = _octal(options["drop"])
        except ValueError:
            raise ValueError(f"{cls.id}: drop must be an octal mode such as 0o002") from None
        if not drop & stat.S_IWOTH or drop & ~0o777:
            raise ValueError(f"{cls.id}: drop must be permission bits that include 0o002")

    @classmethod
    def might_change(cls, tree: ast.Module, options: Mapping[str, Any]) -> bool:
        imported = imported_tails(tree)
        return any(
            callee_tails(node.func, imported) & {"chmod", "fchmod", "lchmod"}
            for node in nodes(tree, ast.Call)
        )

    def visit_Module(self, node: cst.Module) -> None:
        self._names = QualifiedNames(self)
        self._growth = LineGrowth(module_code(node), self.project.line_length)
        self._drop = _octal(self.options["drop"])

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        if not self._names.of(original_node.func) & _CHMODS:
            return updated_node
        mode_arg = argument(original_node, "mode", 1)
        if mode_arg is None or has_unpacking(original_node):
            self.note(original_node, RefusalKind.ADVICE_ONLY, "call shape not understood")
            return updated_node
        if only_on_windows(original_node, self.parent_of, self.module_path):
            # GitPython's rmfile(): chmod 0o777, then remove, under sys.platform == "win32"
            self.note(original_node, RefusalKind.NOT_APPLICABLE, _WINDOWS_ONLY)
            return updated_node
        mode = self._evaluated(mode_arg.value)
        if mode is None:
            self.note(
                original_node,
                RefusalKind.ADVICE_ONLY,
                "the mode is not a literal: check by hand that it has no world-writable bit",
            )
            return updated_node
        reason = (
            self._refusal(original_node, mode)
            or self._meant_by_comment(original_node, mode)
            or self._meant_by_function(mode)
        )
        if reason is not None:
            self._refuse_or_note(original_node, mode, reason)
            return updated_node
        new_mode = self._without_dropped_bits(mode_arg.value)
        if new_mode is None:
            self.refuse(
                original_node, RefusalKind.ADVICE_ONLY, "the mode's constants cannot be split here"
            )
            return updated_node
        growth = self.growth_replacing(mode_arg.value, new_mode)
        if not self._growth.fits(*growth):
            limit = self.project.line_length
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                f"the line would be longer than {limit} or would shift an aligned "
                "continuation line",
            )
            return updated_node
        fix = (
            f"mode {mode:#o} -> {mode & ~self._drop:#o}: {_who_loses(self._drop)} write "
            f"access{self._socket_directory_note(original_node)}; check that nothing relies on it"
        )
        if not self.accept_fix(original_node, Applicability.REVIEW, fix):
            return updated_node
        self._growth.grow(*growth)
        position = list(original_node.args).index(mode_arg)
        args = [
            arg.with_changes(value=new_mode) if index == position else arg
            for index, arg in enumerate(updated_node.args)
        ]
        return updated_node.with_changes(args=args)

    # -- the mode -----------------------------------------------------------

    def _evaluated(self, node: cst.BaseExpression) -> int | None:
        if isinstance(node, cst.Integer):
            return int(node.value.replace("_", ""), 0)
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.BitOr):
            left, right = self._evaluated(node.left), self._evaluated(node.right)
            return None if left is None or right is None else left | right
        constant = self._stat_constant(node)
        return None if constant is None else _STAT_CONSTANTS[constant]

    def _stat_constant(self, node: cst.BaseExpression) -> str | None:
        if not isinstance(node, (cst.Name, cst.Attribute)):
            return None
        for name in self._names.of(node):
            module, _, constant = name.rpartition(".")
            if module == "stat" and constant in _STAT_CONSTANTS:
                return constant
        return None

    def _refusal(self, call: cst.Call, mode: int) -> str | None:
        """Why the site with ``mode`` is left alone, or None to rewrite it."""
        if not mode & stat.S_IWOTH:
            return (
                f"mode {mode:#o} lets no other user write; group and execute bits "
                "are usually deliberate (0o755 is the normal mode of a directory)"
            )
        if self.in_tests:
            return "test code: a fixture may need the mode it sets"
        if mode & stat.S_ISVTX:
            return (
                f"mode {mode:#o} has the sticky bit: a shared directory like /tmp is "
                "world-writable on purpose"
            )
        if not mode & ~self._drop:
            return f"mode {mode:#o} would become 0: choose the mode by hand"
        function = self.innermost_function()
        if (
            function is not None
            and self._uses_unix_sockets(function)
            and not self._is_directory(call, function)
        ):
            return (
                "the function makes a Unix socket: other users connect to a socket only "
                "with write access, so its mode is usually deliberate; give the socket a "
                "group instead"
            )
        return None

    def _meant_by_comment(self, call: cst.Call, mode: int) -> str | None:
        """Why the mode is meant, where a comment right above the call's statement says
        who else must write (nbgrader's "Make this 0777=ugo=rwx so the instructor can
        delete later"); None otherwise."""
        statement = next(
            (n for n in ancestors(call, self.parent_of) if isinstance(n, cst.SimpleStatementLine)),
            None,
        )
        comments = [line.comment.value for line in getattr(statement, "leading_lines", ())
                    if line.comment is not None]  # fmt: skip
        if not any(_SAYS_WHO_WRITES.search(comment) for comment in comments):
            return None
        return (
            f"a comment above the call says why mode {mode:#o} lets others write: give that"
            " user access another way (a group) by hand, or leave it"
        )

    def _meant_by_function(self, mode: int) -> str | None:
        """Why the mode is meant, where the function's name or docstring summary says what
        it makes is for others (toil's ``make_public_dir()``, "Make a publicly-accessible
        directory"); None otherwise."""
        function = self.innermost_function()
        if function is None:
            return None
        summary = (function.get_docstring() or "").split("\n\n")[0]
        if not (
            _SHARED_WORDS & set(name_words(function.name.value)) or _SAYS_SHARED.search(summary)
        ):
            return None
        return (
            f"the function's name or docstring says what it makes is public or shared, so mode"
            f" {mode:#o} is meant: give the other users access another way (a group) by hand,"
            " or leave it"
        )

    def _is_directory(self, call: cst.Call, function: cst.FunctionDef) -> bool:
        """Is the path ``call`` changes the mode of a directory: a ``dirname()`` (or
        ``.parent``), a name bound to one, or what ``os.mkdir()``/``os.makedirs()`` makes in
        ``function`` (os-ken's ``os.mkdir(unix_sock_dir); os.chmod(unix_sock_dir, 0o777)``)?"""
        target = argument(call, "path", 0)
        if target is None:
            return False
        path = target.value
        if self._names_a_directory(path):
            return True
        if isinstance(path, cst.Name) and any(
            self._names_a_directory(value) for value in values_assigned(function, path.value)
        ):
            return True
        shown = code_of(path)
        return any(
            self._names.of(made.func) & _MKDIRS
            and (first := argument(made, "name", 0)) is not None
            and code_of(first.value) == shown
            for made in nodes_of_type(function, cst.Call)
        )

    def _names_a_directory(self, path: cst.BaseExpression) -> bool:
        if isinstance(path, cst.Attribute) and path.attr.value == "parent":
            return True
        return isinstance(path, cst.Call) and bool(self._names.of(path.func) & _DIRNAMES)

    def _socket_directory_note(self, call: cst.Call) -> str:
        """For a directory in a function that makes a Unix socket, why write access is not
        needed there; "" otherwise."""
        function = self.innermost_function()
        if function is None or not self._uses_unix_sockets(function):
            return ""
        return (
            " to the Unix socket's directory (clients need only search access there, and a"
            " world-writable directory lets any user replace the socket)"
        )

    def _uses_unix_sockets(self, function: cst.FunctionDef) -> bool:
        """Does ``function`` name ``AF_UNIX``, or make a Unix socket server (mautrix's
        manhole: ``asyncio.start_unix_server(factory, path=path)``)?"""
        if any(
            "socket.AF_UNIX" in self._names.of(node)
            for node in m.findall(function, m.Name("AF_UNIX") | m.Attribute(attr=m.Name("AF_UNIX")))
        ):
            return True
        return any(
            name.rpartition(".")[2] in _UNIX_SERVERS
            for call in nodes_of_type(function, cst.Call)
            for name in {code_of(call.func), *self._names.of(call.func)}
        )

    def _refuse_or_note(self, node: cst.Call, mode: int, reason: str) -> None:
        if mode & stat.S_IWOTH and not self.in_tests:
            self.refuse(node, RefusalKind.ADVICE_ONLY, reason)
        else:
            self.note(node, RefusalKind.ADVICE_ONLY, reason)

    def _without_dropped_bits(self, node: cst.BaseExpression) -> cst.BaseExpression | None:
        """``node`` rewritten without the dropped bits; None when a constant cannot be split."""
        if isinstance(node, cst.Integer):
            kept = self._evaluated(node) & ~self._drop  # type: ignore[operator]
            return node.with_changes(value=f"{kept:#o}") if kept else _DROPPED
        if isinstance(node, cst.BinaryOperation):
            left = self._without_dropped_bits(node.left)
            right = self._without_dropped_bits(node.right)
            if left is None or right is None:
                return None
            if left is _DROPPED:
                return right
            if right is _DROPPED:
                return left
            return node.with_changes(left=left, right=right)
        return self._constant_without_dropped_bits(node)

    def _constant_without_dropped_bits(self, node: cst.BaseExpression) -> cst.BaseExpression | None:
        constant = self._stat_constant(node)
        value = _STAT_CONSTANTS[constant]  # type: ignore[index]
        if not value & self._drop:
            return node
        kept = [name for name, bit in _SINGLE_BITS.items() if bit & value & ~self._drop]
        if not kept:
            if isinstance(node, cst.Name):
                self.remove_import_of(node)
            return _DROPPED
        if not isinstance(node, cst.Attribute):
            return None  # ``from stat import S_IRWXO``: the single bits are not imported
        expression: cst.BaseExpression = node.with_changes(attr=cst.Name(kept[0]))
        for name in kept[1:]:
            expression = cst.BinaryOperation(
                expression, cst.BitOr(), node.with_changes(attr=cst.Name(name))
            )
        return expression


# A comment that names the loose mode or who else writes: "0777", "rwx", "world-writable",
# "so the instructor can delete", "other users".
_SAYS_WHO_WRITES = re.compile(
    r"\b0?o?7[67]7\b|\brwx\b|world[- ]?writ|writ\w* by (?:all|any|every)|other users?\b"
    r"|\bso (?:that )?(?:the |an? )?\w+ can\b",
    re.IGNORECASE,
)

# A function named for what others use (``make_public_dir``, ``create_shared_dir``), or whose
# docstring summary says so ("Make a publicly-accessible directory", "world-writable").
_SHARED_WORDS = frozenset({"public", "shared", "world"})
_SAYS_SHARED = re.compile(
    r"\bpublic(?:ly)?\b|\bshared\b|world[- ]?(?:writ|read|access)"
    r"|\b(?:accessible|writable) (?:to|by) (?:all|every|any)",
    re.IGNORECASE,
)


def _who_loses(drop: int) -> str:
    if drop & stat.S_IWGRP:
        return "other users and the group lose"
    return "other users lose"


def _octal(value: object) -> int:
    """``"0o022"``, ``"022"`` or ``"22"``: octal digits with or without the prefix."""
    text = str(value).strip()
    return int(text, 0) if text[:2].lower() == "0o" else int(text, 8)


# Marks an operand of ``|`` whose bits are all dropped.
_DROPPED = cst.Name("_dropped_")
