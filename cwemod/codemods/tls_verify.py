"""Stop turning off certificate checks in requests and httpx calls (CWE-295)."""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping, Sequence
from typing import Any

import libcst as cst
from libcst.metadata import GlobalScope, PositionProvider, ScopeProvider

from cwemod.codemods._http_calls import (
    HTTPX_CLIENTS,
    HTTPX_FUNCTIONS,
    REQUESTS_FUNCTIONS,
    http_calls,
    is_constant,
    is_literal,
    may_import_http_library,
)
from cwemod.codemods._http_mappings import mapping_values, may_unpack_a_constant
from cwemod.codemods._http_scheme import hidden_tls_failure, http_fallback, plain_http_source
from cwemod.codemods._http_sessions import SESSION_METHODS, may_call_a_session, session_made_with
from cwemod.codemods._http_survey import VERBS, HttpFacts
from cwemod.codemods._ssh_settings import SettingDefaults
from cwemod.codemods._verify_defaults import VerifyDefaults, set_by_default
from cwemod.codemods.base import Codemod, callee_tails, imported_tails, nodes_of_type
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import Bindings, assigned_targets
from cwemod.codemods.kit.calls import is_keyword, keyword_arg, without_keyword
from cwemod.codemods.kit.enclosing import EnclosingDefinitions
from cwemod.codemods.kit.growth import opens_a_bracket
from cwemod.codemods.kit.names import QualifiedNames, last_name
from cwemod.codemods.kit.parents import ParentProvider, ancestors
from cwemod.codemods.kit.project import dotted_module
from cwemod.codemods.kit.scanner_marks import MARKED
from cwemod.codemods.kit.source import code_of, module_code, module_lines
from cwemod.codemods.kit.syntax import nodes
from cwemod.codemods.records import Applicability, RefusalKind

# healthcheck, health_check, check_health, healthz, liveness and readiness probes.
_HEALTH_CHECK = re.compile(
    r"health[_-]?check|check[_-]?health|healthz|liveness|readiness", re.IGNORECASE
)
_KNOWN = REQUESTS_FUNCTIONS | HTTPX_FUNCTIONS | HTTPX_CLIENTS
# The methods of a session or client that send a request: session.post(**request_args).
_VERB_METHODS = frozenset((*VERBS, "stream"))
# The methods of a requests.Session that take verify=: its verbs, and send() of a prepared
# request (osprofiler's LogInsightClient), which falls back on the session's verify too.
_SESSION_METHODS = tuple(SESSION_METHODS)
# urllib3's warning for an unverified request, named or silenced with all of urllib3's.
_SILENCED_WARNING = re.compile(r"\bInsecureRequestWarning\b|\bdisable_warnings\(")
# Why code made for hosts whose certificates it cannot check keeps verify=False.
_NEEDS_A_SETTING = (
    "(an appliance's own, most often), and without verify=False every call fails until a "
    "CA bundle can be given: add a setting for one (verify=<path>) by hand"
)
# A comment that speaks of what verify=False turns off.
_ABOUT_CERTIFICATES = re.compile(r"cert|ssl|tls|verif|self[- ]signed|insecure", re.IGNORECASE)
# ssl's switch for urllib's default context, and the functions that make an unverified one
# (_create_stdlib_context is _create_unverified_context).
_DEFAULT_CONTEXT = "_create_default_https_context"
_UNVERIFIED = frozenset(("_create_unverified_context", "_create_stdlib_context"))
_PROCESS_WIDE = (
    "turns off certificate checks for every HTTPS connection urllib makes in the process, "
    "in every module, from the moment this code runs: remove it, and pass an unverified "
    "context (context=ssl._create_unverified_context()) only to the calls that must skip "
    "checks, by hand"
)
_REASON = (
    "certificates are now verified: a host with a self-signed or private-CA certificate "
    "fails until its CA bundle is configured (verify='/path/to/ca.pem')"
)


