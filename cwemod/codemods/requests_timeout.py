"""Give requests (and httpx) calls a timeout, so they cannot hang forever (CWE-400)."""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from typing import Any, ClassVar

import libcst as cst
from libcst.metadata import PositionProvider, ScopeProvider

from cwemod.codemods._args_append import KeywordAppender
from cwemod.codemods._command_callers import is_private
from cwemod.codemods._http_callers import bound_parameters, calls_one_up, only_calls
from cwemod.codemods._http_calls import (
    HTTPX_CLIENTS,
    HTTPX_FUNCTIONS,
    REQUESTS_FUNCTIONS,
    HttpNames,
    http_calls,
    is_literal,
    library_of,
    may_import_http_library,
    timeout_given_by_position,
)
from cwemod.codemods._http_docs import DOCS, EXAMPLE
from cwemod.codemods._http_guards import guards
from cwemod.codemods._http_handlers import handlers_that_miss_the_timeout, raw_read_missed
from cwemod.codemods._http_mappings import (
    changed_by_literal_keys_only,
    class_binds,
    literal_keys,
    literal_values,
    sole_target,
    unpacked_values,
    values_set,
)
from cwemod.codemods._http_parameters import dropped_timeouts, in_seconds
from cwemod.codemods._http_sessions import (
    SESSION_METHODS,
    given_or_requests,
    given_or_stock_session,
    made_unless_given,
    may_call_a_session,
    may_call_given_or_requests,
    module_class_chain,
    plain_self_assignments,
    self_attribute_values,
    session_made_with,
    through_builders,
)
from cwemod.codemods._http_settings import (
    setting_none_by_default,
)
from cwemod.codemods._http_streams import asks_to_stream, handed_on, raw_reads
from cwemod.codemods._http_survey import HTTP_LIBRARIES, VERBS, HttpFacts
from cwemod.codemods._http_timeouts import (
    KEEPS_OR_WAITS,
    NOT_A_REQUEST,
    a_class_timeout,
    defaults_to_none,
    gets_none_by_default,
    init_timeouts,
    is_number,
    may_wait_forever,
    module_level_names,
    one_number,
    timeout_literal,
    timeout_settings,
    value_handed_on,
)
from cwemod.codemods._http_uploads import rebinds, retried_with, streamed_parameters
from cwemod.codemods.base import Codemod, nodes_of_type
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import Bindings, assigned_values
from cwemod.codemods.kit.calls import (
    filled_parameters,
    has_unpacking,
    keyword_arg,
    keyword_argument,
    name_words,
    named_parameters,
)
from cwemod.codemods.kit.enclosing import EnclosingDefinitions
from cwemod.codemods.kit.growth import LineGrowth
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
    silence = "it fixes calls it can tell are requests' or httpx's (this one it cannot trace)"
    default_options: ClassVar[Mapping[str, Any]] = {"timeout": "auto"}
    docs = DOCS
    example = EXAMPLE

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
        calls = http_calls(tree, "timeout", may_wait_forever)
        calls += may_call_given_or_requests(tree, may_wait_forever)
        return calls + may_call_a_session(tree, may_wait_forever, methods=tuple(SESSION_METHODS))

    def visit_Module(self, node: cst.Module) -> None:
        self._names = HttpNames(self)
        self._bindings = Bindings(self, node)
        code = module_code(node)
        growth = LineGrowth(code, self.project.line_length)
        self._appender = KeywordAppender(self, growth, self.project.formatter is not None)
        facts = self.facts if isinstance(self.facts, HttpFacts) else HttpFacts()
        self._http_facts = facts
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
            and (root in ("self", "cls") or root in set(module_level_names(node)))
            else None
        )
        self._imported_setting = self._setting_imported_here(node, facts)
        chosen = shared if self._shared_setting is None else None
        self._default = timeout_literal(chosen or self.options["timeout"]) or "60"
        self._timeout, self._whose = self._default, ""  # the call's, from _timeout_for()
        self._parameter: str | None = None  # the call's function's timeout parameter, dropped
        self._kept: str | None = None  # the class's self.timeout, from its __init__'s timeout=60
        self._passed: dict[cst.CSTNode, list[cst.BaseExpression]] = {}  # by function, module
        self._module = node
        self._settings: list[str] | None = None  # timeout_settings(), when a fix asks

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
            advice = self._given_none_by_default(timeout.value, original_node)
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
        misplaced = timeout_given_by_position(original_node, function) if timeout is None else None
        if misplaced:
            self.refuse(original_node, RefusalKind.ADVICE_ONLY, misplaced)
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
        self._kept = None if self._parameter else self._class_timeout()
        if self._parameter or self._kept:
            # pyexchange's send(..., timeout=30); proliantutils' RIBCLOperations' self.timeout
            self._timeout = self._parameter or self._kept  # type: ignore[assignment]
        stream = asks_to_stream(original_node, self._unpacked(original_node, "stream"))
        if stream is not None and handed_on(
            original_node, self.parent_of, self._uses, callee_uses=self._callee_uses
        ):
            # salt-pepper's req_stream() returns salt-api's /events feed to the caller;
            # glance_store's HTTP store hands on an image it reads in chunks from .raw
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                f"a streamed response handed on or read line by line (stream={code_of(stream)}):"
                " how it is read is not seen here; one read in chunks (iter_content(n),"
                " .raw.read(n): a download) times out only where the server sends nothing for"
                " as long, so a finite bound suits it, timeout=(10, 60); but a read timeout"
                " ends a feed that stays quiet longer than it (an event stream): give that a"
                " connect timeout only, timeout=(10, None), or a bound its idle time allows;"
                " by hand",
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
        lacking = False
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
        if self._http_facts.asserts(dotted_module(self.module_path), function):
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                self._asserted(original_node, function, lacking),
            )
            return updated_node
        unset = self._unset_where_called(original_node)
        if unset:
            # manila's HPE Alletra client: the else of `if self.timeout:`, None by default
            self.refuse(original_node, RefusalKind.ADVICE_ONLY, unset)
            return updated_node
        setting = None if self._parameter or self._kept else self._setting_advice(original_node)
        missed = self._missed_handlers(original_node)
        if missed:
            # sopel's find_title(): except ConnectionError, where a ReadTimeout would escape;
            # flit's validate_classifiers() catches it around the function that downloads
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                f"{missed} together with the timeout" + (f"; {setting}" if setting else ""),
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
                self._appender.refusal(original_node, f"timeout={self._timeout}")
                + "; add it by hand",
            )
            return updated_node
        reason = self._reason(function, "waited forever")
        if not self.accept_fix(original_node, Applicability.REVIEW, reason):
            return updated_node
        self._appender.commit()
        return updated

    def _asserted(self, call: cst.Call, function: str, lacking: bool) -> str:
        """Advice for a call whose arguments the module's tests assert, naming where
        (metalsmith's test_provisioner.py asserts sources.py's checksum download): where
        ``lacking``, the dict the call's ``**mapping`` is made from takes the timeout (aodh's
        ``kwargs = {'data': ..., 'headers': ...}``, then ``session.post(url, **kwargs)``)."""
        mapping = next((arg.value for arg in call.args if arg.star == "**"), None)
        where = (
            f"'timeout': {self._timeout} to {code_of(mapping)} where it is made, and"
            f" timeout={self._timeout}"
            if lacking and mapping is not None and not self._own_kwargs(mapping)
            else f"timeout={self._timeout} to the call and"
        )
        found = self._http_facts.assertions(dotted_module(self.module_path), function)
        return (
            f"the tests assert the exact arguments of its HTTP calls{f' ({found})' if found else ''}:"
            f" add {where} to those assertions together"
        )

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
            self._settings = timeout_settings(self._module, self._keeps_or_waits)
        # zuul's AzureAuth has no self.TIMEOUT, which only AzureCloud of the module binds
        setting = next(
            (
                found
                for found in self._settings
                if self._instance_keeps(found) and self._in_reach(found, call)
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

    def _class_timeout(self) -> str | None:
        """The one ``self.`` attribute the class around the call keeps its caller's timeout in,
        from its ``__init__``'s parameter with seconds by default (proliantutils'
        ``RIBCLOperations(..., timeout=60)``), where the method has its ``self``; else None."""
        owner = self.innermost_class()
        kept = init_timeouts(owner) if owner is not None else {}
        if len(kept) != 1:
            return None
        attribute, default = next(iter(kept.items()))
        return attribute if a_class_timeout(default) and self._at_hand(attribute) else None

    def _dropped_timeouts(self) -> list[cst.Param]:
        """The timeout parameters the function around the call takes and never uses."""
        function = self.innermost_function()
        if function is None:
            return []
        return dropped_timeouts(
            function, lambda node: self.get_metadata(ScopeProvider, node, None), NOT_A_REQUEST
        )

    def _refused_for_dropped(self, call: cst.Call, dropped: list[cst.Param]) -> bool:
        """Advice where the call drops a timeout parameter it cannot simply be given: one
        None by default, several (a connect and a read timeout), or one in other units."""
        function = self.innermost_function()
        assert function is not None
        names = " and ".join(param.name.value for param in dropped)
        if len(dropped) == 1 and defaults_to_none(function, names):
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
            number = one_number(near)
            whose = f"{' and '.join(clients)}'s" if clients else "its function's HTTP calls'"
        else:
            number = one_number(self._timeouts_passed_in(self._module))
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
        return any(set(name_words(name)) & NOT_A_REQUEST for name in names)

    def _keeps_or_waits(self, call: cst.Call) -> bool:
        """Does ``call`` take a ``timeout=`` that is no request's: named for what it keeps or
        waits for (shuup's ``cache.set(..., timeout=SECONDS_IN_DAY)``), or a method that keeps
        a value for a time or waits on this process (``store.set``, ``lock.acquire``)?"""
        method = call.func.attr.value if isinstance(call.func, cst.Attribute) else ""
        return (
            method in KEEPS_OR_WAITS
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
        return uses is not None and not any(value_handed_on(use, self.parent_of) for use in uses)

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
        """The ``timeout=`` values of the HTTP calls in ``tree``: by their names, or of a
        session the module makes (:meth:`_calls_a_made_session`)."""
        if tree not in self._passed:
            known = REQUESTS_FUNCTIONS | HTTPX_FUNCTIONS | HTTPX_CLIENTS
            given = [(call, keyword_arg(call, "timeout")) for call in nodes_of_type(tree, cst.Call)]
            self._passed[tree] = [
                arg.value
                for call, arg in given
                if arg and (self._names.of(call.func) & known or self._calls_a_made_session(call))
            ]
        return self._passed[tree]

    def _calls_a_made_session(self, call: cst.Call) -> bool:
        """Is ``call`` a method of a ``requests.Session()`` the module makes, there or in each
        of the module's calls of its function that fill the parameter it is called on
        (monasca-api's grafana-init ``login(session, user)`` after ``session = Session()``)?"""
        func = call.func
        if not isinstance(func, cst.Attribute) or func.attr.value not in SESSION_METHODS:
            return False
        if self._made_at(func.value, call):
            return True
        function = enclosing_function(call, self.parent_of)
        param = self._parameter_named(func.value, function)
        if function is None or param is None:
            return False
        given = [
            arg.value
            for caller in calls_one_up(self._module, function, self.parent_of)
            for arg, name in filled_parameters(caller, _filled_by(caller, function))
            if name == param
        ]
        return bool(given) and all(self._made_at(value, value) for value in given)

    def _made_at(self, receiver: cst.BaseExpression, where: cst.CSTNode) -> bool:
        """Is ``receiver``, read at ``where``, a ``requests.Session()`` the code makes?"""
        owner = next(
            (n for n in ancestors(where, self.parent_of) if isinstance(n, cst.ClassDef)), None
        )
        around = (enclosing_function(where, self.parent_of), owner)
        names, bindings = self._names.of, self._bindings.of
        return session_made_with(receiver, names, bindings, self._module, around)[0]

    def _parameter_named(
        self, receiver: cst.BaseExpression, function: cst.FunctionDef | None
    ) -> str | None:
        """The name of the parameter of ``function`` that ``receiver`` is, bound nowhere else."""
        scope = self.get_metadata(ScopeProvider, receiver, None)
        if function is None or not isinstance(receiver, cst.Name) or scope is None:
            return None
        bound = [one.node for one in scope[receiver.value]]
        params = named_parameters(function.params)
        return receiver.value if len(bound) == 1 and any(bound[0] is p for p in params) else None

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

    def _given_none_by_default(self, value: cst.BaseExpression, call: cst.Call) -> str | None:
        """The advice for a ``timeout=`` given that is None by default: metabase-api's
        ``httpx.AsyncClient(timeout=self.timeout)`` after ``__init__(..., timeout=None)``,
        mozilla-django-oidc's ``self.get_settings("OIDC_TIMEOUT", None)``; else None, and
        where an ``if`` around ``call`` runs it only when set (manila's HPE Alletra client's
        ``if self.timeout:``)."""
        written = code_of(value)
        around = guards(call, self.parent_of)
        if any(is_set and code_of(tested) == written for tested, is_set, *_ in around):
            return None
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

    def _unset_where_called(self, call: cst.Call) -> str | None:
        """The advice for a call without a timeout that an ``if`` runs only where a setting
        None by default is unset, the one the other branch passes as ``timeout=`` (manila's
        HPE Alletra client's else of ``if self.timeout:``, after ``__init__(...,
        timeout=None)``); None where none does."""
        for tested, is_set, branching, truth in guards(call, self.parent_of):
            other = branching.orelse if truth else branching.body
            given = is_set or not _passes_timeout(other, code_of(tested))
            unset = None if given else self._none_by_default(tested)
            if unset is not None:
                test, line = code_of(branching.test), self.lines_of(branching)[0]
                return (
                    f"the call runs where {code_of(tested)} is unset (`{test}` is"
                    f" {str(truth).lower()}, line {line}), None by default ({unset}),"
                    " and the call then waits forever: give"
                    f" {unset.removesuffix('=None')} a number by default"
                )
        return None

    def _none_by_default(self, value: cst.BaseExpression) -> str | None:
        """Where ``value`` is a parameter of the function, or an attribute ``__init__`` sets
        from one, whose default is None: that parameter, said so; else None."""
        if isinstance(value, cst.Name):
            function = self.innermost_function()
            if function is None or rebinds(function, value.value):
                return None  # archivebox's `timeout = timeout or TIMEOUT` first
            return defaults_to_none(function, value.value)
        owner = self.innermost_class()
        if owner is None or not m.matches(value, m.Attribute(value=m.Name("self"))):
            return None
        attribute = value.attr.value  # type: ignore[attr-defined]
        for init in nodes_of_type(owner.body, cst.FunctionDef):
            if init.name.value != "__init__":
                continue
            for given in plain_self_assignments(init, attribute):
                unset = defaults_to_none(init, given.value) if isinstance(given, cst.Name) else None
                if unset is not None:
                    return f"__init__()'s {unset}"
        return None

    def _unset_note(self, setting: str) -> str:
        """What advice to pass ``setting`` adds where it is None by default, and the call
        then waits forever: pymisp's ``self.timeout`` from ``__init__(..., timeout=None)``,
        adal's ``self._call_context.get('timeout', None)``."""
        value = cst.parse_expression(setting)
        if gets_none_by_default(value):
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

    def _missed_handlers(self, call: cst.Call) -> str | None:
        """Which ``try`` around ``call``, or around the module's calls of its function
        (:func:`calls_one_up`), catches network failures and no Timeout, what it catches,
        and the advice to add it there."""
        handlers = handlers_that_miss_the_timeout(call, self.parent_of, self._names.of)
        if handlers:
            return f"the try around it catches {handlers}: add it to that handler"
        function = enclosing_function(call, self.parent_of)
        if function is None:
            return None
        places: dict[str, list[str]] = {}  # what the trys catch: where they are
        for caller in calls_one_up(self._module, function, self.parent_of):
            handlers = handlers_that_miss_the_timeout(caller, self.parent_of, self._names.of)
            if handlers:
                places.setdefault(handlers, []).append(self._where(caller))
        if not places:
            return None
        # keystone-rxt's get_rxt_auth() is called inside a try in each of two subclasses
        missed = "; ".join(
            f"the try around its caller ({where[0]}) catches {handlers}"
            if len(where) == 1
            else f"the trys around its callers ({'; '.join(where)}) catch {handlers}"
            for handlers, where in places.items()
        )
        one = len(places) == 1 and len(next(iter(places.values()))) == 1
        return f"{missed}: add it to {'that handler' if one else 'those handlers'}"

    def _raw_read_misses(self, call: cst.Call) -> str | None:
        """What the innermost ``try`` around a ``.raw`` read of the response ``call`` that
        expects network failures catches, where it misses urllib3's ``ReadTimeoutError``."""
        raws = raw_reads(call, self.parent_of, self._uses, self._callee_uses)
        return next(
            (
                found
                for raw in raws
                if (found := raw_read_missed(raw, self.parent_of, self._names.of))
            ),
            None,
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
        mapping = next(arg.value for arg in call.args if arg.star == "**")
        if lacking:
            # salt-pepper's params = {'url': ..., 'headers': ...}, on Python 2.7 too
            oldest = self.project.supports_before((3, 5))
            supports = (
                f"{oldest}, where"
                if oldest
                else "the project does not say it needs Python 3.5, before which"
            )
            where = (
                f"give the call timeout={self._timeout} before {unpacked}"
                if self._own_kwargs(mapping)
                else f"add 'timeout': {self._timeout} where it is made"
            )
            return (
                RefusalKind.ADVICE_ONLY,
                f"{' and '.join(mappings)} holds no timeout, but {supports} no keyword can"
                f" follow {unpacked}: {where}, by hand",
            )
        if self._holds_a_timeout(mapping):
            # octoprint's params = {"url": ..., "timeout": 3.0, ...}, then requests.request(**params)
            return (
                RefusalKind.ALREADY_FIXED,
                f"the call's **{code_of(mapping)} is a dict given a timeout where it is made",
            )
        made = self._self_options_hold_timeout(mapping)
        if made is not None:
            # networking-odl's self._req_params = self._get_req_params(params)
            line = self.get_metadata(PositionProvider, made).start.line
            return (
                RefusalKind.ALREADY_FIXED,
                f"the call's **{code_of(mapping)} is a dict given a timeout where it is made"
                f" (line {line})",
            )
        values = self._timeouts_given(mapping)
        if values and all(is_number(value) for value in values):
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
        advice = self._kwargs_advice(mapping)
        if advice:
            return RefusalKind.ADVICE_ONLY, advice + self._asserted_too(call)
        return (
            RefusalKind.ADVICE_ONLY,
            f"the call passes {unpacked}, which may hold the timeout; check by hand",
        )

    def _kwargs_advice(self, mapping: cst.BaseExpression) -> str | None:
        """Why the function's own ``**kwargs`` (:meth:`_own_kwargs`) may hold a timeout: its
        calls in the module that give one, or a public name other modules may call."""
        own = self._own_kwargs(mapping)
        if own is None:
            return None
        function, calls = own
        name, kwargs = function.name.value, code_of(mapping)
        given = [call for call in calls if keyword_arg(call, "timeout") is not None]
        if given:
            where = "; ".join(self._where(call) for call in given)
            many = len(given) > 1
            holds = (
                f"which its call{'s' if many else ''} in the module"
                f" give{'' if many else 's'} a timeout ({where})"
            )
        else:
            lines = ", ".join(str(self.lines_of(call)[0]) for call in calls)
            holds = (
                f"given no timeout by its calls in the module (line{'s' if len(calls) > 1 else ''}"
                f" {lines}), but other modules may call {name}(), a public name, with one"
            )
        return (
            f"**{kwargs} is {name}()'s own, {holds}: a timeout= written in the call would then"
            f" be given twice (a TypeError); {kwargs}.setdefault('timeout', {self._timeout})"
            " before the call keeps a caller's, by hand"
        )

    def _asserted_too(self, call: cst.Call) -> str:
        """``; the tests assert ...``, where they assert the exact arguments of the HTTP
        function ``call`` calls (git-review's ``mock_get.assert_called_once_with(url)``)."""
        function = self._http_function(call) or ""
        module = dotted_module(self.module_path)
        if not self._http_facts.asserts(module, function):
            return ""
        found = self._http_facts.assertions(module, function)
        return (
            f"; the tests assert the exact arguments of its HTTP calls"
            f"{f' ({found})' if found else ''}: change those assertions together"
        )

    def _where(self, call: cst.Call) -> str:
        """Where ``call`` is: the function around it and its line (`` `slow`, line 15``)."""
        around = enclosing_function(call, self.parent_of)
        named = f"`{around.name.value}`, " if around is not None else ""
        return f"{named}line {self.lines_of(call)[0]}"

    def _own_kwargs(
        self, mapping: cst.BaseExpression
    ) -> tuple[cst.FunctionDef, list[cst.Call]] | None:
        """git-review's ``run_http_exc(klazz, url, **env)``, then ``requests.get(url, **env)``:
        the function's own ``**kwargs``, never rebound and changed only by literal keys other
        than timeout, with its calls in the module (:func:`only_calls`), none of them
        unpacking a mapping or arguments of its own; None otherwise."""
        function = self.innermost_function()
        star = function.params.star_kwarg if function is not None else None
        if function is None or not isinstance(star, cst.Param):
            return None
        name = star.name.value
        if not m.matches(mapping, m.Name(name)):
            return None
        scope = self.get_metadata(ScopeProvider, mapping, None)
        if scope is None or any(bound.node is not star for bound in scope.assignments[name]):
            return None
        if not changed_by_literal_keys_only(function, name):
            return None
        calls = only_calls(self._module, function, self.parent_of)
        if calls is None or any(has_unpacking(call) for call in calls):
            return None
        return function, calls

    def _kwargs_lack_timeout(self, mapping: cst.BaseExpression) -> bool:
        """Does the function's own ``**kwargs`` (:meth:`_own_kwargs`) hold no timeout: a
        private or nested function's, that none of its calls gives one?"""
        own = self._own_kwargs(mapping)
        if own is None:
            return False
        function, calls = own
        nested = any(
            isinstance(node, cst.FunctionDef) for node in ancestors(function, self.parent_of)
        )
        return (is_private(function.name.value) or nested) and not any(
            keyword_arg(call, "timeout") for call in calls
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
            if bound is None and self._kwargs_lack_timeout(mapping):
                continue  # git-review's run_http_exc(klazz, url, **env), were it private
            keys = [literal_keys(value) for value in bound or ()]
            if not keys or any(found is None or "timeout" in found for found in keys):
                return False
            if not changed_by_literal_keys_only(function, mapping.value):  # type: ignore[attr-defined]
                return False
        return True

    def _self_options_lack_timeout(self, mapping: cst.BaseExpression) -> bool:
        """bugwarrior's ``self.kwargs = {}`` in ``__init__``, then ``self.kwargs['auth'] = ...``
        and ``self.session.get(url, **self.kwargs)``: an attribute the class binds only to
        dict literals of string keys, none ``timeout`` (see :meth:`_self_options_bound`)."""
        bound = self._self_options_bound(mapping)
        return bool(bound) and all(
            (keys := literal_keys(value)) is not None and "timeout" not in keys for value in bound
        )

    def _self_options_bound(self, mapping: cst.BaseExpression) -> list[cst.BaseExpression]:
        """What the class binds ``self.<options>`` to, where it is used only so, read by key or
        ``in``, keyed by a string key other than timeout, and unpacked; not used anywhere else
        in the module, nor a name of the class body. Empty otherwise."""
        owner = self.innermost_class()
        if owner is None or not m.matches(mapping, m.Attribute(value=m.Name("self"))):
            return []
        name = mapping.attr.value  # type: ignore[attr-defined]
        uses = m.findall(self._module, m.Attribute(attr=m.Name(name)))
        own = m.findall(owner, m.Attribute(value=m.Name("self"), attr=m.Name(name)))
        if len(own) != len(uses) or class_binds(owner, name):
            return []  # an attribute of other objects too, or one the class body sets
        kinds = [self._options_use(use) for use in uses]
        if None in kinds:
            return []
        return [kind for kind in kinds if isinstance(kind, cst.BaseExpression)]

    def _options_use(self, use: cst.CSTNode) -> str | cst.BaseExpression | None:
        """How ``self.<options>`` is used: ``unpacked`` into a call, ``keyed`` by a string key
        other than timeout, ``read`` by a key or tested with ``in``, or the value it is bound
        to; else None."""
        parent = self.parent_of(use)
        if isinstance(parent, cst.Arg):
            return "unpacked" if parent.star == "**" else None
        if isinstance(parent, cst.ComparisonTarget) and parent.comparator is use:
            in_test = isinstance(parent.operator, (cst.In, cst.NotIn))
            return "read" if in_test else None
        if isinstance(parent, cst.Subscript) and string_key(parent) is not None:
            item, parent = parent, self.parent_of(parent)
            if not _written(item, parent):
                return "read"  # networking-odl's self._req_params['headers'].items()
            if string_key(item) == "timeout":
                return None
            return "keyed" if sole_target(parent, item, self.parent_of) is not None else None
        assign = sole_target(parent, use, self.parent_of)
        return assign.value if assign is not None else None

    def _self_options_hold_timeout(self, mapping: cst.BaseExpression) -> cst.CSTNode | None:
        """The ``'timeout'`` value given in every dict ``self.<options>`` is bound to (see
        :meth:`_self_options_bound`): a dict literal, or the one a ``self.<method>()`` returns,
        a name it binds only to such a literal and changes only by other keys (networking-odl's
        ``self._req_params = self._get_req_params(params)``); not None. Else None."""
        owner = self.innermost_class()
        bound = self._self_options_bound(mapping)
        if owner is None or not bound:
            return None
        chain = module_class_chain(self._module, owner)
        attribute = mapping.attr.value  # type: ignore[attr-defined]
        given = [
            self._timeout_made_in(value)
            for value in through_builders(bound, chain, attribute, True)
        ]
        return given[0] if given and None not in given else None

    def _timeout_made_in(self, value: cst.BaseExpression) -> cst.BaseExpression | None:
        """The ``'timeout'`` other than None of the dict literal ``value`` is, or a name of a
        function is bound to only, changed there only by other keys; else None."""
        literals: list[cst.BaseExpression] | None = [value]
        if isinstance(value, cst.Name):
            method = enclosing_function(value, self.parent_of)
            changed = method is None or not changed_by_literal_keys_only(method, value.value)
            literals = None if changed else self._bindings.of(value)
        if not literals:
            return None
        given = [one for literal in literals for one in literal_values(literal, "timeout")]
        if len(given) != len(literals) or any(is_literal(one, "None") for one in given):
            return None
        return given[0]

    def _holds_a_timeout(self, mapping: cst.BaseExpression) -> bool:
        """Is ``mapping`` a name bound only to dict literals of string keys with a
        ``'timeout'`` other than None, that the function changes only by other keys?"""
        function = self.innermost_function()
        bound = self._bindings.of(mapping) if isinstance(mapping, cst.Name) else None
        if function is None or not bound:
            return False
        for value in bound:
            keys = literal_keys(value)
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
        if changed_by_literal_keys_only(function, name):
            return True
        # octoprint's params["timeout"] = float(data["timeout"]): still a number
        calls = m.Call(
            func=m.Attribute(value=m.Name(name), attr=m.Name("update") | m.Name("setdefault"))
        )
        return not m.findall(function, calls) and all(
            is_number(value) or m.matches(value, m.Call(func=m.Name("float") | m.Name("int")))
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
        if found is None and isinstance(func, cst.Attribute) and func.attr.value in SESSION_METHODS:
            # tqdm's and influxdb's senders: a stock requests.Session() waits forever too
            # (osprofiler's send() of a PreparedRequest too)
            if self._made_session(func.value, or_given):
                return f"requests.Session.{func.attr.value}"
        return found

    def _advise_on_given_or_requests(self, call: cst.Call) -> None:
        """Advice for premailer's ``self.session.get(url)`` after ``self.session = session or
        requests``: ``requests.get`` without the caller's session, which waits forever; but
        a fix would override a timeout the caller's session may set (by its adapter). So for
        ``session or requests.Session()`` (requests-oauth2client's), a stock session."""
        func = call.func
        if not isinstance(func, cst.Attribute) or func.attr.value not in VERBS:
            return
        if any(arg.star == "**" for arg in call.args) or self._patched_send:
            return
        stock = self._given_or_stock(func.value)
        if stock is None:
            return
        receiver, verb = code_of(func.value), func.attr.value
        if self.marked(call):
            advice = _SILENCED
        elif stock:
            advice = (
                f"{receiver} is the caller's session or a stock requests.Session(): without one"
                " the call waits forever, but a timeout written here would override one the"
                " caller's session sets (by its adapter): give it"
                f" timeout={self._default} by hand where no caller relies on that"
            )
        else:
            advice = (
                f"{receiver} is the caller's session or the requests module: without a session"
                f" this is requests.{verb}, which waits forever, but a timeout written here"
                " would override one the caller's session sets (by its adapter): give the call"
                f" timeout={self._default} by hand where no caller relies on that"
            )
        self.refuse(call, RefusalKind.ADVICE_ONLY, advice)

    def _given_or_stock(self, receiver: cst.BaseExpression) -> bool | None:
        """Is ``receiver`` bound only to the caller's session, else the requests module
        (False) or a stock ``requests.Session()`` (True)? None where it is not."""
        bound = self._bound_beside_parameter(receiver) or []
        if any(value is None for value in bound):
            return None
        made = [value for value in bound if value is not None and not is_literal(value, "None")]
        names = self._names.of
        if made and all(given_or_requests(value, names) for value in made):
            return False
        if made and all(given_or_stock_session(value, names) for value in made):
            return True
        return None

    def _bound_beside_parameter(
        self, receiver: cst.BaseExpression
    ) -> list[cst.BaseExpression | None] | None:
        """What ``receiver`` is bound to but a parameter (a name) or None (a ``self.``
        attribute); ``session = requests.Session()`` under ``if session is None:`` of a
        parameter as ``session or requests.Session()``."""
        owner = self.innermost_class()
        if isinstance(receiver, cst.Name):
            scope = self.get_metadata(ScopeProvider, receiver, None)
            nodes = [getattr(one, "node", None) for one in scope[receiver.value]] if scope else []
            given = any(isinstance(node, cst.Param) for node in nodes)
            around = self.innermost_function() or self._module
            unset = made_unless_given(around, receiver.value, self._names.of) if given else []
            values = assigned_values(self._module)
            return [
                _or_given(receiver, values[node])
                if any(node is one for one in unset)
                else values.get(node)
                for node in nodes
                if not isinstance(node, cst.Param)
            ]
        if owner is not None and m.matches(receiver, m.Attribute(value=m.Name("self"))):
            chain = module_class_chain(self._module, owner)
            attribute = receiver.attr.value  # type: ignore[attr-defined]
            return self_attribute_values(chain, attribute, self._names.of)
        return None

    def _made_session(self, receiver: cst.BaseExpression, or_given: bool = False) -> bool:
        """Is ``receiver`` a ``requests.Session()`` the code makes and gives no defaults
        (with ``or_given``, or ``session or Session()``: see ``made_session``)?"""
        made, adapters = self._session_made_with(receiver, or_given)
        return made and not adapters

    def _session_made_with(
        self, receiver: cst.BaseExpression, or_given: bool = False
    ) -> tuple[bool, list[str]]:
        """Is ``receiver`` a ``requests.Session()`` the code makes, and which adapters mounted
        on it may set a timeout (see ``session_made_with``)?"""
        return session_made_with(
            receiver,
            self._names.of,
            self._bindings.of,
            self._module,
            (self.innermost_function(), self.innermost_class()),
            or_given,
        )

    def _advise_on_mounted_adapter(self, call: cst.Call) -> None:
        """Advice for awscurl's ``session.request(...)`` after ``session.mount('https://',
        adapter)`` of an adapter that may set a timeout of its own in ``send()``: a fixed
        timeout here would override it."""
        func = call.func
        if not isinstance(func, cst.Attribute) or func.attr.value not in SESSION_METHODS:
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
        elif self._kept:
            reason = (
                f"{function} {before}; it now passes {self._kept}, the timeout the class's"
                f" __init__() is given, and raises {error} after it: check that callers give"
                " seconds and that tests asserting its arguments agree"
            )
        else:
            reason = (
                f"{function} {before}; it now raises {error} after {self._timeout} s"
                f"{self._whose}: check that this outlasts the server's longest wait before it"
                " answers (work of its own it waits on) and that tests asserting its arguments"
                " agree"
            )
        return reason + self._blocking_note()

    def _blocking_note(self) -> str:
        """What a fix in a coroutine adds: the blocking call holds up its event loop
        (jupyterhub-nativeauthenticator's ``async def post()`` of a Tornado handler)."""
        function = self.innermost_function()
        if function is None or function.asynchronous is None:
            return ""
        bound = self._parameter or self._kept or f"{self._timeout} s"
        return (
            f"; async def {function.name.value}() runs it on the event loop, which it blocks"
            f" for up to {bound}: give it a short timeout, or use an async client"
        )

    def _literal(self) -> cst.BaseExpression:
        return cst.parse_expression(self._timeout)


def _passes_timeout(tree: cst.CSTNode | None, written: str) -> bool:
    """Does a call in ``tree`` pass ``timeout=`` the value ``written``?"""
    for call in nodes_of_type(tree, cst.Call) if tree is not None else ():
        given = keyword_arg(call, "timeout")
        if given is not None and code_of(given.value) == written:
            return True
    return False


def _or_given(given: cst.BaseExpression, made: cst.BaseExpression) -> cst.BaseExpression:
    """``given or made``: what ``if given is None: given = made`` binds ``given`` to."""
    return cst.BooleanOperation(given, cst.Or(), made)


# The keywords by which a request takes a client's settings (tuir's ``headers=reddit.http.
# headers``): the client's timeout is then the request's.
_CLIENT_SETTINGS = ("headers", "auth", "cookies", "proxies", "verify", "cert")
_SESSION_FUNCTIONS = frozenset(f"requests.Session.{method}" for method in SESSION_METHODS)


def _filled_by(caller: cst.Call, function: cst.FunctionDef) -> cst.Parameters:
    """The parameters of ``function`` that ``caller`` fills: a method's without its ``self``
    (or ``cls``) where it is called through one, unless it is a ``staticmethod``."""
    if not isinstance(caller.func, cst.Attribute):
        return function.params
    return bound_parameters(function)


# Where a subscript may be written to (or deleted): a target, or a part of one.
_WRITES = (cst.AssignTarget, cst.AugAssign, cst.AnnAssign, cst.Del, cst.Element,
           cst.StarredElement, cst.For, cst.AsName, cst.CompFor)  # fmt: skip


def _written(item: cst.Subscript, parent: cst.CSTNode | None) -> bool:
    """Is ``item`` (whose parent is ``parent``) written to, deleted, or part of a target?"""
    if not isinstance(parent, _WRITES):
        return False
    return not isinstance(parent, cst.AugAssign | cst.AnnAssign) or parent.target is item
