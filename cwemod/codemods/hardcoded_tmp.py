"""Fixed paths under ``/tmp``: advice, and ``dir="/tmp"`` dropped from tempfile calls (CWE-377).

One rewrite is exact enough to make: ``tempfile.mkstemp(dir="/tmp")`` (and
the other tempfile functions) already creates a random name safely, and
without ``dir`` it uses the same directory unless ``TMPDIR`` says
otherwise. Everywhere else no rewrite is exact. Joining ``tempfile.gettempdir()`` would hide the
finding from the scanner without removing the defect: the name stays
predictable in a directory every user can write, and a process that shares
the path with another one (a socket, a lock, a configured directory) would
stop agreeing with it wherever ``TMPDIR`` is set. The fix is to create the
file or directory with ``tempfile.mkstemp()``/``mkdtemp()``, or to move it
to a directory the service owns, which only a reader of the code can do.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from typing import Any, NamedTuple, TypeGuard

import libcst as cst
from libcst.metadata import FunctionScope, PositionProvider, ScopeProvider

from cwemod.codemods.base import Codemod
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import Bindings, values_assigned
from cwemod.codemods.kit.calls import (
    called_name,
    called_words,
    keyword_arg,
    name_words,
    without_keyword,
)
from cwemod.codemods.kit.growth import SHIFTS_ALIGNMENT
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.names import QualifiedNames, is_string, string_key
from cwemod.codemods.kit.parents import ParentProvider, ancestors, enclosing_function
from cwemod.codemods.kit.source import code_of, module_lines
from cwemod.codemods.kit.syntax import nodes
from cwemod.codemods.records import Applicability, RefusalKind

_SHARED_DIRECTORIES = ("/tmp", "/var/tmp", "/dev/shm")
_ADVICE = (
    "a fixed name in a directory every user can write can be created (or made a symlink) "
    "by another user first: create it with tempfile.mkstemp()/mkdtemp() or use a "
    "directory the service owns; joining tempfile.gettempdir() would only hide the finding"
)
_SOCKET_PATH = (
    "a Unix socket's fixed path in a directory every user can write: another user can"
    " bind it first, or answer in its place; both sides must agree on it, so neither"
    " mkstemp() (a file bind() cannot take) nor mkdtemp() (a name the other side cannot"
    " know) serves: put it in a directory the service owns ($XDG_RUNTIME_DIR, /run/<name>)"
)
_PATH_JOINS = frozenset({"os.path.join", "posixpath.join"})
_PATH_CLASSES = frozenset({"pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath"})
_FILE_LOCKS = frozenset({"fcntl.flock", "fcntl.lockf", "msvcrt.locking"})
_LOCK_PATH = (
    "a lock file processes meet at: its fixed name is the point, so mkstemp() or mkdtemp()"
    " would end the exclusion, and another user can create it first (or make it a"
    " symlink): put it in a directory the service owns ($XDG_RUNTIME_DIR, /run/<name>)"
)
_BARE_DIRECTORY = (
    "names the shared directory {text} itself, no file in it: check that what is made there"
    " gets a random name (tempfile's dir=), never a fixed one"
)
_CONFIG_DEFAULT = (
    "a configuration default under a shared directory: deployments may rely on it, so "
    "changing it is a release-note decision; prefer a directory the service owns"
)
_DIR_REASON = (
    'the tempfile function already picks a random name; without dir="/tmp" it uses '
    "$TMPDIR when that is set: check that nothing else looks for the file in /tmp"
)
# The tempfile functions that create a file or directory and take ``dir``.
_CREATORS = {
    f"tempfile.{name}"
    for name in (
        "mkstemp",
        "mkdtemp",
        "NamedTemporaryFile",
        "TemporaryFile",
        "SpooledTemporaryFile",
        "TemporaryDirectory",
    )
}
# luigi's docker_runner: "NOTE: /tmp needs to be specified for it to work on macOS".
_EXPLAINED = (
    'a comment beside dir="/tmp" says why it is there: keep it, or change it with the'
    " reason the comment gives in mind"
)
_COMMENT_LINES_ABOVE = 3
_LOOKUPS = frozenset({"get", "pop", "setdefault", "getenv"})  # (key, default) of a setting
_NEEDED = re.compile(r"\b(?:needs?|must|required?|because|for it to work|otherwise)\b", re.I)
# The system's own socket directories in /tmp: the X server (and ICE, input methods,
# font servers) makes them, root-owned and sticky; clients connect to the sockets there.
_SYSTEM_SOCKETS = re.compile(r"/tmp/\.(?:X11|ICE|XIM|font|Test)-unix(?:/|$)")
_SYSTEM_SOCKET = (
    "a well-known socket of the system's (the X server makes /tmp/.X11-unix): the code"
    " connects to what the server created, and no other name would reach it"
)
_IN_A_CONTAINER = (
    "a path inside a container, which the call is given: no other user of this host can reach it"
)
_MOUNT_TARGET = (
    "a mount target (a module constant named for one): a volume is mounted there, and no"
    " file is made in it here"
)
_BIND_MOUNT = (
    "a bind mount of the directory itself ({'bind': ...}, as docker's volumes take): no file"
    " in it is named"
)
# A name that says it holds a container: ``container``, ``self._container``,
# ``self.get_wrapped_container()``.
_CONTAINER_WORDS = frozenset({"container", "containers", "docker"})
_MOUNT_WORDS = frozenset({"mount", "mountpoint", "mountpath"})
_CONTAINER = re.compile(r"(?:^|[._])(?:get_\w*)?containers?\b", re.IGNORECASE)
_ENVIRONMENT_VARIABLE = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")
_SHARED_DIRECTORIES = frozenset({"/tmp", "/var/tmp", "/dev/shm"})
# cibuildwheel's Path.cwd().is_relative_to("/tmp"): where a path is, tested.
_DIRECTORY_TESTS = frozenset(
    {"exists", "isdir", "ismount", "access", "disk_usage", "statvfs", "is_relative_to"}
)
_PATH_SPELLINGS = frozenset({"realpath", "abspath", "normpath", "expanduser", "resolve"})
# Functions that match or edit text: a directory's name given them names no file.
_TEXT_EDITS = frozenset(f"re.{name}" for name in ("sub", "subn", "match", "search", "compile"))
# What a literal passes through on its way to a call's argument: {"/tmp": ""}, ["/tmp"].
_HOLDERS = (cst.Dict, cst.DictElement, cst.List, cst.Tuple, cst.Set, cst.Element)
_TEST_CODE = "test code: a fixed path in a test is a fixture, not a file the service creates"
_GLOB_PATTERN = re.compile(r"[*?]")
_PATTERN = "a pattern of names to look for (a glob): it creates no file"
_LISTINGS = frozenset({"listdir", "scandir", "walk", "glob", "rglob", "iterdir"})
_TEMPORARY_DIRECTORY_VARIABLES = frozenset({"TMPDIR", "TMP", "TEMP"})
_ENVIRONMENT_READS = frozenset({"os.getenv", "os.environ.get"})
# awxkit's expected_prefix = '/tmp/awx_{}'.format(self.id), then host_loc.startswith(...)
_COMPARED = (
    "only compared with a path (startswith(), ==, in) or put in a message: nothing is made there"
)
# awxkit's '/tmp/inventory{}.ini'.format(random_title()): no fixed name, but no safe one
_RANDOM_PART = (
    "a name with a random part in a directory every user can write: unless that part is"
    " unguessable (secrets, uuid.uuid4()) and the file is created exclusively (O_EXCL),"
    " another user can create it first (or make it a symlink); tempfile.mkstemp()/mkdtemp()"
    " do both"
)
_RANDOM_WORDS = frozenset({"random", "uuid"})
# pyroma's os.path.join(tempfile.gettempdir(), filename), a name taken from a URL
_GUESSABLE = (
    "a name in the shared temporary directory that another user can guess or create first"
    " (or make a symlink): create it with tempfile.mkstemp()/mkdtemp(), or use a directory"
    " the service owns"
)
# neutron's wsgi_utils: API workers meet at a name, the first to create it (O_EXCL) wins
_EXCLUSIVE = (
    "a name in the shared temporary directory, created exclusively (O_EXCL), so no link is"
    " followed, but another user can create it first and the service take it for its own:"
    " use a directory the service owns"
)
_FIELD = cst.FormattedStringExpression
_COMPARISONS = (cst.Equal, cst.NotEqual, cst.In, cst.NotIn)
_AFFIXES = frozenset({"startswith", "endswith"})
_MESSAGE_CALLS = frozenset(
    {"print", "debug", "info", "warning", "warn", "error", "exception", "critical"}
)


def is_shared_tmp_path(text: str) -> bool:
    """``/tmp``, ``/var/tmp``, ``/dev/shm`` or a path under one of them."""
    return any(text == root or text.startswith(root + "/") for root in _SHARED_DIRECTORIES)


class HardcodedTmp(Codemod):
    id = "hardcoded-tmp"
    title = "Keep temporary files out of fixed /tmp paths"
    cwe = ("CWE-377",)
    rules = ("B108",)
    applicability = Applicability.REVIEW
    leaves_tests_alone = True
    prefilter = (*_SHARED_DIRECTORIES, "gettempdir")
    docs = """\
