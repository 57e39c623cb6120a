"""Refuse unknown SSH host keys in paramiko instead of trusting them (CWE-295)."""

from __future__ import annotations

import ast
from collections.abc import Mapping
from typing import Any

import libcst as cst
from libcst.metadata import PositionProvider, ScopeProvider

from cwemod.codemods._ssh_asyncssh import (
    KEY,
    Site,
    choosing_if,
    disabling_sites,
    imports_asyncssh,
    may_disable,
    may_disable_in_text,
)
from cwemod.codemods._ssh_settings import SettingDefaults, parameters
from cwemod.codemods._ssh_survey import SshFacts
from cwemod.codemods.base import Codemod, nodes_of_type
from cwemod.codemods.kit.bindings import Bindings, only_parameter
from cwemod.codemods.kit.calls import argument, called_name, has_unpacking
from cwemod.codemods.kit.enclosing import EnclosingDefinitions
from cwemod.codemods.kit.growth import opens_a_bracket
from cwemod.codemods.kit.names import QualifiedNames
from cwemod.codemods.kit.parents import ParentProvider, ancestors
from cwemod.codemods.kit.project import dotted_module
from cwemod.codemods.kit.requirements import requires
from cwemod.codemods.kit.scanner_marks import MARKED
from cwemod.codemods.kit.source import code_of, module_lines
from cwemod.codemods.kit.syntax import nodes
from cwemod.codemods.records import Applicability, RefusalKind

_SETTER = "set_missing_host_key_policy"
_LOADERS = ("load_system_host_keys", "load_host_keys")
# What a client only connected to record the host's key is used for.
_RECORDING_ONLY = frozenset(
    {*_LOADERS, "set_missing_host_key_policy", "connect", "close", "save_host_keys"}
)
_ONLY_WHEN = "where its test fails, paramiko's default RejectPolicy holds"
_TRUSTING = frozenset(
    f"{module}.{policy}"
    for module in ("paramiko", "paramiko.client")
    # The base class's missing_host_key() does nothing: it accepts every host too.
    for policy in ("AutoAddPolicy", "WarningPolicy", "MissingHostKeyPolicy")
)


