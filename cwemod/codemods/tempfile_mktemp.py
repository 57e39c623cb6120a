"""``tempfile.mktemp()`` -> ``mkstemp()``/``mkdtemp()`` where the rewrite is exact (CWE-377).

``mktemp`` returns a name and creates nothing: between that call and the
moment the caller creates the file, another local user can create it (or a
symlink to a file of the victim's) first. The race-free calls create the
file or directory themselves. The rewrite is exact only where the very next
statement creates what the name is for, so that is the one shape rewritten:

- ``name = mktemp(...)`` then ``with open(name, "w") as f:`` (or
  ``f = open(name, "w")``) -> ``fd, name = mkstemp(...)`` and
  ``os.fdopen(fd, "w")``;
- ``name = mktemp(...)`` then ``os.mkdir(name)`` -> ``name = mkdtemp(...)``.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping, Sequence
from typing import Any

import libcst as cst
from libcst.metadata import PositionProvider, ScopeProvider

from cwemod.codemods.base import Codemod, callee_tails, imported_tails, nodes_of_type
from cwemod.codemods.kit.calls import argument, has_unpacking, positional_arg
from cwemod.codemods.kit.growth import LineGrowth
from cwemod.codemods.kit.names import QualifiedNames, dotted_name
from cwemod.codemods.kit.project import Project
from cwemod.codemods.kit.source import code_lines, code_of, module_code
from cwemod.codemods.kit.syntax import nodes
from cwemod.codemods.records import Applicability, Refusal, RefusalKind

_MKTEMP = "tempfile.mktemp"
_MKDIR = {"os.mkdir": 0, "os.makedirs": 0}  # and the position of the path each makes
# What makes a file system node that mkstemp() cannot, failing where the name exists, and
# the position of the name it makes.
_NODE_MAKERS = {"os.mkfifo": 0, "os.mknod": 0, "os.symlink": 1, "os.link": 1}
# open() keywords os.fdopen passes on unchanged; opener/closefd would change their meaning.
# Openers of dbm databases, which make their files themselves.
_DATABASE_OPENERS = frozenset(
    {"shelve.open", "dbm.open", "dbm.gnu.open", "dbm.ndbm.open", "dbm.dumb.open"}
)
_FDOPEN_KEYWORDS = {"mode", "buffering", "encoding", "errors", "newline"}
_FILE_REASON = (
    "mkstemp creates the file with mode 0600 (open() gave 0666 minus the umask): "
    "check that no other user or group needs to read it"
)
_DIR_REASON = (
    "mkdtemp creates the directory with mode 0700 (mkdir gave 0777 minus the umask): "
    "check that no other user or group needs to enter it"
)
_TEST_CODE = "test code: the file is the test's own, made and removed in one run"
_NOT_CREATED_NEXT = (
    "the name is not opened for writing or made a directory in the next statement: "
    "create the file with tempfile.mkstemp()/NamedTemporaryFile() (or mkdtemp()) "
    "where it is first used"
)


class TempfileMktemp(Codemod):
    id = "tempfile-mktemp"
    title = "Create temporary files without the mktemp() race"
    cwe = ("CWE-377",)
    rules = ("B306",)
    applicability = Applicability.REVIEW
    prefilter = ("mktemp",)
    docs = """\
## What it does
Where `tempfile.mktemp()` gives a name that the very next statement opens
for writing, it creates the file with `tempfile.mkstemp()` and opens the
descriptor it returns:

    fd, path = tempfile.mkstemp(suffix=".json")
    with os.fdopen(fd, "w") as handle:

Where the next statement makes the name a directory (`os.mkdir(path)`,
`os.makedirs(path)`), it calls `tempfile.mkdtemp()` instead and drops that
statement. Arguments (`suffix`, `prefix`, `dir`) are kept: the three
functions take them alike. `import os` is added in the standard-library
group when missing.

## Why is this bad?
`mktemp()` only returns a name that did not exist a moment ago. Another
local user can create that file, or a symlink to one of the victim's files,
before the program opens it (CWE-377, insecure temporary file); `mkstemp()`
and `mkdtemp()` create it atomically, owned by the caller.