class TlsVerify(EnclosingDefinitions, Codemod):
    id = "tls-verify"
    title = "Verify TLS certificates in HTTP calls"
    cwe = ("CWE-295",)
    rules = ("B501",)
    # ruff's S323 (in preview) flags a reference to ssl._create_unverified_context too
    site_rules = ("B323",)
    applicability = Applicability.REVIEW
    leaves_tests_alone = True
    prefilter = ("verify", _DEFAULT_CONTEXT)
    docs = """\
## What it does
Removes `verify=False` from `requests.get/post/put/patch/delete/head/options/request(...)`
and from `httpx.get(...)` ..., `httpx.request`, `httpx.stream`, `httpx.Client(...)`
and `httpx.AsyncClient(...)`, so that the library's default, `verify=True`,
applies; and from the methods (its verbs and `send()`) of a stock
`requests.Session()` the code makes itself, which verifies certificates
unless told otherwise (osprofiler's LogInsightClient, `self._session =
requests.Session()` in `__init__`, then `self._session.send(prepped,
verify=False)`). Works through import aliases and `from requests import get`.
The other arguments stay on their lines: where `verify=False` starts a
continuation line, what follows it on that line stays there.

## Why is this bad?
`verify=False` accepts any certificate, so anyone on the network path can
impersonate the server and read or change the traffic (CWE-295, improper
certificate validation).

## Fix safety
Review: a host with a self-signed or private-CA certificate now fails the
TLS handshake; configure its CA bundle (`verify='/path/to/ca.pem'`, or
`REQUESTS_CA_BUNDLE` for requests) before merging. Module-level calls start
from a fresh session, so leaving `verify` out is the same as `verify=True`.

Safe: none.

## Refuses
- A call marked `# nosec`: the project accepted `verify=False` there.
- `verify=<a variable or expression>`: usually a setting (`insecure`,
  `ssl_verify`) that an operator chose; check its default (advice only,
  where a report points). Where it is False unless the caller passes
  something, as read through parameters' defaults, names, `self.`
  attributes set in the class, `not`, `... if ... else ...`, `and`, `or`
  (oslo.vmware's `RequestsTransport(cacert=None, insecure=True)` and
  `verify=self.verify` after `self.verify = cacert if cacert else not
  insecure`), the advice names those parameters and their defaults and is
  recorded in every run; `None` (requests' default) and a CA bundle's path
  verify. Where it is a name bound to False outside every branch of its
  function (every `if`, loop, `try`, `match`) before the call, and set
  otherwise only under `if`s the call is not in (not in an `else`, which
  may leave no way to the call without one), certificate checks are off
  by default (sushy-tools' `verify = False`, then the CA file only where
  one is configured): advice in every run naming those `if`s. The same
  for an oslo.config option read as `verify=` (`conf.group.option`, or a
  name bound to one as above: oslo.policy's `remote_ssl_verify_server_crt`,
  replaced by a CA file only where it is on) that every `BoolOpt` of that
  name the project defines makes False by default (`default=False`, or a
  string oslo.config's `Boolean` type reads as False, `"False"`, `"no"`,
  `"0"`, `"off"` in any case: networking-mlnx's `cert_verify`): the advice
  names the option and where it is defined. The survey reads each `BoolOpt('name',
  ...)` call's own text (the modules that hold `BoolOpt(`, no parse of
  theirs), by name alone, whatever its group; a call with a comment or a
  backslash in it is not read, and its name is not known False. An option
  of another package (keystoneauth's) is not read.
- `verify=True` or a CA bundle path: already fixed.
- Methods of a `requests.Session` or `httpx.Client` the code does not plainly
  make itself (a caller's, a factory's): leaving `verify` out there means
  the session's own setting, which may be `False`. A stock session the code
  makes is followed as requests-timeout follows one (a local name, or a
  `self.` attribute, bound to `requests.Session()` and nothing else); not
  one with an adapter mounted that may send as it likes (any but requests'
  own `HTTPAdapter`, or a plain subclass the module defines), nor one whose
  `verify` the module sets (`session.verify = ...`).
- A call that passes `**mapping` (to a module-level function, or to a
  session's or client's method) where the mapping is given `verify=False`:
  a key of the dict literal it is bound to, or one the code sets by key,
  `setdefault` or `update` (icinga2api's `request_args['verify'] = False`
  where no CA certificate is configured; a `self.` attribute in its class),
  in a module that imports requests or httpx. Advice only, once per
  mapping, at where it is given False (once per call a report points at).
  Set outside any `if`, certificate checks are off there by default: give
  it a CA bundle rather than False. Set under an `if` on a setting (a
  parameter, a `self.` attribute or a module-level name: sewer's
  `if not self.ACME_VERIFY: kwargs["verify"] = False`, True by default, for
  a test server's certificate), the advice names the condition, and the
  setting's default where it can tell (a parameter's, or the one assigned
  to the attribute): an operator's choice, to check is not used in
  production. Under another test, it names that test. It names every test
  it is given False under, and every comparison, `not` or `bool(...)` the
  mapping is given as `verify`, which may be False too (git-review's
  `env["verify"] = verify != 'false'`, from `git config http.sslVerify`,
  beside `False` where `GIT_SSL_NO_VERIFY` is set).
- A call where removing `verify=False` would move a bracket that a continuation line is aligned under.
- Code in tests, which often talks to a local test server.
- A call in a `try` whose handler (of its `SSLError`, or a base of it) goes
  on to plain http: it retries with an `http://` URL (nikola's theme
  command, `url.replace('https', 'http', 1)`), or goes on to the next turn
  of a loop over `'https'` and `'http'` (arjun's `stable_request()`, whose
  `for scheme in ['https', 'http']` then sends the user's cookies over
  http). Verifying there makes a certificate failure a downgrade instead
  of an error; advice only.
- A call in a `try` whose handler a certificate failure reaches first (one
  of requests' `SSLError`, a `ConnectionError`, or a base of it: its
  `RequestException`, `OSError`, `Exception`, a bare `except:`; httpx's
  `ConnectError` and its bases) hides it: it raises nothing, does not name
  the error it caught (`except ... as error`, then `error`) and logs no
  traceback (`LOG.exception`, `exc_info=`). networking-arista's EAPI client
  catches `requests.exceptions.ConnectionError`, logs "Error while trying to
  connect" and returns None: verifying there makes a self-signed
  certificate look like an unreachable controller. Advice only: make the
  handler report certificate errors, and give a CA bundle setting.
- A plain `http://` URL, written in the call, bound to its name, or built
  by a function of the module whose every return is one (acme's
  `HTTP01.uri()`): no certificate is checked on it, and `verify=False`
  only matters for a redirect to https (acme's http-01 self-check follows
  one to a host whose certificate it may not trust yet); not-applicable.
- A call of a module whose tests assert the exact arguments of calls of
  the same function (`mock_get.assert_called_once_with(uri, verify=False,
  ...)`, as acme's do, for its `requests.get(...)`; one asserting
  `request`, which every verb calls, for any): the call and the
  assertions change together; advice only.
- A module whose every requests or httpx call (two or more) passes
  `verify=False`: a deliberate choice for hosts whose certificates it
  cannot check, most often an appliance's own (networking-cisco's NDFC
  helper, monasca-agent's A10 check, Manila's Tegile driver); without it
  every call fails until the code can be given a CA bundle. Advice only:
  add a setting for one by hand.
- A call under `with warnings.catch_warnings():` that ignores every warning
  (gradio's `url_ok()` probe of its own server, which may use a
  self-signed certificate its `ssl_verify` setting allows): the warning
  `verify=False` brings is silenced on purpose. Advice only.
- A module that silences urllib3's `InsecureRequestWarning`
  (`urllib3.disable_warnings()`, or a warnings filter that names it): it
  reaches hosts whose certificates it cannot check on purpose
  (monasca-agent's SolidFire check). Advice only. Not where it silences it
  only under a test of a setting it passes as `verify=` (pymisp's
  `if misp_verifycert is False:`): that setting decides its own calls, not
  a hard-coded `verify=False` to another host.
- A `verify=False` with a comment about certificates after it on its line
  or on the line above it (python-dracclient's
  `# TODO(ifarkas): enable cert verification`): the project gave its
  reason, or what it needs first. Advice only.
- A health check or probe (a module or function named `healthcheck`,
  `health_check`, `healthz`, `liveness`, `readiness`): it often reaches the
  service by address, and a certificate issued for the host name would
  fail there and report a healthy service as down (Tripleo's container
  health check); advice only.

- `ssl._create_default_https_context = ssl._create_unverified_context`
  (or `ssl._create_stdlib_context`, the same function), read through
  imports (salt-pepper's libpepper.py, at import): it turns off certificate
  checks for every HTTPS connection urllib makes in the process, not only
  the module's own. Which calls truly need an unverified context is for
  the author to say; advice only. Answers ruff's `S323` there (its preview
  flags the reference; Bandit's `B323` flags calls only).

## Options
None.
"""
    example = """\
import requests


def fetch_inventory(url):
    return requests.get(url, timeout=30, verify=False).json()
"""

    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider, ParentProvider)

    @classmethod
    def may_have_candidates(cls, source: str, options: Mapping[str, Any]) -> bool:
        return _DEFAULT_CONTEXT in source or may_import_http_library(source)

    @classmethod
    def candidates(cls, tree: ast.Module, options: Mapping[str, Any]) -> list[ast.AST]:
        """A whole-tree run records only a call that passes ``verify=False``, and an
        assignment of an unverified context's maker to ssl's default one."""
        unverified = lambda value: is_constant(value, False)  # noqa: E731
        calls = http_calls(tree, "verify", unverified)
        sessions = may_call_a_session(tree, unverified, "verify", _SESSION_METHODS)
        unpacked = may_unpack_a_constant(tree, "verify", False)
        defaults = _verify_from_defaults(tree, _SESSION_METHODS)
        settings = _verify_from_settings(tree, _SESSION_METHODS)
        switches = _default_context_switches(tree)
        return [*calls, *sessions, *unpacked, *defaults, *settings, *switches]

    @classmethod
    def answers_at(cls, rule: str, tree: ast.Module, lines: Sequence[tuple[int, int]]) -> bool:
        """B323 (ruff's S323, which flags references too) where it points at ssl's default
        HTTPS context made unverified."""
        return rule == "B323" and any(
            start <= node.lineno <= end
            for node in _default_context_switches(tree)
            for start, end in lines
        )

    def visit_Module(self, node: cst.Module) -> None:
        self._names = QualifiedNames(self)
        self._withs: list[cst.With] = []  # the with statements the visit is in
        self._lines = module_lines(node)
        self._module = node
        self._bindings = Bindings(self, node)
        self._unverified_calls: int | None = None  # counted when first needed
        self._advised: set[int] = set()  # the mappings given verify=False already advised on
        self._defaults: SettingDefaults | None = None  # made when first needed
        self._verify_defaults = VerifyDefaults(self, self._bindings)
        self._verify_set_by: set[str] | None = None  # _verify_set_on's, when first asked
        self._warning_silenced = _SILENCED_WARNING.search(module_code(node)) is not None and (
            _silences_unconditionally(node)
        )

    def _http_facts(self) -> HttpFacts:
        """The survey's facts, read where a site asks: reading them runs the survey, which a
        worker would otherwise make for every file the ast gate lets through."""
        facts = self.facts
        return facts if isinstance(facts, HttpFacts) else HttpFacts()

    def visit_Assign(self, node: cst.Assign) -> None:
        """``ssl._create_default_https_context = ssl._create_unverified_context`` (salt-pepper's
        libpepper.py, at import): advice only, the calls that need it are the author's to find."""
        if self.in_tests or not self._names.of(node.value) & _UNVERIFIED_NAMES:
            return
        if any(
            self._names.of(target.target) & {f"ssl.{_DEFAULT_CONTEXT}"} for target in node.targets
        ):
            reason = f"ssl.{_DEFAULT_CONTEXT} = {code_of(node.value)} {_PROCESS_WIDE}"
            self.refuse(node, RefusalKind.ADVICE_ONLY, reason)

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        verify = keyword_arg(original_node, "verify")
        if verify is None and not self.in_tests:
            self._refuse_unpacked_false(original_node)
        if verify is None or self.in_tests:
            return updated_node
        around = (self.innermost_function(), self.innermost_class())
        function = self._http_function(original_node, around)
        if function is None:
            if is_literal(verify.value, "False"):
                self.note(
                    original_node,
                    RefusalKind.ADVICE_ONLY,
                    "not a module-level requests or httpx call, nor one of a stock"
                    " requests.Session() the code makes (another session's method keeps the"
                    " session's own verify when the keyword goes): pass a CA bundle by hand",
                )
            return updated_node
        if not is_literal(verify.value, "False"):
            self._leave_alone(original_node, verify)
            return updated_node
        if self.marked(original_node):
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                f"{MARKED}: the project chose verify=False here on purpose; "
                "change it only with the reason in that comment in mind",
            )
            return updated_node
        plain = plain_http_source(original_node, function, self._bindings, self._module)
        if plain is not None:
            self.refuse(
                original_node,
                RefusalKind.NOT_APPLICABLE,
                f"{plain} is plain http://: no certificate is checked on it, and verify=False "
                "only matters for a redirect to https (acme's http-01 self-check follows one "
                "to a host whose certificate it may not trust yet)",
            )
            return updated_node
        fallback = http_fallback(original_node, self.parent_of, self._bindings)
        if fallback is not None:
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                "verifying here makes a certificate failure fall back to http://, a downgrade, "
                f"instead of failing: {fallback}; let a certificate error (requests' SSLError) "
                "end it rather than go on to http, then remove verify=False, by hand",
            )
            return updated_node
        if self._in_a_health_check():
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                "a health check: it probes a service, often by address, and a certificate "
                "that names another host would report a healthy service as down; give it "
                "the CA bundle and the name the certificate holds by hand",
            )
            return updated_node
        if self._warning_silenced:
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                "this module silences urllib3's InsecureRequestWarning: it reaches hosts whose "
                f"certificates it cannot check on purpose {_NEEDS_A_SETTING}",
            )
            return updated_node
        if self._under_silenced_warnings():
            # gradio's url_ok(): warnings.filterwarnings("ignore") around httpx.head(verify=False)
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                "the call runs with every warning silenced (warnings.catch_warnings() with an"
                " 'ignore' filter), InsecureRequestWarning among them: it reaches a host whose"
                f" certificate it cannot check on purpose {_NEEDS_A_SETTING}",
            )
            return updated_node
        if self._explained(verify):
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                "a comment at verify=False gives the project's reason for it, or what it needs "
                "first: change it by hand with that in mind",
            )
            return updated_node
        if self._http_facts().asserts(dotted_module(self.module_path), function):
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                "this module's tests assert the exact arguments of its HTTP calls: remove "
                "verify=False from the call and from those assertions together",
            )
            return updated_node
        every = self._every_call_unverified()
        if every:
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                f"all {every} HTTP calls of this module turn certificate checks off: a "
                f"deliberate choice for hosts whose certificates it cannot check {_NEEDS_A_SETTING}",
            )
            return updated_node
        hidden = hidden_tls_failure(original_node, self.parent_of)
        if hidden is not None:
            self.refuse(original_node, RefusalKind.ADVICE_ONLY, self._hidden_reason(hidden))
            return updated_node
        end = self.get_metadata(PositionProvider, verify.value).end
        if opens_a_bracket(self._lines[end.line - 1][end.column :]):
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                "removing verify=False would shift an aligned continuation line; remove it by hand",
            )
            return updated_node
        reason = f"{function}: {_REASON}"
        if not self.accept_fix(original_node, Applicability.REVIEW, reason):
            return updated_node
        return updated_node.with_changes(args=without_keyword(updated_node.args, "verify"))

    def _hidden_reason(self, handler: cst.ExceptHandler) -> str:
        """Advice where ``handler`` would hide a certificate failure of the call."""
        caught = _CONTINUED.sub(" ", code_of(handler.type)) if handler.type else ""
        line = self.lines_of(handler)[0]
        return (
            "a certificate failure would be hidden: the handler at line"
            f" {line} (`except{' ' + caught if caught else ''}:`) catches it (requests'"
            " SSLError is a ConnectionError) and neither raises nor reports it, so with"
            " verification on a host with a self-signed certificate (an appliance's own, most"
            " often) only looks unreachable; make the handler raise or log certificate errors"
            " and give a CA bundle setting (verify=<path>), then remove verify=False, by hand"
        )

    def _http_function(
        self, call: cst.Call, around: tuple[cst.FunctionDef | None, cst.ClassDef | None]
    ) -> str | None:
        """The requests or httpx function ``call`` calls; ``requests.Session.<method>`` for a
        method of a stock ``requests.Session()`` the code makes (``session_made_with``, in
        the function and class ``around`` the call), which verifies certificates unless told
        otherwise: no adapter mounted on it that may send as it likes, no ``verify`` of its
        own set. None for any other call."""
        function = next(iter(sorted(self._names.of(call.func) & _KNOWN)), None)
        func = call.func
        if function is not None or not isinstance(func, cst.Attribute):
            return function
        if func.attr.value not in _SESSION_METHODS:
            return None
        receiver = func.value
        made, adapters = session_made_with(
            receiver, self._names.of, self._bindings.of, self._module, around
        )
        if not made or adapters or self._verify_set_on(receiver):
            return None
        return f"requests.Session.{func.attr.value}"

    def _verify_set_on(self, receiver: cst.BaseExpression) -> bool:
        """Does the module set ``<x>.verify`` where ``x`` ends as ``receiver`` does
        (``session.verify = ...`` of ``session``, of ``self.session``)?"""
        if self._verify_set_by is None:
            self._verify_set_by = {
                last_name(target.value)
                for assign in nodes_of_type(
                    self._module, (cst.Assign, cst.AnnAssign, cst.AugAssign)
                )
                for target in assigned_targets(assign)
                if isinstance(target, cst.Attribute) and target.attr.value == "verify"
            } - {""}
        return last_name(receiver) in self._verify_set_by

    def _refuse_unpacked_false(self, call: cst.Call) -> None:
        """icinga2api's ``request_args['verify'] = False`` (where no CA certificate is
        configured), then ``session.post(**request_args)``: advice, not a fix, for a value set
        in a mapping, maybe under a condition (:meth:`_advise_unpacked`), and passed to a
        module-level HTTP function or an HTTP verb's method (a session's)."""
        func = call.func
        verb = isinstance(func, cst.Attribute) and func.attr.value in _VERB_METHODS
        if not verb and not self._names.of(func) & _KNOWN:
            return
        around = self.innermost_function() or self._module
        owner = self.innermost_class()
        for arg in call.args:
            if arg.star != "**":
                continue
            values = mapping_values(arg.value, "verify", self._bindings.of, around, owner)
            falses = [value for value in values if is_literal(value, "False")]
            if falses:
                maybe = [value for value in values if _may_be_false(value)]
                self._advise_unpacked(call, code_of(arg.value), falses, maybe)
                return

    def _advise_unpacked(
        self,
        call: cst.Call,
        name: str,
        falses: list[cst.BaseExpression],
        maybe: list[cst.BaseExpression],
    ) -> None:
        """Advice for ``**name`` given ``verify=False`` (``falses``, the values): once per
        mapping, at where it is given False, unless a finding points at the call. Off by
        default where a value is set unconditionally; else the conditions', named. Each of
        ``maybe`` (git-review's ``verify != 'false'``, from ``git config http.sslVerify``)
        is named as another way to False."""
        if not self.asked_about(call):
            if id(falses[0]) in self._advised:
                return
            self._advised.add(id(falses[0]))
        at = None if self.asked_about(call) else falses[0]
        tests = [test for value in falses if (test := self._condition(value)) is not None]
        fix = f"give {name} a CA bundle (verify='/path/to/ca.pem') rather than False"
        also = "".join(
            f", or where `{code_of(v)}` (line {self.lines_of(v)[0]}) is False" for v in maybe
        )
        if len(tests) < len(falses):
            reason = f"certificate checks are off by default there; {fix}, or leave verify out"
            given = f"{_GIVEN.format(name)}{also}: {reason}, by hand"
            self.refuse(call, RefusalKind.ADVICE_ONLY, given, at=at)
            return
        when = ", or ".join(dict.fromkeys(when for when, _ in tests)) + also
        if any(setting for _, setting in tests):
            reason = (
                f"only when {when}: an operator's choice; check its default and that it is not "
                f"used in production, and {fix} where a host needs one"
            )
        else:
            reason = f"when {when}: certificate checks are off then; {fix}, or leave verify out"
        self.refuse(
            call, RefusalKind.ADVICE_ONLY, f"{_GIVEN.format(name)} {reason}, by hand", at=at
        )

    def _condition(self, value: cst.CSTNode) -> tuple[str, bool] | None:
        """The ``if`` test ``value`` is set under, the innermost in its function or class:
        (``"`X` is false (line N)"``, whether it tests a setting); None outside every ``if``."""
        node, parent = value, self.parent_of(value)
        while parent is not None and not isinstance(parent, _SCOPE_NODES):
            if isinstance(parent, cst.If):
                return self._phrase(parent, truth=node is parent.body)
            node, parent = parent, self.parent_of(parent)
        return None

    def _phrase(self, branch: cst.If, *, truth: bool) -> tuple[str, bool]:
        """How to say that ``branch``'s test is ``truth``, and whether it tests a setting."""
        test = branch.test
        while isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
            test, truth = test.expression, not truth
        line = self.lines_of(branch)[0]
        default = self._default_of(test)
        said = "" if truth and isinstance(test, cst.Comparison) else f" is {str(truth).lower()}"
        written = _CONTINUED.sub(" ", code_of(test))
        when = f"`{written}`{said} (line {line}{default})"
        return when, self._tests_a_setting(test)

    def _tests_a_setting(self, test: cst.BaseExpression) -> bool:
        """Is ``test`` made of settings (a name or attribute chain from a parameter, ``self``
        or a module-level name), ``not``, ``and``/``or`` and comparisons with constants?"""
        if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
            return self._tests_a_setting(test.expression)
        if isinstance(test, cst.BooleanOperation):
            return self._tests_a_setting(test.left) and self._tests_a_setting(test.right)
        if isinstance(test, cst.Comparison):
            operands = [test.left, *(target.comparator for target in test.comparisons)]
            rest = [o for o in operands if not isinstance(o, _CONSTANTS) and not _is_constant(o)]
            return bool(rest) and all(self._tests_a_setting(o) for o in rest)
        root = test
        while isinstance(root, cst.Attribute):
            root = root.value
        if not isinstance(root, cst.Name):
            return False
        scope = self.get_metadata(ScopeProvider, root, None)
        assignments = scope[root.value] if scope is not None else ()
        return bool(assignments) and all(
            isinstance(a.node, cst.Param) or isinstance(a.scope, GlobalScope) for a in assignments
        )

    def _default_of(self, test: cst.BaseExpression) -> str:
        """``", true by default"`` where ``test`` (a name or ``self.`` attribute) is on where
        nobody sets it (a parameter's default, sewer's ``ACME_VERIFY: bool = True`` assigned
        to ``self.ACME_VERIFY``), ``", false by default"`` where off; else ""."""
        if self._defaults is None:
            self._defaults = SettingDefaults(self, self._module)
        default = self._defaults.of_test(test)
        return "" if default is None else f", {str(default).lower()} by default"

    def _every_call_unverified(self) -> int:
        """How many requests and httpx calls the module makes, when there are two or more
        and every one passes ``verify=False`` (networking-cisco's NDFC helper); else 0."""
        if self._unverified_calls is None:
            calls = [
                call
                for call in nodes_of_type(self._module, cst.Call)
                if self._http_function(call, self._around(call)) is not None
            ]
            unverified = [
                call
                for call in calls
                if (verify := keyword_arg(call, "verify")) is not None
                and is_literal(verify.value, "False")
            ]
            every = len(calls) >= 2 and len(unverified) == len(calls)
            self._unverified_calls = len(calls) if every else 0
        return self._unverified_calls

    def _around(self, node: cst.CSTNode) -> tuple[cst.FunctionDef | None, cst.ClassDef | None]:
        """The innermost function and class around ``node``."""
        found = list(ancestors(node, self.parent_of))
        function = next((n for n in found if isinstance(n, cst.FunctionDef)), None)
        return function, next((n for n in found if isinstance(n, cst.ClassDef)), None)

    def visit_With(self, node: cst.With) -> None:
        self._withs.append(node)

    def leave_With(self, original_node: cst.With, updated_node: cst.With) -> cst.With:
        self._withs.pop()
        return updated_node

    def _under_silenced_warnings(self) -> bool:
        """Is the call in a ``with warnings.catch_warnings():`` that sets an ``ignore`` filter
        for every warning (``filterwarnings("ignore")``, ``simplefilter("ignore")``)?"""
        for node in self._withs:
            if not any(
                "warnings.catch_warnings" in self._names.of(item.item.func)
                for item in node.items
                if isinstance(item.item, cst.Call)
            ):
                continue
            for found in nodes_of_type(node.body, cst.Call):
                names = self._names.of(found.func)
                first = found.args[0].value if len(found.args) == 1 else None
                if names & {"warnings.filterwarnings", "warnings.simplefilter"} and (
                    isinstance(first, cst.SimpleString) and first.evaluated_value == "ignore"
                ):
                    return True
        return False

    def _explained(self, verify: cst.Arg) -> bool:
        """Does a comment about certificates sit after ``verify=False`` on its line, or on the
        line above it (inside the call, or just above a call that starts there)?"""
        start = self.get_metadata(PositionProvider, verify).start
        end = self.get_metadata(PositionProvider, verify.value).end
        comments = [self._lines[end.line - 1][end.column :].partition("#")[2]]
        above = self._lines[start.line - 2].lstrip() if start.line >= 2 else ""
        if above.startswith("#"):
            comments.append(above)
        return any(_ABOUT_CERTIFICATES.search(comment) for comment in comments)

    def _in_a_health_check(self) -> bool:
        """Is the call in a module or function named for a health check or probe?"""
        names = [self.module_path, *(f.name.value for f in self.enclosing_functions())]
        return any(_HEALTH_CHECK.search(name) for name in names)

    def _leave_alone(self, call: cst.Call, verify: cst.Arg) -> None:
        value = verify.value
        if is_literal(value, "True") or isinstance(
            value, (cst.SimpleString, cst.ConcatenatedString)
        ):
            self.note(call, RefusalKind.ALREADY_FIXED, "certificates are already verified")
            return
        default = self._verify_defaults.of(value, self.innermost_class())
        if default is not None and default.value is False and not self.marked(call):
            # oslo.vmware's verify=self.verify, cacert if cacert else not insecure
            said = default.said(lambda node: self.lines_of(node)[0])
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                f"verify={code_of(value)} is False where the caller passes nothing ({said}):"
                " certificates go unchecked unless the caller opts in; make the default"
                " verify them (a CA bundle setting where a host needs one), by hand",
            )
            return
        unconfigured = self._off_unless_configured(call, value)
        if unconfigured is not None and not self.marked(call):
            self.refuse(call, RefusalKind.ADVICE_ONLY, unconfigured)
            return
        self.note(
            call,
            RefusalKind.ADVICE_ONLY,
            f"verify={code_of(value)} is decided elsewhere; check that it is never False "
            "outside a test setup",
        )

    def _off_unless_configured(self, call: cst.Call, value: cst.BaseExpression) -> str | None:
        """Advice where ``value`` is False unless something is configured: an oslo.config
        option the project defines False by default (oslo.policy's
        ``remote_ssl_verify_server_crt``), or a name bound to one or to False outside every
        branch and set otherwise only under ``if``s (sushy-tools' ``verify = False``, then the
        CA file where one is configured); else None."""
        said = self._option_off(value)
        if said is None and isinstance(value, cst.Name):
            said = self._bound_off(call, value)
        if said is None:
            return None
        return (
            f"verify={code_of(value)} is {said}: certificate checks are off by default: give"
            " it a CA bundle by default, or True, by hand"
        )

    def _bound_off(self, call: cst.Call, name: cst.Name) -> str | None:
        """``bound to False (line 195) and set otherwise only where ...`` where ``name`` is
        bound to False, or to an option False by default, outside every branch before the
        call, and otherwise only under ``if``s (``set_by_default``); else None."""
        found = set_by_default(name, call, self._bindings, self.parent_of)
        if found is None or self.lines_of(found.value)[0] > self.lines_of(call)[0]:
            return None
        line = self.lines_of(found.value)[0]
        if is_literal(found.value, "False"):
            said = f"bound to False (line {line})"
        elif (option := self._option_off(found.value)) is not None:
            said = f"bound to `{code_of(found.value)}` (line {line}), {option}"
        else:
            return None
        others = sorted(found.others, key=lambda other: self.lines_of(other)[0])
        whens = [when for v in others if (when := self._condition(v)) is not None]
        if whens:
            said += " and set otherwise only where " + ", or ".join(w for w, _ in whens)
        return said

    def _option_off(self, value: cst.BaseExpression) -> str | None:
        """``an oslo.config option False by default (opts.py, line 80)`` where ``value``
        (``conf.group.option``) reads an option every oslo.config ``BoolOpt`` the project
        defines of that name makes False by default (by name alone, whatever its group);
        else None."""
        if not _dotted_setting(value):
            return None
        found = self._http_facts().options_off.get(value.attr.value)  # type: ignore[attr-defined]
        if found is None:
            return None
        path, line = found
        return f"an oslo.config option False by default ({path}, line {line})"