class SshHostKeyPolicy(EnclosingDefinitions, Codemod):
    id = "ssh-host-key-policy"
    title = "Reject unknown SSH host keys"
    cwe = ("CWE-295",)
    rules = ("B507",)
    applicability = Applicability.REVIEW
    leaves_tests_alone = True
    prefilter = (_SETTER, KEY)
    docs = """\
## What it does
Rewrites `client.set_missing_host_key_policy(paramiko.AutoAddPolicy())`
(also `WarningPolicy` and the base `MissingHostKeyPolicy`, which accepts
every host as well, the class itself rather than an instance, and names
imported from `paramiko` or `paramiko.client`) to use `RejectPolicy`.

In a module that imports asyncssh, advises on `known_hosts=None` (which
turns asyncssh's host-key checking off) given to `asyncssh.connect()`,
`create_connection()`, `listen_reverse()`, `run_client()` or
`SSHClientConnectionOptions()`, or put in a mapping that is passed on:
`kwargs.setdefault("known_hosts", None)` (sshfs's `SSHFileSystem`),
`kwargs["known_hosts"] = None`, `kwargs.update(known_hosts=None)`,
`dict(known_hosts=None)` or `{"known_hosts": None}`.

## Why is this bad?
`AutoAddPolicy` trusts the key of any host it has not seen and
`WarningPolicy` only logs it: the first connection, or every connection to
a host missing from known_hosts, can be answered by an impostor who then
reads the credentials and commands (CWE-295). asyncssh's `known_hosts=None`
accepts every host key, and host certificates unchecked, the same way.

Where the module loads no known_hosts file at all, RejectPolicy alone would
refuse every host, so the client first loads the user's known_hosts, as
`ssh` does: `client.load_system_host_keys()` on a line of its own before
the policy (paramiko ignores a missing file); once, where the policy is set
again later in the same or a nested block.

## Fix safety
Review: unknown hosts are now refused. The hosts' keys must be in the
known_hosts files the client loads (`load_system_host_keys()` or
`load_host_keys(path)`); where the module loads one but this function does
not, the reason says so. A client that reaches new hosts (a test
framework's fresh servers) needs their keys some other way: check how it
learns them. Where the project's tests assert the policy replaced (proxmoxer's
`assert isinstance(policy, paramiko.AutoAddPolicy)`, `assertIsInstance`, a
mock's `assert_called_once_with`) or patch it (Fabric's
`@patch("fabric.connection.AutoAddPolicy")`, `patch.object()`, `setattr()`),
in a test module that imports the fixed module or names it in a string, the
reason names those tests and their lines: they must change with the fix.

Safe: none.

## Refuses
- A call marked `# nosec`: the project accepted the policy there.
- A policy chosen by a setting (an `if` whose other branch sets another
  policy or loads known hosts, as junos-eznc's `if dev._hostkey_verify:`
  does, or an `if` with no `else` that only sets it, where paramiko's
  default RejectPolicy holds otherwise: Fabric's `if not
  env.reject_unknown_hosts:`): the trusting branch is the operator's choice; change the
  setting's default instead (advice only; where the setting is a parameter
  on by default, as openshift-client's `node_ssh_client(auto_add_host=True)`,
  the advice names it and the module's functions that pass theirs on to it).
  Not applicable where an `if` with no `else` sets it and its setting is off
  by default, an opt-in: a parameter whose default is off, or an attribute
  of `self` that every assignment in the module leaves off (`False`, or a
  parameter or an environment lookup whose default is off), as
  openshift-client's `self.ssh_auto_add_host = False` in `__init__` and
  `client_host(auto_add_host=DEFAULT_SSH_AUTO_ADD)`, from
  `os.getenv(..., "false").lower() in ("yes", "true", ...)`;
  and any call in a module that
  elsewhere sets a policy a name is assigned (pyzmq's `policy =
  getattr(paramiko, f"{name}Policy")` from `$PYZMQ_PARAMIKO_HOST_KEY_POLICY`):
  use that setting there too, with `RejectPolicy` as its default (advice).
- A function that loads known_hosts only under a condition the policy is
  not under (pwntools' `if not ignore_config:`, then only if the file
  exists; or each load under its own, as Fabric's `system_known_hosts` and
  `disable_known_hosts` settings): where none holds, every host would be
  refused (advice).
- A policy the codemod cannot identify (a variable, a custom class).
- A policy set on a client lent by a `with` (`with pool.item() as ssh:`)
  that the function never connects: paramiko reads the policy only in
  `connect()`, so on a client already connected the change decides
  nothing; the policy belongs where the client is connected (advice only).
- A client the module connects to a host it names a target (`self.target`,
  `self.ssh_target`): routersploit's exploits and credential checks reach
  the device under attack, whose key no known_hosts file holds, so
  RejectPolicy would refuse every one (advice only).
- A call where `RejectPolicy`, of another length, would move a bracket that a continuation line is aligned under.
- `AutoAddPolicy` on a client that only records host keys: it loads a
  known_hosts file (`load_host_keys(path)`, to which paramiko then saves
  each new key) and is used for nothing but connecting and closing, or it
  calls `save_host_keys()` (Zuul's merger fills `~/.ssh/known_hosts`
  that way, for git): RejectPolicy would stop the recording (advice only).
- Where the module loads no known_hosts file, a call that is not a
  statement of its own, or whose loader line would not fit the line
  length: RejectPolicy alone would refuse every host (advice only).
- Where the module loads no known_hosts file, or only its user's own
  (`load_system_host_keys()` with no file; no file the project names), in a
  service (a project that depends on oslo.config): its user's known_hosts is
  empty, and some of its hosts may be machines it has just booted (manila's
  `SSHPool` reaches the service VMs it creates), so loading it and rejecting
  the rest would refuse every connection. The same in a project that fills
  known_hosts itself by recording host keys on first use (`AutoAddPolicy` on
  a client that `load_host_keys(path)` or `save_host_keys()`s, in any of its
  modules): Zuul's merger does so for its ssh git remotes, in another process
  than the scheduler, whose Gerrit event stream and reporter load only the
  zuul user's own known_hosts, where nothing records Gerrit's key. Advice to
  add settings for the policy and a known-hosts file, as Cinder's
  `strict_ssh_host_key_policy` and `ssh_hosts_key_file` are.
- asyncssh's `known_hosts=None`, always (advice only): dropping it makes
  asyncssh load `~/.ssh/known_hosts`, which refuses the hosts the code
  reaches today; drop it (or pass the known hosts) and let callers opt out
  by hand. Quiet where an `if` on a setting gives it, the operator's
  choice: an `if` another of whose branches gives known_hosts too, or
  whose branch only sets it (and logs), as apache-airflow-providers-sftp's
  `if self.no_host_key_check: conn_config["known_hosts"] = None`. A finding
  pointing there is not applicable where the setting is off by default
  (an opt-in), and gets advice to change its default otherwise.
  (`connect_reverse()` starts a server, whose options take no known_hosts.)
- Code in tests, and the CI's own scripts under `.github/` (cowrie's
  `advanced-honeypot-tests.py` logs in to the honeypot its workflow has just started).

## Options
None.
"""
    example = """\
import paramiko


def run_remote(host, command):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect(host)
    return client.exec_command(command)
"""

    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider, ParentProvider)

    @classmethod
    def may_have_candidates(cls, source: str, options: Mapping[str, Any]) -> bool:
        return _SETTER in source or may_disable_in_text(source)

    @classmethod
    def might_change(cls, tree: ast.Module, options: Mapping[str, Any]) -> bool:
        return any(
            isinstance(node.func, ast.Attribute) and node.func.attr == _SETTER
            for node in nodes(tree, ast.Call)
        ) or may_disable(tree)

    def visit_Module(self, node: cst.Module) -> None:
        self._names = QualifiedNames(self)
        self._lines = module_lines(node)
        # per enclosing `if`: how it chooses between policies, or None where it does not
        self._choices: list[tuple[str, cst.If] | None] = []
        self._config = node.config_for_parsing
        self._module = node
        self._module_loads = _loads_host_keys(node)
        # A load with an argument anywhere: a known_hosts file the project points the module at.
        self._loads_a_named_file = any(
            _is_load(call) and call.args for call in nodes_of_type(node, cst.Call)
        )
        self._bindings = Bindings(self, node)
        self._defaults = SettingDefaults(self, node)
        self._statements: list[cst.SimpleStatementLine] = []
        # Statements that get ``<client>.load_system_host_keys()`` before them.
        self._load_before: dict[cst.SimpleStatementLine, str] = {}
        if not self.in_tests and imports_asyncssh(node):
            for site in disabling_sites(node, self._names):
                self._advise_on_known_hosts(site)

    def _advise_on_known_hosts(self, site: Site) -> None:
        """asyncssh's ``known_hosts=None`` (sshfs's default): advice, as dropping it would
        refuse the hosts reached today; quiet where a setting chooses it (airflow's)."""
        node, at, what, _ = site
        chosen = choosing_if(site, self.parent_of)
        if chosen is not None:
            branch, in_body = chosen
            test = code_of(branch.test)
            if in_body and self._defaults.of_test(branch.test) is False:
                why = f"`{test}` is off by default, and where it is off asyncssh checks host keys"
                self.note(
                    node, RefusalKind.NOT_APPLICABLE, f"{what} is an opt-in here: {why}", at=at
                )
            else:
                why = "change the setting's default rather than the branch, where it is on"
                how = f"{what} is chosen by a setting here (`{test}`)"
                self.note(node, RefusalKind.ADVICE_ONLY, f"{how}: {why}", at=at)
            return
        if self.marked(node):
            why = f"{MARKED}: the project accepted {what} here on purpose"
            self.refuse(node, RefusalKind.ADVICE_ONLY, why, at=at)
            return
        self.refuse(
            node,
            RefusalKind.ADVICE_ONLY,
            f"{what} turns off asyncssh's host-key checking (host certificates too): every"
            " connection given it accepts any host's key; drop it so asyncssh loads"
            " ~/.ssh/known_hosts (or pass the known hosts), and let callers opt out by hand",
            at=at,
        )

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self._statements.append(node)

    def leave_SimpleStatementLine(
        self, original_node: cst.SimpleStatementLine, updated_node: cst.SimpleStatementLine
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement]:
        self._statements.pop()
        loader = self._load_before.get(original_node)
        if loader is None:
            return updated_node
        load = cst.parse_statement(f"{loader}\n", config=self._config)
        return cst.FlattenSentinel(
            [
                load.with_changes(leading_lines=updated_node.leading_lines),
                updated_node.with_changes(leading_lines=()),
            ]
        )

    def visit_If(self, node: cst.If) -> None:
        if _count_setters(node) > 1 or _branches_deciding(node) > 1:
            how = "another branch sets a different policy or loads known hosts"
            self._choices.append((how, node))
        elif _sets_only_when(node):
            self._choices.append((_ONLY_WHEN, node))
        else:
            self._choices.append(None)

    def leave_If(self, original_node: cst.If, updated_node: cst.If) -> cst.BaseStatement:
        self._choices.pop()
        return updated_node

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        func = original_node.func
        if not (isinstance(func, cst.Attribute) and func.attr.value == _SETTER) or self.in_tests:
            return updated_node
        policy = argument(original_node, "policy", 0)
        if policy is None or has_unpacking(original_node):
            return updated_node
        trusting = self._trusting_policy(policy.value)
        if trusting is None:
            self.note(
                original_node,
                RefusalKind.ADVICE_ONLY,
                "the policy is not one of paramiko's that accept unknown hosts; check it by hand",
            )
            return updated_node
        if self.marked(original_node):
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                f"{MARKED}: the project accepted this policy here on purpose",
            )
            return updated_node
        choice = next((choice for choice in reversed(self._choices) if choice), None)
        if choice is not None:
            self._refuse_chosen(original_node, trusting.rpartition(".")[2], *choice)
            return updated_node
        setting = self._policy_from_a_setting()
        if setting is not None:
            # pyzmq's tunnel: policy() from $PYZMQ_PARAMIKO_HOST_KEY_POLICY in a sibling function
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                f"the module takes the policy from a setting elsewhere ({setting}): use that "
                "setting here too, with RejectPolicy as its default, so one choice rules both",
            )
            return updated_node
        if trusting.endswith("AutoAddPolicy") and self._records_host_keys(func.value):
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                "AutoAddPolicy after load_host_keys(path) saves each new host's key to that "
                "file: the code records host keys on first use (for ssh or git run later), "
                "which RejectPolicy would stop; decide by hand how the keys get there",
            )
            return updated_node
        lender = self._lender(func.value)
        if lender is not None:
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                f"the client comes from {lender} and is not connected here: paramiko reads "
                "the policy only in connect(), so set it where the client is connected",
            )
            return updated_node
        target = self._target_connected(func.value)
        if target is not None:
            # routersploit: its exploits' and credential checks' clients reach the device
            # under attack, whose key no known_hosts file holds
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                f"the client connects to {target}, by its name a scan's or an attack's target:"
                " no known_hosts file holds such hosts' keys, and RejectPolicy would refuse"
                " every one; decide by hand",
            )
            return updated_node
        if self._moves_an_aligned_bracket(policy.value):
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                "RejectPolicy would shift an aligned continuation line; change the policy by hand",
            )
            return updated_node
        loader = None
        unfilled = self._unfilled_known_hosts()
        if unfilled is not None:
            # manila's SSHPool, Zuul's Gerrit event stream: nothing fills the known_hosts the
            # client would reject unknown hosts by; a service's fix is a setting, as Cinder's is.
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                f"{unfilled}: RejectPolicy would refuse every host; add settings for the policy"
                " and a known-hosts file, as Cinder's strict_ssh_host_key_policy and"
                " ssh_hosts_key_file are",
            )
            return updated_node
        if not self._module_loads:
            loader = self._loader(original_node)
            if loader is None:
                self.refuse(
                    original_node,
                    RefusalKind.ADVICE_ONLY,
                    "the module loads no known_hosts file, and load_system_host_keys() "
                    "cannot be added before this call here: RejectPolicy alone would refuse "
                    "every host; load the hosts' keys, then reject unknown ones",
                )
                return updated_node
        condition = None if loader is not None else self._loading_condition(original_node)
        if condition is not None:
            # pwntools' ssh: `if not ignore_config:` ... `if os.path.exists(known_hosts):`
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                f"known_hosts is loaded only where `{condition}` holds: elsewhere"
                " RejectPolicy would refuse every host; load the hosts' keys always, or choose"
                " the policy by the same condition",
            )
            return updated_node
        reason = self._reason(loader, trusting.rpartition(".")[2])
        if not self.accept_fix(original_node, Applicability.REVIEW, reason):
            return updated_node
        if loader is not None and not self._loaded_before(loader):
            # Bandit's samples: one client, eight policy calls, one load before the first
            self._load_before[self._statements[-1]] = loader
        new_policy = self._rejecting(policy.value, trusting)
        args = [
            arg.with_changes(value=new_policy) if arg is policy else arg
            for arg in original_node.args
        ]
        return updated_node.with_changes(args=args)

    def _ssh_facts(self) -> SshFacts:
        """The survey's facts, read where a site asks (reading them runs the survey)."""
        facts = self.facts
        return facts if isinstance(facts, SshFacts) else SshFacts()

    def _unfilled_known_hosts(self) -> str | None:
        """Why the known_hosts a module that loads no file the project names (only its
        user's own, or none) would reject by holds no host's key: a service's user's is empty
        (manila's), or the project fills it only by trust on first use (Zuul's merger, in
        another process than the scheduler's Gerrit clients); None where neither holds."""
        if self._loads_a_named_file:
            return None
        loads = (
            "the module loads only its user's own known_hosts (load_system_host_keys())"
            if self._module_loads
            else "the module loads no known_hosts file"
        )
        if requires(self.project.root, "oslo.config"):
            return f"{loads}, and a service's user's is empty"
        facts = self._ssh_facts()
        if not facts.recorders:
            return None
        where = ", ".join(facts.recorders[:3]) + (", ..." if len(facts.recorders) > 3 else "")
        return (
            f"{loads}, and the project fills known_hosts only by recording host keys on first"
            f" use ({where}: AutoAddPolicy), for that code's hosts in whatever process runs it"
        )

    def _refuse_chosen(self, call: cst.Call, policy: str, how: str, branch: cst.If) -> None:
        """A policy an ``if`` chooses: not applicable where its test, a setting, is off by
        default (openshift-client's ``if self.ssh_auto_add_host:``, False in ``__init__``)."""
        default = self._defaults.of_test(branch.test) if how == _ONLY_WHEN else None
        if default is False:
            self.refuse(
                call,
                RefusalKind.NOT_APPLICABLE,
                f"{policy} is an opt-in here: `{code_of(branch.test)}` is off by default, and "
                "where it is off paramiko's default RejectPolicy refuses unknown hosts",
            )
            return
        defaults = self._parameter_defaults(branch.test) if default else ""
        self.refuse(
            call,
            RefusalKind.ADVICE_ONLY,
            f"{policy} is chosen by a setting here ({how}): change the setting's default"
            f"{defaults} rather than the branch",
        )

    def _parameter_defaults(self, test: cst.BaseExpression) -> str:
        """`` (auto_add_host=True in node_ssh_client, node_ssh_await)``: the parameter the
        test is, where on by default, and the module's functions that pass theirs on to it."""
        function = self.innermost_function()
        if not isinstance(test, cst.Name) or function is None:
            return ""
        parameter = only_parameter(self, test)
        if parameter is None or parameter.default is None or parameter not in parameters(function):
            return ""
        names = [function.name.value, *self._defaults.forwarders(function, test.value)]
        return f" ({test.value}={code_of(parameter.default)} in {', '.join(names)})"

    def _policy_from_a_setting(self) -> str | None:
        """A ``set_missing_host_key_policy()`` of the module given a policy a name is assigned
        (``policy = getattr(paramiko, f"{name}Policy")``, then ``policy()``): its code."""
        for call in nodes_of_type(self._module, cst.Call):
            if called_name(call) != _SETTER:
                continue
            given = argument(call, "policy", 0)
            if given is None or given.star:
                continue
            value = given.value.func if isinstance(given.value, cst.Call) else given.value
            # a name bound by assignment only (no class of the module's, no import)
            if isinstance(value, cst.Name) and self._bindings.of(value):
                return code_of(call)
        return None

    def _trusting_policy(self, value: cst.BaseExpression) -> str | None:
        """``paramiko.AutoAddPolicy`` or the like, for the class or an instance made with ()."""
        if isinstance(value, cst.Call):
            if value.args:
                return None
            value = value.func
        return next(iter(sorted(self._names.of(value) & _TRUSTING)), None)

    def _lender(self, client: cst.BaseExpression) -> str | None:
        """The code that lent ``client`` (a pool's ``with``), when this function never connects it."""
        function = self.innermost_function()
        if function is None or not isinstance(client, cst.Name):
            return None
        return _lent_clients(function).get(client.value)

    def _target_connected(self, client: cst.BaseExpression) -> str | None:
        """The host ``client`` is connected to in the module, where it is named a target
        (``self.target``, ``self.ssh_target``); None otherwise."""
        spelled = code_of(client)
        for call in nodes_of_type(self._module, cst.Call):
            func = call.func
            if not (isinstance(func, cst.Attribute) and func.attr.value == "connect"):
                continue
            host = argument(call, "hostname", 0)
            if host is None or code_of(func.value) != spelled:
                continue
            name = code_of(host.value)
            if "target" in name.rpartition(".")[2].lower():
                return name
        return None

    def _moves_an_aligned_bracket(self, value: cst.BaseExpression) -> bool:
        """Would a name of another length move a bracket a continuation line is aligned under?"""
        name = value.func if isinstance(value, cst.Call) else value
        name = name.attr if isinstance(name, cst.Attribute) else name
        if isinstance(name, cst.Name) and len(name.value) == len("RejectPolicy"):
            return False
        end = self.get_metadata(PositionProvider, name).end
        return opens_a_bracket(self._lines[end.line - 1][end.column :])

    def _rejecting(self, value: cst.BaseExpression, trusting: str) -> cst.BaseExpression:
        if isinstance(value, cst.Call):
            return value.with_changes(func=self._rejecting(value.func, trusting))
        if isinstance(value, cst.Attribute):
            return value.with_changes(attr=cst.Name("RejectPolicy"))
        # A name imported from paramiko: import RejectPolicy beside it.
        module = trusting.rpartition(".")[0]
        self.add_import(module, "RejectPolicy")
        self.remove_import_of(value)
        return cst.Name("RejectPolicy")

    def _loader(self, call: cst.Call) -> str | None:
        """``<client>.load_system_host_keys()``, for a line of its own before ``call``'s
        statement: None when the call is not a statement by itself or the line would not fit."""
        statement = self._statements[-1] if self._statements else None
        if statement is None or len(statement.body) != 1:
            return None
        expression = statement.body[0]
        if not (isinstance(expression, cst.Expr) and expression.value is call):
            return None
        client = call.func.value  # type: ignore[attr-defined]
        loader = f"{code_of(client)}.load_system_host_keys()"
        indent = self.get_metadata(PositionProvider, call).start.column
        return loader if indent + len(loader) <= self.line_limit else None

    def _records_host_keys(self, client: cst.BaseExpression) -> bool:
        """Is connecting only a way to record the host's key in a known_hosts file?

        ``AutoAddPolicy`` saves a new key to the file ``load_host_keys(path)``
        loaded. Zuul's merger connects a client it then only closes, to fill
        ``~/.ssh/known_hosts`` for git; an explicit ``save_host_keys()``
        records keys too.
        """
        scope = self.innermost_function() or self._module
        receiver = code_of(client)
        methods = [
            (call.func.attr.value, call)
            for call in nodes_of_type(scope, cst.Call)
            if isinstance(call.func, cst.Attribute) and code_of(call.func.value) == receiver
        ]
        called = {method for method, _ in methods}
        if "save_host_keys" in called:
            return True
        loads_a_file = any(method == "load_host_keys" and call.args for method, call in methods)
        returned = any(
            ret.value is not None and code_of(ret.value) == receiver
            for ret in nodes_of_type(scope, cst.Return)
        )
        return loads_a_file and called <= _RECORDING_ONLY and not returned

    def _loaded_before(self, loader: str) -> bool:
        """Does an earlier statement, in a block around this one, get ``loader`` already?"""
        here = self._statements[-1]
        around = set(map(id, ancestors(here, self.parent_of)))
        return any(
            planned == loader and id(self.parent_of(statement)) in around
            for statement, planned in self._load_before.items()
        )

    def _loading_condition(self, policy_call: cst.Call) -> str | None:
        """The test of an ``if`` every known_hosts load of the function is under, where the
        policy is set outside it; None where none is."""
        function = self.innermost_function()
        if function is None or not _loads_host_keys(function):
            return None
        loads = {id(call) for call in nodes_of_type(function, cst.Call) if _is_load(call)}
        for branch in nodes_of_type(function, cst.If):
            calls = nodes_of_type(branch, cst.Call)
            if {id(call) for call in calls if _is_load(call)} == loads:
                return None if policy_call in calls else code_of(branch.test)
        # Fabric's two loads, each under its own setting (system_known_hosts, and
        # disable_known_hosts): every one conditional, none where the policy is
        tests: list[cst.If] = []
        covered: set[int] = set()
        for branch in nodes_of_type(function, cst.If):
            calls = nodes_of_type(branch, cst.Call)
            held = {id(call) for call in calls if _is_load(call)}
            if policy_call in calls or not held or held <= covered:
                continue  # the policy's, none, or inside one taken already
            tests.append(branch)
            covered |= held
        return " or ".join(code_of(b.test) for b in tests) if tests and covered == loads else None

    def _loads_here(self) -> bool:
        """Does the function around the node (the module, outside any) load known_hosts?"""
        function = self.innermost_function()
        return self._module_loads if function is None else _loads_host_keys(function)

    def _reason(self, loader: str | None, policy: str) -> str:
        """Why the fix is made, and the tests that pin ``policy`` (proxmoxer's assert it)."""
        facts = self._ssh_facts()
        tests = facts.tests_of(dotted_module(self.module_path), policy)
        return self._refused_now(loader) + (f"; {tests}" if tests else "")

    def _refused_now(self, loader: str | None) -> str:
        if loader is not None:
            return (
                "unknown hosts are now refused, not trusted: the client now loads the user's "
                "known_hosts (load_system_host_keys(), as ssh does), and a host missing from "
                "it fails to connect"
            )
        if self._loads_here():
            return (
                "unknown hosts are now refused, not trusted: their keys must be in the "
                "known_hosts files loaded here"
            )
        return (
            "unknown hosts are now refused, not trusted, and no known_hosts file is loaded "
            "here: add load_system_host_keys() or load_host_keys(path) before connecting"
        )


