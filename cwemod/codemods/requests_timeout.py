"""Give requests (and httpx) calls a timeout, so they cannot hang forever (CWE-400)."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar

import libcst as cst
from libcst.metadata import PositionProvider, ScopeProvider

from cwemod.codemods._args_append import KeywordAppender
from cwemod.codemods._http_callers import calls_one_up
from cwemod.codemods._http_calls import (
    HTTPX_CLIENTS,
    HTTPX_FUNCTIONS,
    REQUESTS_FUNCTIONS,
    HttpNames,
    http_calls,
    is_constant,
    is_literal,
    library_of,
    may_import_http_library,
)
from cwemod.codemods._http_mappings import unpacked_values, values_set
from cwemod.codemods._http_parameters import dropped_timeouts, in_seconds
from cwemod.codemods._http_sessions import (
    foreign_adapters,
    given_or_requests,
    made_session,
    may_call_a_session,
    may_call_given_or_requests,
    module_class_chain,
    plain_self_assignments,
    through_builders,
)
from cwemod.codemods._http_settings import (
    may_read_a_setting_none_by_default,
    setting_none_by_default,
)
from cwemod.codemods._http_streams import asks_to_stream, handed_on, raw_reads
from cwemod.codemods._http_survey import HTTP_LIBRARIES, VERBS, HttpFacts
from cwemod.codemods._http_uploads import rebinds, retried_with, streamed_parameters
from cwemod.codemods.base import Codemod, nodes_of_type
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import Bindings, assigned_values
from cwemod.codemods.kit.calls import (
    filled_parameters,
    keyword_arg,
    keyword_argument,
    name_words,
    named_parameters,
)
from cwemod.codemods.kit.enclosing import EnclosingDefinitions
from cwemod.codemods.kit.growth import LineGrowth
from cwemod.codemods.kit.handlers import caught_classes
from cwemod.codemods.kit.imports import module_binding
from cwemod.codemods.kit.names import is_string, string_key
from cwemod.codemods.kit.parents import ParentProvider, ancestors, enclosing_function
from cwemod.codemods.kit.project import dotted_module
from cwemod.codemods.kit.scanner_marks import MARKED
from cwemod.codemods.kit.source import code_of, module_code
from cwemod.codemods.records import Applicability, RefusalKind

_SILENCED = f"{MARKED}: the project chose to wait here; change it only with that in mind"
_TIMEOUT_ERRORS = {"requests": "requests.Timeout", "httpx": "httpx.TimeoutException"}


class RequestsTimeout(EnclosingDefinitions, Codemod):
    id = "requests-timeout"
    title = "Give HTTP calls a timeout"
    cwe = ("CWE-400",)
    rules = ("B113",)
    applicability = Applicability.REVIEW
    leaves_tests_alone = True
    prefilter = HTTP_LIBRARIES
    default_options: ClassVar[Mapping[str, Any]] = {"timeout": "auto"}
    docs = """\