# A backslash that continues a line, and the indentation after it.
_CONTINUED = re.compile(r"[ \t]*\\\r?\n[ \t]*")
# How advice on a **mapping given verify=False starts.
_GIVEN = "the call passes **{}, which is given verify=False"
_SCOPE_NODES = (cst.FunctionDef, cst.ClassDef, cst.Lambda)
_CONSTANTS = (cst.SimpleString, cst.ConcatenatedString, cst.Integer, cst.Float)


def _may_be_false(value: cst.BaseExpression) -> bool:
    """Is ``value`` True or False as something else decides: a comparison, a ``not``, a
    ``bool(...)``, or ``and``/``or`` with one of them?"""
    if isinstance(value, cst.BooleanOperation):
        return _may_be_false(value.left) or _may_be_false(value.right)
    return (
        isinstance(value, cst.Comparison)
        or (isinstance(value, cst.UnaryOperation) and isinstance(value.operator, cst.Not))
        or (isinstance(value, cst.Call) and m.matches(value.func, m.Name("bool")))
    )


def _is_constant(node: cst.BaseExpression) -> bool:
    return any(is_literal(node, name) for name in ("True", "False", "None"))


_UNVERIFIED_NAMES = frozenset(f"ssl.{name}" for name in _UNVERIFIED)