def _count_setters(node: cst.CSTNode) -> int:
    return sum(
        isinstance(call.func, cst.Attribute) and call.func.attr.value == _SETTER
        for call in nodes_of_type(node, cst.Call)
    )


def _branches_deciding(node: cst.If) -> int:
    """How many branches of the ``if`` (its body, each ``elif``'s, the ``else``) set a
    policy or load host keys: junos-eznc's ``if dev._hostkey_verify:`` loads them, and
    its ``else:`` trusts every host, as the user asked."""
    count = 0
    branch: cst.If | cst.Else | None = node
    while branch is not None:
        count += _count_setters(branch.body) > 0 or _loads_host_keys(branch.body)
        branch = branch.orelse if isinstance(branch, cst.If) else None
    return count


def _sets_only_when(node: cst.If) -> bool:
    """``if not env.reject_unknown_hosts: client.set_missing_host_key_policy(...)`` and no
    ``else`` (Fabric's): where the test fails, paramiko's default RejectPolicy holds, so the
    ``if`` chooses between the two."""
    body = node.body.body
    return node.orelse is None and len(body) == 1 and _count_setters(body[0]) == 1


def _loads_host_keys(node: cst.CSTNode) -> bool:
    return any(_is_load(call) for call in nodes_of_type(node, cst.Call))


def _is_load(call: cst.Call) -> bool:
    return isinstance(call.func, cst.Attribute) and call.func.attr.value in _LOADERS


def _lent_clients(function: cst.FunctionDef) -> dict[str, str]:
    """Names bound by ``with <not a constructor> as name`` that the function never connects.

    Such a client comes from a pool or a helper that has most likely connected
    it already; the code of the ``with`` item, by name.
    """
    connected = {
        call.func.value.value
        for call in nodes_of_type(function, cst.Call)
        if isinstance(call.func, cst.Attribute)
        and call.func.attr.value == "connect"
        and isinstance(call.func.value, cst.Name)
    }
    lent = {}
    for item in nodes_of_type(function, cst.WithItem):
        target = item.asname.name if item.asname is not None else None
        if not isinstance(target, cst.Name) or target.value in connected:
            continue
        made_here = isinstance(item.item, cst.Call) and called_name(item.item) == "SSHClient"
        if not made_here:
            lent[target.value] = code_of(item.item)
    return lent