## What it does
Adds `timeout=60` (or the number the code around it gives:
see Options) to `requests.get/post/put/patch/delete/head/options/request(...)`
calls that pass no timeout (and to those methods of a `requests.Session()`
the code makes itself); an explicit `timeout=None`, in those calls and in
`httpx.get(...)` ..., `httpx.stream`, `httpx.Client(...)` and
`httpx.AsyncClient(...)`, gets advice (see Refuses). Works through import aliases and
`from requests import get`, and on a copy of requests vendored in another
package (`<package>._vendor.requests`, `.vendored.requests`,
`.packages.requests`: oci-cli's `from oci._vendor import requests`, pip's
`pip._vendor.requests`), which takes `timeout=` the same. The keyword follows the arguments' layout;
where arguments that hang on one line below the call have no room left,
it takes a line of its own below them. On a line of its own above a closing
bracket on its own line, it ends with a comma where black or `ruff format`
gates the project (their magic trailing comma); there, beside a lone argument
on a line of its own between the brackets, it joins that line where it fits,
as those formatters write it, and arguments hugged on a line between the
brackets with no room left there go one per line, with the magic comma
(sewer's `requests.patch(\n    url, data=..., headers=...\n)`).

## Why is this bad?
requests waits for an answer forever unless it is given a timeout, and
`timeout=None` does the same in httpx: a server that accepts the connection
and never answers hangs the worker, and enough of them make a denial of
service (CWE-400).

## Fix safety Review: a call that used to wait forever now raises
`requests.Timeout` (`httpx.TimeoutException`) after the timeout; check that
the value suits the endpoint (a slow upload, a long poll) and that the
caller handles the exception. The timeout bounds each wait (to connect, for
each read and each send), not the whole request: an upload that keeps moving
never trips it however large, but the server's wait before it answers does,
and one that processes the upload first (a document converted, scanned) may
take longer for a larger file; such a call with no retry around it still
gets the fix, since a slow answer fails as any slow endpoint's does (see
Refuses for one a retry sends again). Unit tests that assert the call's
exact arguments need the new keyword too. In a coroutine
(jupyterhub-nativeauthenticator's `async def post()` of a Tornado handler)
the blocking call holds up the event loop for as long as the timeout, and
the reason says so: give it a short one, or use an async client.

Safe: none.

## Refuses
- A call that would wait forever, marked `# nosec`: the project accepted it as it is.
- A call in a `try` whose handlers catch network failures
  (`ConnectionError`, `HTTPError`...) but no `Timeout` (nor
  `RequestException`, `OSError`, `Exception`): the `ReadTimeout` the
  keyword brings would escape them (sopel's URL titles, errbot's version
  check; requests' `ConnectionError` covers a connect timeout, its
  `ConnectTimeout`, but not a read one: repo2docker's Software Heritage
  retry), or around a call of the function in the same module (flit's
  classifier download, caught one call up), a method's call through `self`
  or `cls`, or the call of the parameter a function of the module fills
  with it (python-freeipa's `login()` hands `self._login` to
  `_wrap_in_dns_discovery()`, whose loop over the hosts catches
  `ConnectionError` around `function(*args)`): advice to add it to the handler
  with the keyword, before any advice to pass a setting of the project's
  (see below), which it then names too. A handler of
  `SSLError` alone is a fallback (nikola retries over http), not one; nor is
  an `HTTPError` handler that reads the `response` of the exception it binds
  (`e.response.status_code`): it handles the server's answer, and a Timeout
  added there would meet a `response` of None. Where no other handler is
  about the network (airbyte-cdk's session-token check catches that alone),
  the call gets the fix: a Timeout escapes the `try` as a `ConnectionError`
  already does.
- Any call without a timeout in a project that replaces requests'
  `HTTPAdapter.send` (pretix's `monkeypatch_requests_timeout()`, which
  gives such a request 30 s): not applicable, the patch gives it one.
- A streamed response (`stream=True`, or any value but False or None, as a
  keyword or a key of a `**mapping` it passes: of the dict literal the
  mapping is bound to, or one the code adds, under an `if` or not, by key,
  `setdefault` or `update`, as icinga2api's `request_args['stream'] = True`
  does; for a `self.` attribute, in its class) that is handed on (returned, yielded, stored, passed to a call) or read with
  `iter_lines()`: requests bounds every read of a stream by the timeout, so
  a read timeout ends a feed that stays quiet longer than it (salt-pepper's
  `req_stream()`, salt-api's `/events`); advice to give it a connect timeout
  only, `timeout=(10, None)`, or a bound its idle time allows. A download
  read in the same function (`iter_content()`, `.raw` given to a call,
  `.raw.stream()` iterated, `.raw.read()`, `.content`), or in a
  module-level function it is passed to (by position or keyword) that hands
  it on no further (orange3's `save_response_content(response,
  destination)` loops over `iter_content()`; not a `self.` method), gets
  the fix: a stalled one should fail. But not one read through `.raw`
  (there too) in a `try`
  whose handlers expect an `OSError` (it, requests' errors, `TimeoutError`)
  and not urllib3's errors: a read timeout there raises
  `urllib3.exceptions.ReadTimeoutError`, which is none (rpmdeplint's
  repodata download tries the next mirror on `OSError`); advice to add the
  timeout and catch that error too, or read with `iter_content()`, which
  raises requests' `ConnectionError`, an `OSError`.
- A call that uploads a stream, a parameter annotated with an IO class
  (`IOBase`, `BinaryIO`, `IO[bytes]`), as `data=` or as a file of `files=`
  (in a dict literal there, or the one a name passed is bound to), in a
  function a retry decorator wraps (`backoff.on_exception`,
  `tenacity.retry`, `retrying.retry`, any whose name says retry or
  backoff) or that such a function of the module calls passing it a
  parameter of its own: the retry sends the stream again from where the
  last try left it, at its end, so a read timeout the server's processing
  of the upload outlasts is retried with an empty body (airbyte-cdk's
  Unstructured API upload, hi-res OCR of a large PDF, retried by backoff
  with the same handle); advice to rewind it in each try first. A file the
  retried function opens itself is opened again in each try: the fix.
- A call that passes `**kwargs`: the timeout may be in it, and is where
  the function sets `kwargs['timeout']` (or `setdefault`s it) first:
  cinderclient's client setting (advice only, before the asserting tests'
  advice, which would pass the keyword twice); a number there (prowler's
  `kwargs.setdefault("timeout", 30)`, or a class's `self.kwargs['timeout'] =
  30`) is the fix already, and so is a
  mapping made as a dict literal with a timeout other than None (octoprint's
  `params = {..., "timeout": 3.0}`, at most set again to a number). But
  a mapping bound only to dict literals of string keys, none `timeout`,
  and changed only by such keys (bugsnag's `req_options = {'data': ...,
  'headers': ...}`) holds none: the call gets the fix, where the project
  runs on Python 3.5 or newer (a keyword after `**mapping`). So does a
  `self.` attribute the class binds only so and changes only by such keys
  (bugwarrior's `self.kwargs = {}`, then `self.kwargs['auth'] = ...` in
  `__init__`), where the module uses it in no other way (updated, handed
  out, set on another object) and the class body binds no such name.
  Where the project may run on an older Python (salt-pepper's 2.7, whose
  `params` dicts hold no timeout), advice naming the mapping: add
  `'timeout'` to it where it is made. The other reasons name the mapping
  as the call writes it (`**params`, `**self.kwargs`).
- A call in a module that has a timeout of the project's at hand: a
  module-level name that says timeout, imported or assigned (mlflow's
  `MLFLOW_SCORING_SERVER_REQUEST_TIMEOUT`, which users raise for slow
  models), or an attribute or constant other calls are given as `timeout=`
  (`api_config.timeout`; albert's `_VALIDATE_EMAIL_TIMEOUT`, named before
  its `DEFAULT_LOGIN_TIMEOUT`; not a call named for what it keeps or waits
  for, nor a method that keeps a value for a time or waits in the process,
  `set`, `add`, `get_or_set`, `touch`, `set_many`, `set_cookie`, `acquire`,
  `join`, `wait`, `result`, `communicate`: shuup's `cache.set(...,
  timeout=SECONDS_IN_DAY)`; nor a function the module defines, or a `self.`
  method of its class, whose `timeout` parameter goes to no call, mapping
  or name: ephemeris's `galaxy_wait(timeout=options.timeout)` counts its
  polling rounds against it, 0 for ever), or a setting they read by key (pywb's
  `params.get('_timeout')`; with a default, as adal's
  `self._call_context.get('timeout', None)`; or `context['timeout']`):
  advice to pass it, not a fixed 60 s. Not a name
  that says it waits for something else (a task, a job, a lock, a
  process, a database: pulpcore's `TASK_TIMEOUT`, the 30 minutes its tests
  poll a task for), or how long something is kept (a cache, a token, a
  cookie: calibre-web's `_CACHE_TIMEOUT`, 23 hours), or a remote call's
  deadline (rpc, grpc, deadline, execution: flytekit's
  `DEFAULT_SYNC_EXECUTION_RPC_TIMEOUT`), nor a module-level name whose value
  the module shows and which is no number of seconds (a number, `int(...)`,
  a pair, or a name bound to one; not flytekit's `timedelta(seconds=60)`,
  which requests rejects), nor a name the module binds to an hour or more
  (`60 * 60 * 24`: no request waits that long), nor `self.timeout`
  where no `self` is at hand (pymisp's module-level `register_user()`),
  nor a setting read through a name of another function, out of the call's
  reach (ephemeris's `options`, a parameter of `main()`).
  Where that setting is None by default (pymisp's `__init__(...,
  timeout=None)`, or a `.get()` with no default or None), the advice says
  to give it a number there too.
- A call in a function that takes a timeout (a parameter named `timeout`,
  `*_timeout` or `timeout_*`, not a task's or a lock's) and never uses it
  (pyexchange's `send(self, body, ..., timeout=30)`): the fix passes that
  parameter, `timeout=timeout`, not a fixed number that would override the
  caller's; but where its default is None (the call would still wait
  forever by default), or the function takes several (`connect_timeout`
  and `read_timeout`) or one in other units (`timeout_ms`): advice only.
- An explicit `timeout=None`: the call is meant to wait as long as the
  server takes, or httpx's 5-second default is turned off on purpose
  (gradio's startup events run the user's model on every example, and a
  bound taken from its health checks' 3 s failed `launch()`); advice to
  give it a bound by hand where one is known.
- A call whose line would run past the project's line length, or where the
  new argument would move a bracket that a continuation line is aligned
  under (advice only). A line past the length already takes it (aim's
  117-column `requests.post(...)`): flake8 reports a long line once however
  long it is; but not a line of arguments hugged between the brackets under
  black or `ruff format` (sewer's 91 columns past 88), whose `--check` would
  fail it: they go one per line, and where one of them does not fit its
  line either, the call is left alone.
- A call that already passes a timeout other than `None` (already fixed),
  but a parameter whose default is `None`, or an attribute `__init__()`
  sets from one (metabase-api's `httpx.AsyncClient(timeout=self.timeout)`
  after `__init__(..., timeout=None)`), also in a call of a session the code
  makes (see below), or that a class takes from its caller else makes
  (pyzabbix's `self.session = session or Session()`), or a setting read with
  a literal None as its default, whose name says timeout
  (mozilla-django-oidc's `self.get_settings("OIDC_TIMEOUT", None)`;
  `getattr(settings, "NAME", None)`, `X.get("key", None)`, a getter named
  for a setting, config or option given `default=None`): the call waits
  forever unless the caller says otherwise; advice to give it a number by
  default. Not a
  parameter the function gives a value first (archivebox's `timeout =
  timeout or TIMEOUT`).
- httpx calls without a timeout: httpx applies 5 seconds by default.
- Methods of a `requests.Session` the code did not make there, or of an
  `httpx.Client` (whose timeout lives on the object): the receiver is not
  known by its call alone. A stock `requests.Session` has no timeout, so
  one the code makes (a local name, or a `self.` attribute, bound to
  `requests.Session()` and nothing else, as tqdm's Telegram and Discord
  senders are, or to `None` until then, as dns-lexicon's providers are,
  or to what a method of the class returns where that is only the
  attribute itself or `requests.Session()`, as pyexchange's
  `self.session = self.build_session()` is;
  by the class or by base classes the module defines for it, as etesync's
  `BaseManager` is for its managers) and calls without a timeout waits
  forever too: those calls get the fix, unless the code replaces its
  `request`, or (any class of that chain) mounts an adapter on it that may
  set a default timeout in its `send()`: advice naming the adapter, to check
  it or pass `timeout=` by hand. requests' own `HTTPAdapter`, mounted for
  its retries, sets none, nor does a subclass of it the module defines, at
  its top level and through classes of the module alike, none of them
  decorated, defining `send` or mentioning a timeout (awscurl's
  `_TLSAdapter`, mounted for its TLS versions, builds only an SSL context):
  those calls get the fix. Any other adapter (of another module, or one
  whose `send()` or `__init__` has a timeout) gets the advice.
- A call of a name or `self.` attribute bound to the caller's session or
  the requests module itself (premailer's `self.session = session or
  requests`, or `session = session or requests` of a parameter): without a
  session it is `requests.get(...)`, which waits forever, but a timeout
  written there would override one the caller's session sets through its
  adapter: advice to give it one by hand where no caller relies on that.
- Code in tests, where the HTTP layer is mocked, and a pytest plugin the
  project registers (a `pytest11` entry point: pulpcore's `pytest_plugin.py`,
  fixtures that call its own test server).
- Where more of the project's modules give their HTTP calls a setting of
  its own than anything else (duplicity's `timeout=config.timeout`, its
  `--timeout` option; adal's `self._call_context.get('timeout', None)`, a
  setting read by key from an object its classes keep): advice to pass
  that (with `timeout = "auto"`), in a module that has it at hand (imports
  `config`; for adal's, a method of a class, or of a base the module gives
  it, that uses `self._call_context`); not in soco's examples, which import
  none of the library's settings. Not `self.timeout`, nor a local mapping's
  `params.get('timeout')`: each class's, each function's own. Nor, whatever
  the count, in a module that imports, under the name another module's
  HTTP calls read it through, the project's module that setting is read
  off (arjun's exporter.py and requester.py both `import arjun.core.config
  as mem`, and requester.py passes `timeout=mem.var['timeout']`, its `-T`
  option, where one other module passes 10): advice naming that module and
  the setting (an import relative in this module is not matched).
- A module whose unit tests assert the exact arguments of a mocked
  `requests.post(...)` (or `mock_post`, ...): the call and the assertion
  must change together (advice only).

## Options
- `timeout` (default `auto`): the number of seconds written into the
  call (but a timeout parameter its function drops goes first: see
  Refuses); `auto` takes the one number given as `timeout=` to the clients
  whose settings the call passes (`headers=`, `auth=`, `cookies=`,
  `proxies=`, `verify=`, `cert=` read from a name bound to a call: tuir's
  link check sends the headers of its `praw.Reddit(..., timeout=10)`; not a
  subprocess's or a lock's) and to the requests and httpx calls of its
  function, where they give one; else the one number the module's requests
  and httpx calls give (aim's transport client's `timeout=10`); else the
  number most of the project's modules give their HTTP calls, where two
  modules or more give it (cinder's `timeout=30`); else 60. Where the calls
  weighed give two numbers, or one gives a setting or a pair, they give
  none. The fix's reason says whose number it is.
"""
    example = """\
import requests


def fetch_status(url):
    return requests.get(url).status_code
"""

    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider, ParentProvider)

    @classmethod
    def check_options(cls, options: Mapping[str, Any]) -> None:
        if options["timeout"] != "auto" and timeout_literal(options["timeout"]) is None:
            raise ValueError(f"{cls.id}: option timeout must be a positive number of seconds")

    @classmethod
    def may_have_candidates(cls, source: str, options: Mapping[str, Any]) -> bool:
        return may_import_http_library(source)

    @classmethod
    def candidates(cls, tree: ast.Module, options: Mapping[str, Any]) -> list[ast.Call]:
        """A whole-tree run records only a call that passes no timeout, ``timeout=None``, a
        name or ``self.`` attribute that may be a parameter's None default, or a setting read
        with None as its default."""
        calls = http_calls(tree, "timeout", _may_wait_forever)
        calls += may_call_given_or_requests(tree, _may_wait_forever)
        return calls + may_call_a_session(tree, _may_wait_forever)

    def visit_Module(self, node: cst.Module) -> None:
        self._names = HttpNames(self)
        self._bindings = Bindings(self, node)
        code = module_code(node)
        growth = LineGrowth(code, self.project.line_length)
        self._appender = KeywordAppender(self, growth, self.project.formatter is not None)
        facts = self.facts if isinstance(self.facts, HttpFacts) else HttpFacts()
        self._asserted = facts.asserted
        self._patched_send = facts.patched_send
        shared = facts.shared_timeout() if self.options["timeout"] == "auto" else None
        # The project's own setting, which a literal would bypass (duplicity's config.timeout),
        # where the module has its root at hand (not soco's examples, which import no config);
        # one read through self (adal's self._call_context) is at hand in its classes' methods.
        root = shared.partition(".")[0] if shared else ""
        self._shared_setting = (
            shared
            if shared
            and timeout_literal(shared) is None
            and (root in ("self", "cls") or root in set(_module_level_names(node)))
            else None
        )
        self._imported_setting = self._setting_imported_here(node, facts)
        chosen = shared if self._shared_setting is None else None
        self._default = timeout_literal(chosen or self.options["timeout"]) or "60"
        self._timeout, self._whose = self._default, ""  # the call's, from _timeout_for()
        self._parameter: str | None = None  # the call's function's timeout parameter, dropped
        self._passed: dict[cst.CSTNode, list[cst.BaseExpression]] = {}  # by function, module
        self._module = node
        self._settings: list[str] | None = None  # _timeout_settings(), when a fix asks

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        timeout = keyword_arg(original_node, "timeout")
        # pyzabbix's self.session = session or Session(): the caller's, or a stock one
        function = self._http_function(original_node, or_given=timeout is not None)
        if function is None and timeout is None and not self.in_tests:
            self._advise_on_given_or_requests(original_node)
            self._advise_on_mounted_adapter(original_node)
        if function is None or self.in_tests:
            return updated_node
        if timeout is not None and not is_literal(timeout.value, "None"):
            advice = self._given_none_by_default(timeout.value)
            if advice is not None:
                self.refuse(original_node, RefusalKind.ADVICE_ONLY, advice)
                return updated_node
            self.note(original_node, RefusalKind.ALREADY_FIXED, "the call already passes a timeout")
            return updated_node
        if timeout is None and function not in REQUESTS_FUNCTIONS | _SESSION_FUNCTIONS:
            self.note(
                original_node,
                RefusalKind.NOT_APPLICABLE,
                "httpx applies a 5-second timeout when none is given",
            )
            return updated_node
        self._timeout, self._whose = self._timeout_for(original_node)
        if self._patched_send:
            # pretix's monkeypatch_requests_timeout(): 30 s where a request has no timeout
            self.refuse(
                original_node,
                RefusalKind.NOT_APPLICABLE,
                f"{self._patched_send} replaces requests' HTTPAdapter.send, which gives a"
                " request without a timeout the project's own: this call has that one",
            )
            return updated_node
        # Only a call that would wait forever: a nosec comment there is about that.
        if self.marked(original_node):
            self.refuse(original_node, RefusalKind.ADVICE_ONLY, _SILENCED)
            return updated_node
        if timeout is not None:
            self._refuse_written_none(original_node)
            return updated_node
        dropped = self._dropped_timeouts()
        if dropped and self._refused_for_dropped(original_node, dropped):
            return updated_node
        self._parameter = dropped[0].name.value if dropped else None
        if self._parameter:
            self._timeout = self._parameter  # pyexchange's send(..., timeout=30)
        stream = asks_to_stream(original_node, self._unpacked(original_node, "stream"))
        if stream is not None and handed_on(
            original_node, self.parent_of, self._uses, callee_uses=self._callee_uses
        ):
            # salt-pepper's req_stream() returns salt-api's /events feed to the caller
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                f"a streamed response handed on or read line by line (stream={code_of(stream)}):"
                " a read timeout ends a stream that stays quiet longer than it (an event feed);"
                " give it a connect timeout only, timeout=(10, None), or a bound the stream's"
                " idle time allows, by hand",
            )
            return updated_node
        missed = self._raw_read_misses(original_node) if stream is not None else None
        if missed:
            # rpmdeplint's response.raw.stream() under `except OSError`, which tries a mirror
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                "the body is read through .raw, whose read timeout raises"
                f" urllib3.exceptions.ReadTimeoutError, which the except {missed} around it"
                f" misses: add timeout={self._timeout} and catch that error there too, or read"
                " with iter_content(), which raises requests' ConnectionError, by hand",
            )
            return updated_node
        if any(arg.star == "**" for arg in original_node.args):
            # Before all else: a keyword the mapping may hold too is a TypeError, and one
            # after **mapping a SyntaxError before Python 3.5.
            lacking = self._mapping_lacks_timeout(original_node)
            if not lacking or self._keyword_after_unpacking_fails():
                self.refuse(original_node, *self._unpacked_reason(original_node, lacking))
                return updated_node
        retried = self._retried_upload(original_node)
        if retried:
            # airbyte-cdk's unstructured parser: backoff retries with the document's handle, read
            self.refuse(original_node, RefusalKind.ADVICE_ONLY, retried)
            return updated_node
        if dotted_module(self.module_path) in self._asserted:
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                "this module's tests assert the exact arguments of its HTTP calls: add "
                f"timeout={self._timeout} to the call and to those assertions together",
            )
            return updated_node
        setting = None if self._parameter else self._setting_advice(original_node)
        handlers = self._handlers_that_miss_the_timeout(original_node)
        where = "the try around it"
        if not handlers:
            where, handlers = self._callers_handlers(original_node)
        if handlers:
            # sopel's find_title(): except ConnectionError, where a ReadTimeout would escape;
            # flit's validate_classifiers() catches it around the function that downloads
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                f"{where} catches {handlers}: add it to that handler together with the timeout"
                + (f"; {setting}" if setting else ""),
            )
            return updated_node
        if setting:
            # mlflow's scoring client imports MLFLOW_SCORING_SERVER_REQUEST_TIMEOUT, which
            # users raise for slow models: a fixed 60 s would cut them off
            self.refuse(original_node, RefusalKind.ADVICE_ONLY, setting)
            return updated_node
        new_arg = keyword_argument("timeout", self._literal())
        updated = self._appender.with_keyword(original_node, updated_node, new_arg)
        if updated is None:
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                f"timeout={self._timeout} would run past {self.project.line_length} columns "
                "or shift an aligned continuation line; add it by hand",
            )
            return updated_node
        reason = self._reason(function, "waited forever")
        if not self.accept_fix(original_node, Applicability.REVIEW, reason):
            return updated_node
        self._appender.commit()
        return updated

    def _retried_upload(self, call: cst.Call) -> str | None:
        """Advice where ``call`` uploads a stream that a retry decorator around it sends again
        read to its end; None where it uploads none."""
        function = self.innermost_function()
        if function is None:
            return None
        for keyword, param in streamed_parameters(call, function, self._bindings.of):
            retried = retried_with(function, param, self._module, self._names.of)
            if retried is not None:
                return (
                    f"the call uploads {param.name.value} ({keyword}=), a stream that"
                    f" {retried[0].name.value}()'s retry ({retried[1]}) sends again read to its"
                    " end: the server answers once it has processed the upload, and a read"
                    " timeout its processing outlasts would be retried with an empty body;"
                    " rewind the stream (seek(0)) in each try, then give the call a timeout"
                    " that processing allows, by hand"
                )
        return None

    def _setting_advice(self, call: cst.Call) -> str | None:
        """Advice to pass the timeout of the project's the module has at hand, or the setting
        the project's HTTP calls pass; None where there is none within reach of ``call``."""
        if self._settings is None:
            self._settings = _timeout_settings(self._module, self._keeps_or_waits)
        setting = next(
            (
                found
                for found in self._settings
                if self._at_hand(found) and self._in_reach(found, call)
            ),
            None,
        )
        if setting is None:
            return self._shared_setting_advice()
        return (
            f"the module has {setting}, a timeout the project sets: pass that to the call"
            f" by hand rather than a fixed {self._timeout} s{self._unset_note(setting)}"
        )

    def _in_reach(self, setting: str, call: cst.Call) -> bool:
        """Can ``call`` read the name ``setting`` starts with: a module-level name, one of its
        function's (or of a function around it), or one no function binds (a builtin, a star
        import's)? Not ephemeris's ``options.timeout``, a parameter of ``main()``."""
        head = re.match(r"\w*", setting)[0]  # type: ignore[index]
        scope = self.get_metadata(ScopeProvider, call, None)
        if scope is None or head in scope:
            return True
        functions = nodes_of_type(self._module, cst.FunctionDef)
        scopes = [self.get_metadata(ScopeProvider, function.body, None) for function in functions]
        return not any(other is not None and head in other.assignments for other in scopes)

    def _dropped_timeouts(self) -> list[cst.Param]:
        """The timeout parameters the function around the call takes and never uses."""
        function = self.innermost_function()
        if function is None:
            return []
        return dropped_timeouts(
            function, lambda node: self.get_metadata(ScopeProvider, node, None), _NOT_A_REQUEST
        )

    def _refused_for_dropped(self, call: cst.Call, dropped: list[cst.Param]) -> bool:
        """Advice where the call drops a timeout parameter it cannot simply be given: one
        None by default, several (a connect and a read timeout), or one in other units."""
        function = self.innermost_function()
        assert function is not None
        names = " and ".join(param.name.value for param in dropped)
        if len(dropped) == 1 and _defaults_to_none(function, names):
            reason = (
                f"{function.name.value}() takes {names}, None by default, and the call drops it:"
                f" pass timeout={names} and give it a number by default, by hand"
            )
        elif len(dropped) > 1 or not in_seconds(dropped[0]):
            reason = (
                f"{function.name.value}() takes {names}, which the call drops: pass it what they"
                f" mean in seconds (a pair for a connect and a read timeout) by hand, rather"
                f" than a fixed {self._timeout} s"
            )
        else:
            return False
        self.refuse(call, RefusalKind.ADVICE_ONLY, reason)
        return True

    def _timeout_for(self, call: cst.Call) -> tuple[str, str]:
        """The seconds a fix writes into ``call`` and, where they are not the default, whose
        they are: with ``timeout = "auto"``, the one number the clients it takes settings from
        and the HTTP calls of its function pass (tuir's ``praw.Reddit(..., timeout=10)``,
        whose headers it sends), else those of the module (aim's transport client's 10)."""
        if self.options["timeout"] != "auto":
            return self._default, ""
        function = self.innermost_function()
        clients = self._client_timeouts(call)
        near = [value for values in clients.values() for value in values]
        near += self._timeouts_passed_in(function) if function else []
        if near:
            number = _one_number(near)
            whose = f"{' and '.join(clients)}'s" if clients else "its function's HTTP calls'"
        else:
            number = _one_number(self._timeouts_passed_in(self._module))
            whose = "the module's other HTTP calls'"
        return (number, f" ({whose} timeout)") if number else (self._default, "")

    def _client_timeouts(self, call: cst.Call) -> dict[str, list[cst.BaseExpression]]:
        """The ``timeout=`` of each call that binds a name whose settings ``call`` passes
        (``headers=reddit.http.headers``), by the name; not a subprocess's or a lock's."""
        found: dict[str, list[cst.BaseExpression]] = {}
        for keyword in _CLIENT_SETTINGS:
            arg = keyword_arg(call, keyword)
            root = arg.value if arg is not None else None
            while isinstance(root, cst.Attribute):
                root = root.value
            if not isinstance(root, cst.Name):
                continue
            for bound in self._bindings.of(root) or ():
                given = keyword_arg(bound, "timeout") if isinstance(bound, cst.Call) else None
                if given is not None and not self._names_something_else(bound):
                    found.setdefault(root.value, []).append(given.value)
        return found

    def _names_something_else(self, call: cst.Call) -> bool:
        """Is ``call`` named for what is no request (``subprocess.run``, ``FileLock``)?"""
        names = [code_of(call.func), *self._names.of(call.func)]
        return any(set(name_words(name)) & _NOT_A_REQUEST for name in names)

    def _keeps_or_waits(self, call: cst.Call) -> bool:
        """Does ``call`` take a ``timeout=`` that is no request's: named for what it keeps or
        waits for (shuup's ``cache.set(..., timeout=SECONDS_IN_DAY)``), or a method that keeps
        a value for a time or waits on this process (``store.set``, ``lock.acquire``)?"""
        method = call.func.attr.value if isinstance(call.func, cst.Attribute) else ""
        return (
            method in _KEEPS_OR_WAITS
            or self._names_something_else(call)
            or self._keeps_its_timeout(call)
        )

    def _keeps_its_timeout(self, call: cst.Call) -> bool:
        """Is ``call`` of a function the module defines (or a ``self.`` method of its class)
        whose ``timeout`` parameter it hands to no call, mapping or name: ephemeris's
        ``galaxy_wait(timeout=options.timeout)`` counts its polling rounds against it."""
        param = next(
            (
                param
                for function in self._defined_functions(call)
                for param in (*function.params.params, *function.params.kwonly_params)
                if param.name.value == "timeout"
            ),
            None,
        )
        uses = self._uses(param.name) if param is not None else None
        return uses is not None and not any(_handed_on(use, self.parent_of) for use in uses)

    def _defined_functions(self, call: cst.Call) -> list[cst.FunctionDef]:
        """The module-level functions, or the methods of the class around ``call`` when it
        calls ``self.<name>``, that ``call`` names."""
        func, body = call.func, self._module.body
        if m.matches(func, m.Attribute(value=m.Name("self"))):
            owner = next(
                (
                    node
                    for node in ancestors(call, self.parent_of)
                    if isinstance(node, cst.ClassDef)
                ),
                None,
            )
            func, body = func.attr, owner.body.body if owner else ()  # type: ignore[attr-defined]
        if not isinstance(func, cst.Name):
            return []
        return [
            node
            for node in body
            if isinstance(node, cst.FunctionDef) and node.name.value == func.value
        ]

    def _callee_uses(self, arg: cst.Arg) -> list[cst.CSTNode] | None:
        """The names that read the parameter ``arg`` fills, by position or keyword, in the
        module-level functions its call names; None when it names none, or fills no named
        parameter of each (a method's first one is its ``self``: left alone)."""
        call = self.parent_of(arg)
        if not isinstance(call, cst.Call) or not isinstance(call.func, cst.Name):
            return None
        functions = self._defined_functions(call)
        found: list[cst.CSTNode] = []
        for function in functions:
            filled = dict(filled_parameters(call, function.params))
            named = named_parameters(function.params)
            param = next((p for p in named if p.name.value == filled.get(arg)), None)
            uses = self._uses(param.name) if param is not None else None
            if uses is None:
                return None
            found += uses
        return found if functions else None

    def _timeouts_passed_in(self, tree: cst.CSTNode) -> list[cst.BaseExpression]:
        """The ``timeout=`` values of the HTTP calls (by their names) in ``tree``."""
        if tree not in self._passed:
            known = REQUESTS_FUNCTIONS | HTTPX_FUNCTIONS | HTTPX_CLIENTS
            given = [(call, keyword_arg(call, "timeout")) for call in nodes_of_type(tree, cst.Call)]
            self._passed[tree] = [
                arg.value for call, arg in given if arg and self._names.of(call.func) & known
            ]
        return self._passed[tree]

    def _uses(self, name: cst.Name) -> list[cst.CSTNode] | None:
        """The names that read what ``name`` is bound to; None when scope analysis has none."""
        scope = self.get_metadata(ScopeProvider, name, None)
        if scope is None:
            return None
        return [
            access.node
            for assignment in scope.assignments[name.value]
            for access in assignment.references
        ]

    def _given_none_by_default(self, value: cst.BaseExpression) -> str | None:
        """The advice for a ``timeout=`` given that is None by default: metabase-api's
        ``httpx.AsyncClient(timeout=self.timeout)`` after ``__init__(..., timeout=None)``,
        mozilla-django-oidc's ``self.get_settings("OIDC_TIMEOUT", None)``; else None."""
        unset = self._none_by_default(value)
        if unset is not None:
            return (
                f"timeout={code_of(value)} is None by default ({unset}), and the call then"
                " waits forever: give it a number by default"
            )
        setting = setting_none_by_default(value)
        if setting is not None:
            return (
                f"timeout= is the setting {setting}, None (no timeout) by default: give it a"
                " number by default"
            )
        return None

    def _none_by_default(self, value: cst.BaseExpression) -> str | None:
        """Where ``value`` is a parameter of the function, or an attribute ``__init__`` sets
        from one, whose default is None: that parameter, said so; else None."""
        if isinstance(value, cst.Name):
            function = self.innermost_function()
            if function is None or rebinds(function, value.value):
                return None  # archivebox's `timeout = timeout or TIMEOUT` first
            return _defaults_to_none(function, value.value)
        owner = self.innermost_class()
        if owner is None or not m.matches(value, m.Attribute(value=m.Name("self"))):
            return None
        attribute = value.attr.value  # type: ignore[attr-defined]
        for init in nodes_of_type(owner.body, cst.FunctionDef):
            if init.name.value != "__init__":
                continue
            for given in plain_self_assignments(init, attribute):
                unset = (
                    _defaults_to_none(init, given.value) if isinstance(given, cst.Name) else None
                )
                if unset is not None:
                    return f"__init__()'s {unset}"
        return None

    def _unset_note(self, setting: str) -> str:
        """What advice to pass ``setting`` adds where it is None by default, and the call
        then waits forever: pymisp's ``self.timeout`` from ``__init__(..., timeout=None)``,
        adal's ``self._call_context.get('timeout', None)``."""
        value = cst.parse_expression(setting)
        if _gets_none_by_default(value):
            return "; it is None where unset (the .get()'s default), so give it a number by default"
        unset = self._none_by_default(value)
        return f"; it is None by default ({unset}), so give it a number there too" if unset else ""

    def _refuse_written_none(self, original: cst.Call) -> None:
        """``timeout=None`` written out: the call is meant to wait, or httpx's default is
        turned off on purpose (gradio's startup events run the user's model on every
        example, and got the 3 s of its health checks)."""
        self.refuse(
            original,
            RefusalKind.ADVICE_ONLY,
            self._shared_setting_advice()
            or "timeout=None is written out: the call is meant to wait as long as the server"
            " takes; check what it waits for, and give it a bound by hand where one is known",
        )

    def _at_hand(self, setting: str) -> bool:
        """Can the call around here pass ``setting``: ``self.timeout`` only in a method
        (pymisp's module-level ``register_user()`` has no ``self``)?"""
        head = setting.partition(".")[0]
        if head not in ("self", "cls") or "." not in setting:
            return True
        return any(
            isinstance(node, cst.FunctionDef)
            and node.params.params
            and node.params.params[0].name.value == head
            for node in self.enclosing  # a closure in a method has its self too
        )

    def _setting_imported_here(
        self, module: cst.Module, facts: HttpFacts
    ) -> tuple[str, str] | None:
        """Where another module's HTTP calls pass a setting read off a module of the
        project's that this one imports under the same name (arjun's ``mem.var['timeout']``,
        ``import arjun.core.config as mem`` in both), the setting and advice to pass it."""
        if self.options["timeout"] != "auto":
            return None
        for setting, imported, path in facts.imported_settings:
            root = setting.partition(".")[0]
            if path != self.module_path and module_binding(module, imported) == root:
                return setting, (
                    f"{path}'s HTTP calls pass timeout={setting}, a setting of {imported},"
                    " which this module imports too: pass that by hand rather than a fixed"
                )
        return None

    def _shared_setting_advice(self) -> str | None:
        """Advice where the project's HTTP calls pass a setting of its own, or one of a
        module this one imports (:meth:`_setting_imported_here`); else None."""
        setting = self._shared_setting
        if setting is None and self._imported_setting:
            setting, advice = self._imported_setting
            return f"{advice} {self._timeout} s{self._unset_note(setting)}"
        if setting is None or not self._instance_keeps(setting):
            return None
        return (
            f"the project's other HTTP calls pass timeout={setting}, its own setting:"
            f" pass that by hand rather than a fixed {self._timeout} s{self._unset_note(setting)}"
        )

    def _instance_keeps(self, setting: str) -> bool:
        """Is ``setting``, where it is read through ``self.<attribute>``, at hand: in a method
        of a class (or a base the module gives it) that uses that attribute, as adal's
        ``UserRealm`` keeps ``self._call_context``? Any other setting is."""
        head, _, rest = setting.partition(".")
        if head not in ("self", "cls"):
            return True
        owner = self.innermost_class()
        attribute = m.Attribute(value=m.Name(head), attr=m.Name(re.split(r"\W", rest)[0]))
        return (
            owner is not None
            and self._at_hand(setting)
            and any(m.findall(cls, attribute) for cls in module_class_chain(self._module, owner))
        )

    def _callers_handlers(self, call: cst.Call) -> tuple[str, str | None]:
        """Where the module runs the function around ``call`` (:func:`calls_one_up`) inside a
        ``try`` that catches network failures and no Timeout, that ``try``'s place and what
        it catches."""
        function = enclosing_function(call, self.parent_of)
        if function is None:
            return "", None
        for caller in calls_one_up(self._module, function, self.parent_of):
            handlers = self._handlers_that_miss_the_timeout(caller)
            if handlers:
                around = enclosing_function(caller, self.parent_of)
                named = f"`{around.name.value}`, " if around is not None else ""
                return (
                    f"the try around its caller ({named}line {self.lines_of(caller)[0]})",
                    handlers,
                )
        return "", None

    def _handlers_that_miss_the_timeout(self, call: cst.Call) -> str | None:
        """What the ``try`` statements around ``call`` (in its function) catch, and which
        timeout escapes them, when they catch network failures and none of it is a Timeout;
        None when one catches it, or none is about the network."""
        caught: list[str] = []
        connect = False  # requests' ConnectionError: its ConnectTimeout is one
        child, parent = call, self.parent_of(call)
        while parent is not None and not isinstance(parent, (cst.FunctionDef, cst.Lambda)):
            if isinstance(parent, cst.Try) and parent.body is child:
                for handler in parent.handlers:
                    names = _caught_names(handler)
                    if names is None or names & _CATCH_A_TIMEOUT:
                        return None
                    caught += sorted(names - _answered(handler))
                    connect = connect or self._catches_connection_error(handler)
            child, parent = parent, self.parent_of(parent)
        if not set(caught) & _NETWORK_ERRORS:
            return None  # a handler for what the response holds (ValueError): not the network's
        if connect:
            # repo2docker's Software Heritage retry: a connect timeout is retried, a read not
            escapes = "which covers a connect timeout but not requests.ReadTimeout"
        else:
            escapes = "not the requests.exceptions.Timeout a timeout raises"
        return f"{', '.join(dict.fromkeys(caught))}, {escapes}"

    def _catches_connection_error(self, handler: cst.ExceptHandler) -> bool:
        """Does ``handler`` catch requests' ``ConnectionError`` (not the builtin one), a base
        of its ``ConnectTimeout``?"""
        return any(
            self._names.of(value) & _REQUESTS_CONNECTION_ERRORS for value in caught_classes(handler)
        )

    def _raw_read_misses(self, call: cst.Call) -> str | None:
        """What the innermost ``try`` around a ``.raw`` read of the response ``call`` that
        expects network failures (``OSError``, requests' errors) catches, where neither it
        nor one inside it catches urllib3's ``ReadTimeoutError``."""
        for raw in raw_reads(call, self.parent_of, self._uses, self._callee_uses):
            child, parent = raw, self.parent_of(raw)
            while parent is not None and not isinstance(parent, (cst.FunctionDef, cst.Lambda)):
                if isinstance(parent, cst.Try) and parent.body is child:
                    if any(self._catches_urllib3_timeout(h) for h in parent.handlers):
                        break
                    names = {n for h in parent.handlers for n in _caught_names(h) or ()}
                    if names & _EXPECT_AN_OSERROR:
                        return ", ".join(sorted(names & _EXPECT_AN_OSERROR))
                child, parent = parent, self.parent_of(parent)
        return None

    def _catches_urllib3_timeout(self, handler: cst.ExceptHandler) -> bool:
        """Does ``handler`` catch urllib3's ``ReadTimeoutError`` (or what it cannot read)?"""
        names = _caught_names(handler)
        if names is None or names & {"ReadTimeoutError", "Exception", "BaseException"}:
            return True
        return any(
            name.startswith("urllib3.") and name.rpartition(".")[2] in _URLLIB3_TIMEOUT_BASES
            for value in caught_classes(handler)
            for name in self._names.of(value)
        )

    def _keyword_after_unpacking_fails(self) -> bool:
        """May the project run on a Python before 3.5, where no keyword follows ``**mapping``?"""
        oldest = self.project.oldest_python
        return oldest is None or oldest < (3, 5)

    def _unpacked_reason(self, call: cst.Call, lacking: bool) -> tuple[RefusalKind, str]:
        """Why a call passing ``**mapping`` is left alone: the timeout may be in it, or is, or
        it is not but no keyword can follow the mapping on the project's oldest Python."""
        mappings = [code_of(arg.value) for arg in call.args if arg.star == "**"]
        unpacked = ", ".join(f"**{name}" for name in mappings)
        if lacking:
            # salt-pepper's params = {'url': ..., 'headers': ...}, on Python 2.7 too
            oldest = self.project.python_before((3, 5))
            supports = (
                f"the project supports Python {oldest}, where"
                if oldest
                else "the project does not say it needs Python 3.5, before which"
            )
            return (
                RefusalKind.ADVICE_ONLY,
                f"{' and '.join(mappings)} holds no timeout, but {supports} no keyword can"
                f" follow {unpacked}: add 'timeout': {self._timeout} where it is made, by hand",
            )
        mapping = next(arg.value for arg in call.args if arg.star == "**")
        if self._holds_a_timeout(mapping):
            # octoprint's params = {"url": ..., "timeout": 3.0, ...}, then requests.request(**params)
            return (
                RefusalKind.ALREADY_FIXED,
                f"the call's **{code_of(mapping)} is a dict given a timeout where it is made",
            )
        values = self._timeouts_given(mapping)
        if values and all(_is_number(value) for value in values):
            # prowler's kwargs.setdefault("timeout", 30), then requests.request(**kwargs)
            return (
                RefusalKind.ALREADY_FIXED,
                f"the call's **{code_of(mapping)} is given timeout={code_of(values[0])} before it",
            )
        if values:
            # cinderclient's kwargs.setdefault('timeout', self.timeout): the client's setting
            return (
                RefusalKind.ADVICE_ONLY,
                f"the call's **{code_of(mapping)} is given a timeout before it: a default"
                " belongs with the setting that timeout comes from, not in the call",
            )
        return (
            RefusalKind.ADVICE_ONLY,
            f"the call passes {unpacked}, which may hold the timeout; check by hand",
        )

    def _mapping_lacks_timeout(self, call: cst.Call) -> bool:
        """bugsnag's ``req_options = {'data': ..., 'headers': ...}``, then
        ``requests.post(uri, **req_options)``: every ``**`` mapping a dict literal of string
        keys, none ``timeout``, that the function changes only by other literal keys."""
        function = self.innermost_function()
        mappings = [arg.value for arg in call.args if arg.star == "**"]
        if function is None or any(arg.star == "*" for arg in call.args):
            return False
        for mapping in mappings:
            if not isinstance(mapping, cst.Name):
                if not self._self_options_lack_timeout(mapping):
                    return False
                continue
            bound = self._bindings.of(mapping)
            keys = [_literal_keys(value) for value in bound or ()]
            if not keys or any(found is None or "timeout" in found for found in keys):
                return False
            if not _changed_by_literal_keys_only(function, mapping.value):  # type: ignore[attr-defined]
                return False
        return True

    def _self_options_lack_timeout(self, mapping: cst.BaseExpression) -> bool:
        """bugwarrior's ``self.kwargs = {}`` in ``__init__``, then ``self.kwargs['auth'] = ...``
        and ``self.session.get(url, **self.kwargs)``: an attribute the class binds only to
        dict literals of string keys, none ``timeout``, and uses only so and unpacked; not
        used anywhere else in the module, nor a name of the class body."""
        owner = self.innermost_class()
        if owner is None or not m.matches(mapping, m.Attribute(value=m.Name("self"))):
            return False
        name = mapping.attr.value  # type: ignore[attr-defined]
        uses = m.findall(self._module, m.Attribute(attr=m.Name(name)))
        own = m.findall(owner, m.Attribute(value=m.Name("self"), attr=m.Name(name)))
        if len(own) != len(uses) or _class_binds(owner, name):
            return False  # an attribute of other objects too, or one the class body sets
        kinds = [self._options_use(use) for use in uses]
        return "bound" in kinds and None not in kinds

    def _options_use(self, use: cst.CSTNode) -> str | None:
        """How ``self.<options>`` is used: ``bound`` to a dict literal of string keys other
        than timeout, ``keyed`` by such a key, or ``unpacked`` into a call; else None."""
        parent = self.parent_of(use)
        if isinstance(parent, cst.Arg):
            return "unpacked" if parent.star == "**" else None
        if isinstance(parent, cst.Subscript) and string_key(parent) not in (None, "timeout"):
            parent, use = self.parent_of(parent), parent
            return "keyed" if _sole_target(parent, use, self.parent_of) is not None else None
        assign = _sole_target(parent, use, self.parent_of)
        keys = _literal_keys(assign.value) if assign is not None else None
        return "bound" if keys is not None and "timeout" not in keys else None

    def _holds_a_timeout(self, mapping: cst.BaseExpression) -> bool:
        """Is ``mapping`` a name bound only to dict literals of string keys with a
        ``'timeout'`` other than None, that the function changes only by other keys?"""
        function = self.innermost_function()
        bound = self._bindings.of(mapping) if isinstance(mapping, cst.Name) else None
        if function is None or not bound:
            return False
        for value in bound:
            keys = _literal_keys(value)
            if keys is None or "timeout" not in keys:
                return False
            given = next(
                element.value
                for element in value.elements  # type: ignore[attr-defined]
                if is_string(element.key, "timeout")
            )
            if is_literal(given, "None"):
                return False
        name = mapping.value  # type: ignore[attr-defined]
        if _changed_by_literal_keys_only(function, name):
            return True
        # octoprint's params["timeout"] = float(data["timeout"]): still a number
        calls = m.Call(
            func=m.Attribute(value=m.Name(name), attr=m.Name("update") | m.Name("setdefault"))
        )
        return not m.findall(function, calls) and all(
            _is_number(value) or m.matches(value, m.Call(func=m.Name("float") | m.Name("int")))
            for value in self._timeouts_set_in(name)
        )

    def _timeouts_set_in(self, mapping: str) -> list[cst.BaseExpression]:
        """What the innermost function sets ``mapping['timeout']`` to (by item, setdefault
        or update), in source order."""
        function = self.innermost_function()
        return values_set(function, cst.Name(mapping), "timeout") if function else []

    def _timeouts_given(self, mapping: cst.BaseExpression) -> list[cst.BaseExpression]:
        """What ``mapping['timeout']`` is set to: a name's in the function, a ``self.``
        attribute's in the class (``self.kwargs['timeout'] = 30`` in ``__init__``)."""
        if isinstance(mapping, cst.Name):
            return self._timeouts_set_in(mapping.value)
        owner = self.innermost_class()
        if owner is None or not m.matches(mapping, m.Attribute(value=m.Name("self"))):
            return []
        return values_set(owner, mapping, "timeout")

    def _unpacked(self, call: cst.Call, key: str) -> list[cst.BaseExpression]:
        """What the ``**mapping`` arguments of ``call`` give ``key``, by literal or by key."""
        around = self.innermost_function() or self._module
        return unpacked_values(call, key, self._bindings.of, around, self.innermost_class())

    def _http_function(self, call: cst.Call, or_given: bool = False) -> str | None:
        known = REQUESTS_FUNCTIONS | HTTPX_FUNCTIONS | HTTPX_CLIENTS
        found = next(iter(sorted(self._names.of(call.func) & known)), None)
        func = call.func
        if found is None and isinstance(func, cst.Attribute) and func.attr.value in VERBS:
            # tqdm's and influxdb's senders: a stock requests.Session() waits forever too
            if self._made_session(func.value, or_given):
                return f"requests.Session.{func.attr.value}"
        return found

    def _advise_on_given_or_requests(self, call: cst.Call) -> None:
        """Advice for premailer's ``self.session.get(url)`` after ``self.session = session or
        requests``: ``requests.get`` without the caller's session, which waits forever; but
        a fix would override a timeout the caller's session may set (by its adapter)."""
        func = call.func
        if not isinstance(func, cst.Attribute) or func.attr.value not in VERBS:
            return
        if (
            any(arg.star == "**" for arg in call.args)
            or self._patched_send
            or not self._given_or_requests(func.value)
        ):
            return
        receiver = code_of(func.value)
        self.refuse(
            call,
            RefusalKind.ADVICE_ONLY,
            _SILENCED
            if self.marked(call)
            else f"{receiver} is the caller's session or the requests module: without a session"
            f" this is requests.{func.attr.value}, which waits forever, but a timeout written here"
            " would override one the caller's session sets (by its adapter): give the call"
            f" timeout={self._default} by hand where no caller relies on that",
        )

    def _given_or_requests(self, receiver: cst.BaseExpression) -> bool:
        """Is ``receiver`` bound only to ``session or requests`` (but None, or a parameter
        for a name that rebinds it so: ``session = session or requests``)?"""
        owner = self.innermost_class()
        if isinstance(receiver, cst.Name):
            scope = self.get_metadata(ScopeProvider, receiver, None)
            nodes = (
                [getattr(binding, "node", None) for binding in scope[receiver.value]]
                if scope
                else []
            )
            values = assigned_values(self._module)
            bound = [values.get(node) for node in nodes if not isinstance(node, cst.Param)]
        elif owner is not None and m.matches(receiver, m.Attribute(value=m.Name("self"))):
            chain = module_class_chain(self._module, owner)
            attribute = receiver.attr.value  # type: ignore[attr-defined]
            bound = [value for cls in chain for value in plain_self_assignments(cls, attribute)]
            bound = through_builders(bound, chain, attribute)
        else:
            return False
        made = [value for value in bound if value is None or not is_literal(value, "None")]
        return bool(made) and all(
            value is not None and given_or_requests(value, self._names.of) for value in made
        )

    def _made_session(self, receiver: cst.BaseExpression, or_given: bool = False) -> bool:
        """Is ``receiver`` a ``requests.Session()`` the code makes and gives no defaults
        (with ``or_given``, or ``session or Session()``: see ``made_session``)?"""
        made, adapters = self._session_made_with(receiver, or_given)
        return made and not adapters

    def _session_made_with(
        self, receiver: cst.BaseExpression, or_given: bool = False
    ) -> tuple[bool, list[str]]:
        """Is ``receiver`` a ``requests.Session()`` the code makes, its ``request`` not
        replaced (see ``made_session``), and which adapters mounted on it may set a timeout
        (see ``foreign_adapters``)?"""
        owner = self.innermost_class()
        names, module = self._names.of, self._module
        if isinstance(receiver, cst.Name):
            around = self.innermost_function() or module
            bound = self._bindings.of(receiver)
            made = made_session(receiver, bound, names, around, or_given)
            return made, foreign_adapters(receiver, names, around, module) if made else []
        if owner is None or not m.matches(receiver, m.Attribute(value=m.Name("self"))):
            return False, []
        # etesync's BaseManager makes self.requests, its subclasses in the module call it
        chain = module_class_chain(module, owner)
        attribute = receiver.attr.value  # type: ignore[attr-defined]
        bound = [value for cls in chain for value in plain_self_assignments(cls, attribute)]
        bound = through_builders(bound, chain, attribute)  # pyexchange's build_session()
        made = all(made_session(receiver, bound, names, cls, or_given) for cls in chain)
        if not made:
            return False, []
        return True, [
            found for cls in chain for found in foreign_adapters(receiver, names, cls, module)
        ]

    def _advise_on_mounted_adapter(self, call: cst.Call) -> None:
        """Advice for awscurl's ``session.request(...)`` after ``session.mount('https://',
        adapter)`` of an adapter that may set a timeout of its own in ``send()``: a fixed
        timeout here would override it."""
        func = call.func
        if not isinstance(func, cst.Attribute) or func.attr.value not in VERBS:
            return
        if any(arg.star == "**" for arg in call.args) or self._patched_send:
            return
        made, adapters = self._session_made_with(func.value)
        if not made or not adapters:
            return
        self.refuse(
            call,
            RefusalKind.ADVICE_ONLY,
            _SILENCED
            if self.marked(call)
            else f"the session mounts {' and '.join(dict.fromkeys(adapters))}, whose send() may"
            f" set its own timeout: check it, or pass timeout={self._default} here",
        )

    def _reason(self, function: str, before: str) -> str:
        error = _TIMEOUT_ERRORS[library_of(function)]
        if self._parameter:
            reason = (
                f"{function} {before}, dropping the {self._parameter} parameter of the function"
                f" around it; it now passes it, and raises {error} after it: check that"
                " callers give seconds and that tests asserting its arguments agree"
            )
        else:
            reason = (
                f"{function} {before}; it now raises {error} after {self._timeout} s"
                f"{self._whose}: check that this suits the endpoint and that tests asserting"
                " its arguments agree"
            )
        return reason + self._blocking_note()

    def _blocking_note(self) -> str:
        """What a fix in a coroutine adds: the blocking call holds up its event loop
        (jupyterhub-nativeauthenticator's ``async def post()`` of a Tornado handler)."""
        function = self.innermost_function()
        if function is None or function.asynchronous is None:
            return ""
        bound = f"{self._timeout} s" if self._parameter is None else self._parameter
        return (
            f"; async def {function.name.value}() runs it on the event loop, which it blocks"
            f" for up to {bound}: give it a short timeout, or use an async client"
        )

    def _literal(self) -> cst.BaseExpression:
        return cst.parse_expression(self._timeout)


# The last names of what catches requests' Timeout: its classes and bases (IOError's).
_CATCH_A_TIMEOUT = frozenset(
    {"Timeout", "ReadTimeout", "ConnectTimeout", "RequestException", "IOError", "OSError",
     "EnvironmentError", "Exception", "BaseException"}
)  # fmt: skip


_REQUESTS_CONNECTION_ERRORS = frozenset(
    {"requests.ConnectionError", "requests.exceptions.ConnectionError"}
)


# What a handler for network failures catches, none of which is a Timeout. Not SSLError
# alone: nikola's handler retries over http, a fallback a timeout must not take; nor the
# URL's errors (InvalidURL, MissingSchema), about what is asked, not the network.
_NETWORK_ERRORS = frozenset(
    {"ConnectionError", "HTTPError", "URLError", "ProxyError", "TooManyRedirects",
     "ChunkedEncodingError", "ContentDecodingError"}
)  # fmt: skip


# What a handler that expects a read timeout to be an OSError catches (requests' errors,
# the builtin TimeoutError, socket.timeout): urllib3's ReadTimeoutError is none of them.
_EXPECT_AN_OSERROR = (_CATCH_A_TIMEOUT | _NETWORK_ERRORS | {"TimeoutError", "timeout"}) - {
    "Exception",
    "BaseException",
}
# urllib3's ReadTimeoutError and its bases short of Exception.
_URLLIB3_TIMEOUT_BASES = frozenset(
    {"ReadTimeoutError", "TimeoutError", "RequestError", "PoolError", "HTTPError"}
)


def _caught_names(handler: cst.ExceptHandler) -> set[str] | None:
    """The last names of the classes ``handler`` catches; None when it catches all or
    names something the codemod cannot read."""
    if handler.type is None:
        return None
    names = set()
    for value in caught_classes(handler):
        dotted = code_of(value)
        if not all(part.isidentifier() for part in dotted.split(".")):
            return None
        names.add(dotted.rpartition(".")[2])
    return names


def _answered(handler: cst.ExceptHandler) -> set[str]:
    """``{"HTTPError"}`` where ``handler`` reads the ``response`` of the exception it binds
    (airbyte-cdk's ``e.response.status_code``): it handles the server's answer, which a Timeout
    has not (its ``response`` is None), so it is no handler of network failures."""
    bound = handler.name.name if handler.name is not None else None
    if not isinstance(bound, cst.Name):
        return set()
    read = m.Attribute(value=m.Name(bound.value), attr=m.Name("response"))
    return {"HTTPError"} if m.findall(handler.body, read) else set()


# Where a value read in an expression of these goes no further: a test, a count, a message.
_KEPT_IN = (cst.Comparison, cst.FormattedString, cst.BaseCompoundStatement, cst.FunctionDef)
# Where it is handed on: to a call, into a mapping or a sequence, to a name or a default, out.
_HANDED_TO = (cst.Arg, cst.DictElement, cst.Element, cst.Assign, cst.AnnAssign, cst.AugAssign,
              cst.Param, cst.Return, cst.Yield, cst.Lambda)  # fmt: skip


def _handed_on(use: cst.CSTNode, parent_of: Callable[[cst.CSTNode], Any]) -> bool:
    """Does the value ``use`` reads reach a call, a mapping, a name or the caller (not
    galaxy_wait()'s ``if timeout and count > timeout``, nor its message)?"""
    for node in ancestors(use, parent_of):
        if isinstance(node, _KEPT_IN):
            return False
        if isinstance(node, _HANDED_TO):
            return True
    return False


def _one_number(values: list[cst.BaseExpression]) -> str | None:
    """The positive number of seconds every one of ``values`` writes; None where they differ
    or one is not a number (aim's transport client passes 10 throughout)."""
    written = {
        timeout_literal(value.evaluated_value) if _is_number(value) else None for value in values
    }
    return written.pop() if len(written) == 1 else None


def _is_number(node: cst.BaseExpression) -> bool:
    return isinstance(node, (cst.Integer, cst.Float))


def _timeout_settings(module: cst.Module, no_request: Callable[[cst.Call], bool]) -> list[str]:
    """The timeouts the module has at hand, in source order: the names and attributes other
    calls (not ``no_request`` ones) are given as ``timeout=`` (albert's
    ``_VALIDATE_EMAIL_TIMEOUT``, mlflow's ``api_config.timeout``), its module-level names that
    say timeout (imported or assigned), then a setting other calls read (pywb's
    ``params.get('_timeout')``); none the module binds to an hour or more."""
    passed, read = [], []
    bound = _module_values(module)
    for call in nodes_of_type(module, cst.Call):
        value = keyword_arg(call, "timeout")
        if value is None or set(name_words(code_of(value.value))) & _NOT_A_REQUEST:
            continue
        if no_request(call) or _an_hour_or_more(value.value, bound):
            continue
        if isinstance(value.value, cst.Attribute) or _is_a_constant(value.value):
            passed.append(code_of(value.value))
        elif _reads_a_setting(value.value):
            read.append(code_of(value.value))
    names = [
        name
        for name in _module_level_names(module)
        if "timeout" in name_words(name)
        and not _names_a_class(name)
        and not set(name_words(name)) & _NOT_A_REQUEST
        and all(_seconds(value, bound) for value in bound.get(name, ()))
        and not _an_hour_or_more(cst.Name(name), bound)
    ]
    return list(dict.fromkeys([*passed, *names, *read]))


def _reads_a_setting(value: cst.BaseExpression) -> bool:
    """A setting read by key: pywb's ``params.get('_timeout')``, adal's
    ``self._call_context.get('timeout', None)`` (any default), ``context['timeout']``."""
    if isinstance(value, cst.Subscript):
        return string_key(value) is not None
    return m.matches(value, m.Call(func=m.Attribute(attr=m.Name("get")))) and (
        1 <= len(value.args) <= 2 and not any(arg.star for arg in value.args)  # type: ignore[attr-defined]
    )


def _gets_none_by_default(value: cst.BaseExpression) -> bool:
    """``X.get('timeout')`` or ``X.get('timeout', None)``: None where the key is unset."""
    args = value.args if m.matches(value, m.Call(func=m.Attribute(attr=m.Name("get")))) else ()
    return len(args) == 1 or (len(args) == 2 and is_literal(args[1].value, "None"))  # type: ignore[union-attr]


def _module_values(module: cst.Module) -> dict[str, list[cst.BaseExpression]]:
    """The values the module's top-level assignments bind to each plain name."""
    bound: dict[str, list[cst.BaseExpression]] = {}
    for statement in module.body:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, cst.Assign) and small.targets:
                    for target in small.targets:
                        if isinstance(target.target, cst.Name):
                            bound.setdefault(target.target.value, []).append(small.value)
                elif isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
                    if small.value is not None:
                        bound.setdefault(small.target.value, []).append(small.value)
    return bound


def _seconds(value: cst.BaseExpression, bound: Mapping[str, list[cst.BaseExpression]]) -> bool:
    """Is ``value`` a number of seconds as requests takes it: a number, sums of them,
    ``int(...)``/``float(...)``, None, a pair, or a name the module binds to one? Not
    flytekit's ``timedelta(seconds=60)``, which requests rejects."""
    if isinstance(value, (cst.Integer, cst.Float)) or m.matches(value, m.Name("None")):
        return True
    if isinstance(value, cst.UnaryOperation):
        return _seconds(value.expression, bound)
    if isinstance(value, cst.BinaryOperation):
        return _seconds(value.left, bound) and _seconds(value.right, bound)
    if isinstance(value, cst.Tuple):
        return all(_seconds(element.value, bound) for element in value.elements)
    if m.matches(value, m.Call(func=m.Name("int") | m.Name("float"))):
        return True
    if isinstance(value, cst.Name) and value.value in bound:
        given = bound[value.value]
        return all(other is not value and _seconds(other, {}) for other in given)
    return False


def _an_hour_or_more(
    value: cst.BaseExpression, bound: Mapping[str, list[cst.BaseExpression]]
) -> bool:
    """Is ``value`` a name the module binds to a number of seconds no request waits for, an
    hour or more (``SECONDS_IN_DAY = 86400``, ``24 * 60 * 60``)?"""
    given = bound.get(value.value, ()) if isinstance(value, cst.Name) else ()
    return any((_product(other) or 0) >= 3600 for other in given)


def _product(value: cst.BaseExpression) -> float | None:
    """The number a literal or a product of literals (``24 * 60 * 60``) comes to, else None."""
    if isinstance(value, (cst.Integer, cst.Float)):
        return float(value.evaluated_value)
    if isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Multiply):
        left, right = _product(value.left), _product(value.right)
        return left * right if left is not None and right is not None else None
    return None


def _is_a_constant(value: cst.BaseExpression) -> bool:
    """``TIMEOUT``, ``_VALIDATE_EMAIL_TIMEOUT``: a name written as a module constant."""
    return isinstance(value, cst.Name) and value.value.lstrip("_").isupper()


# The keywords by which a request takes a client's settings (tuir's ``headers=reddit.http.
# headers``): the client's timeout is then the request's.
_CLIENT_SETTINGS = ("headers", "auth", "cookies", "proxies", "verify", "cert")
_SESSION_FUNCTIONS = frozenset(f"requests.Session.{verb}" for verb in VERBS)
# What a timeout named so waits for instead of a request: pulpcore's TASK_TIMEOUT is the
# 30 minutes its tests poll a task for, no socket's; calibre-web's _CACHE_TIMEOUT, 23 hours,
# how long an author's details are kept.
_NOT_A_REQUEST = frozenset(
    {"task", "job", "lock", "poll", "polling", "build", "process", "subprocess", "command",
     "cmd", "shutdown", "idle", "worker", "thread", "query", "database", "db", "sql", "ssh",
     "cache", "token", "cookie", "rpc", "grpc", "deadline", "execution"}
)  # fmt: skip


# Methods whose timeout= is how long a value is kept (Django's cache API, whatever the cache
# is called: shuup's cache.set(..., timeout=SECONDS_IN_DAY)) or a wait in this process (a
# lock's, a thread's, a future's, a process's): no HTTP method is named so.
_KEEPS_OR_WAITS = frozenset(
    {"set", "add", "get_or_set", "touch", "set_many", "set_cookie", "acquire", "join", "wait",
     "result", "communicate"}
)  # fmt: skip


def _names_a_class(name: str) -> bool:
    """``ReadTimeout``, ``TimeoutError``: an exception class, no setting."""
    return name[:1].isupper() and not name.isupper()


def _module_level_names(module: cst.Module) -> Iterator[str]:
    """The names the module's top-level statements bind by assignment or import."""
    for statement in module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.Assign):
                for target in small.targets:
                    if isinstance(target.target, cst.Name):
                        yield target.target.value
            elif isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
                yield small.target.value
            elif isinstance(small, (cst.Import, cst.ImportFrom)) and not isinstance(
                small.names, cst.ImportStar
            ):
                for alias in small.names:
                    yield code_of(alias.asname.name if alias.asname else alias.name)


def timeout_literal(value: Any) -> str | None:
    """The source text of a positive number of seconds, or None when ``value`` is not one."""
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if not 0 < number < float("inf"):
        return None
    return str(int(number)) if number.is_integer() else repr(number)


def _defaults_to_none(function: cst.FunctionDef, name: str) -> str | None:
    """``name=None`` where ``function`` has that parameter, with None as its default."""
    for param in named_parameters(function.params):
        if param.name.value == name and m.matches(param.default, m.Name("None")):
            return f"{name}=None"
    return None


def _may_wait_forever(value: ast.expr | None) -> bool:
    """No timeout, ``None``, a name or ``self.`` attribute, or a setting read with None as its
    default (the gate of ``leave_Call``)."""
    return (
        value is None
        or may_read_a_setting_none_by_default(value)
        or is_constant(value, None)
        or isinstance(value, ast.Name)
        or (isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name)
            and value.value.id == "self")
    )  # fmt: skip


def _literal_keys(value: cst.BaseExpression) -> set[str] | None:
    """The keys of a dict literal whose keys are all string literals; else None."""
    if not isinstance(value, cst.Dict):
        return None
    keys: set[str] = set()
    for element in value.elements:
        key = element.key if isinstance(element, cst.DictElement) else None
        text = key.evaluated_value if isinstance(key, cst.SimpleString) else None
        if not isinstance(text, str):
            return None
        keys.add(text)
    return keys


def _sole_target(
    parent: cst.CSTNode | None, target: cst.CSTNode, parent_of: Callable[[cst.CSTNode], Any]
) -> cst.Assign | cst.AnnAssign | None:
    """The statement that assigns to ``target`` (whose parent is ``parent``) and nothing else."""
    if isinstance(parent, cst.AnnAssign):
        return parent if parent.target is target and parent.value is not None else None
    if not isinstance(parent, cst.AssignTarget) or parent.target is not target:
        return None
    assign = parent_of(parent)
    return assign if isinstance(assign, cst.Assign) and len(assign.targets) == 1 else None


def _class_binds(owner: cst.ClassDef, name: str) -> bool:
    """Does the class body itself bind ``name`` (a class attribute the instance's may shadow)?"""
    return any(
        m.findall(statement, m.AssignTarget(target=m.Name(name)) | m.AnnAssign(target=m.Name(name)))
        for statement in owner.body.body
        if isinstance(statement, cst.SimpleStatementLine)
    )


def _changed_by_literal_keys_only(function: cst.FunctionDef, mapping: str) -> bool:
    """Does ``function`` change ``mapping`` only by ``mapping['key'] = ...`` with string keys
    other than timeout (bugsnag's ``req_options['proxies'] = ...``)?"""
    for call in nodes_of_type(function, cst.Call):
        func = call.func
        if m.matches(func, m.Attribute(value=m.Name(mapping))) and func.attr.value in (  # type: ignore[attr-defined]
            "update",
            "setdefault",
            "__setitem__",
        ):
            return False
    for assign in nodes_of_type(function, cst.Assign):
        for target in assign.targets:
            item = target.target
            if isinstance(item, cst.Subscript) and m.matches(item.value, m.Name(mapping)):
                key = string_key(item)
                if key is None or key == "timeout":
                    return False
    return True