## What it does
Drops `dir="/tmp"` from `tempfile.mkstemp()`, `mkdtemp()`,
`NamedTemporaryFile()`, `TemporaryFile()`, `SpooledTemporaryFile()` and
`TemporaryDirectory()`: they already create a random name safely, and
without `dir` they use `tempfile.gettempdir()`, which is `/tmp` unless
`TMPDIR` (or `TEMP`, `TMP`) names another directory.

Nothing else is rewritten. Every other string literal that is `/tmp`, `/var/tmp`,
`/dev/shm` or a path under one of them (also the literal start of an
f-string) is reported as advice, with the reason a reviewer needs.

## Why is this bad?
Every local user can write in those directories. A program that uses a
fixed name there can find the file already created by someone else, or a
symlink to one of its own files, and then write through it or read
attacker-controlled data (CWE-377, insecure temporary file).

## Fix safety
Review (applied with `--unsafe`):
- `dir="/tmp"` dropped from a tempfile call: where `TMPDIR` is set the file
  is now created there; check that nothing else looks for it in `/tmp`
  (the name was random, so usually nothing can).

Advice only (nothing is written) for every other literal, and for a fixed
name under `tempfile.gettempdir()`, in an f-string (pykube-ng's
`Path(f"{tempfile.gettempdir()}/pykube-ng.{digest}.crt")`, a private key
written at 0644, a planted CA file trusted), formatted with `%` or
`.format()` (blivet's `"%s/storage.state" % tempfile.gettempdir()`, a
shelve opened there), added (`tempfile.gettempdir() + "/name"`), or joined
(`os.path.join(tempfile.gettempdir(), name)`, `Path(tempfile.gettempdir()) /
name`, `tempfile.gettempdir()` itself or a name every binding of which is
one), whatever is joined: a literal gets the fixed-name advice, a name or
other value (pyroma's sdist saved under the file name its URL ends in) the
advice that another user can guess the name or create it first (one the
function creates with `os.open(..., O_EXCL)`, as neutron's API workers
meet at a file named for their parent process, follows no link, but can
still be created first), a part made by a call named for randomness the
random-part advice; not a join
that names nothing (`""`) or is only compared or put in a message. No
mechanical rewrite is exact:
- `os.path.join(tempfile.gettempdir(), "name")` would make the scanner quiet
  without removing the defect: the name is as predictable as before, in the
  same directory unless `TMPDIR` is set, and where `TMPDIR` is set a process
  that shares the path (a socket, a lock, a configured directory, a mount)
  would no longer agree with the other side;
- the real fix, creating the file with `tempfile.mkstemp()` or the
  directory with `tempfile.mkdtemp()` (or using a directory the service
  owns), changes where and when the file exists, which only a reader of
  the code can judge. `tempfile-mktemp` makes that change where it is exact.

## Refuses
- `dir="/tmp"` in test code: a test may want `/tmp` itself, reachable by a
  daemon it starts under another user, where `$TMPDIR` (tox sets one) is
  private (advice only where a report asks).
- `dir="/var/tmp"` and `dir="/dev/shm"`: `gettempdir()` is neither (one
  survives reboots, the other is memory); tempfile makes a random name
  there, on purpose: not applicable. So is the directory alone, tested
  (`os.path.exists("/dev/shm")`, cibuildwheel's
  `Path.cwd().is_relative_to("/tmp")`), compared with a path (modal's
  `abs_path == "/tmp"`, a mount point it refuses) or spelled out (duplicity's
  `os.path.realpath("/tmp")`, compared with a path), and any of them
  given as `dir=` directly or as a conditional's branch (nuitka's
  `dir=None if ... else "/var/tmp"`), through a dictionary (mistral's `argdict['dir'] = '/tmp/'`, then
  `tempfile.mkdtemp(**argdict)` in the same function) or through a local
  name whose only use is `dir=` (google-auth's `tmp_dir = "/dev/shm" if
  ... else None`, then `mkstemp(dir=tmp_dir)`), and the directory
  itself bind-mounted (trove's docker volume maps, `'/tmp': {'bind':
  '/tmp', 'mode': 'rw'}`: said only where a report points).
- A literal that names no fixed file there: text given to `re.sub()` and
  its kin, a compiled pattern's `sub()` or `str.replace()` (nbgrader's
  `re.sub(r'/private/tmp', r'/tmp', ...)`, nuitka's
  `tempfile_posix_re.sub(r"/tmp/tmpxxxxxxx", line)`), one added to another path
  (koji's `self.work(volume) + '/tmp/' + name`, kiwi's `'%{buildroot}' +
  f'/var/tmp/{name}'`), a glob pattern (insights-core's
  `glob_file("/var/tmp/insights-runtimes/uploads/*.json")`), a path only
  compared with another (`x.startswith(...)`, `==`, `in`), itself or through
  a function's local name (formatted, too) whose every use compares it or
  puts it in a raised, logged or printed message (awxkit's
  `expected_prefix = '/tmp/awx_{}'.format(self.id)`, looked for among a
  job's volume mounts), a directory listed (avocado's
  `Path("/tmp/").glob(".avocado-*")`), made the
  temporary directory (`os.environ["TMP"] = "/var/tmp"`), or a tempfile
  `prefix=` (`mkdtemp(prefix='/var/tmp/')`), or the bare directory in a list
  with other directories (rpmlint's `STANDARD_DIRS`, or Bandit's list of the
  shared directories themselves, what its check looks for) or a dictionary key
  among other directories (blivet's mount points mapped to GPT partition
  types, `{"/": ..., "/usr": ..., "/tmp": ...}`): not applicable. The bare
  directory anywhere else gets advice to check that what is made there
  gets a random name, not the fixed-name reason; but joined to literal
  names after it (frappe-bench's `os.path.join("/tmp", "fonts")`,
  `Path("/tmp") / "name"`), it is a fixed path, and gets that reason.
- `dir="/tmp"` where dropping it would move a bracket that a continuation line is aligned under.
- `dir="/tmp"` under a comment that says why /tmp is needed (luigi's
  Docker runner: "/tmp needs to be specified for it to work on macOS",
  where `$TMPDIR` is a directory the Docker daemon may not see): advice.

Every other literal, with one of these reasons:
- a configuration default (`default="/tmp/..."`, `conf.get("dir", "/tmp")`,
  `kwargs.pop("temppath", "/tmp")`, `tempdir or "/tmp"`, a parameter's
  default (or the value it gets under `if param is None:`, as netmiko's
  file transfers give theirs, or a value read from the environment gets:
  bloodhound's `/tmp/krb5cc_%u` where `$KRB5CCNAME` is unset), the last argument of a setting named after its environment
  variable (mlflow's `_EnvironmentVariable("MLFLOW_DFS_TMP", str,
  "/tmp/mlflow")`), a constant named `*DEFAULT*` (annotated or not), a dictionary's
  `"default": "/tmp"`, an entry of a table named `*DEFAULT*` (barman's
  `Config.DEFAULTS`), or one of a tuple of such defaults): deployments may
  rely on it, and
  it may name a directory on another host or in a container (fsspec's
  SFTP, Airflow's SSH and Docker providers);
- a system socket's well-known path (`/tmp/.X11-unix/X0`, which the X
  server makes and asyncssh's X11 forwarding connects to; `.ICE-unix` and
  the like): not applicable, said only where a report points;
- a path given to a call that is also given a container, inside a dict
  or a list too (mlflow's `client.containers.run(..., tmpfs={"/tmp":
  ""})`), or written in a function or class named for a container
  (`job_container_environment()`), or assigned to a name that says so
  (briefcase's `docker_xauth_file_path = PurePosixPath("/tmp") / name`, a
  mount target) (testcontainers'
  `grab.file(self.get_wrapped_container(), "/tmp/...")`,
  `container.exec_run(...)`): not applicable, the path is inside the
  container; said only where a report points;
- the whole value of a module constant named for a mount target (flytekit's
  `SHARED_MEMORY_MOUNT_PATH = "/dev/shm"`, given as a volume's `mount_path`;
  `MOUNT_POINT`): not applicable, a volume is mounted there and no file is
  made in it; said only where a report points;
- a Unix socket's path, given to a call named for one (anyio's
  `connect_unix("/tmp/mysock")`, `create_unix_listener(...)`): both sides
  must agree on it, so advice to put it in a directory the service owns
  (`$XDG_RUNTIME_DIR`), not `mkstemp()`/`mkdtemp()`; so does a path in a
  function that locks a file (optuna's `fcntl.flock()` on
  `/tmp/optuna_find_free_port.lock`), where the fixed name is the point;
- a path with a part made by a call named for randomness (awxkit's
  `'/tmp/inventory{}.ini'.format(random_title())`, `uuid.uuid4()`), put
  into it by `.format()`, `%`, an f-string or `+`: not a fixed name, but
  safe only where that part is unguessable and the file is created
  exclusively, which `mkstemp()`/`mkdtemp()` do;
- any other literal: create the file with `mkstemp()`/`mkdtemp()`;
- test code: fixtures, reported only where a report points at them.

## Options
None.
"""
    example = """\
import tempfile


def scratch_directory():
    return tempfile.mkdtemp(prefix="agent-", dir="/tmp")
"""

    METADATA_DEPENDENCIES = (PositionProvider, ParentProvider, ScopeProvider)

    @classmethod
    def might_change(cls, tree: ast.Module, options: Mapping[str, Any]) -> bool:
        if any(
            isinstance(node.value, str) and is_shared_tmp_path(node.value)
            for node in nodes(tree, ast.Constant)
        ):
            return True
        known = _gettempdir_names(tree)
        return any(
            _names_a_file_in_gettempdir(node, known)
            for node in nodes(tree, (ast.JoinedStr, ast.BinOp, ast.Call))
        )

    def visit_Module(self, node: cst.Module) -> None:
        self._names = QualifiedNames(self)
        self._dropped: set[cst.CSTNode] = set()
        self._module_node = node
        self._bindings: Bindings | None = None  # made when first asked

    def visit_BinaryOperation(self, node: cst.BinaryOperation) -> None:
        # Path(tempfile.gettempdir()) / name
        call = node.left
        if (
            isinstance(node.operator, cst.Divide)
            and isinstance(call, cst.Call)
            and len(call.args) == 1
            and _plain(call.args[0])
            and self._names.of(call.func) & _PATH_CLASSES
            and self._in_gettempdir_value(call.args[0].value)
        ):
            self._advise_on_a_join(node, [node.right])

    def visit_Call(self, node: cst.Call) -> None:
        # os.path.join(tempfile.gettempdir(), name), Path(tempfile.gettempdir(), name)
        if (
            len(node.args) >= 2
            and all(_plain(arg) for arg in node.args)
            and self._names.of(node.func) & (_PATH_JOINS | _PATH_CLASSES)
            and self._in_gettempdir_value(node.args[0].value)
        ):
            self._advise_on_a_join(node, [arg.value for arg in node.args[1:]])
        given = keyword_arg(node, "dir")
        if given is None or not isinstance(given.value, cst.SimpleString):
            return
        if given.value.evaluated_value not in ("/tmp", "/tmp/"):
            return
        # Tests often want /tmp itself: a private $TMPDIR may not be reachable by the
        # daemon (dnsmasq, a root helper) the test starts, as Neutron's fullstack notes.
        if self._names.of(node.func) & _CREATORS and not self.in_tests:
            self._dropped.add(given.value)

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        given = keyword_arg(original_node, "dir")
        if given is None or given.value not in self._dropped:
            return updated_node
        args = list(updated_node.args)
        if args[0].keyword is not None and args[0].keyword.value == "dir":
            fixed = updated_node.with_changes(args=args[1:])
        else:
            fixed = updated_node.with_changes(args=without_keyword(args, "dir"))
        if self.moves_an_aligned_bracket(original_node, fixed):
            self.refuse(given.value, RefusalKind.ADVICE_ONLY, SHIFTS_ALIGNMENT)
            return updated_node
        if self._explained(original_node):
            self.refuse(given.value, RefusalKind.ADVICE_ONLY, _EXPLAINED)
            return updated_node
        if not self.accept_fix(given.value, Applicability.REVIEW, _DIR_REASON):
            return updated_node
        return fixed

    def _explained(self, call: cst.Call) -> bool:
        """Does a comment on the call's lines, or just above them, say why /tmp is needed?"""
        start, end = self.lines_of(call)
        above = max(start - 1 - _COMMENT_LINES_ABOVE, 0)
        lines = module_lines(self._module_node)[above:end]
        comments = " ".join(line.partition("#")[2] for line in lines)
        return "/tmp" in comments and _NEEDED.search(comments) is not None

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        value = node.evaluated_value
        if node not in self._dropped and isinstance(value, str) and is_shared_tmp_path(value):
            self._advise(node, value)
        elif (path := self._joined_to_gettempdir(node)) is not None and not self.in_tests:
            # blivet's "%s/storage.state" % tempfile.gettempdir(), a shelve opened there
            self.refuse(path, RefusalKind.ADVICE_ONLY, _ADVICE)

    def visit_FormattedString(self, node: cst.FormattedString) -> None:
        first = node.parts[0] if node.parts else None
        if isinstance(first, cst.FormattedStringText) and is_shared_tmp_path(
            first.value.split("{")[0]
        ):
            self._advise(node, first.value)
        elif self.in_tests:
            return
        elif self._in_gettempdir(node):
            # pykube-ng's Path(f"{tempfile.gettempdir()}/pykube-ng.{digest}.crt"): a key
            # written there at 0644, a CA planted there trusted
            self.refuse(node, RefusalKind.ADVICE_ONLY, _ADVICE)
        elif (path := self._joined_to_gettempdir(node)) is not None:
            self.refuse(path, RefusalKind.ADVICE_ONLY, _ADVICE)

    def _in_gettempdir(self, node: cst.FormattedString) -> bool:
        """``f"{tempfile.gettempdir()}/name..."``: a fixed name in the shared directory."""
        if len(node.parts) < 2:
            return False
        first, after = node.parts[0], node.parts[1]
        return (
            isinstance(first, cst.FormattedStringExpression)
            and self._is_gettempdir(first.expression)
            and isinstance(after, cst.FormattedStringText)
            and _names_below(after.value)
        )

    def _joined_to_gettempdir(self, node: cst.BaseString) -> cst.BaseExpression | None:
        """The path ``node`` names a fixed file in ``tempfile.gettempdir()`` with:
        ``"%s/name" % gettempdir()``, ``"{}/name".format(gettempdir())``,
        ``gettempdir() + "/name"``."""
        parent = self.parent_of(node)
        text = _leading_text(node)
        if isinstance(parent, cst.BinaryOperation) and parent.right is node:
            named = isinstance(parent.operator, cst.Add) and _names_below(text)
            return parent if named and self._is_gettempdir(parent.left) else None
        if isinstance(parent, cst.BinaryOperation) and isinstance(parent.operator, cst.Modulo):
            first = parent.right
            if isinstance(first, cst.Tuple) and first.elements:
                first = first.elements[0].value
            named = text.startswith("%s") and _names_below(text.removeprefix("%s"))
            return parent if named and self._is_gettempdir(first) else None
        call = self.parent_of(parent) if isinstance(parent, cst.Attribute) else None
        if not (m.matches(parent, m.Attribute(attr=m.Name("format"))) and _called(call, parent)):
            return None
        field = next((f for f in ("{}", "{0}") if text.startswith(f)), None)
        named = field is not None and _names_below(text.removeprefix(field))
        return call if named and self._is_gettempdir(call.args[0].value) else None

    def _is_gettempdir(self, node: cst.BaseExpression) -> bool:
        return isinstance(node, cst.Call) and "tempfile.gettempdir" in self._names.of(node.func)

    def _in_gettempdir_value(self, node: cst.BaseExpression) -> bool:
        """``tempfile.gettempdir()``, or a name every binding of which is one (pyroma's
        ``tempdir = tempfile.gettempdir()``)?"""
        if not isinstance(node, cst.Name):
            return self._is_gettempdir(node)
        if self._bindings is None:
            self._bindings = Bindings(self, self._module_node)
        values = self._bindings.of(node)
        return bool(values) and all(self._is_gettempdir(value) for value in values)

    def _advise_on_a_join(self, path: cst.BaseExpression, parts: list[cst.BaseExpression]) -> None:
        """Advice for the path ``path`` joins ``parts`` to ``tempfile.gettempdir()`` with,
        unless it names nothing (empty text), or is only compared or put in a message."""
        literal = all(isinstance(part, cst.SimpleString) for part in parts)
        if self.in_tests or (literal and not "".join(map(_leading_text, parts)).strip("/")):
            return
        if self._only_compared_value(path):
            return
        if _holds_a_random_call(parts):
            reason = _RANDOM_PART
        elif self._created_exclusively(path):
            reason = _EXCLUSIVE
        else:
            reason = _ADVICE if literal else _GUESSABLE
        self.refuse(path, RefusalKind.ADVICE_ONLY, reason)

    def _advise(self, node: cst.BaseString, text: str) -> None:
        """Why the literal ``node`` (its ``text``, up to a first ``{}`` field) stays."""
        if self._edits_text(node):
            # nuitka's tempfile_posix_re.sub(r"/tmp/tmpxxxxxxx", line): output cleaned up
            reason = f"{text} is text to match or put in a string: no file is named"
            self.refuse(node, RefusalKind.NOT_APPLICABLE, reason)
        elif _SYSTEM_SOCKETS.match(text):
            # asyncssh's X11 forwarding: '/tmp/.X11-unix/X' + display
            self.note(node, RefusalKind.NOT_APPLICABLE, _SYSTEM_SOCKET)
        elif (directory := self._directory_use(node, text)) is not None:
            self.refuse(node, RefusalKind.NOT_APPLICABLE, directory)
        elif (base := self._path_before(node)) is not None:
            # koji's self.work(volume) + '/tmp/' + name, kiwi's '%{buildroot}' + '/var/tmp/x'
            reason = f"comes after {base}: a path below that, not in the shared directory"
            self.refuse(node, RefusalKind.NOT_APPLICABLE, reason)
        elif _GLOB_PATTERN.search(text):
            # insights-core's glob_file(r"/var/tmp/insights-runtimes/uploads/*.json")
            self.refuse(node, RefusalKind.NOT_APPLICABLE, _PATTERN)
        elif self._only_compared(node):
            self.refuse(node, RefusalKind.NOT_APPLICABLE, _COMPARED)
        elif self.in_tests:
            self.note(node, RefusalKind.NOT_APPLICABLE, _TEST_CODE)
        elif self._is_bind_mount(node, text):
            self.note(node, RefusalKind.NOT_APPLICABLE, _BIND_MOUNT)
        elif self._given_with_a_container(node):
            self.note(node, RefusalKind.NOT_APPLICABLE, _IN_A_CONTAINER)
        elif self._names_a_mount_target(node):
            self.note(node, RefusalKind.NOT_APPLICABLE, _MOUNT_TARGET)
        elif self._is_config_default(node):
            self.refuse(node, RefusalKind.ADVICE_ONLY, _CONFIG_DEFAULT)
        elif (
            isinstance(node, cst.SimpleString)
            and text.rstrip("/") in _SHARED_DIRECTORIES
            and not self._joined_to_a_fixed_name(node)
        ):
            listed = self._other_directory_listed(node)
            if listed is not None:
                # rpmlint's STANDARD_DIRS: forty FHS names, '/tmp' among them; blivet's
                # mount points mapped to GPT partition types, {"/": ..., "/tmp": ...}
                holder, other = listed
                reason = f"one of {holder} directories with {other}: no file in it is named"
                self.refuse(node, RefusalKind.NOT_APPLICABLE, reason)
            else:  # insights-core's tmp_dir = '/var/tmp', kiwi's TEMP_DIR = '/var/tmp'
                self.refuse(node, RefusalKind.ADVICE_ONLY, _BARE_DIRECTORY.format(text=text))
        elif self._names_a_unix_socket(node):
            self.refuse(node, RefusalKind.ADVICE_ONLY, _SOCKET_PATH)
        elif self._in_a_function_that_locks(node):
            self.refuse(node, RefusalKind.ADVICE_ONLY, _LOCK_PATH)
        elif self._has_a_random_part(node):
            self.refuse(node, RefusalKind.ADVICE_ONLY, _RANDOM_PART)
        else:
            self.refuse(node, RefusalKind.ADVICE_ONLY, _ADVICE)

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

    def _has_a_random_part(self, node: cst.BaseString) -> bool:
        """Is a part put into the path ``node`` starts made by a call named for randomness
        (awxkit's ``'/tmp/inventory{}.ini'.format(random_title())``, ``uuid.uuid4()``)?"""
        value, parent = self._formatted(node), self.parent_of(node)
        if isinstance(node, cst.FormattedString):
            parts = [p.expression for p in node.parts if isinstance(p, _FIELD)]
        elif isinstance(value, cst.Call):
            parts = [arg.value for arg in value.args]
        elif isinstance(value, cst.BinaryOperation):
            parts = [value.right]
        elif m.matches(parent, m.BinaryOperation(operator=m.Add())) and parent.left is node:
            parts = [parent.right]
        else:
            return False
        return _holds_a_random_call(parts)

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
            given is not None and called_name(given[1]) in _MESSAGE_CALLS
        )

    def _joined_to_a_fixed_name(self, node: cst.BaseString) -> bool:
        """Is the directory ``node`` names joined to literal names after it, a fixed path
        (frappe-bench's ``os.path.join("/tmp", "fonts")``, or ``Path("/tmp") / "fonts"``)?"""
        given = self._argument_of(node)
        if given is None or given[1].args[0] is not given[0]:
            return False
        call = given[1]
        called = self._names.of(call.func)
        if called & _PATH_JOINS:
            rest = call.args[1:]
            return bool(rest) and all(
                not arg.star and arg.keyword is None and isinstance(arg.value, cst.SimpleString)
                for arg in rest
            )
        joined = self.parent_of(call)
        return (
            bool(called & _PATH_CLASSES)
            and len(call.args) == 1
            and isinstance(joined, cst.BinaryOperation)
            and isinstance(joined.operator, cst.Divide)
            and joined.left is call
            and isinstance(joined.right, cst.SimpleString)
        )

    def _argument_of(self, node: cst.CSTNode) -> tuple[cst.Arg, cst.Call] | None:
        """The argument ``node`` is, and the call it is given to; None where it is neither."""
        argument = self.parent_of(node)
        if not isinstance(argument, cst.Arg):
            return None
        call = self.parent_of(argument)
        return (argument, call) if isinstance(call, cst.Call) else None

    def _names_a_unix_socket(self, node: cst.BaseString) -> bool:
        """Is ``node`` given to a call named for a Unix socket (anyio's
        ``connect_unix("/tmp/mysock")``, ``create_unix_listener(...)``)?"""
        given = self._argument_of(node)
        return given is not None and "unix" in name_words(called_name(given[1]) or "")

    def _created_exclusively(self, node: cst.CSTNode) -> bool:
        """Does the function around ``node`` create a file with ``os.open(..., O_EXCL ...)``?"""
        return any(
            "os.open" in self._names.of(call.func)
            and len(call.args) > 1
            and "O_EXCL" in code_of(call.args[1].value)
            for call in self._calls_around(node)
        )

    def _in_a_function_that_locks(self, node: cst.BaseString) -> bool:
        """Does the function around ``node`` lock a file (optuna's
        ``fcntl.flock(lockfile, fcntl.LOCK_EX)`` on ``/tmp/optuna_find_free_port.lock``)?"""
        return any(self._names.of(call.func) & _FILE_LOCKS for call in self._calls_around(node))

    def _calls_around(self, node: cst.CSTNode) -> list[cst.Call]:
        """The calls of the function around ``node``; none at module level."""
        function = enclosing_function(node, self.parent_of)
        return [] if function is None else nodes_of_type(function, cst.Call)

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
        bare = all(path.rstrip("/") in _SHARED_DIRECTORIES for _, path in paths)
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
        if text.rstrip("/") not in _SHARED_DIRECTORIES:
            return None
        if self._is_dir_entry_of_a_creators_keywords(node, parent) or self._is_dir_through_a_name(
            node
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
            if self._names.of(call.func) & _CREATORS:
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
            self._names.of(call.func) & _CREATORS
            and any(
                arg.star == "**" and m.matches(arg.value, m.Name(target.value.value))
                for arg in call.args
            )
            for call in nodes_of_type(function, cst.Call)
        )

    def _is_dir_through_a_name(self, node: cst.BaseString) -> bool:
        """google-auth's ``tmp_dir = "/dev/shm" if ... else None``, then
        ``tempfile.mkstemp(dir=tmp_dir)``: ``dir=``, given through a local name, and the
        name's only use."""
        child, parent = node, self.parent_of(node)
        while isinstance(parent, cst.IfExp) and child is not parent.test:
            child, parent = parent, self.parent_of(parent)
        if not (isinstance(parent, cst.Assign) and len(parent.targets) == 1):
            return False
        target = parent.targets[0].target
        function = enclosing_function(node, self.parent_of)
        if not isinstance(target, cst.Name) or function is None:
            return False
        uses = [
            name
            for name in nodes_of_type(function, cst.Name)
            if name.value == target.value and name is not target
        ]
        given = [
            arg.value
            for call in nodes_of_type(function, cst.Call)
            if self._names.of(call.func) & _CREATORS
            for arg in call.args
            if arg.keyword is not None and arg.keyword.value == "dir"
        ]
        return bool(uses) and all(any(use is value for value in given) for use in uses)

    def _is_bind_mount(self, node: cst.BaseString, text: str) -> bool:
        """trove's volume maps: ``'/tmp': {'bind': '/tmp', 'mode': 'rw'}``, the directory
        itself as a mount's key or as its ``'bind'``."""
        if text.rstrip("/") not in _SHARED_DIRECTORIES:
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
            self._names.of(value.func) & _ENVIRONMENT_READS
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
        while isinstance(parent, (*_HOLDERS, cst.Arg)):
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
            and bool(self._names.of(call.func) & _CREATORS)
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
            return any(
                _names_a_default(target.target) for target in parent.targets
            ) or self._defaults_a_parameter(parent)
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


# A name below a directory: "/pykube-ng." (not "/" alone, before another field).
_NAMED_BELOW = re.compile(r"/[\w.-]")


def _called(call: cst.CSTNode | None, func: cst.CSTNode) -> TypeGuard[cst.Call]:
    """Is ``call`` a call of ``func`` with a first argument?"""
    return isinstance(call, cst.Call) and call.func is func and bool(call.args)


def _names_below(text: str) -> bool:
    return _NAMED_BELOW.match(text) is not None


def _leading_text(node: cst.BaseString) -> str:
    """A literal's text, an f-string's up to its first field; "" for any other."""
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else ""
    first = node.parts[0] if isinstance(node, cst.FormattedString) and node.parts else None
    return first.value if isinstance(first, cst.FormattedStringText) else ""


def _holds_a_random_call(parts: list[cst.BaseExpression]) -> bool:
    """Does a part hold a call named for randomness (``random_title()``, ``uuid.uuid4()``)?"""
    return any(
        _RANDOM_WORDS & set(called_words(call))
        for part in parts
        for call in nodes_of_type(part, cst.Call)
    )


def _plain(arg: cst.Arg) -> bool:
    """A positional argument, not unpacked."""
    return arg.keyword is None and not arg.star


# The last names of _PATH_JOINS and _PATH_CLASSES, for the ``ast`` gate.
_JOINS_BY_LAST_NAME = frozenset({"join", "Path", "PurePath", "PosixPath"})


def _names_a_file_in_gettempdir(node: ast.AST, known: _GettempdirNames) -> bool:
    """The ``ast`` gate's :meth:`HardcodedTmp._in_gettempdir`,
    :meth:`HardcodedTmp._joined_to_gettempdir` and the joins of
    :meth:`HardcodedTmp.visit_Call` and ``visit_BinaryOperation``, by the call's last name:
    whether ``node`` (an f-string, a ``%``, ``+`` or ``/``, a call) is a gettempdir() (or
    a name bound to one) and some text or name, whatever it is."""
    if isinstance(node, ast.Call) and _last_name(node.func) in _JOINS_BY_LAST_NAME:
        return len(node.args) >= 2 and _in_gettempdir_in_ast(node.args[0], known)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        left = node.left
        return (
            isinstance(left, ast.Call)
            and _last_name(left.func) in _JOINS_BY_LAST_NAME
            and len(left.args) == 1
            and _in_gettempdir_in_ast(left.args[0], known)
        )
    if isinstance(node, ast.JoinedStr):
        first = node.values[0] if len(node.values) >= 2 else None
        return isinstance(first, ast.FormattedValue) and _calls_gettempdir(first.value, known)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _calls_gettempdir(node.left, known)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        right = node.right
        if isinstance(right, ast.Tuple):
            right = right.elts[0] if right.elts else None
        return _calls_gettempdir(right, known)
    return (
        isinstance(node, ast.Call)
        and getattr(node.func, "attr", "") == "format"
        and bool(node.args)
        and _calls_gettempdir(node.args[0], known)
    )


class _GettempdirNames(NamedTuple):
    """For the ``ast`` gate: the names a call of gettempdir() is made by (``gettempdir``, and
    what ``from tempfile import gettempdir as g`` binds), and the names the module assigns
    such a call to, in any scope (pyroma's ``tempdir = tempfile.gettempdir()``)."""

    callees: frozenset[str]
    bound: frozenset[str]


def _gettempdir_names(tree: ast.Module) -> _GettempdirNames:
    callees = {"gettempdir"} | {
        alias.asname
        for node in nodes(tree, ast.ImportFrom)
        for alias in node.names
        if alias.name == "gettempdir" and alias.asname
    }
    known = _GettempdirNames(frozenset(callees), frozenset())
    bound = {
        target.id
        for node in nodes(tree, (ast.Assign, ast.AnnAssign))
        if _calls_gettempdir(node.value, known)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    }
    return known._replace(bound=frozenset(bound))


def _calls_gettempdir(node: ast.AST | None, known: _GettempdirNames) -> bool:
    return isinstance(node, ast.Call) and _last_name(node.func) in known.callees


def _last_name(node: ast.AST) -> str:
    return getattr(node, "attr", getattr(node, "id", ""))


def _in_gettempdir_in_ast(node: ast.AST, known: _GettempdirNames) -> bool:
    return _calls_gettempdir(node, known) or (isinstance(node, ast.Name) and node.id in known.bound)
