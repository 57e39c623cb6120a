"""What a ``hardcoded-tmp`` path is used for across its module: state it keeps, or removal.

:class:`KeptPaths` follows a path, and the name it is bound to (a function's
local, or a module constant), to the files opened with it: vitrage's
``ACTIVITY_PATH = "/tmp/alarms_activity.txt"`` is written by one function and
read back by another on the next start, so a random name from ``mkstemp()``
would lose it; and where what is read back is unpickled, a file planted
there runs code as the service. Ironic's ``cleanup()`` names
``os.path.join(tempfile.gettempdir(), node.uuid)`` only to ``rmtree()`` it: the
advice belongs where ``download_to_temp()`` names the same path and makes it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import libcst as cst
from libcst.metadata import ClassScope, FunctionScope, GlobalScope, ScopeProvider

from cwemod.codemods._tmp_uses import HOLDERS, MESSAGE_CALLS
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import argument, called_name
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.names import QualifiedNames
from cwemod.codemods.kit.parents import ancestors, enclosing_function
from cwemod.codemods.kit.source import code_of

_OPENS = frozenset({"builtins.open", "io.open"})
# Loaders that run code a file holds (CWE-502).
_RUNS_WHAT_IT_LOADS = frozenset(
    f"{module}.{name}"
    for module in ("pickle", "cPickle", "_pickle", "dill", "marshal", "joblib")
    for name in ("load", "loads")
) | {"pickle.Unpickler", "yaml.unsafe_load"}
_UNSAFE_YAML_LOADERS = frozenset({"Loader", "UnsafeLoader", "CLoader", "CUnsafeLoader"})
_KEPT_STATE = (
    "a file the module writes and reads back, under a fixed name in a directory every user"
    " can write, where another user can create it first (or make it a symlink): state kept"
    " across runs: keep it under a directory the service owns (a configured state path),"
    " not mkstemp(), whose random name is never found again"
)
# What opens a database file, which keeps what it holds across runs; shelve pickles its values.
_DATABASES = frozenset(
    {"sqlite3.connect", "shelve.open", "dbm.open", "dbm.gnu.open", "dbm.ndbm.open", "dbm.dumb.open"}
)
_KEPT_DATABASE = (
    "a database the module opens there ({opener}, line {line}), under a fixed name in a"
    " directory every user can write, where another user can create it first (or make it a"
    " symlink): state kept across runs: keep it under a directory the service owns (a"
    " configured state path), not mkstemp()/mkdtemp(), whose random name is never found again"
)
# How far a path is followed through names and joins to a database opened under it.
_MOST_FOLLOWED = 40
_REMOVALS = frozenset({"shutil.rmtree", "os.remove", "os.unlink", "os.rmdir", "os.removedirs"})
_PATH_REMOVALS = frozenset({"unlink", "rmdir"})  # Path(p).unlink()
_TESTS = frozenset(f"os.path.{name}" for name in ("exists", "lexists", "isdir", "isfile", "islink"))
_REMOVED = "only removed here: the same path is named at line {line}, where its advice is given"
_PLANTED = "; a planted file runs code as the service when it is loaded ({loader}, CWE-502)"


class KeptPaths:
    """The codemod's judgements of what a path's file is used for, across the module."""

    _names: QualifiedNames
    parent_of: Callable[[cst.CSTNode], cst.CSTNode | None]
    get_metadata: Callable[..., Any]
    _module_node: cst.Module
    _only_compared_value: Callable[[cst.BaseExpression], bool]
    _compared: Callable[[cst.CSTNode], bool]
    _in_a_message: Callable[[cst.CSTNode], bool]
    lines_of: Callable[[cst.CSTNode], tuple[int, int]]
    # The module, and its nodes of a type by how they spell a path.
    _spellings: tuple[cst.Module, dict[type, dict[object, list[cst.CSTNode]]]] | None = None

    def _kept_state_reason(self, path: cst.CSTNode) -> str | None:
        """Why the file ``path`` names is state: the module opens it to write and to read
        back (and, where it unpickles what it reads, that a planted file runs code)."""
        uses = [use for same in self._same_paths(path) for use in self._reads_of_the_path(same)]
        opened = [o for use in uses if (o := self._opened(use))]
        reads = [call for call, mode in opened if "r" in mode]
        if not reads or not any(_writes(mode) for _, mode in opened):
            return self._database_reason(path)
        loader = next((found for call in reads if (found := self._loaded_by(call))), None)
        return _KEPT_STATE + ("" if loader is None else _PLANTED.format(loader=loader))

    def _database_reason(self, path: cst.CSTNode) -> str | None:
        """Why ``path`` names state: an sqlite3, shelve or dbm database is opened under it
        (sushy-tools' ``DBPATH``: ``dbpath or self.DBPATH``, joined to a file name, kept as
        ``self._dbpath``, given to ``sqlite3.connect()``); and, where shelve pickles what it
        holds or the class around unpickles (``pickle.loads``), that a planted file runs code."""
        for use in self._paths_under(path):
            call = self._first_argument_of(use)
            opener = self._names.of(call.func) & _DATABASES if call is not None else set()
            if call is None or not opener:
                continue
            said = _KEPT_DATABASE.format(opener=code_of(call.func), line=self.lines_of(call)[0])
            loader = code_of(call.func) if "shelve.open" in opener else self._unpickler(call)
            return said + ("" if loader is None else _PLANTED.format(loader=loader))
        return None

    def _falls_back_for_a_parameter(self, assign: cst.Assign) -> bool:
        """Is the name ``assign`` binds read as ``param or NAME``, the default of a parameter
        its caller leaves empty (sushy-tools' ``dbpath = dbpath or self.DBPATH``)?"""
        for use in self._named_uses(assign.value):
            either = self.parent_of(use)
            function = enclosing_function(use, self.parent_of)
            if (
                isinstance(either, cst.BooleanOperation)
                and isinstance(either.operator, cst.Or)
                and either.right is use
                and isinstance(either.left, cst.Name)
                and function is not None
                and either.left.value in {p.name.value for p in function.params.params}
            ):
                return True
        return False

    def _paths_under(self, path: cst.CSTNode) -> list[cst.CSTNode]:
        """Where ``path``, or a path under it, is read: through the names it is bound to (a
        local, a class attribute, ``self.attr``), ``param or path``, ``os.path.join(path,
        ...)``, ``path + ".db"`` and ``path / name``."""
        found: list[cst.CSTNode] = []
        todo = [path]
        while todo and len(found) < _MOST_FOLLOWED:
            for use in self._named_uses(todo.pop()):
                if use not in found:
                    found.append(use)
                    grown = self._grown_path(use)
                    if grown is not None:
                        todo.append(grown)
        return found

    def _named_uses(self, value: cst.CSTNode) -> list[cst.CSTNode]:
        """Where the name ``value`` is bound to is read (every binding of a local taken
        together); ``[value]`` where it is bound to none."""
        assign = self.parent_of(value)
        if not (isinstance(assign, cst.Assign) and len(assign.targets) == 1):
            return [value]
        target = assign.targets[0].target
        if isinstance(target, cst.Attribute) and m.matches(target.value, m.Name("self")):
            return self._attribute_reads(assign, target.attr.value, target)
        scope = self.get_metadata(ScopeProvider, target, None)
        if not isinstance(target, cst.Name) or scope is None:
            return [value]
        if isinstance(scope, ClassScope):
            return self._attribute_reads(assign, target.value, target)
        assignments = scope.assignments[target.value]
        return [access.node for binding in assignments for access in binding.references]

    def _attribute_reads(self, node: cst.CSTNode, name: str, target: cst.CSTNode) -> list:
        """``self.name``, ``cls.name`` and ``Class.name`` in the class around ``node``."""
        owner = next(
            (a for a in ancestors(node, self.parent_of) if isinstance(a, cst.ClassDef)), None
        )
        if owner is None:
            return []
        holders = m.Name("self") | m.Name("cls") | m.Name(owner.name.value)
        read = m.Attribute(value=holders, attr=m.Name(name))
        return [found for found in m.findall(owner, read) if found is not target]

    def _grown_path(self, use: cst.CSTNode) -> cst.CSTNode | None:
        """The path ``use`` makes with its parent (``use`` itself where it is bound to a
        name): ``use or x``, ``x or use``,
        ``os.path.join(use, ...)``, ``Path(use, ...)``, ``use + ".db"``, ``use / name``."""
        parent = self.parent_of(use)
        if isinstance(parent, cst.Assign) and parent.value is use:  # path = STATE: read on
            return use
        if isinstance(parent, cst.BooleanOperation) and isinstance(parent.operator, cst.Or):
            return parent
        if isinstance(parent, cst.BinaryOperation) and parent.left is use:
            return parent if isinstance(parent.operator, (cst.Add, cst.Divide)) else None
        call = self._first_argument_of(use)
        joins = {"os.path.join", "posixpath.join", "pathlib.Path"}
        return call if call is not None and self._names.of(call.func) & joins else None

    def _unpickler(self, opened: cst.Call) -> str | None:
        """A loader that runs code (``pickle.loads``) called in the class around ``opened``,
        or in its module where no class is: what the database holds is unpickled there."""
        owner = next(
            (a for a in ancestors(opened, self.parent_of) if isinstance(a, cst.ClassDef)),
            self._module_node,
        )
        return next(
            (found for call in nodes_of_type(owner, cst.Call) if (found := self._loader(call))),
            None,
        )

    def _named_before_removal(self, path: cst.CSTNode) -> str | None:
        """Why ``path``, whose every use removes it (or tests it, compares it, puts it in a
        message), is no site of its own: the module names the same path elsewhere, for
        more than that (ironic's ``download_to_temp()``, which makes it)."""
        if not self._only_removed(path):
            return None
        for same in self._same_paths(path):
            if same is not path and not self._only_removed(same):
                if not self._only_compared_value(same):
                    return _REMOVED.format(line=self.lines_of(same)[0])
        return None

    def _only_removed(self, path: cst.CSTNode) -> bool:
        """Is ``path`` removed (``shutil.rmtree``, ``os.remove``, ``Path(p).unlink()``), and
        otherwise only tested, compared or put in a message, itself or through its name?"""
        uses = self._reads_of_the_path(path)
        removed = [use for use in uses if self._removed(use)]
        return bool(removed) and all(
            use in removed
            or self._tested(use)
            or self._compared(use)
            or self._in_a_message(use)
            or self._given_to_a_message(use)
            for use in uses
        )

    def _removed(self, use: cst.CSTNode) -> bool:
        """``shutil.rmtree(use)``, ``os.remove(use)``, ``Path(use).unlink()``, ``use.unlink()``."""
        call = self._first_argument_of(use)
        if call is not None and self._names.of(call.func) & _REMOVALS:
            return True
        if call is not None and self._names.of(call.func) & {"pathlib.Path"}:
            use = call
        method = self.parent_of(use)
        return (
            isinstance(method, cst.Attribute)
            and method.value is use
            and method.attr.value in _PATH_REMOVALS
            and isinstance(self.parent_of(method), cst.Call)
        )

    def _tested(self, use: cst.CSTNode) -> bool:
        """``os.path.exists(use)`` and its kin: where the path is, asked."""
        call = self._first_argument_of(use)
        return call is not None and bool(self._names.of(call.func) & _TESTS)

    def _first_argument_of(self, use: cst.CSTNode) -> cst.Call | None:
        given = self.parent_of(use)
        call = self.parent_of(given) if isinstance(given, cst.Arg) else None
        if isinstance(call, cst.Call) and call.args[0] is given and given.keyword is None:
            return call
        return None

    def _given_to_a_message(self, use: cst.CSTNode) -> bool:
        """Is ``use`` given to a log call, itself or in a dict or tuple (ironic's
        ``LOG.debug('... %(temp_dir)s.', {'node': node.uuid, 'temp_dir': temp_dir})``)?"""
        holder = self.parent_of(use)
        while isinstance(holder, HOLDERS):
            holder = self.parent_of(holder)
        call = self.parent_of(holder) if isinstance(holder, cst.Arg) else None
        return isinstance(call, cst.Call) and called_name(call) in MESSAGE_CALLS

    def _same_paths(self, path: cst.CSTNode) -> list[cst.CSTNode]:
        """``path`` and the module's other spellings of it: the same literal text, or the same
        code (``os.path.join(tempfile.gettempdir(), node.uuid)`` twice)."""
        module = self._module_node
        if self._spellings is None or self._spellings[0] is not module:
            self._spellings = (module, {})
        found = self._spellings[1]
        if type(path) not in found:
            found[type(path)] = {}
            for node in nodes_of_type(module, type(path)):
                found[type(path)].setdefault(_spelling(node), []).append(node)
        return found[type(path)].get(_spelling(path), [path])

    def _reads_of_the_path(self, path: cst.CSTNode) -> list[cst.CSTNode]:
        """``path``, or where it is the only value of a name (a function's local, or a
        module constant), where that name is read."""
        assign = self.parent_of(path)
        if not (isinstance(assign, cst.Assign) and len(assign.targets) == 1):
            return [path]
        target = assign.targets[0].target
        scope = self.get_metadata(ScopeProvider, target, None)
        if not isinstance(target, cst.Name) or not isinstance(scope, (FunctionScope, GlobalScope)):
            return [path]
        assignments = list(scope.assignments[target.value])
        if len(assignments) != 1 or assignments[0].node is not target:
            return [path]
        return [access.node for access in assignments[0].references]

    def _opened(self, use: cst.CSTNode) -> tuple[cst.Call, str] | None:
        """The ``open()`` call ``use`` is the file of, and its literal mode."""
        given = self.parent_of(use)
        call = self.parent_of(given) if isinstance(given, cst.Arg) else None
        if not (isinstance(call, cst.Call) and call.args[0] is given and given.keyword is None):
            return None
        if not self._names.of(call.func) & _OPENS:
            return None
        mode = argument(call, "mode", 1)
        if mode is None:
            return call, "r"
        text = mode.value.evaluated_value if isinstance(mode.value, cst.SimpleString) else None
        return (call, text) if isinstance(text, str) else None

    def _loaded_by(self, opened: cst.Call) -> str | None:
        """The loader that runs code, given the file ``opened`` (``pickle.load(open(...))``)
        or the name ``with`` binds it to (vitrage's ``with open(PATH, 'rb') as f:``, then
        ``pickle.load(f)``); None where there is none."""
        given = self.parent_of(opened)
        if isinstance(given, cst.Arg):
            call = self.parent_of(given)
            return self._loader(call) if isinstance(call, cst.Call) else None
        item = given if isinstance(given, cst.WithItem) else None
        bound = item.asname.name if item is not None and item.asname is not None else None
        if not isinstance(bound, cst.Name):
            return None
        block = self.parent_of(item)
        assert isinstance(block, cst.With)
        for call in nodes_of_type(block.body, cst.Call):
            loader = self._loader(call)
            if loader is not None and _mentions(call, bound.value):
                return loader
        return None

    def _loader(self, call: cst.Call) -> str | None:
        """``call``'s function, where it runs code the data holds: ``pickle.load``, or
        ``yaml.load`` given an unsafe ``Loader``."""
        called = self._names.of(call.func)
        if called & _RUNS_WHAT_IT_LOADS:
            return code_of(call.func)
        loader = argument(call, "Loader", 1) if "yaml.load" in called else None
        if loader is not None and code_of(loader.value).split(".")[-1] in _UNSAFE_YAML_LOADERS:
            return code_of(call.func)
        return None


def _writes(mode: str) -> bool:
    return bool(set(mode) & set("wax+"))


def _mentions(call: cst.Call, name: str) -> bool:
    """Is ``name`` read in ``call``'s arguments (``pickle.load(f)``, ``loads(f.read())``)?"""
    return any(
        found.value == name for arg in call.args for found in nodes_of_type(arg.value, cst.Name)
    )


def _spelling(node: cst.CSTNode) -> object:
    """A literal's text (``'/tmp/x'`` and ``"/tmp/x"`` are one path), else the code."""
    if isinstance(node, cst.SimpleString):
        return node.evaluated_value
    return code_of(node)
