"""ssh-host-key-policy's survey: the tests that assert or patch the policy a module sets.

A test that asserts the policy (proxmoxer's ``assert isinstance(policy_call_args[0],
paramiko.AutoAddPolicy)``) or patches it where the module imports it (Fabric's
``@patch("fabric.connection.AutoAddPolicy")``) fails once the module sets
``RejectPolicy``: the fix stays, and its reason names those tests, to change with it.
A test is tied to the modules it imports or names in a string (over-approximated, as
requests-timeout's survey ties its asserting tests).

It also finds where the project records host keys on first use (Zuul's merger:
``AutoAddPolicy`` on a client that ``load_host_keys(path)`` or ``save_host_keys()``): such a
project fills known_hosts itself, so a client elsewhere that loads only its user's own
(Zuul's Gerrit event stream, in the scheduler) finds there no key nobody recorded for it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from cwemod.codemods.kit.project import is_test_module, named_modules
from cwemod.codemods.kit.syntax import last_name, nodes, parse_ast
from cwemod.codemods.surveys import Survey

# The policies a test may pin; the base MissingHostKeyPolicy a test subclasses, not asserts.
POLICIES = ("AutoAddPolicy", "WarningPolicy")
ASSERTS, PATCHES = "asserts", "patches"

# One reference of a test module: (policy, what it does with it, line).
Reference = tuple[str, str, int]
# A module's summary: the modules it names, its references (none outside tests), and the
# lines where it records host keys on first use (none in tests).
SshSummary = tuple[frozenset[str], tuple[Reference, ...], tuple[int, ...]]
_RECORDERS = ("load_host_keys", "save_host_keys")


@dataclass(frozen=True)
class SshFacts:
    """Dotted module -> ``(test module path, policy, what it does, lines)`` of each test
    module that names it and asserts or patches a policy."""

    pinned: Mapping[str, tuple[tuple[str, str, str, tuple[int, ...]], ...]] = field(
        default_factory=dict
    )
    # ``path:line`` of each policy outside tests that records host keys on first use.
    recorders: tuple[str, ...] = ()

    def tests_of(self, module: str, policy: str) -> str:
        """``tests/test_paramiko.py asserts AutoAddPolicy (lines 55, 75, 95): change them
        with it``: the tests naming ``module`` that pin ``policy``; "" where none does."""
        by_path: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
        for path, pinned, verb, lines in self.pinned.get(module, ()):
            if pinned == policy:
                by_path.setdefault(path, []).append((verb, lines))
        if not by_path:
            return ""
        said = ", ".join(_pins(path, policy, pins) for path, pins in by_path.items())
        count = sum(len(lines) for pins in by_path.values() for _, lines in pins)
        return f"{said}: change {'them' if count > 1 else 'it'} with it"


def _pins(path: str, policy: str, pins: list[tuple[str, tuple[int, ...]]]) -> str:
    """``tests/connection.py asserts AutoAddPolicy (line 68) and patches it (line 248)``."""
    done = [
        f"{verb} {'it' if at else policy} ({_lines(lines)})"
        for at, (verb, lines) in enumerate(pins)
    ]
    return f"{path} {' and '.join(done)}"


def _lines(lines: tuple[int, ...]) -> str:
    return f"line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))}"


def mentions_a_policy(text: str) -> bool:
    return any(policy in text for policy in POLICIES)


def summarise(path: str, text: str) -> SshSummary:
    in_tests = is_test_module(path)
    if not in_tests and not any(recorder in text for recorder in _RECORDERS):
        return frozenset(), (), ()  # nothing recordings() could find: no parse
    try:
        tree = parse_ast(text)
    except (SyntaxError, ValueError):
        return frozenset(), (), ()
    if not in_tests:
        return frozenset(), (), tuple(sorted(set(recordings(tree))))
    found = tuple(sorted(set(references(tree))))
    return (frozenset(named_modules(tree, path)) if found else frozenset()), found, ()


def recordings(tree: ast.Module) -> Iterator[int]:
    """The line of each ``AutoAddPolicy`` set on a client that, in the same function,
    ``load_host_keys(path)`` (to which paramiko saves each new key) or ``save_host_keys()``:
    Zuul's merger records a git remote's key on first use."""
    for function in nodes(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        calls = [
            (ast.dump(call.func.value), call)
            for call in nodes(function, ast.Call)
            if isinstance(call.func, ast.Attribute)
        ]
        saving = {
            client
            for client, call in calls
            if last_name(call.func) in _RECORDERS and (call.args or call.keywords)
        }
        for client, call in calls:
            if client in saving and _sets_auto_add(call):
                yield call.lineno


def _sets_auto_add(call: ast.Call) -> bool:
    if last_name(call.func) != "set_missing_host_key_policy" or len(call.args) != 1:
        return False
    policy = call.args[0]
    return last_name(policy.func if isinstance(policy, ast.Call) else policy) == "AutoAddPolicy"


def references(tree: ast.Module) -> Iterator[Reference]:
    """Each policy a test asserts (in an ``assert``, or an argument of an ``assert*()``
    call: ``assertIsInstance``, ``assert_called_once_with``) or patches (a string given to
    ``patch()``, ``patch.object()`` or ``setattr()``: ``"fabric.connection.AutoAddPolicy"``,
    ``(ssh_paramiko.paramiko, "AutoAddPolicy")``)."""
    for node in nodes(tree, (ast.Assert, ast.Call)):
        if isinstance(node, ast.Assert):
            asserted: list[ast.AST] = [node.test]
        else:
            callee = last_name(node.func)
            if callee in _PATCHERS:
                yield from _patched(node)
                continue
            if not callee.startswith("assert"):
                continue
            asserted = [*node.args, *(keyword.value for keyword in node.keywords)]
        for policy in {name for part in asserted for name in _policies_in(part)}:
            yield policy, ASSERTS, node.lineno


_PATCHERS = ("patch", "object", "setattr")


def _patched(call: ast.Call) -> Iterator[Reference]:
    for arg in call.args[:2]:
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            policy = arg.value.rpartition(".")[2]
            if policy in POLICIES:
                yield policy, PATCHES, arg.lineno


def _policies_in(node: ast.AST) -> Iterator[str]:
    for part in ast.walk(node):
        if last_name(part) in POLICIES:
            yield last_name(part)


def combine(summaries: Iterable[tuple[str, SshSummary]]) -> SshFacts:
    pinned: dict[str, list[tuple[str, str, str, tuple[int, ...]]]] = {}
    recorders: list[str] = []
    for path, (named, found, recorded) in summaries:
        recorders.extend(f"{path}:{line}" for line in recorded)
        lines: dict[tuple[str, str], list[int]] = {}
        for policy, verb, line in found:
            lines.setdefault((policy, verb), []).append(line)
        entries = [(path, policy, verb, tuple(at)) for (policy, verb), at in lines.items()]
        for module in named:
            pinned.setdefault(module, []).extend(entries)
    return SshFacts(
        {module: tuple(entries) for module, entries in pinned.items()}, tuple(recorders)
    )


SURVEY = Survey(wants=mentions_a_policy, summarise=summarise, combine=combine)