def _verify_from_defaults(tree: ast.Module, methods: tuple[str, ...]) -> list[ast.Call]:
    """The ast gate of a ``verify=`` setting off by default (``_verify_defaults``): an HTTP
    call, or a session's, whose ``verify=`` names a parameter with a default, or a ``self.``
    attribute some assignment of the module gives one (oslo.vmware's ``self.verify =
    cacert if cacert else not insecure``), erring towards more calls."""
    defaulted = {
        arg.arg
        for function in nodes(tree, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        for arg in _defaulted_parameters(function.args)
    }
    if not defaulted:
        return []
    setting = lambda value: value is not None and _names_in(tree, value) & defaulted  # noqa: E731
    calls = http_calls(tree, "verify", setting)
    return [*calls, *may_call_a_session(tree, setting, "verify", methods)]


def _verify_from_settings(tree: ast.Module, methods: tuple[str, ...]) -> list[ast.Call]:
    """The ast gate of a ``verify=`` off unless configured (``_off_unless_configured``): an
    HTTP call, or a session's, whose ``verify=`` is a dotted setting (``conf.group.option``,
    which the survey may know an oslo.config option False by default), or a name the module
    binds to one or to False; erring towards more calls."""
    bound = {
        target.id
        for assign in nodes(tree, ast.Assign)
        if is_constant(assign.value, False) or _dotted_setting_ast(assign.value)
        for target in assign.targets
        if isinstance(target, ast.Name)
    }
    wanted = lambda v: isinstance(v, ast.Name) and v.id in bound or _dotted_setting_ast(v)  # noqa: E731
    calls = http_calls(tree, "verify", wanted)
    return [*calls, *may_call_a_session(tree, wanted, "verify", methods)]


def _dotted_setting_ast(value: ast.expr | None) -> bool:
    """``conf.group.option``, ``CONF.option``: a dotted name, not ``self.<attribute>``."""
    depth = 0
    while isinstance(value, ast.Attribute):
        value, depth = value.value, depth + 1
    return isinstance(value, ast.Name) and depth > (1 if value.id in ("self", "cls") else 0)


def _dotted_setting(value: cst.BaseExpression) -> bool:
    """As :func:`_dotted_setting_ast`, of a LibCST node."""
    depth = 0
    while isinstance(value, cst.Attribute):
        value, depth = value.value, depth + 1
    return isinstance(value, cst.Name) and depth > (1 if value.value in ("self", "cls") else 0)


def _defaulted_parameters(arguments: ast.arguments) -> list[ast.arg]:
    positional = [*arguments.posonlyargs, *arguments.args]
    given = positional[len(positional) - len(arguments.defaults) :] if arguments.defaults else []
    keyword = [a for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults) if d is not None]
    return [*given, *keyword]


