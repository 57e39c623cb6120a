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
from typing import Any, TypeGuard

import libcst as cst
from libcst.metadata import PositionProvider, ScopeProvider

from cwemod.codemods._tmp_docs import DOCS, EXAMPLE
from cwemod.codemods._tmp_dumps import environment_switch
from cwemod.codemods._tmp_gate import might_name_a_shared_path
from cwemod.codemods._tmp_kept import KeptPaths
from cwemod.codemods._tmp_uses import (
    CREATORS,
    SHARED_DIRECTORIES,
    PathUses,
    defines_a_lambda_handler,
    is_shared_tmp_path,
)
from cwemod.codemods.base import Codemod
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import Bindings
from cwemod.codemods.kit.calls import (
    argument,
    called_name,
    called_words,
    keyword_arg,
    name_words,
    without_keyword,
)
from cwemod.codemods.kit.growth import SHIFTS_ALIGNMENT
from cwemod.codemods.kit.imports import imported_modules
from cwemod.codemods.kit.loggers import (
    conventional_logger,
    looks_like_get_logger,
    module_assignments,
)
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.names import QualifiedNames
from cwemod.codemods.kit.parents import ParentProvider, enclosing_function
from cwemod.codemods.kit.source import code_of, module_lines
from cwemod.codemods.records import Applicability, RefusalKind

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
# tobiko's remote_tmp, given to sh.put_file(remote_file=...), then used over ssh; rally's
# ssh.execute("/tmp/.rally-workload"), a script run on the guest
_REMOTE_PATH = (
    "a path on a remote host (a remote_* name or argument, or a command run over ssh):"
    " another user of that host can create it first (or make it a symlink), and a local"
    " tempfile.mkstemp() makes no file there: make the name on that host (mktemp run"
    " there) or use a directory the remote user owns"
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
# luigi's docker_runner: "NOTE: /tmp needs to be specified for it to work on macOS".
_EXPLAINED = (
    'a comment beside dir="/tmp" says why it is there: keep it, or change it with the'
    " reason the comment gives in mind"
)
_COMMENT_LINES_ABOVE = 3
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
# podman's get_runtime_dir(): os.lstat(fallback), then st_uid != os.getuid()
_CHECKED_BEFORE_USE = (
    "a fixed name checked with lstat for its owner before use: no link is followed and no"
    " other user's file is taken; another user can still create the name first and stop"
    " the service (a denial of service), which only a directory the service owns prevents"
)
# zappa's handler.py: the project unpacked into /tmp on a cold start, found on a warm one
_IN_LAMBDA = (
    "runs in AWS Lambda (the module defines lambda_handler(event, context)), whose /tmp is"
    " the function's own: no other user can reach it"
)
_TEST_CODE = "test code: a fixed path in a test is a fixture, not a file the service creates"
_GLOB_PATTERN = re.compile(r"[*?]")
_PATTERN = "a pattern of names to look for (a glob): it creates no file"
# validations-libs' add_argument(..., metavar="/tmp/my_vars_file.[json|yaml]")
_USAGE_TEXT = "usage text, no file: an example path shown in help or a usage line"
# awxkit's expected_prefix = '/tmp/awx_{}'.format(self.id), then host_loc.startswith(...)
_COMPARED = (
    "only compared with a path (startswith(), ==, in) or put in a message: nothing is made there"
)
# awxkit's '/tmp/inventory{}.ini'.format(random_title()): no fixed name, but no safe one
_RANDOM_PART = (
    "a name with a random part in a directory every user can write: unless that part is"
    " unguessable (secrets, uuid.uuid4(), 32 bits of it kept) and the file is created"
    " exclusively (O_EXCL), another user can create it first (or make it a symlink);"
    " tempfile.mkstemp()/mkdtemp() do both"
)
_RANDOM_WORDS = frozenset({"random", "uuid"})
# zuul's LOG_STREAM_FILE = '/tmp/console-{log_uuid}.log', formatted with a task's log id
_VARIABLE_PART = (
    "a name with a part filled in from {part}, not a fixed name, in a directory every user"
    " can write: unless that part is unguessable (uuid.uuid4(), secrets) and the file is"
    " created exclusively (O_EXCL), another user can create it first (or make it a"
    " symlink); create it with tempfile.mkstemp()/mkdtemp(), or, where another process"
    " finds it by that name, use a directory the service owns"
)
# zuul's library/command.py, run by Ansible on the build node
_ON_THE_MANAGED_HOST = (
    "; an Ansible module runs on the host it manages: that host's users share the directory"
)
# packstack's '/tmp/drone%s' % uuid.uuid4().hex[:8], made by `mkdir --mode 0700` on the node
_UNGUESSABLE_PART = (
    "a name with a random part from uuid.uuid4() or secrets, which no other user can guess:"
    " what is left to check is that it is created exclusively (mkdir without -p, os.open()"
    " with O_EXCL), so that a name made first fails rather than is used"
)
# proliantutils' firmware file, os.link()ed to gettempdir()/<uuid4>_<name>
_UNGUESSABLE_AND_EXCLUSIVE = (
    "a name with a random part from uuid.uuid4() or secrets, which no other user can guess,"
    " created exclusively (O_EXCL, or os.link()/os.symlink(), which fail where the name is"
    " there and follow no link at it): no other user's file is used"
)
# packstack's '/var/tmp/packstack/drone%s', below a fixed directory `mkdir -p` makes
_BELOW_A_FIXED_DIRECTORY = (
    "a name with a random part from uuid.uuid4() or secrets, but below a directory of the"
    " shared one whose own name has none: another user can create that directory first,"
    " own it, and rename or replace what is made in it: put the random part in that"
    " directory's name, or use a directory the service owns"
)
# A %-format's or str.format()'s field; an f-string's, marked so in its text.
_PLACEHOLDER = re.compile(r"%[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]|\{[^{}]*\}")
_FIELD_MARK = "\0"
_UNGUESSABLE = frozenset(
    {"uuid.uuid4", "secrets.token_hex", "secrets.token_urlsafe", "secrets.token_bytes"}
)
# 32 bits: no one can make every name first. As bytes asked for, and as characters kept
# (hex digits) by a slice.
_FEWEST_BYTES = 4
_FEWEST_CHARACTERS = 8
# pyroma's os.path.join(tempfile.gettempdir(), filename), a name taken from a URL
_GUESSABLE = (
    "a name in the shared temporary directory that another user can guess or create first"
    " (or make a symlink): create it with tempfile.mkstemp()/mkdtemp(), or use a directory"
    " the service owns"
)
# tripleo-ansible's os.path.join(tempfile.gettempdir(), 'artifacts'): already joined to it
_FIXED_IN_GETTEMPDIR = (
    "a fixed name in the shared temporary directory, which another user can create first"
    " (or make a symlink): create it with tempfile.mkstemp()/mkdtemp(), or use a directory"
    " the service owns"
)
# neutron's wsgi_utils: API workers meet at a name, the first to create it (O_EXCL) wins
_EXCLUSIVE = (
    "a name in the shared temporary directory, created exclusively (O_EXCL), so no link is"
    " followed, but another user can create it first and the service take it for its own:"
    " use a directory the service owns"
)
# httpie's open_with_lockfile(): Path.touch(exist_ok=False), a second holder refused on
# FileExistsError; mkstemp() would give each process a name of its own
_EXCLUSIVE_LOCK = (
    "a lock in the shared temporary directory, created exclusively (O_EXCL), so no link is"
    " followed, but another user can create it first and hold it for ever: every holder"
    " must agree on the name, so put it in a directory the service owns ($XDG_RUNTIME_DIR,"
    " /run/<name>), not mkstemp() (a name of each process's own ends the exclusion)"
)
# diskimage-builder's write_dot(dg, '/tmp/graph_dump.dot'), if 'DUMP_CONFIG_GRAPH' in os.environ
_DUMP = (
    "written only where the environment sets {variable}, under the name a comment gives the"
    " reader ({path}): a random name (mkstemp()) would be a file no one finds, but another"
    " user can create that name first (or make it a symlink): take the path from the"
    " environment too, or write below a directory the developer owns, and change the"
    " comment with it"
)
_OPENS = frozenset({"builtins.open", "io.open"})
# link(2) and symlink(2) fail with EEXIST where the new name is there, and follow no link.
_LINKS = frozenset({"os.link", "os.symlink"})
_LINKED_TO = frozenset({"hardlink_to", "symlink_to"})
_FIELD = cst.FormattedStringExpression


class HardcodedTmp(PathUses, KeptPaths, Codemod):
    id = "hardcoded-tmp"
    title = "Keep temporary files out of fixed /tmp paths"
    cwe = ("CWE-377",)
    rules = ("B108",)
    applicability = Applicability.REVIEW
    leaves_tests_alone = True
    prefilter = (*SHARED_DIRECTORIES, "gettempdir")
    docs = DOCS
    example = EXAMPLE

    METADATA_DEPENDENCIES = (PositionProvider, ParentProvider, ScopeProvider)

    @classmethod
    def might_change(cls, tree: ast.Module, options: Mapping[str, Any]) -> bool:
        return might_name_a_shared_path(tree)

    def visit_Module(self, node: cst.Module) -> None:
        self._names = QualifiedNames(self)
        self._dropped: set[cst.CSTNode] = set()
        self._module_node = node
        self._bindings: Bindings | None = None  # made when first asked
        self._in_lambda = defines_a_lambda_handler(node)

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
        if self._names.of(node.func) & CREATORS and not self.in_tests:
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
            self._advise_in_gettempdir(path, _FIXED_IN_GETTEMPDIR)

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
            self._advise_in_gettempdir(node, _FIXED_IN_GETTEMPDIR)
        elif (path := self._joined_to_gettempdir(node)) is not None:
            self._advise_in_gettempdir(path, _FIXED_IN_GETTEMPDIR)

    def _in_gettempdir(self, node: cst.FormattedString) -> bool:
        """``f"{tempfile.gettempdir()}/name..."``: a fixed name in the shared directory."""
        if len(node.parts) < 2:
            return False
        first, after = node.parts[0], node.parts[1]
        return (
            isinstance(first, cst.FormattedStringExpression)
            and self._in_gettempdir_value(first.expression)
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
            return parent if named and self._in_gettempdir_value(parent.left) else None
        if isinstance(parent, cst.BinaryOperation) and isinstance(parent.operator, cst.Modulo):
            first = parent.right
            if isinstance(first, cst.Tuple) and first.elements:
                first = first.elements[0].value
            named = text.startswith("%s") and _names_below(text.removeprefix("%s"))
            return parent if named and self._in_gettempdir_value(first) else None
        call = self.parent_of(parent) if isinstance(parent, cst.Attribute) else None
        if not (m.matches(parent, m.Attribute(attr=m.Name("format"))) and _called(call, parent)):
            return None
        field = next((f for f in ("{}", "{0}") if text.startswith(f)), None)
        named = field is not None and _names_below(text.removeprefix(field))
        return call if named and self._in_gettempdir_value(call.args[0].value) else None

    def _is_gettempdir(self, node: cst.BaseExpression) -> bool:
        return isinstance(node, cst.Call) and "tempfile.gettempdir" in self._names.of(node.func)

    def _in_gettempdir_value(self, node: cst.BaseExpression) -> bool:
        """``tempfile.gettempdir()``, or a name every binding of which is one (pyroma's
        ``tempdir = tempfile.gettempdir()``)?"""
        if not isinstance(node, cst.Name):
            return self._is_gettempdir(node)
        values = self._values_bound(node)
        return bool(values) and all(self._is_gettempdir(value) for value in values)

    def _advise_on_a_join(self, path: cst.BaseExpression, parts: list[cst.BaseExpression]) -> None:
        """Advice for the path ``path`` joins ``parts`` to ``tempfile.gettempdir()`` with,
        unless it names nothing (empty text), or is only compared or put in a message."""
        literal = all(isinstance(part, cst.SimpleString) for part in parts)
        if self.in_tests or (literal and not "".join(map(_leading_text, parts)).strip("/")):
            return
        if self._only_compared_value(path):
            return
        if (removed := self._named_before_removal(path)) is not None:
            # ironic's cleanup(): rmtree() of the path download_to_temp() makes
            self.note(path, RefusalKind.NOT_APPLICABLE, removed)
            return
        if (random := self._random_part_reason(parts, 1)) is not None:
            if self._made_safely(random, path):  # proliantutils' os.link() to a uuid4 name
                self.note(path, RefusalKind.NOT_APPLICABLE, _UNGUESSABLE_AND_EXCLUSIVE)
                return
            reason = random
        elif self._is_config_default(path):  # toil's DEFAULT_TMPDIR_PREFIX, a setting's
            reason = self._config_default_reason(path if literal else None)
        elif self._created_exclusively(path):
            reason = _EXCLUSIVE_LOCK if self._a_lock(path) else _EXCLUSIVE
        elif literal and (kept := self._kept_state_reason(path)) is not None:
            reason = kept
        else:
            reason = _FIXED_IN_GETTEMPDIR if literal else _GUESSABLE
        self._advise_in_gettempdir(path, reason)

    def _config_default_reason(self, path: cst.CSTNode | None) -> str:
        """``_CONFIG_DEFAULT``, and where the setting names state kept across runs (sushy-tools'
        ``DBPATH``: an sqlite database of pickles), that too."""
        kept = None if path is None else self._kept_state_reason(path)
        head = _CONFIG_DEFAULT.rpartition("; ")[0]  # its advice is kept's
        return _CONFIG_DEFAULT if kept is None else f"{head}; it names {kept}"

    def _advise_in_gettempdir(self, path: cst.CSTNode, reason: str) -> None:
        """Advice for a name in gettempdir(), which in AWS Lambda is the function's own /tmp."""
        if self._in_lambda:
            self.note(path, RefusalKind.NOT_APPLICABLE, _IN_LAMBDA)
        else:
            self.refuse(path, RefusalKind.ADVICE_ONLY, reason)

    def _advise(self, node: cst.BaseString, text: str) -> None:
        """Why the literal ``node`` (its ``text``, up to a first ``{}`` field) stays."""
        if self._edits_text(node):
            # nuitka's tempfile_posix_re.sub(r"/tmp/tmpxxxxxxx", line): output cleaned up
            reason = f"{text} is text to match or put in a string: no file is named"
            self.refuse(node, RefusalKind.NOT_APPLICABLE, reason)
        elif self._usage_text(node):
            self.note(node, RefusalKind.NOT_APPLICABLE, _USAGE_TEXT)
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
        elif (removed := self._named_before_removal(self._formatted(node))) is not None:
            self.note(node, RefusalKind.NOT_APPLICABLE, removed)
        elif self._is_bind_mount(node, text):
            self.note(node, RefusalKind.NOT_APPLICABLE, _BIND_MOUNT)
        elif self._given_with_a_container(node):
            self.note(node, RefusalKind.NOT_APPLICABLE, _IN_A_CONTAINER)
        elif self._names_a_mount_target(node):
            self.note(node, RefusalKind.NOT_APPLICABLE, _MOUNT_TARGET)
        elif self._in_lambda and (text == "/tmp" or text.startswith("/tmp/")):
            self.note(node, RefusalKind.NOT_APPLICABLE, _IN_LAMBDA)
        elif (random := self._random_part_reason(*self._random_parts(node))) is not None:
            if self._made_safely(random, self._formatted(node)):
                self.note(node, RefusalKind.NOT_APPLICABLE, _UNGUESSABLE_AND_EXCLUSIVE)
            else:
                self.refuse(node, RefusalKind.ADVICE_ONLY, random)
        elif self._is_config_default(node):
            reason = self._config_default_reason(self._formatted(node))
            self.refuse(node, RefusalKind.ADVICE_ONLY, reason)
        elif (
            isinstance(node, cst.SimpleString)
            and text.rstrip("/") in SHARED_DIRECTORIES
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
        elif self._checked_before_use(node):
            self.refuse(node, RefusalKind.NOT_APPLICABLE, _CHECKED_BEFORE_USE)
        elif self._names_a_unix_socket(node):
            self.refuse(node, RefusalKind.ADVICE_ONLY, _SOCKET_PATH)
        elif self._names_a_remote_path(node):
            self.refuse(node, RefusalKind.ADVICE_ONLY, _REMOTE_PATH)
        elif self._created_exclusively(path := self._formatted(node)):
            reason = _EXCLUSIVE_LOCK if self._a_lock(path) else _EXCLUSIVE
            self.refuse(node, RefusalKind.ADVICE_ONLY, reason)
        elif self._in_a_function_that_locks(node):
            self.refuse(node, RefusalKind.ADVICE_ONLY, _LOCK_PATH)
        elif (kept := self._kept_state_reason(self._formatted(node))) is not None:
            # vitrage's ACTIVITY_PATH, pickled on save and unpickled on the next start
            self.refuse(node, RefusalKind.ADVICE_ONLY, kept)
        elif (dump := self._dump_reason(node, text)) is not None:
            self.refuse(node, RefusalKind.ADVICE_ONLY, dump)
        else:
            self.refuse(node, RefusalKind.ADVICE_ONLY, self._fixed_name_advice(node, text))

    def _dump_reason(self, node: cst.BaseString, text: str) -> str | None:
        """Why a path written only where an environment variable asks, under a name a
        comment of the module gives (diskimage-builder's ``DUMP_CONFIG_GRAPH``, then
        ``dotty /tmp/graph_dump.dot``), is no file a random name would serve."""
        comments = " ".join(line.partition("#")[2] for line in module_lines(self._module_node))
        if text not in comments:
            return None
        variable = environment_switch(node, self.parent_of, self._names.of)
        return None if variable is None else _DUMP.format(variable=variable, path=text)

    def _fixed_name_advice(self, node: cst.BaseString, text: str) -> str:
        """``_ADVICE``, and where ``node`` is a log of a fixed name opened to write or append
        in a module that has a logger (parliament's ``open("/tmp/parliament.log", "a")``,
        beside its ``logger``: a random name would be a log no one finds), that logger; a
        name with a part filled in at run time is no fixed one. In an Ansible module (it
        imports ``ansible.module_utils``), where the directory is."""
        where = _ON_THE_MANAGED_HOST if self._in_an_ansible_module() else ""
        part = self._variable_part(node)
        if part is not None:
            return _VARIABLE_PART.format(part=part) + where
        logger = self._module_logger() if self._opened_to_write_a_log(node, text) else None
        if logger is None:
            return _ADVICE + where
        head, _, tail = _ADVICE.partition("; ")
        return f"{head}, or write it through the module's logger ({logger}); {tail}{where}"

    def _variable_part(self, node: cst.BaseString) -> str | None:
        """The first part of the first name below the shared directory that is filled in
        at run time: what is put there (``job_id`` in ``'/tmp/job-%s' % job_id``), or, in a
        template formatted elsewhere, its field (zuul's ``'/tmp/console-{log_uuid}.log'``);
        None where that name has no field, or a literal fills each."""
        parts, first = self._random_parts(node)
        if parts:
            filled = [part for part in parts[:first] if not isinstance(part, cst.SimpleString)]
            return code_of(filled[0]) if filled else None
        text = node.evaluated_value if isinstance(node, cst.SimpleString) else None
        found = _PLACEHOLDER.search(_first_name(text)) if isinstance(text, str) else None
        return found[0] if found else None

    def _in_an_ansible_module(self) -> bool:
        return any(
            name.split(".")[:2] == ["ansible", "module_utils"]
            for name in imported_modules(self._module_node)
        )

    def _opened_to_write_a_log(self, node: cst.BaseString, text: str) -> bool:
        """Is ``node`` a ``*.log`` name ``open()`` is given to write or append?"""
        given = self._argument_of(node) if isinstance(node, cst.SimpleString) else None
        if given is None or not text.endswith(".log") or given[0] is not given[1].args[0]:
            return False
        call = given[1]
        mode = argument(call, "mode", 1)
        written = mode.value if mode is not None else None
        return (
            bool(self._names.of(call.func) & {"builtins.open", "io.open"})
            and isinstance(written, cst.SimpleString)
            and isinstance(written.evaluated_value, str)
            and bool(set(written.evaluated_value) & set("wa"))
        )

    def _module_logger(self) -> str | None:
        """The module's logger, a top-level name bound to ``getLogger(...)``."""
        assigned = module_assignments(self._module_node).items()
        return conventional_logger(
            [name.value for name, value in assigned if looks_like_get_logger(value)]
        )

    def _random_parts(self, node: cst.BaseString) -> tuple[list[cst.BaseExpression], int]:
        """The parts put into the path ``node`` starts (an f-string's fields, ``.format()``'s
        arguments, what ``%`` or ``+`` puts after it), and how many of them are in its first
        name below the shared directory (``drone%s`` in ``'/tmp/drone%s'``, none in
        ``'/var/tmp/packstack/drone%s'``)."""
        value, parent = self._formatted(node), self.parent_of(node)
        if isinstance(node, cst.FormattedString):
            fields = [p.expression for p in node.parts if isinstance(p, _FIELD)]
            template = "".join(
                _FIELD_MARK if isinstance(p, _FIELD) else p.value for p in node.parts
            )
            return fields, _first_name(template).count(_FIELD_MARK)
        text = node.evaluated_value if isinstance(node.evaluated_value, str) else ""
        placed = len(_PLACEHOLDER.findall(_first_name(text)))
        if isinstance(value, cst.Call):
            return [arg.value for arg in value.args], placed
        if isinstance(value, cst.BinaryOperation):
            right = value.right
            parts = [e.value for e in right.elements] if isinstance(right, cst.Tuple) else [right]
            return parts, placed
        if m.matches(parent, m.BinaryOperation(operator=m.Add())) and parent.left is node:
            return [parent.right], int(_FIELD_MARK in _first_name(text + _FIELD_MARK))
        return [], 0

    def _random_part_reason(self, parts: list[cst.BaseExpression], first: int) -> str | None:
        """Why a path with ``parts``, ``first`` of them in its first name below the shared
        directory, is no fixed name: a part made by ``uuid.uuid4()`` or ``secrets``
        (packstack's ``uuid.uuid4().hex[:8]``), which no one can guess, there or below a
        directory it is not in; or by another call named for randomness (awxkit's
        ``random_title()``), which may be guessed (or too little of ``uuid4()`` or
        ``secrets`` is kept); None where no part is random."""
        if any(self._unguessable(part) for part in parts[:first]):
            return _UNGUESSABLE_PART
        if any(self._unguessable(part) for part in parts[first:]):
            return _BELOW_A_FIXED_DIRECTORY
        calls = [call for part in parts for call in nodes_of_type(part, cst.Call)]
        random = any(
            _RANDOM_WORDS & set(called_words(call)) or self._names.of(call.func) & _UNGUESSABLE
            for call in calls
        )
        return _RANDOM_PART if random else None

    def _made_safely(self, random: str, path: cst.CSTNode) -> bool:
        """Is ``path``, whose first name has an unguessable part (``random`` says so), created
        exclusively, all that was left to check?"""
        return random == _UNGUESSABLE_PART and self._created_exclusively(path)

    def _unguessable(self, part: cst.BaseExpression) -> bool:
        """Does ``part`` hold ``uuid.uuid4()`` or ``secrets.token_*()`` (of 4 bytes or more),
        and keep, where it slices, at least 8 characters (``[:8]``, not ``[:4]`` nor ``[0]``)?"""
        return any(
            self._names.of(call.func) & _UNGUESSABLE and _asks_enough(call)
            for call in nodes_of_type(part, cst.Call)
        ) and all(_keeps_enough(subscript) for subscript in nodes_of_type(part, cst.Subscript))

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

    def _names_a_unix_socket(self, node: cst.BaseString) -> bool:
        """Is ``node`` given to a call named for a Unix socket (anyio's
        ``connect_unix("/tmp/mysock")``, ``create_unix_listener(...)``), or the socket an
        ``ssh -L``/``-R`` forwarding binds or connects to (tobiko's podman tunnel)?"""
        given = self._argument_of(node)
        if given is not None and "unix" in name_words(called_name(given[1]) or ""):
            return True
        return self._forwarded_by_ssh(node)

    def _created_exclusively(self, path: cst.CSTNode) -> bool:
        """Is the file ``path`` names (itself, or the local name it is bound to) created
        exclusively, O_CREAT | O_EXCL: ``os.open(path, ... O_EXCL ...)`` (neutron's API
        workers), ``open(path, "x")``, ``path.open("x")``, ``path.touch(exist_ok=False)``
        (httpie's lock file); or made a link, which fails where the name is there and
        follows no link at it: ``os.link(src, path)`` (proliantutils' firmware file),
        ``os.symlink(src, path)``, ``path.hardlink_to(src)``, ``path.symlink_to(src)``?"""
        return any(self._creates_exclusively(use) for use in self._path_uses(path))

    def _path_uses(self, path: cst.CSTNode) -> list[cst.CSTNode]:
        """``path``, and where it is the value of a function-local name, that name's reads."""
        assign = self.parent_of(path)
        if isinstance(assign, cst.Assign) and len(assign.targets) == 1:
            return [path, *self._local_uses(assign.targets[0].target)]
        return [path]

    def _creates_exclusively(self, use: cst.CSTNode) -> bool:
        """Is ``use`` the file a call creates exclusively (see :meth:`_created_exclusively`)?"""
        given, holder = self.parent_of(use), None
        if isinstance(given, cst.Attribute) and given.value is use:
            holder = self.parent_of(given)  # path.touch(exist_ok=False), path.open("x")
            if not (isinstance(holder, cst.Call) and holder.func is given):
                return False
            if given.attr.value == "touch":
                exist_ok = keyword_arg(holder, "exist_ok")
                return exist_ok is not None and m.matches(exist_ok.value, m.Name("False"))
            if given.attr.value in _LINKED_TO:
                return True
            return given.attr.value == "open" and _exclusive_mode(argument(holder, "mode", 0))
        call = self.parent_of(given) if isinstance(given, cst.Arg) else None
        if not isinstance(call, cst.Call):
            return False
        called = self._names.of(call.func)
        if called & _LINKS:
            return given is argument(call, "dst", 1)
        if not (call.args[0] is given and given.keyword is None):
            return False
        if "os.open" in called:
            return len(call.args) > 1 and "O_EXCL" in code_of(call.args[1].value)
        return bool(called & _OPENS) and _exclusive_mode(argument(call, "mode", 1))

    def _a_lock(self, path: cst.CSTNode) -> bool:
        """Is the file ``path`` names, created exclusively, a lock: the function around it, or
        the name it is bound to, named for one (``open_with_lockfile``, ``lock_path``), or
        the function refusing a second holder: raising ``FileExistsError``, or raising where
        it catches it. Neutron's workers, which return where the file is there and go on to
        use it, are no lock; nor is ``errno.EEXIST`` a sign (``!= EEXIST: raise`` takes the
        file that is there)."""
        function = enclosing_function(path, self.parent_of)
        if function is None:
            return False
        assign = self.parent_of(path)
        names = [function.name.value]
        if isinstance(assign, cst.Assign) and isinstance(assign.targets[0].target, cst.Name):
            names.append(assign.targets[0].target.value)
        if any(word.startswith("lock") for name in names for word in name_words(name)):
            return True
        raised = [r.exc for r in nodes_of_type(function, cst.Raise) if r.exc is not None]
        return any(_names_already_there(exc) for exc in raised) or any(
            _names_already_there(handler) and nodes_of_type(handler.body, cst.Raise)
            for handler in nodes_of_type(function, cst.ExceptHandler)
        )

    def _in_a_function_that_locks(self, node: cst.BaseString) -> bool:
        """Does the function around ``node`` lock a file (optuna's
        ``fcntl.flock(lockfile, fcntl.LOCK_EX)`` on ``/tmp/optuna_find_free_port.lock``), or
        is ``node`` given to a lock (glean's ``systemlock.Lock('/tmp/glean.lock')``)?"""
        return self._given_to_a_lock(node) or any(
            self._names.of(call.func) & _FILE_LOCKS for call in self._calls_around(node)
        )

    def _calls_around(self, node: cst.CSTNode) -> list[cst.Call]:
        """The calls of the function around ``node``; none at module level."""
        function = enclosing_function(node, self.parent_of)
        return [] if function is None else nodes_of_type(function, cst.Call)


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


def _first_name(template: str) -> str:
    """The first name below the shared directory ``template`` starts with: ``drone%s`` in
    ``/tmp/drone%s/recipes``, ``packstack`` in ``/var/tmp/packstack/drone%s``."""
    root = next((r for r in SHARED_DIRECTORIES if template.startswith(r + "/")), None)
    return "" if root is None else template[len(root) + 1 :].split("/")[0]


def _asks_enough(call: cst.Call) -> bool:
    """No argument (``uuid4()``, ``token_hex()``'s default), or a literal of 4 bytes or more."""
    if not call.args:
        return True
    size = _integer(call.args[0].value)
    return size is not None and size >= _FEWEST_BYTES


def _keeps_enough(subscript: cst.Subscript) -> bool:
    """A slice of literal bounds that keeps 8 characters: ``[:8]``, ``[4:12]``, ``[:]``."""
    bounds = subscript.slice[0].slice if len(subscript.slice) == 1 else None
    if not isinstance(bounds, cst.Slice) or bounds.step is not None:
        return False
    lower = 0 if bounds.lower is None else _integer(bounds.lower)
    if bounds.upper is None:
        return lower == 0
    upper = _integer(bounds.upper)
    return lower is not None and upper is not None and upper - lower >= _FEWEST_CHARACTERS


def _names_already_there(node: cst.CSTNode) -> bool:
    """Does ``node`` name ``FileExistsError``?"""
    return any(name.value == "FileExistsError" for name in nodes_of_type(node, cst.Name))


def _exclusive_mode(mode: cst.Arg | None) -> bool:
    """Is ``mode`` a literal mode that creates exclusively: ``"x"``, ``"xb"``, ``"x+"``?"""
    value = mode.value if mode is not None else None
    text = value.evaluated_value if isinstance(value, cst.SimpleString) else None
    return isinstance(text, str) and "x" in text


def _integer(node: cst.BaseExpression) -> int | None:
    return node.evaluated_value if isinstance(node, cst.Integer) else None


def _plain(arg: cst.Arg) -> bool:
    """A positional argument, not unpacked."""
    return arg.keyword is None and not arg.star
