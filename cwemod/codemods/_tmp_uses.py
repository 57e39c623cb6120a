"""Where a ``hardcoded-tmp`` literal is used: the uses that make it no fixed file there.

:class:`PathUses` reads a literal's surroundings (the call it is given to,
the name it is bound to, the dict or list it is in) for the codemod; each
judgement names a use in which the path creates no file in the shared
directory, or says who decides it (a configuration default, a container).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import libcst as cst
from libcst.metadata import FunctionScope, ScopeProvider

from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import Bindings, values_assigned
from cwemod.codemods.kit.calls import argument, called_name, keyword_arg, name_words
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.names import QualifiedNames, is_string, string_key
from cwemod.codemods.kit.parents import ancestors, enclosing_function
from cwemod.codemods.kit.source import code_of

SHARED_DIRECTORIES = ("/tmp", "/var/tmp", "/dev/shm")
# The tempfile functions that create a file or directory and take ``dir``.
CREATORS = frozenset(
    f"tempfile.{name}"
    for name in (
        "mkstemp",
        "mkdtemp",
        "NamedTemporaryFile",
        "TemporaryFile",
        "SpooledTemporaryFile",
        "TemporaryDirectory",
    )
)
_LOOKUPS = frozenset({"get", "pop", "setdefault", "getenv"})  # (key, default) of a setting
# A name that says it holds a container: ``container``, ``self._container``,
# ``self.get_wrapped_container()``.
_CONTAINER_WORDS = frozenset({"container", "containers", "docker"})
_MOUNT_WORDS = frozenset({"mount", "mountpoint", "mountpath"})
_CONTAINER = re.compile(r"(?:^|[._])(?:get_\w*)?containers?\b", re.IGNORECASE)
_ENVIRONMENT_VARIABLE = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")
# cibuildwheel's Path.cwd().is_relative_to("/tmp"): where a path is, tested.
_DIRECTORY_TESTS = frozenset(
    {"exists", "isdir", "ismount", "access", "disk_usage", "statvfs", "is_relative_to"}
)
_PATH_SPELLINGS = frozenset({"realpath", "abspath", "normpath", "expanduser", "resolve"})
# Functions that match or edit text: a directory's name given them names no file.
_TEXT_EDITS = frozenset(f"re.{name}" for name in ("sub", "subn", "match", "search", "compile"))
# Keywords that take text shown to a user: argparse's add_argument(help=, metavar=), its
# ArgumentParser(description=, epilog=, usage=), click.option()'s and click.argument()'s.
_USAGE_KEYWORDS = frozenset({"help", "metavar", "description", "epilog", "usage"})
# What a literal passes through on its way to a call's argument: {"/tmp": ""}, ["/tmp"].
HOLDERS = (cst.Dict, cst.DictElement, cst.List, cst.Tuple, cst.Set, cst.Element)
_LISTINGS = frozenset({"listdir", "scandir", "walk", "glob", "rglob", "iterdir"})
_TEMPORARY_DIRECTORY_VARIABLES = frozenset({"TMPDIR", "TMP", "TEMP"})
ENVIRONMENT_READS = frozenset({"os.getenv", "os.environ.get"})
_COMPARISONS = (cst.Equal, cst.NotEqual, cst.In, cst.NotIn)
_AFFIXES = frozenset({"startswith", "endswith"})
MESSAGE_CALLS = frozenset(
    {"print", "debug", "info", "warning", "warn", "error", "exception", "critical"}
)
# "ssh ... -L " before a field: the field is what ssh forwards (a socket, or a port).
_SSH_FORWARDING = re.compile(r"(?:^|[\s/])ssh\s(?:.*\s)?-[LR]\s*$")
# What runs a command over ssh: rally's sshutils.SSH.execute(), paramiko's exec_command(),
# fabric's Connection.run()/sudo(), asyncssh's run().
_SSH_RUNS = frozenset({"execute", "exec_command", "run", "sudo"})
_COMMAND_KEYWORDS = frozenset({"command", "cmd"})
_SSH_LIBRARIES = frozenset({"paramiko", "fabric", "asyncssh"})
_OWN_IDS = frozenset({"os.getuid", "os.geteuid"})
# The entry points AWS Lambda's Python runtime calls: handler(event, context).
_LAMBDA_HANDLERS = frozenset({"lambda_handler", "handler"})


def is_shared_tmp_path(text: str) -> bool:
    """``/tmp``, ``/var/tmp``, ``/dev/shm`` or a path under one of them."""
    return any(text == root or text.startswith(root + "/") for root in SHARED_DIRECTORIES)


class PathUses:
    """The codemod's judgements of a literal's use, from its parents and qualified names."""

    _names: QualifiedNames
    _module_node: cst.Module
    _bindings: Bindings | None
    parent_of: Callable[[cst.CSTNode], cst.CSTNode | None]
    get_metadata: Callable[..., Any]
    _falls_back_for_a_parameter: Callable[[cst.Assign], bool]  # KeptPaths'

    def _only_compared(self, node: cst.BaseString) -> bool:
        """Is the path ``node`` starts (formatted, too) compared with another, or bound to a
        local name whose every use compares it or puts it in a message? awxkit's
        ``expected_prefix = '/tmp/awx_{}'.format(self.id)``, then
        ``host_loc.startswith(expected_prefix)`` and an error naming it."""
        return self._only_compared_value(self._formatted(node))

    def _only_compared_value(self, value: cst.BaseExpression) -> bool:
        """Is the path ``value`` compared with another, or bound to a local name whose every
        use compares it or puts it in a message?"""
        if self._compared(value):
            return True
        assign = self.parent_of(value)
        if not (isinstance(assign, cst.Assign) and len(assign.targets) == 1):
            return False
        uses = self._local_uses(assign.targets[0].target)
        return bool(uses) and all(self._compared(use) or self._in_a_message(use) for use in uses)

    def _formatted(self, node: cst.BaseString) -> cst.BaseExpression:
        """``'/tmp/x_{}'.format(...)`` or ``'/tmp/x_%s' % ...`` where ``node`` is formatted so,
        else ``node``."""
        parent = self.parent_of(node)
        if isinstance(parent, cst.Attribute) and parent.attr.value == "format":
            call = self.parent_of(parent)
            return call if isinstance(call, cst.Call) and call.func is parent else node
        if isinstance(parent, cst.BinaryOperation) and isinstance(parent.operator, cst.Modulo):
            return parent if parent.left is node else node
        return node

    def _bound_uses(self, node: cst.BaseString) -> list[cst.CSTNode]:
        """The path ``node`` starts (formatted, too), and where the function-local name it
        is bound to is read."""
        value = self._formatted(node)
        assign = self.parent_of(value)
        if not (isinstance(assign, cst.Assign) and len(assign.targets) == 1):
            return [value]
        return [value, *self._local_uses(assign.targets[0].target)]

    def _values_bound(self, name: cst.Name) -> list[cst.BaseExpression] | None:
        """What every binding of ``name`` binds it to (see :class:`Bindings`)."""
        if self._bindings is None:
            self._bindings = Bindings(self, self._module_node)
        return self._bindings.of(name)

    def _forwarded_by_ssh(self, node: cst.BaseString) -> bool:
        """Is the path ``node`` starts, itself or through a local name, the socket of an
        ``ssh -L``/``-R`` forwarding: the item after ``'-L'`` in a list that runs ``ssh``
        (tobiko's ``['ssh', ..., '-L', f'{podman_socket_file}:/run/podman/podman.sock']``),
        or the field after ``-L`` in an ``ssh`` command string (``f'ssh -L {socket}'``)? An
        f-string or ``+`` that starts with it is the path too."""
        for use in self._bound_uses(node):
            parent = self.parent_of(use)
            if isinstance(parent, cst.FormattedStringExpression):
                text = self.parent_of(parent)
                assert isinstance(text, cst.FormattedString)
                index = list(text.parts).index(parent)
                if _SSH_FORWARDING.search("".join(map(_text_of, text.parts[:index]))):
                    return True
                use = text if index == 0 else use
            added = self.parent_of(use)
            if m.matches(added, m.BinaryOperation(operator=m.Add())) and added.left is use:
                use = added  # socket + ":/run/podman/podman.sock"
            if isinstance(self.parent_of(use), cst.Element) and self._forwarded_in_a_list(use):
                return True
        return False

    def _names_a_remote_path(self, node: cst.BaseString) -> bool:
        """Is the path ``node`` starts bound to a name that says it is remote (tobiko's
        ``remote_tmp = f"/tmp/{service_name}.service"``, ``self.remote_dir = x or "/tmp"``),
        or given, itself or through a local name, as a ``remote_*=`` argument (tobiko's
        ``sh.put_file(local_file=..., remote_file=remote_tmp)``)?"""
        value = self._formatted(node)
        assign = self.parent_of(value)
        while isinstance(assign, (cst.BooleanOperation, cst.IfExp)):
            assign = self.parent_of(assign)
        if isinstance(assign, cst.Assign) and any(
            _says_remote(target.target) for target in assign.targets
        ):
            return True
        return any(
            (
                isinstance(argument := self.parent_of(use), cst.Arg)
                and argument.keyword is not None
                and _says_remote(argument.keyword)
            )
            or self._run_over_ssh(use)
            for use in self._bound_uses(node)
        )

    def _run_over_ssh(self, use: cst.CSTNode) -> bool:
        """Is ``use`` (a path) in the command an ssh connection runs: the first argument (or
        ``command=``/``cmd=``) of ``.execute()``, ``.exec_command()``, ``.run()`` or
        ``.sudo()`` of a connection (rally's ``ssh = sshutils.SSH(...)``, then
        ``ssh.execute("/tmp/.rally-workload")``), itself or formatted into it?"""
        given = self._argument_of(self._command_around(use))
        if given is None:
            return False
        argument, call = given
        keyword = argument.keyword.value if argument.keyword is not None else None
        return (
            (argument is call.args[0] if keyword is None else keyword in _COMMAND_KEYWORDS)
            and isinstance(call.func, cst.Attribute)
            and call.func.attr.value in _SSH_RUNS
            and self._an_ssh_connection(call.func.value)
        )

    def _command_around(self, use: cst.CSTNode) -> cst.CSTNode:
        """The command ``use`` is formatted into (an f-string, ``%``, ``+``, ``.format()``,
        a list of words), or ``use``."""
        child, parent = use, self.parent_of(use)
        while True:
            if isinstance(parent, (cst.FormattedStringExpression, cst.Element)):
                parent = self.parent_of(parent)
            elif (
                m.matches(parent, m.Arg(keyword=None))
                and called_name(
                    holder := self.parent_of(parent)  # type: ignore[arg-type]
                )
                == "format"
            ):
                parent = holder
            elif not (
                isinstance(parent, (cst.FormattedString, cst.List, cst.Tuple))
                or m.matches(parent, m.BinaryOperation(operator=m.Add() | m.Modulo()))
            ):
                return child
            child, parent = parent, self.parent_of(parent)  # type: ignore[arg-type]

    def _an_ssh_connection(self, receiver: cst.BaseExpression) -> bool:
        """Is ``receiver`` named for ssh (``ssh``, ``self._ssh_client``), or a name bound to
        a connection made by paramiko, fabric, asyncssh or a call named for ssh
        (``sshutils.SSH(...)``, ``paramiko.SSHClient()``)?"""
        name = receiver.attr if isinstance(receiver, cst.Attribute) else receiver
        if isinstance(name, cst.Name) and any(
            word.startswith("ssh") for word in name_words(name.value)
        ):
            return True
        if not isinstance(receiver, cst.Name):
            return False
        values = self._values_bound(receiver)
        return bool(values) and all(
            isinstance(value, cst.Call)
            and any(_names_ssh(called) for called in self._names.of(value.func))
            for value in values
        )

    def _given_to_a_lock(self, node: cst.BaseString) -> bool:
        """Is the path ``node`` starts given, itself or through a local name, to a call named
        for a lock (glean's ``systemlock.Lock('/tmp/glean.lock')``, whose ``__enter__``
        flocks it in another module; ``FileLock``, ``InterProcessLock``, ``lock_file()``),
        or as a ``lock_*=`` argument?"""
        for use in self._bound_uses(node):
            given = self._argument_of(use)
            if given is None:
                continue
            argument, call = given
            names = [called_name(call) or ""]
            if argument.keyword is not None:
                names.append(argument.keyword.value)
            if any(_says_lock(name) for name in names):
                return True
        return False

    def _forwarded_in_a_list(self, item: cst.CSTNode) -> bool:
        """Is ``item`` (an element's value) after ``'-L'`` or ``'-R'`` in a list or tuple
        whose earlier items run ``ssh``?"""
        holder = self.parent_of(self.parent_of(item))  # type: ignore[arg-type]
        if not isinstance(holder, (cst.List, cst.Tuple)):
            return False
        values = [element.value for element in holder.elements]
        index = next(i for i, value in enumerate(values) if value is item)
        words = [v.evaluated_value for v in values[:index] if isinstance(v, cst.SimpleString)]
        return (
            index > 0
            and isinstance(values[index - 1], cst.SimpleString)
            and words[-1:] in (["-L"], ["-R"])
            and any(isinstance(w, str) and w.rsplit("/", 1)[-1] == "ssh" for w in words)
        )

    def _compared(self, value: cst.CSTNode) -> bool:
        """``value == x``, ``x != value``, ``value in x``, ``x.startswith(value)``."""
        parent = self.parent_of(value)
        if isinstance(parent, cst.ComparisonTarget):
            return isinstance(parent.operator, _COMPARISONS)
        if isinstance(parent, cst.Comparison) and parent.left is value:
            return all(isinstance(target.operator, _COMPARISONS) for target in parent.comparisons)
        given = self._argument_of(value)
        return (
            given is not None
            and given[0].keyword is None
            and isinstance(given[1].func, cst.Attribute)
            and given[1].func.attr.value in _AFFIXES
        )

    def _local_uses(self, target: cst.BaseAssignTargetExpression) -> list[cst.CSTNode]:
        """Where the function-local name ``target`` (its only binding) is read; a module's or
        a class's name can be read elsewhere, so none."""
        if not isinstance(target, cst.Name):
            return []
        scope = self.get_metadata(ScopeProvider, target, None)
        if not isinstance(scope, FunctionScope):
            return []
        assignments = list(scope.assignments[target.value])
        if len(assignments) != 1 or assignments[0].node is not target:
            return []
        return [access.node for access in assignments[0].references]

    def _in_a_message(self, use: cst.CSTNode) -> bool:
        """Is ``use`` formatted into text that is raised, logged or printed?"""
        parent = self.parent_of(use)
        if isinstance(parent, cst.FormattedStringExpression):
            text = self.parent_of(parent)
        elif isinstance(parent, cst.BinaryOperation) and isinstance(parent.operator, cst.Modulo):
            text = parent if parent.right is use else None
        else:
            given = self._argument_of(use)
            text = given[1] if given and called_name(given[1]) == "format" else None
        if text is None:
            return False
        statement = next((a for a in ancestors(text, self.parent_of) if _is_statement(a)), None)
        given = self._argument_of(text)
        return isinstance(statement, cst.Raise) or (
            given is not None and called_name(given[1]) in MESSAGE_CALLS
        )

    def _checked_before_use(self, node: cst.BaseString) -> bool:
        """Is the local name ``node`` is bound to ``os.lstat()``-ed (or ``os.stat()``-ed with
        ``follow_symlinks=False``) in the function, which compares an ``st_uid`` with
        ``os.getuid()``? podman's get_runtime_dir(): no link followed, no other's directory
        taken."""
        function = enclosing_function(node, self.parent_of)
        names = {code_of(target) for target in self._assigned_to(node)}
        if function is None or not names:
            return False
        calls = nodes_of_type(function, cst.Call)
        return any(self._lstat_of(call, names) for call in calls) and any(
            self._compares_the_owner(comparison)
            for comparison in nodes_of_type(function, cst.Comparison)
        )

    def _lstat_of(self, call: cst.Call, names: set[str]) -> bool:
        called = self._names.of(call.func)
        if not ({"os.lstat", "os.stat"} & called and call.args):
            return False
        linked = keyword_arg(call, "follow_symlinks")
        return code_of(call.args[0].value) in names and (
            "os.lstat" in called
            or (linked is not None and m.matches(linked.value, m.Name("False")))
        )

    def _compares_the_owner(self, comparison: cst.Comparison) -> bool:
        """``st.st_uid != os.getuid()``."""
        return any(
            attribute.attr.value == "st_uid"
            for attribute in nodes_of_type(comparison, cst.Attribute)
        ) and any(
            self._names.of(call.func) & _OWN_IDS for call in nodes_of_type(comparison, cst.Call)
        )

    def _argument_of(self, node: cst.CSTNode) -> tuple[cst.Arg, cst.Call] | None:
        """The argument ``node`` is, and the call it is given to; None where it is neither."""
        argument = self.parent_of(node)
        if not isinstance(argument, cst.Arg):
            return None
        call = self.parent_of(argument)
        return (argument, call) if isinstance(call, cst.Call) else None

    def _other_directory_listed(self, node: cst.BaseString) -> tuple[str, str] | None:
        """What ``node`` is one of (a list, a table's keys), and another absolute path, not a
        shared directory's, among them; or, where every item is a shared directory itself
        (Bandit's own ``["/tmp", "/var/tmp", "/dev/shm"]``, what its check looks for), the
        other items."""
        items = self._siblings(node)
        if items is None:
            return None
        holder, values = items
        paths = [
            (value, value.evaluated_value)
            for value in values
            if isinstance(value, cst.SimpleString) and isinstance(value.evaluated_value, str)
        ]
        for value, path in paths:
            if path.startswith("/") and path != "/" and not is_shared_tmp_path(path):
                return holder, code_of(value)
        others = [code_of(value) for value, _ in paths if value is not node]
        bare = all(path.rstrip("/") in SHARED_DIRECTORIES for _, path in paths)
        if bare and others and len(paths) == len(values):
            return holder, ", ".join(others)
        return None

    def _siblings(self, node: cst.BaseString) -> tuple[str, list[cst.BaseExpression]] | None:
        """The items of the list ``node`` is an item of, or the keys of the dict it is a key
        of, with what they are."""
        element = self.parent_of(node)
        holder = self.parent_of(element) if element is not None else None
        if isinstance(element, cst.Element) and isinstance(holder, (cst.List, cst.Tuple, cst.Set)):
            return "a list of", [item.value for item in holder.elements]
        if isinstance(element, cst.DictElement) and element.key is node:
            assert isinstance(holder, cst.Dict)
            return "the keys of a table of", [
                item.key if isinstance(item, cst.DictElement) else item.value
                for item in holder.elements
            ]
        return None

    def _path_before(self, node: cst.BaseString) -> str | None:
        """The code ``node`` is added to (``base + '/tmp/x'``), where it does not start the path."""
        parent = self.parent_of(node)
        if (
            isinstance(parent, cst.BinaryOperation)
            and isinstance(parent.operator, cst.Add)
            and parent.right is node
        ):
            return code_of(parent.left)
        return None

    def _directory_use(self, node: cst.BaseString, text: str) -> str | None:
        """Why the shared directory itself, named alone, is no fixed file name there.

        mlflow's ``tempfile.mkdtemp(dir="/dev/shm")`` (memory, on purpose) and
        the ``os.path.exists("/dev/shm")`` before it; a branch's choice is used as the
        conditional is (nuitka's ``mkdtemp(dir=None if ... else "/var/tmp")``).
        """
        parent = self.parent_of(node)
        while isinstance(parent, cst.IfExp) and node is not parent.test:
            node, parent = parent, self.parent_of(parent)
        if self._is_prefix_of_a_creator(parent):
            # insights-core's tempfile.mkdtemp(prefix='/var/tmp/')
            return f"tempfile makes a random name starting {text}: no fixed name"
        if text.rstrip("/") not in SHARED_DIRECTORIES:
            return None
        if (
            self._is_dir_entry_of_a_creators_keywords(node, parent)
            or self._is_dir_through_a_name(node)
            or self._is_dir_through_an_option(node)
        ):
            return f"tempfile makes a random name in {text}, a directory chosen on purpose"
        if self._sets_the_temporary_directory(parent):
            # avocado's os.environ["TMP"] = "/var/tmp", "for O_DIRECT"
            return f"makes {text} the temporary directory: tempfile makes random names in it"
        if isinstance(parent, cst.ComparisonTarget) and isinstance(
            parent.operator, (cst.Equal, cst.NotEqual, cst.In, cst.NotIn)
        ):
            # modal's mount check: abs_path == "/tmp", then an error
            return f"compares a path with the directory {text} itself: no file in it is named"
        given = self._argument_of(node)
        if given is None:
            return None
        parent, call = given
        if called_name(call) in _LISTINGS or _listed(call, self.parent_of):
            # avocado's setup.py clean: Path("/tmp/").glob(".avocado-*")
            return f"lists the directory {text} itself: it creates no file"
        if parent.keyword is not None and parent.keyword.value == "dir":
            if self._names.of(call.func) & CREATORS:
                return f"tempfile makes a random name in {text}, a directory chosen on purpose"
        elif called_name(call) in _DIRECTORY_TESTS:
            return f"tests the directory {text} itself: no file in it is named"
        elif called_name(call) in _PATH_SPELLINGS:  # duplicity's realpath("/tmp") comparisons
            return f"spells out the directory {text} itself: no file in it is named"
        return None

    def _edits_text(self, node: cst.BaseString) -> bool:
        """Is ``node`` given to a regular expression's function or method, or to
        ``str.replace()`` (nbgrader's ``re.sub(r'/private/tmp', r'/tmp', new_nb)``)?"""
        given = self._argument_of(node)
        if given is None:
            return False
        call = given[1]
        if self._names.of(call.func) & _TEXT_EDITS:
            return True
        method = call.func.attr.value if isinstance(call.func, cst.Attribute) else ""
        positional = [arg for arg in call.args if arg.keyword is None]
        # a compiled pattern's sub(); str.replace(old, new), not Path.replace(target)
        return method in ("sub", "subn") or (method == "replace" and len(positional) >= 2)

    def _usage_text(self, node: cst.BaseString) -> bool:
        """Is ``node`` (formatted, or one piece of implicitly joined text) given as a keyword
        that takes usage text: validations-libs' ``add_argument('--extra-vars-file',
        metavar="/tmp/my_vars_file.[json|yaml]")``, an example path shown in ``--help``?"""
        text: cst.CSTNode = self._formatted(node)
        while isinstance(parent := self.parent_of(text), cst.ConcatenatedString):
            text = parent
        given = self._argument_of(text)
        keyword = given[0].keyword if given is not None else None
        return keyword is not None and keyword.value in _USAGE_KEYWORDS

    def _is_dir_entry_of_a_creators_keywords(
        self, node: cst.BaseString, parent: cst.CSTNode | None
    ) -> bool:
        """mistral's ``argdict['dir'] = '/tmp/'``, then ``tempfile.mkdtemp(**argdict)`` in
        the same function: ``dir=``, given through a dictionary."""
        if not (isinstance(parent, cst.Assign) and len(parent.targets) == 1):
            return False
        target = parent.targets[0].target
        if not (
            isinstance(target, cst.Subscript)
            and isinstance(target.value, cst.Name)
            and string_key(target) == "dir"
        ):
            return False
        function = enclosing_function(node, self.parent_of)
        return function is not None and any(
            self._names.of(call.func) & CREATORS
            and any(
                arg.star == "**" and m.matches(arg.value, m.Name(target.value.value))
                for arg in call.args
            )
            for call in nodes_of_type(function, cst.Call)
        )

    def _is_dir_through_a_name(self, node: cst.BaseString) -> bool:
        """google-auth's ``tmp_dir = "/dev/shm" if ... else None``, then
        ``tempfile.mkstemp(dir=tmp_dir)``: ``dir=``, given through a local name, and the
        name's only use; or through a module constant, its only use in the module
        (rpmdeplint's ``REPO_CACHE_DIR = "/var/tmp"``, then ``mkdtemp(..., dir=REPO_CACHE_DIR)``)."""
        child, parent = node, self.parent_of(node)
        while isinstance(parent, cst.IfExp) and child is not parent.test:
            child, parent = parent, self.parent_of(parent)
        if not (isinstance(parent, cst.Assign) and len(parent.targets) == 1):
            return False
        target = parent.targets[0].target
        if not isinstance(target, cst.Name):
            return False
        scope = enclosing_function(node, self.parent_of)
        if scope is None and isinstance(self.parent_of(self.parent_of(parent)), cst.Module):
            scope = self._module_node
        if scope is None:
            return False
        uses = [
            name
            for name in nodes_of_type(scope, cst.Name)
            if name.value == target.value and name is not target
        ]
        return self._only_given_as_dir(uses, scope)

    def _only_given_as_dir(self, uses: list[cst.CSTNode], scope: cst.CSTNode) -> bool:
        """Is each of ``uses`` (one at least) the ``dir=`` of a tempfile function in
        ``scope``?"""
        given = [
            arg.value
            for call in nodes_of_type(scope, cst.Call)
            if self._names.of(call.func) & CREATORS
            for arg in call.args
            if arg.keyword is not None and arg.keyword.value == "dir"
        ]
        return bool(uses) and all(any(use is value for value in given) for use in uses)

    def _is_dir_through_an_option(self, node: cst.BaseString) -> bool:
        """ec2-api's ``cfg.StrOpt('image_decryption_dir', default='/tmp')``, read in the
        module only as ``tempfile.mkdtemp(dir=CONF.image_decryption_dir)``: the default of
        an oslo.config option whose every read in the module (``CONF.<name>``,
        ``CONF.<group>.<name>``) is a tempfile function's ``dir=``."""
        given = self._argument_of(node)
        if given is None or not m.matches(given[0].keyword, m.Name("default")):
            return False
        call = given[1]
        if not any(_an_option(name) for name in self._names.of(call.func)):
            return False
        named = argument(call, "name", 0)
        option = named.value if named is not None else None
        text = option.evaluated_value if isinstance(option, cst.SimpleString) else None
        if not isinstance(text, str):
            return False
        attribute = text.replace("-", "_")
        reads = [
            read
            for read in nodes_of_type(self._module_node, cst.Attribute)
            if read.attr.value == attribute
        ]
        return self._only_given_as_dir(reads, self._module_node)

    def _is_bind_mount(self, node: cst.BaseString, text: str) -> bool:
        """trove's volume maps: ``'/tmp': {'bind': '/tmp', 'mode': 'rw'}``, the directory
        itself as a mount's key or as its ``'bind'``."""
        if text.rstrip("/") not in SHARED_DIRECTORIES:
            return False
        entry = self.parent_of(node)
        if not isinstance(entry, cst.DictElement):
            return False
        if entry.key is node:
            return isinstance(entry.value, cst.Dict) and _has_bind_key(entry.value)
        mount = self.parent_of(entry)
        return is_string(entry.key, "bind") and isinstance(mount, cst.Dict)

    def _defaults_a_parameter(self, assign: cst.Assign) -> bool:
        """netmiko's ``if file_system is None: file_system = f"/tmp/users/{user}"``: the
        default of a parameter, given where the caller passed none; or of a value read from
        the environment (bloodhound's ``krb5cc = os.getenv('KRB5CCNAME')``, then, under
        ``if krb5cc is None:``, MIT Kerberos's own ``/tmp/krb5cc_%u``)."""
        if len(assign.targets) != 1 or not isinstance(assign.targets[0].target, cst.Name):
            return False
        name = assign.targets[0].target.value
        function = enclosing_function(assign, self.parent_of)
        if function is None:
            return False
        unset = m.Comparison(
            left=m.Name(name), comparisons=[m.ComparisonTarget(m.Is(), m.Name("None"))]
        )
        guarded = any(
            isinstance(around, cst.If) and m.matches(around.test, unset)
            for around in ancestors(assign, self.parent_of)
            if not isinstance(around, cst.FunctionDef)
        )
        given = name in {p.name.value for p in function.params.params} or any(
            self._names.of(value.func) & ENVIRONMENT_READS
            for value in values_assigned(function, name)
            if isinstance(value, cst.Call)
        )
        return guarded and given

    def _given_with_a_container(self, node: cst.BaseString) -> bool:
        """Is ``node`` a path in a container: given (inside a dict or a list, too) to a
        call that is also given a container or called on one, or written in a function or
        class named for one?

        testcontainers' ``grab.file(self.get_wrapped_container(), "/tmp/cosmos/...")``
        reads the file out of the container; mlflow's ``client.containers.run(...,
        tmpfs={"/tmp": ""})`` and ``job_container_environment()``'s ``"HOME": "/tmp"``
        set the container up. No user of this host can reach those paths.
        """
        child, parent = node, self.parent_of(node)
        while isinstance(parent, (*HOLDERS, cst.Arg)):
            child, parent = parent, self.parent_of(parent)
        if isinstance(child, cst.Arg) and isinstance(parent, cst.Call):
            others = [arg.value for arg in parent.args if arg is not child]
            if isinstance(parent.func, cst.Attribute):
                others.append(parent.func.value)  # container.exec_run("ls /tmp/x")
            if any(_CONTAINER.search(code_of(value)) for value in others):
                return True
        around = [
            around.name.value
            for around in ancestors(node, self.parent_of)
            if isinstance(around, (cst.FunctionDef, cst.ClassDef))
        ]
        if any({"container", "containers"} & set(name_words(name)) for name in around):
            return True
        # briefcase's docker_xauth_file_path = PurePosixPath("/tmp") / name, a mount target;
        # not airflow's docker_operator(tmp_dir="/tmp/airflow"), a directory on the host
        targets = [code_of(target) for target in self._assigned_to(node)]
        return any(_CONTAINER_WORDS & set(name_words(name)) for name in targets)

    def _names_a_mount_target(self, node: cst.BaseString) -> bool:
        """Is ``node`` the whole value of a module constant named for a mount target
        (flytekit's ``SHARED_MEMORY_MOUNT_PATH = "/dev/shm"``, ``mount_point``)?"""
        statement = self.parent_of(node)
        if not isinstance(statement, cst.Assign) or statement.value is not node:
            return False
        if not isinstance(self.parent_of(self.parent_of(statement)), cst.Module):
            return False
        targets = [code_of(target) for target in self._assigned_to(node)]
        return any(_MOUNT_WORDS & set(name_words(name)) for name in targets)

    def _assigned_to(self, node: cst.CSTNode) -> list[cst.BaseExpression]:
        """The targets of the assignment whose value holds ``node``."""
        statement = next(
            (a for a in ancestors(node, self.parent_of) if isinstance(a, cst.Assign)), None
        )
        return [] if statement is None else [target.target for target in statement.targets]

    def _is_prefix_of_a_creator(self, parent: cst.CSTNode | None) -> bool:
        """Is ``parent`` the ``prefix=`` argument of a tempfile call that makes a random name?"""
        call = self.parent_of(parent) if isinstance(parent, cst.Arg) else None
        return (
            isinstance(call, cst.Call)
            and parent.keyword is not None
            and parent.keyword.value == "prefix"
            and bool(self._names.of(call.func) & CREATORS)
        )

    def _sets_the_temporary_directory(self, parent: cst.CSTNode | None) -> bool:
        """Is ``parent`` ``os.environ["TMPDIR"] = <the literal>`` (or ``TMP``, ``TEMP``)?"""
        if not (isinstance(parent, cst.Assign) and len(parent.targets) == 1):
            return False
        target = parent.targets[0].target
        return (
            isinstance(target, cst.Subscript)
            and "os.environ" in self._names.of(target.value)
            and string_key(target) in _TEMPORARY_DIRECTORY_VARIABLES
        )

    def _is_config_default(self, node: cst.BaseExpression) -> bool:
        """Is ``node`` the default of a setting: ``default="/tmp/x"``, ``conf.get("dir",
        "/tmp")``, ``kwargs.pop("temppath", "/tmp")``, ``tempdir or "/tmp"`` (fsspec's), a
        parameter's default, a constant named a default, or one of a tuple of them?"""
        parent = self.parent_of(node)
        if isinstance(parent, cst.Element):  # mitogen's ('/var/tmp', '/tmp') fallbacks
            container = self.parent_of(parent)
            return isinstance(container, (cst.Tuple, cst.List)) and self._is_config_default(
                container
            )
        if isinstance(parent, cst.BinaryOperation) and parent.left is node:
            # bloodhound's '/tmp/krb5cc_%u' % os.getuid(): the default, formatted
            return isinstance(parent.operator, cst.Modulo) and self._is_config_default(parent)
        if isinstance(parent, cst.Param):  # Airflow's DockerOperator(tmp_dir="/tmp/airflow")
            return parent.default is node
        if isinstance(parent, cst.Assign):  # the ssh provider's POSIX_DEFAULT_BASE_DIR
            return (
                any(_names_a_default(target.target) for target in parent.targets)
                or self._defaults_a_parameter(parent)
                or self._falls_back_for_a_parameter(parent)  # sushy-tools' dbpath or DBPATH
            )
        if isinstance(parent, cst.AnnAssign):  # pyinfra's DEFAULT_TEMP_DIR: str = "/tmp"
            return _names_a_default(parent.target)
        if isinstance(parent, cst.DictElement):  # ansible-runner's {"default": "/tmp", ...}
            if parent.value is not node:
                return False
            # barman's Config.DEFAULTS = {..., "cloud_staging_directory": "/tmp/...", ...}
            owner = self.parent_of(self.parent_of(parent))  # type: ignore[arg-type]
            return is_string(parent.key, "default") or _is_default_table(owner)
        if isinstance(parent, cst.BooleanOperation):
            return isinstance(parent.operator, cst.Or) and parent.right is node
        if not isinstance(parent, cst.Arg):
            return False
        if parent.keyword is not None:
            return parent.keyword.value == "default"
        call = self.parent_of(parent)
        if not isinstance(call, cst.Call):
            return False
        if (
            isinstance(call.func, cst.Attribute)
            and call.func.attr.value in _LOOKUPS
            and len(call.args) == 2
            and call.args[1] is parent
        ):
            return True
        # mlflow's _EnvironmentVariable("MLFLOW_DFS_TMP", str, "/tmp/mlflow"): the last
        # of the arguments of a setting named after its environment variable
        positional = [arg for arg in call.args if arg.keyword is None]
        return (
            len(positional) >= 2
            and positional[-1] is parent
            and isinstance(positional[0].value, cst.SimpleString)
            and _ENVIRONMENT_VARIABLE.fullmatch(positional[0].value.evaluated_value or "")
            is not None
        )


def defines_a_lambda_handler(module: cst.Module) -> bool:
    """Does ``module`` define, at its top, ``lambda_handler(event, context)`` (or
    ``handler``), the function AWS Lambda calls (zappa's handler.py)?"""
    return any(
        isinstance(statement, cst.FunctionDef)
        and statement.name.value in _LAMBDA_HANDLERS
        and [param.name.value for param in statement.params.params] == ["event", "context"]
        for statement in module.body
    )


def _says_remote(target: cst.CSTNode) -> bool:
    """``remote_tmp``, ``self.remote_dir``, ``remotepath``: a name whose first word says
    the path is on another host."""
    name = target.attr if isinstance(target, cst.Attribute) else target
    words = name_words(name.value) if isinstance(name, cst.Name) else []
    return bool(words) and words[0].startswith("remote")


def _an_option(qualified: str) -> bool:
    """``oslo_config.cfg.StrOpt``, ``oslo_config.cfg.Opt``: an oslo.config option."""
    return qualified.startswith("oslo_config.cfg.") and qualified.endswith("Opt")


def _names_ssh(qualified: str) -> bool:
    """``rally.utils.sshutils.SSH``, ``paramiko.SSHClient``, ``fabric.Connection``."""
    parts = qualified.split(".")
    return parts[0] in _SSH_LIBRARIES or any(
        word.startswith("ssh") for part in parts for word in name_words(part)
    )


def _says_lock(name: str) -> bool:
    """``Lock``, ``FileLock``, ``lock_file``, ``lock_path``: a name with a word for a lock."""
    return any(word.startswith("lock") for word in name_words(name))


def _text_of(part: cst.BaseFormattedStringContent) -> str:
    """An f-string part's text; ``{}`` for a field."""
    return part.value if isinstance(part, cst.FormattedStringText) else "{}"


def _is_statement(node: cst.CSTNode) -> bool:
    return isinstance(node, (cst.BaseSmallStatement, cst.BaseCompoundStatement))


def _is_default_table(statement: cst.CSTNode | None) -> bool:
    """Does ``statement`` bind a dict to a name that says it holds defaults?"""
    if isinstance(statement, cst.Assign):
        return any(_names_a_default(target.target) for target in statement.targets)
    return isinstance(statement, cst.AnnAssign) and _names_a_default(statement.target)


def _listed(call: cst.Call, parent_of: Any) -> bool:
    """Is ``call`` (``Path("/tmp/")``) the object of a listing: ``Path("/tmp/").glob(...)``?"""
    attribute = parent_of(call)
    return isinstance(attribute, cst.Attribute) and attribute.attr.value in _LISTINGS


def _has_bind_key(mount: cst.Dict) -> bool:
    return any(
        isinstance(element, cst.DictElement) and is_string(element.key, "bind")
        for element in mount.elements
    )


def _names_a_default(target: cst.BaseExpression) -> bool:
    """``POSIX_DEFAULT_BASE_DIR``, ``self.DEFAULT_DIR``: a name that says it is a default."""
    name = target.attr if isinstance(target, cst.Attribute) else target
    return isinstance(name, cst.Name) and "DEFAULT" in name.value.upper()