def _names_in(tree: ast.Module, value: ast.expr) -> set[str]:
    """The names ``value`` reads, and for each ``x.<attribute>`` in it those of every value
    the module assigns to an attribute of that name."""
    found = set()
    for node in ast.walk(value):
        if isinstance(node, ast.Name):
            found.add(node.id)
        elif isinstance(node, ast.Attribute):
            found.update(
                inner.id
                for assign in nodes(tree, ast.Assign)
                if any(isinstance(t, ast.Attribute) and t.attr == node.attr for t in assign.targets)
                for inner in ast.walk(assign.value)
                if isinstance(inner, ast.Name)
            )
    return found


def _default_context_switches(tree: ast.Module) -> list[ast.Assign]:
    """Assignments of ``..._create_unverified_context`` (or ``_create_stdlib_context``) to
    ``..._create_default_https_context``, read from the names' last parts through imports."""
    switches = [
        node
        for node in nodes(tree, ast.Assign)
        if any(_DEFAULT_CONTEXT in callee_tails(target, {}) for target in node.targets)
    ]
    imported = imported_tails(tree) if switches else {}
    return [node for node in switches if callee_tails(node.value, imported) & _UNVERIFIED]


def _silences_unconditionally(module: cst.Module) -> bool:
    """Does the module silence InsecureRequestWarning other than under a test of a setting
    it passes as ``verify=`` (pymisp's ``if misp_verifycert is False:
    urllib3.disable_warnings(...)``, beside hard-coded ``verify=False`` calls to another
    host, which that setting does not decide)?"""
    settings = {
        code_of(arg.value)
        for call in nodes_of_type(module, cst.Call)
        for arg in call.args
        if is_keyword(arg, "verify") and isinstance(arg.value, (cst.Name, cst.Attribute))
    }
    tested = {
        id(line)
        for test in nodes_of_type(module, cst.If)
        if any(code_of(name) in settings for name in m.findall(test.test, m.Name() | m.Attribute()))
        for line in m.findall(test.body, m.SimpleStatementLine())
    }
    return any(
        id(line) not in tested and _SILENCED_WARNING.search(code_of(line))
        for line in nodes_of_type(module, cst.SimpleStatementLine)
    )