## Fix safety
Review (applied with `--unsafe`):
- the file is now created with mode 0600 and the directory with 0700, where
  `open()` and `mkdir()` gave 0666/0777 minus the umask: check that no other
  user or group needs to read it. Everything else is the same: the name,
  its location, and the opened file object (`os.fdopen` takes the same
  mode, buffering, encoding, errors and newline as `open`).

Advice only (nothing is written):
- any other use of `mktemp()`: the name is passed on, stored, or created
  later or elsewhere (by a subprocess, another function). Moving the
  creation there changes when the file exists, which only a reader of the
  code can judge.

## Refuses
- Test code: the file is the test's own, made and removed in one run, and
  a rewrite there is churn (noted only where a report points at it).
- A literal relative `dir` (`dir="out"`): `mkstemp()` and `mkdtemp()` return
  an absolute name where `mktemp()` returned one relative to it.
- A next statement that opens the name for reading, with `opener=`, or
  with a mode that is not a literal `w`/`a` mode.
- `os.mkdir(path, mode)`: `mkdtemp` always uses 0700.
- A name the next statement makes with `os.mkfifo()`, `os.mknod()`,
  `os.symlink()` or `os.link()` (qutebrowser's userscript FIFO, mercurial's
  lock symlink): not applicable, since they fail where the name exists and
  follow no symlink, and `mkstemp()` cannot make them.
- A name a dbm database is opened at (`shelve.open()`, `dbm.open()`: angr's
  vaults): advice to name it in a `mkdtemp()` directory, since dbm makes
  its files itself, under suffixes of its own, and an empty file from
  `mkstemp()` fails to open.
- A module where `os` or the descriptor's name (`fd`) already means
  something else, a line that would not fit the project's line length, and
  a call whose longer name would move arguments aligned under its bracket.

## Options
None.
"""
    example = """\
import tempfile


def save(data):
    path = tempfile.mktemp(suffix=".json")
    with open(path, "w") as handle:
        handle.write(data)
    return path
