"""requests-timeout's survey: the modules whose tests assert an HTTP call's exact
arguments, the timeouts the project's own HTTP calls are given, and the oslo.config
``BoolOpt`` options the project defines off by default (tls-verify's: oslo.policy's
``remote_ssl_verify_server_crt``, passed as ``verify=``).

A test that asserts the arguments breaks when the call gains ``timeout=``:
the fix there is left to a person, who changes the call and the assertion
together; only a call of a function the tests assert, read off the mock's
name (``get`` of ``mock_requests.get.assert_called_with(``:
python-freezerclient's ``requests.post(...)`` breaks no assertion of it) or
off what it patches (aodh's ``mock.patch.object(requests.Session, 'post') as
poster``: see ``_http_mocks``). A timeout most of the project's calls share
(flask-appbuilder's ``timeout=10``, duplicity's ``timeout=config.timeout``)
is the one a new ``timeout=`` follows.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from cwemod.codemods._http_mocks import (
    ASSERTION,
    NO_HTTP,
    PACKAGE_REQUEST,
    named_assertions,
    verbs_asserted_through_patches,
    where_asserted,
)
from cwemod.codemods.kit.project import (
    absolute_name,
    dotted_module,
    is_test_module,
    modules_named_in_text,
    named_modules,
    own_top_packages,
)
from cwemod.codemods.kit.syntax import parse_ast, parsed_or_none
from cwemod.codemods.kit.text import bracket_depths, bracketed_end, word_matches
from cwemod.codemods.surveys import Survey, mentions_any

HTTP_LIBRARIES = ("requests", "httpx")
_MENTIONS_HTTP = mentions_any(HTTP_LIBRARIES)
VERBS = ("get", "options", "head", "post", "put", "patch", "delete", "request")

# ``requests.post.assert_called_once_with(``, ``mock_get.assert_has_calls(``, blazar's
# ``post_mock.assert_called_with(``, kiwi's ``mock_request_get.assert_called_once_with(``...
_CALLEES = (*VERBS, "stream")
# Found by kit.text.word_matches, which checks the word's start. A dotted name may read its
# setting by key (adal's ``self._call_context.get('timeout', None)``).
_KEY = r"'[^'\\\n]*'|\"[^\"\\\n]*\""
_TIMEOUT_VALUE = re.compile(
    r"timeout\s*=\s*(?P<value>[A-Za-z_][\w.]*|\d+(?:\.\d+)?)"
    rf"(?:\.get\(\s*(?P<got>{_KEY})\s*(?:,\s*(?P<default>None|\d+(?:\.\d+)?)\s*)?\)"
    rf"|\[\s*(?P<key>{_KEY})\s*\])?\s*[,)]"
)
_CALLEE_NAME = re.compile(r"\.(\w+)\s*$")
_MOST_ARGUMENT_TEXT = 2000  # how far back the call's bracket is looked for
_CALLEE = "|".join(_CALLEES)
# The mocks whose asserted arguments count: a session's ``send()`` of a prepared request too
# (osprofiler's ``self._client._session.send.assert_called_once_with(prep_req, verify=False)``).
_MOCKED = "|".join((*_CALLEES, "send"))
# kuryr's ``m_post`` (OpenStack's usual short prefix) too.
_ASSERTED_MOCK = re.compile(
    rf"\b(?:(?:mock(?:ed)?|m)_)?(?:requests?_)?(?P<verb>{_MOCKED})(?:_mock(?:ed)?)?\Z"
)
# What every verb of requests calls (``requests.api.request``, ``Session.request``): a test
# asserting it may assert any call, and a mock of the whole module named so says not which.
_EVERY_VERB = "request"
_LONGEST_MOCK_NAME = 40
# A patch whose target ends in an HTTP function's name: ``mock.patch('requests.post')``,
# ``mock.patch.object(requests.Session, 'post')``.
_PATCHES_A_CALLEE = re.compile(rf"patch\b[\w.]*\([^)]*?[.'\"](?:{_CALLEE})['\"]")


@dataclass(frozen=True)
class HttpFacts:
    """What the survey found."""

    # Dotted name of each module tests asserting HTTP call arguments name -> the functions
    # (``get``, ``post``, ...) whose arguments they assert.
    asserted: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # ``(timeout as written, how many modules give an HTTP call that one)``, most first.
    timeouts: tuple[tuple[str, int], ...] = ()
    # The module that replaces requests' ``HTTPAdapter.send`` and mentions a timeout
    # (pretix's, which gives a request without one 30 s; not osprofiler's, which profiles
    # each request and hands on its arguments as they are): "" where none does.
    patched_send: str = ""
    # ``(setting as written, the project's module its first name is imported from, the path
    # of the first module that passes it)``: arjun's requester.py passes
    # ``mem.var['timeout']`` of ``arjun.core.config``, which any module importing it has too.
    imported_settings: tuple[tuple[str, str, str], ...] = ()
    # Each module ``asserted`` names -> ``(test module path, function, line)`` of each
    # assertion there (metalsmith's test_provisioner.py asserts sources.py's requests.get).
    asserted_at: Mapping[str, tuple[tuple[str, str, int], ...]] = field(default_factory=dict)
    # Each oslo.config option the project's ``BoolOpt(...)`` definitions (every one of them)
    # make False by default, by the attribute it is read as (``-`` as ``_``) -> ``(path,
    # line)`` of the first: oslo.policy's ``remote_ssl_verify_server_crt`` (opts.py, 80).
    options_off: Mapping[str, tuple[str, int]] = field(default_factory=dict)

    def asserts(self, module: str, function: str) -> bool:
        """Do the tests naming ``module`` assert the arguments of ``function``'s calls
        (``requests.post``, ``requests.Session.get``: by its last name), or of
        ``request``, which every verb calls?"""
        return not _pinning(function).isdisjoint(self.asserted.get(module, frozenset()))

    def assertions(self, module: str, function: str) -> str:
        """Where the tests naming ``module`` assert the arguments of ``function`` (or of
        ``request``): ``metalsmith/test/test_provisioner.py, lines 1083, 1614``; "" where
        none does."""
        verbs = _pinning(function)
        found = self.asserted_at.get(module, ())
        return where_asserted(((path, line) for path, verb, line in found if verb in verbs))

    def shared_timeout(self) -> str | None:
        """The timeout more of the project's modules give than any other; None on a tie.

        A number or a bare constant counts only where two modules or more pass
        it: one module's ``TIMEOUT`` may be its own, and one module's number
        (sopel's translation API's 40) no rule of the project's; an attribute
        of a module (duplicity's ``config.timeout``) any may import.
        """
        shared = [(written, count) for written, count in self.timeouts
                  if count > 1 or _is_attribute(written)]  # fmt: skip
        if not shared:
            return None
        counts = [count for _, count in shared]
        return shared[0][0] if len(counts) == 1 or counts[0] > counts[1] else None


def _is_attribute(written: str) -> bool:
    """``config.timeout``, not jira's one ``2.001`` (a number's point is no attribute)."""
    return re.fullmatch(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+", written) is not None


# A module's summary: the modules a test names and the HTTP functions it asserts the arguments
# of, each with the line of an assertion (tests only: ``Class.verb`` for a method of the
# project's class it replaces, see _replaced_methods), the timeouts its own HTTP calls are given, whether it replaces
# ``HTTPAdapter.send``, which of those timeouts are settings of a project module it
# imports, with that module, the ``Class.verb`` methods its classes define (other
# modules only), and ``(name, default as written, line)`` of each oslo.config ``BoolOpt``
# it defines (other modules only: see bool_options).
HttpSummary = tuple[
    frozenset[str],
    tuple[tuple[str, int], ...],
    tuple[str, ...],
    bool,
    tuple[tuple[str, str], ...],
    frozenset[str],
    tuple[tuple[str, str, int], ...],
]
_PATCHED_SEND = re.compile(r"HTTPAdapter\.send\s*=[^=]")


def _pinning(function: str) -> frozenset[str]:
    """The functions whose asserted mocks pin a call of ``function``: its verb, ``request``
    (every verb's), and for ``requests.request`` itself the package's attribute."""
    own = (PACKAGE_REQUEST,) if function in _PACKAGE_REQUESTS else ()
    return frozenset((function.rpartition(".")[2], _EVERY_VERB, *own))


_PACKAGE_REQUESTS = frozenset(f"{package}.request" for package in HTTP_LIBRARIES)


def wanted(text: str) -> bool:
    """The modules that name requests or httpx, and the test modules that assert the arguments
    of a mock named for an HTTP function whatever they import: oslo.vmware's
    test_service.py asserts ``transport.session.get.assert_called_once_with(...)``, and only
    another test's ``import requests`` had it read (a text test: most test modules are not
    parsed)."""
    if _MENTIONS_HTTP(text) or _DEFINES_A_BOOL_OPTION in text:
        return True
    return ".assert_" in text and any(named_assertions(text, _ASSERTED_MOCK, _LONGEST_MOCK_NAME))


def summarise(path: str, text: str) -> HttpSummary:
    if is_test_module(path):
        # Over-approximates: every module a test asserting HTTP call arguments imports, or
        # names in a string (``mock.patch('pkg.mod.requests')``), counts.
        # Parsed only where a mock may be asserted by what it patches: most test modules
        # that mention requests patch no HTTP function (Neutron's: 13, 0.5 s to parse).
        by_name = _verbs_of_named_mocks(text)
        if not _MENTIONS_HTTP(text):
            # oslo.vmware's test_service.py: asserted by the mock's name alone; read, not
            # parsed (Neutron's 18 such modules, asserting nova's aggregates.delete and the
            # like, took 1 s to parse)
            named = modules_named_in_text(text, path) if by_name else set()
            return frozenset(named), _pairs(by_name), (), False, (), frozenset(), ()
        patched = ASSERTION.search(text) and _PATCHES_A_CALLEE.search(text)
        tree = parsed_or_none(text) if patched or by_name else None
        by_patch = _verbs_of_patched_mocks(text, tree)
        http = {verb: lines for verb, lines in by_patch.items() if verb != NO_HTTP}
        verbs = _pairs(_unless_patched(by_name, by_patch), http)
        named = frozenset(named_modules(tree, path)) if verbs and tree is not None else frozenset()
        return named, verbs, (), False, (), frozenset(), ()
    options = bool_options(text)
    if not _MENTIONS_HTTP(text):
        return frozenset(), (), (), False, (), frozenset(), options
    patches = (
        "HTTPAdapter.send" in text
        and _PATCHED_SEND.search(text) is not None
        and "timeout" in text.lower()
    )
    timeouts = http_timeouts(text)
    settings = imported_settings(path, text, timeouts)
    return frozenset(), (), timeouts, patches, settings, _defined_methods(text), options


_DEFINES_A_BOOL_OPTION = "BoolOpt("
# The text oslo.config's Boolean type reads a string default as (``value.lower()``, not
# stripped): networking-mlnx's ``BoolOpt('cert_verify', default="False")`` is False. Any
# other string is refused when the option is made.
_BOOLEAN_TEXT = {
    **dict.fromkeys(("false", "0", "off", "no"), "False"),
    **dict.fromkeys(("true", "1", "on", "yes"), "True"),
}
# ``cfg.BoolOpt('remote_ssl_verify_server_crt',``: the option's name, written first.
_BOOL_OPTION = re.compile(r"\bBoolOpt\(\s*(?P<quote>['\"])(?P<name>[\w-]+)(?P=quote)")


def bool_options(text: str) -> tuple[tuple[str, str, int], ...]:
    """``(name, default, line)`` of each oslo.config ``BoolOpt('name', ...)`` of the text, its
    default as written (``False``; ``None`` where it gives none), read from the call's own
    text: read off a regular expression and a small ``ast`` parse of that call alone, not of
    the module. ``?`` where the call cannot be read so (a comment or a backslash in it)."""
    if _DEFINES_A_BOOL_OPTION not in text:
        return ()
    found = []
    line, counted = 1, 0
    for match in _BOOL_OPTION.finditer(text):
        line, counted = line + text.count("\n", counted, match.start()), match.start()
        end = bracketed_end(text, match.start() + len("BoolOpt"))
        found.append((match["name"], _default_of(text[match.start() : end] if end else ""), line))
    return tuple(found)


def _default_of(call_text: str) -> str:
    """The ``default=`` of the call ``call_text`` as written, where it is a constant (a string
    as the bool oslo.config reads it as: ``"False"`` as ``False``); ``None`` where it has none;
    ``?`` where it cannot be told."""
    try:
        call = ast.parse(call_text, mode="eval").body if call_text else None
    except (SyntaxError, ValueError):
        call = None
    if not isinstance(call, ast.Call) or any(k.arg is None for k in call.keywords):
        return "?"
    default = next((k.value for k in call.keywords if k.arg == "default"), None)
    if default is None:
        return "?" if len(call.args) > 1 else "None"
    value = default.value if isinstance(default, ast.Constant) else "?"
    return _BOOLEAN_TEXT.get(value.lower(), "?") if isinstance(value, str) else repr(value)


def _unless_patched(
    by_name: Mapping[str, set[int]], by_patch: Mapping[str, set[int]]
) -> dict[str, set[int]]:
    """``by_name`` without the assertions ``by_patch`` reads off what the mock's patch replaces:
    proliantutils' ``request_mock``, bound by ``mock.patch.object(requests, 'get')``, is that
    get, not ``request`` (every verb)."""
    patched = set().union(*by_patch.values())
    found = {verb: lines - patched for verb, lines in by_name.items()}
    return {verb: lines for verb, lines in found.items() if lines}


def _pairs(*found: Mapping[str, set[int]]) -> tuple[tuple[str, int], ...]:
    """``(function, line)`` of each assertion ``found`` holds, in order."""
    return tuple(sorted({(verb, line) for one in found for verb, lines in one.items()
                         for line in lines}))  # fmt: skip


def imported_settings(
    path: str, text: str, timeouts: tuple[str, ...]
) -> tuple[tuple[str, str], ...]:
    """``(setting, module)`` for each of ``timeouts`` read off a module of the project's own
    that the module imports at its top level (arjun's ``mem.var['timeout']``, of ``import
    arjun.core.config as mem``; duplicity's ``config.timeout``); not ``self.`` or a
    constant, nor a library's attribute (``socket._GLOBAL_DEFAULT_TIMEOUT``)."""
    dotted = [written for written in timeouts if re.match(r"(?!self\.|cls\.)\w+\.", written)]
    if not dotted:
        return ()
    try:
        bound = _top_level_imports(parse_ast(text), path)
    except (SyntaxError, ValueError):
        return ()
    own = own_top_packages(path)
    found = []
    for written in dotted:
        module = bound.get(written.partition(".")[0], "")
        if module.partition(".")[0] in own:
            found.append((written, module))
    return tuple(sorted(found))


def _top_level_imports(tree: ast.Module, path: str) -> dict[str, str]:
    """Local name -> the dotted module or name the module's top-level imports bind it to,
    relative ones resolved (``from . import config``)."""
    bound = {}
    for statement in tree.body:
        if isinstance(statement, ast.Import):
            for alias in statement.names:
                if alias.asname:
                    bound[alias.asname] = alias.name
        elif isinstance(statement, ast.ImportFrom):
            package = absolute_name("." * statement.level + (statement.module or ""), path)
            for alias in statement.names:
                bound[alias.asname or alias.name] = f"{package}.{alias.name}"
    return bound


def http_timeouts(text: str) -> tuple[str, ...]:
    """The ``timeout=`` values of the module's calls of an HTTP verb (``requests.get``,
    ``self.session.post``), as written: a number, or a setting (read from the text: the
    survey parses no module for it)."""
    found = set()
    for match in word_matches(_TIMEOUT_VALUE, text):
        written = _setting_or_number(match["value"], _read_by_key(match))
        if written is not None and _callee_before(text, match.start()) in _CALLEES:
            found.add(written)
    return tuple(sorted(found))


def _callee_before(text: str, at: int) -> str | None:
    """The last name of the call whose arguments hold ``text[at]``, read backwards."""
    start = max(0, at - _MOST_ARGUMENT_TEXT)
    for index, depth in bracket_depths(text[start:at], at - start - 1, True, unreadable=""):
        if depth is not None and depth < 0:
            if text[start + index] != "(":
                return None
            callee = _CALLEE_NAME.search(text, max(0, start + index - 80), start + index)
            return callee[1] if callee else None
    return None


def _setting_or_number(written: str, read: str = "") -> str | None:
    """``10``, ``config.timeout``, ``HTTP_TIMEOUT``: what another module may pass too; and
    a setting ``read`` by key from an object's attribute (adal's classes hand on the user's
    settings as ``self._call_context``, read as ``.get('timeout', None)``). Not
    ``self.timeout`` nor a local ``timeout`` or ``params.get('timeout')``, which mean
    something only here."""
    root, dot, _ = written.partition(".")
    if written[0].isdigit() and not read:
        number = float(written)
        return (str(int(number)) if number.is_integer() else repr(number)) if number else None
    if written[0].isdigit() or root in ("None", "True", "False"):
        return None
    if read:
        return written + read if dot else None
    return None if root in ("self", "cls") or not (dot or written.isupper()) else written


def _read_by_key(match: re.Match[str]) -> str:
    """How ``match`` reads its value by key, spaced as black would: ``.get('timeout', None)``,
    ``['timeout']``; "" where it reads none."""
    if match["key"]:
        return f"[{match['key']}]"
    if match["got"]:
        return f".get({match['got']}{', ' + match['default'] if match['default'] else ''})"
    return ""


def combine(summaries: Iterable[tuple[str, HttpSummary]]) -> HttpFacts:
    summaries = list(summaries)
    defined = {dotted_module(path): summary[5] for path, summary in summaries}
    asserted: dict[str, frozenset[str]] = {}
    asserted_at: dict[str, list[tuple[str, str, int]]] = {}
    timeouts: Counter[str] = Counter()
    patched_send = ""
    settings: dict[tuple[str, str], str] = {}
    options: dict[str, list[tuple[str, str, int]]] = {}
    for path, (named, verbs, given, patches, imported, _, bool_opts) in summaries:
        for name, default, line in bool_opts:
            options.setdefault(name.replace("-", "_"), []).append((default, path, line))
        for module in named:
            own = defined.get(module, frozenset())
            at = [(path, verb.rpartition(".")[2], line) for verb, line in verbs if verb not in own]
            asserted[module] = asserted.get(module, frozenset()) | {verb for _, verb, _ in at}
            asserted_at.setdefault(module, []).extend(at)
        timeouts.update(given)
        patched_send = patched_send or (path if patches else "")
        for setting in imported:
            settings.setdefault(tuple(setting), path)  # type: ignore[arg-type]
    ranked = sorted(timeouts.items(), key=lambda item: (-item[1], item[0]))
    found = tuple((setting, module, path) for (setting, module), path in settings.items())
    at = {module: tuple(found) for module, found in asserted_at.items()}
    off = {
        name: (found[0][1], found[0][2])
        for name, found in options.items()
        if all(default == "False" for default, _, _ in found)
    }
    return HttpFacts(asserted, tuple(ranked), patched_send, found, asserted_at=at, options_off=off)


def _verbs_of_named_mocks(text: str) -> dict[str, set[int]]:
    """The HTTP functions whose mocked calls the text asserts the arguments of, by the mock's
    name, each with the lines of those assertions: ``get`` for ``mock_get.assert_called_with(``
    and ``mock_requests.get.assert_called_once_with(``, ``post`` for
    ``post_mock.assert_has_calls(``; ``Class.verb`` for a method of an object of ``Class`` it
    replaces (_replaced_methods)."""
    verbs: dict[str, set[int]] = {}
    for found, line in named_assertions(text, _ASSERTED_MOCK, _LONGEST_MOCK_NAME):
        for verb in _replaced_methods(text, found) or [found["verb"]]:
            verbs.setdefault(verb, set()).add(line)
    return verbs


def _replaced_methods(text: str, mock: re.Match[str]) -> list[str]:
    """``Class.verb`` where ``mock`` is an attribute the test assigns (manila's
    ``self.client.request = mock.Mock(...)``) of an object every assignment of which makes
    it of a class (``self.client = rest_client.HpeAlletraRestClient(...)``), one for each
    class: the class's own method where the project's module defines it, not requests'.
    [] for any other mock (oslo.vmware's ``transport.session.get``, a session's)."""
    verb = mock["verb"]
    receiver = _RECEIVER.search(text, max(0, mock.start() - _LONGEST_RECEIVER), mock.start())
    if mock[0] != verb or receiver is None:
        return []
    name = re.escape(receiver[0].removesuffix("."))
    if not re.search(rf"^[ \t]*{name}\.{verb}[ \t]*=(?!=)", text, re.MULTILINE):
        return []
    values = re.findall(rf"^[ \t]*{name}[ \t]*=(?!=)[ \t]*(.*)", text, re.MULTILINE)
    made = [_MADE_OF_A_CLASS.match(value) for value in values]
    if not made or not all(made):
        return []
    return [f"{found[1]}.{verb}" for found in made if found]


_RECEIVER = re.compile(r"(?<![\w.])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\.\Z")
_LONGEST_RECEIVER = 80
_MADE_OF_A_CLASS = re.compile(r"(?:[A-Za-z_][\w.]*\.)?(\w+)\(")
# A class or function at a line's start: its indentation, which it is, its name.
_CLASS_OR_FUNCTION = re.compile(r"^([ \t]*)(?:async[ \t]+)?(class|def)[ \t]+(\w+)", re.MULTILINE)


def _defined_methods(text: str) -> frozenset[str]:
    """``Class.verb`` for each method named for an HTTP function that a class of the module
    defines (manila's ``HpeAlletraRestClient.request``), read off the lines' indentation."""
    found = set()
    around: list[tuple[int, str, str]] = []  # the classes and functions the line is in
    for match in _CLASS_OR_FUNCTION.finditer(text):
        indent, kind, name = len(match[1]), match[2], match[3]
        while around and around[-1][0] >= indent:
            around.pop()
        if kind == "def" and name in _CALLEES and around and around[-1][1] == "class":
            found.add(f"{around[-1][2]}.{name}")
        around.append((indent, kind, name))
    return frozenset(found)


def _verbs_of_patched_mocks(text: str, tree: ast.Module | None) -> dict[str, set[int]]:
    """The same, by what the mock's patch replaces (``tree``, the text's, where parsed):
    ``post`` for aodh's ``with mock.patch.object(requests.Session, 'post') as poster:``, then
    ``poster.assert_called_with(``."""
    if tree is None or "patch" not in text:
        return {}
    return verbs_asserted_through_patches(tree, _CALLEES)


SURVEY = Survey(wants=wanted, summarise=summarise, combine=combine)