"""

    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider)

    @classmethod
    def refusals_by_syntax(
        cls, tree: ast.Module, options: Mapping[str, Any], project: Project, module_path: str
    ) -> list[Refusal] | None:
        """Test code is only noted (a report's business): a whole-tree run records nothing."""
        return [] if project.is_test_module(module_path) else None

    @classmethod
    def might_change(cls, tree: ast.Module, options: Mapping[str, Any]) -> bool:
        imported = imported_tails(tree)
        return any("mktemp" in callee_tails(node.func, imported) for node in nodes(tree, ast.Call))

    def visit_Module(self, node: cst.Module) -> None:
        self._names = QualifiedNames(self)
        self._module_names = {name.value for name in nodes_of_type(node, cst.Name)}
        self._imports = nodes_of_type(node, cst.Import)
        self._calls: list[cst.Call] = []
        self._handled: set[int] = set()
        self._reasons: dict[int, str] = {}
        self._not_applicable: set[int] = set()  # calls whose reason says no fix is needed
        self._bound_to: dict[int, str] = {}  # a call -> the name it is assigned to
        self._databases: dict[str, str] = {}  # a name a database is opened at -> the opener
        self._needs_os = False
        self._growth = LineGrowth(module_code(node), self.project.line_length)

    def visit_Call(self, node: cst.Call) -> None:
        # A ``tempfile.mktemp`` whose import is missing is still advice where a report asks.
        if _MKTEMP in self._names.of(node.func) or dotted_name(node.func) == _MKTEMP:
            self._calls.append(node)
        elif self._names.of(node.func) & _DATABASE_OPENERS and node.args:
            self._databases[code_of(node.args[0].value)] = code_of(node.func)

    def visit_Assign(self, node: cst.Assign) -> None:
        """Which name each ``mktemp()`` is bound to, alone or as a branch's choice
        (angr's ``self._path = tempfile.mktemp() if path is None else path``)."""
        value = node.value
        choices = [value.body, value.orelse] if isinstance(value, cst.IfExp) else [value]
        for choice in choices:
            if isinstance(choice, cst.Call) and len(node.targets) == 1:
                self._bound_to[id(choice)] = code_of(node.targets[0].target)

    def leave_IndentedBlock(
        self, original_node: cst.IndentedBlock, updated_node: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        body = self._rewritten_body(original_node.body, updated_node.body)
        return updated_node.with_changes(body=body)

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        body = self._rewritten_body(original_node.body, updated_node.body)
        updated_node = updated_node.with_changes(body=body)
        for call in self._calls:
            if self.in_tests:
                self.note(call, RefusalKind.NOT_APPLICABLE, _TEST_CODE)
            elif id(call) not in self._handled:
                reason = self._reasons.get(id(call)) or self._database_reason(call)
                not_needed = id(call) in self._not_applicable
                kind = RefusalKind.NOT_APPLICABLE if not_needed else RefusalKind.ADVICE_ONLY
                self.refuse(call, kind, reason)
        if self._needs_os:
            updated_node = self.add_stdlib_imports(updated_node, ["os"])
        return updated_node

    def _database_reason(self, call: cst.Call) -> str:
        """Why mkstemp() cannot make a name a dbm database is opened at (angr's shelve)."""
        opener = self._databases.get(self._bound_to.get(id(call), ""))
        if opener is None:
            return _NOT_CREATED_NEXT
        return (
            f"{opener}() creates the database itself, in a format it picks by the file's"
            " contents and under names of its own (dbm adds .db, .dir, .dat): an empty file"
            " from mkstemp() fails to open; make a directory with tempfile.mkdtemp() and"
            " name the database in it"
        )

    # -- one statement and the next ---------------------------------------

    def _rewritten_body(
        self, original: Sequence[cst.BaseStatement], updated: Sequence[cst.BaseStatement]
    ) -> list[cst.BaseStatement]:
        if self.in_tests:
            return list(updated)
        body: list[cst.BaseStatement] = []
        index = 0
        while index < len(original):
            pair = original[index : index + 2], updated[index : index + 2]
            replacement = self._rewritten_pair(*pair) if len(pair[0]) == 2 else None
            if replacement is None:
                body.append(updated[index])
                index += 1
            else:
                body.extend(replacement)
                index += 2
        return body

    def _rewritten_pair(
        self, original: Sequence[cst.BaseStatement], updated: Sequence[cst.BaseStatement]
    ) -> list[cst.BaseStatement] | None:
        assign = _single_assign(original[0])
        if assign is None or not isinstance(assign.value, cst.Call):
            return None
        call = assign.value
        if _MKTEMP not in self._names.of(call.func) or has_unpacking(call):
            return None
        if isinstance(call.func, cst.Name) and call.func.value != "mktemp":
            self._reasons[id(call)] = "mktemp is imported under another name: rewrite it by hand"
            return None
        directory = argument(call, "dir", 2)
        if directory is not None and _relative_literal(directory.value):
            self._reasons[id(call)] = (
                "a relative dir: mkstemp()/mkdtemp() return an absolute name where "
                "mktemp() returned a relative one"
            )
            return None
        target = code_of(assign.targets[0].target)
        if self._opened_for_writing(original[1], target) is not None:
            return self._file_rewrite(call, original[0], updated)
        if self._made_directory(original[1], target):
            return self._directory_rewrite(call, updated)
        node = self._node_made(original[1], target)
        if node is not None:
            # qutebrowser's userscript FIFO: os.mkfifo(self._filepath, mode=0o600)
            self._reasons[id(call)] = (
                f"the next statement creates the name with {node}(), which fails where it"
                " exists and follows no symlink: nothing planted there first is used, and"
                " mkstemp() cannot make it"
            )
            self._not_applicable.add(id(call))
        return None

    def _file_rewrite(
        self, call: cst.Call, statement: cst.BaseStatement, updated: Sequence[cst.BaseStatement]
    ) -> list[cst.BaseStatement] | None:
        fd_name = self._free_descriptor_name()
        if fd_name is None or not self._os_is_usable():
            self._reasons[id(call)] = "'os' or 'fd' already names something else here"
            return None
        if not self._rename_fits(call, "mkstemp"):
            return None
        first = _with_assign(updated[0], lambda a: self._mkstemp_assign(a, fd_name))
        second = _with_open_call(updated[1], lambda c: _fdopen_call(c, fd_name))
        if not self._fit(call, statement, (first, second)):
            return None
        self._handled.add(id(call))
        if not self.accept_fix(call, Applicability.REVIEW, _FILE_REASON):
            return None
        self._needs_os = True
        self._module_names.add(fd_name)
        return [first, second]

    def _directory_rewrite(
        self, call: cst.Call, updated: Sequence[cst.BaseStatement]
    ) -> list[cst.BaseStatement] | None:
        if any(line.comment for line in updated[1].leading_lines):
            self._reasons[id(call)] = "a comment sits above the mkdir() the fix would remove"
            return None
        if not self._rename_fits(call, "mkdtemp"):
            return None
        first = _with_assign(
            updated[0], lambda a: a.with_changes(value=self._renamed(a.value, "mkdtemp"))
        )
        self._handled.add(id(call))
        if not self.accept_fix(call, Applicability.REVIEW, _DIR_REASON):
            return None
        return [first]

    # -- what the next statement does --------------------------------------

    def _opened_for_writing(self, statement: cst.BaseStatement, target: str) -> cst.Call | None:
        """The ``open(target, "w")`` call the statement opens the name with, if it is one."""
        call = _opening_call(statement)
        if call is None or "builtins.open" not in self._names.of(call.func):
            return None
        path = positional_arg(call, 0)
        mode = argument(call, "mode", 1)
        if path is None or code_of(path.value) != target or has_unpacking(call):
            return None
        keywords = {arg.keyword.value for arg in call.args if arg.keyword is not None}
        if not keywords <= _FDOPEN_KEYWORDS or len(call.args) > 5:
            return None
        if mode is None or not isinstance(mode.value, cst.SimpleString):
            return None
        letters = mode.value.evaluated_value
        if not isinstance(letters, str) or not _writes_a_fresh_file(letters):
            return None
        return call

    def _node_made(self, statement: cst.BaseStatement, target: str) -> str | None:
        """``os.mkfifo``, ``os.symlink`` and the like where the statement makes ``target``."""
        made = self._made_by(statement, target, _NODE_MAKERS)
        return None if made is None else made[0]

    def _made_directory(self, statement: cst.BaseStatement, target: str) -> bool:
        """``os.mkdir(target)`` or ``os.makedirs(target)``, with no mode."""
        made = self._made_by(statement, target, _MKDIR)
        return made is not None and len(made[1].args) == 1

    def _made_by(
        self, statement: cst.BaseStatement, target: str, makers: Mapping[str, int]
    ) -> tuple[str, cst.Call] | None:
        """The maker (of ``makers``: its name, the position of the name it makes) the
        statement calls alone to make ``target``, and the call."""
        small = _single_small(statement)
        if not isinstance(small, cst.Expr) or not isinstance(small.value, cst.Call):
            return None
        call = small.value
        made = sorted(self._names.of(call.func) & makers.keys())
        path = positional_arg(call, makers[made[0]]) if made else None
        if path is None or code_of(path.value) != target:
            return None
        return made[0], call

    # -- building the new code ---------------------------------------------

    def _mkstemp_assign(self, assign: cst.Assign, fd_name: str) -> cst.Assign:
        pair = cst.Tuple(
            [cst.Element(cst.Name(fd_name)), cst.Element(assign.targets[0].target)],
            lpar=[],
            rpar=[],
        )
        return assign.with_changes(
            targets=[assign.targets[0].with_changes(target=pair)],
            value=self._renamed(assign.value, "mkstemp"),
        )

    def _renamed(self, call: cst.Call, function: str) -> cst.Call:
        func = call.func
        if isinstance(func, cst.Attribute):
            return call.with_changes(func=func.with_changes(attr=cst.Name(function)))
        # Reached through ``from tempfile import mktemp``: import the new function beside it.
        self.add_import("tempfile", function)
        self.remove_import("tempfile", code_of(func))
        return call.with_changes(func=cst.Name(function))

    def _rename_fits(self, call: cst.Call, function: str) -> bool:
        """Does ``call`` (an original node) fit its line, and the lines aligned after its name,
        under the longer name? Else its reason is kept."""
        if self._growth.fits(*self.growth_replacing(call.func, function)):
            return True
        self._reasons[id(call)] = (
            f"{function} would run past {self.project.line_length} columns or shift an "
            "aligned continuation line; rewrite it by hand"
        )
        return False

    def _free_descriptor_name(self) -> str | None:
        return next((name for name in ("fd", "tmp_fd") if name not in self._module_names), None)

    def _os_is_usable(self) -> bool:
        """``os`` names the os module here, or nothing (the import is then added)."""
        if "os" not in self._module_names:
            return True
        return any(
            isinstance(small, cst.Import)
            and any(code_of(alias.name) == "os" and alias.asname is None for alias in small.names)
            for small in self._imports
        )

    def _fit(
        self,
        call: cst.Call,
        statement: cst.BaseStatement,
        rewritten: Sequence[cst.BaseStatement],
    ) -> bool:
        indent = self.get_metadata(PositionProvider, statement).start.column
        limit = self.project.line_length
        for new in rewritten:
            lines = code_lines(code_of(_header(new)))
            if any(indent + len(line) > limit for line in lines):
                self._reasons[id(call)] = f"the rewritten line would be longer than {limit} columns"
                return False
        return True


def _relative_literal(node: cst.BaseExpression) -> bool:
    """A string literal that is not an absolute path (mkstemp makes such names absolute)."""
    text = node.evaluated_value if isinstance(node, cst.SimpleString) else None
    return isinstance(text, str) and not text.startswith("/")


def _header(statement: cst.BaseStatement) -> cst.BaseStatement:
    """The statement without leading lines, and a ``with`` without its body (unchanged)."""
    statement = statement.with_changes(leading_lines=())
    if isinstance(statement, cst.With):
        return statement.with_changes(
            body=cst.SimpleStatementSuite(
                [cst.Expr(cst.Ellipsis())], leading_whitespace=cst.SimpleWhitespace("")
            )
        )
    return statement


def _writes_a_fresh_file(mode: str) -> bool:
    """``w``/``a`` with ``b``/``t``/``+``: on the empty file mkstemp made, same as on none."""
    return (
        len(mode) == len(set(mode))
        and set(mode) <= set("wabt+")
        and (("w" in mode) ^ ("a" in mode))
        and not {"b", "t"} <= set(mode)
    )


def _single_small(statement: cst.BaseStatement | None) -> cst.BaseSmallStatement | None:
    if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
        return statement.body[0]
    return None


def _single_assign(statement: cst.BaseStatement | None) -> cst.Assign | None:
    small = _single_small(statement)
    if not isinstance(small, cst.Assign) or len(small.targets) != 1:
        return None
    target = small.targets[0].target
    return small if isinstance(target, (cst.Name, cst.Attribute)) else None


def _opening_call(statement: cst.BaseStatement) -> cst.Call | None:
    """``open(...)`` in ``with open(...) as f:`` or ``f = open(...)``."""
    if isinstance(statement, cst.With) and len(statement.items) == 1:
        item = statement.items[0].item
        return item if isinstance(item, cst.Call) else None
    assign = _single_assign(statement)
    if assign is not None and isinstance(assign.value, cst.Call):
        return assign.value
    return None


def _with_assign(statement: cst.BaseStatement, change) -> cst.BaseStatement:
    small = statement.body[0]  # type: ignore[attr-defined]
    return statement.with_changes(body=[change(small)])  # type: ignore[attr-defined]


def _with_open_call(statement: cst.BaseStatement, change) -> cst.BaseStatement:
    if isinstance(statement, cst.With):
        item = statement.items[0]
        return statement.with_changes(items=[item.with_changes(item=change(item.item))])
    assign = statement.body[0]  # type: ignore[attr-defined]
    return statement.with_changes(  # type: ignore[attr-defined]
        body=[assign.with_changes(value=change(assign.value))]
    )


def _fdopen_call(call: cst.Call, fd_name: str) -> cst.Call:
    fdopen = cst.Attribute(cst.Name("os"), cst.Name("fdopen"))
    first = call.args[0].with_changes(value=cst.Name(fd_name))
    return call.with_changes(func=fdopen, args=[first, *call.args[1:]])
