"""``silent-except``: modules, and functions, where no swallowed exception is worth a log line.

Test code, developer tooling, historical migrations, Ansible's modules and plugins,
modules that keep their imports to what runs anywhere, and functions PyInstaller
runs in a child interpreter, where the module's logger is not.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable

import libcst as cst

from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.project import Project
from cwemod.codemods.kit.source import module_code

# Top-level folders of a project that hold developer tooling, not shipped code.
TOOLING_FOLDERS = frozenset({"tools", "doc", "docs", "releasenotes", "devstack", "playbooks"})


def module_refusal(project: Project, module_path: str) -> str | None:
    """Modules where no swallowed exception is worth a log line."""
    if project.is_test_module(module_path):
        if project.forbids_test_logging:
            return "test code, and the project's hacking checks forbid logging in tests"
        return "test code: swallowing there hides no production failure"
    parts = module_path.split("/")
    if len(parts) > 1 and parts[0] in TOOLING_FOLDERS:
        return "developer tooling outside the shipped package; nobody reads its debug log"
    if _is_migration(parts):
        # pretalx's submission/migrations/0017_auto_20180115_1743.py, generated in 2018
        return "a historical migration: it runs once per install, and the project does not edit it"
    if _ANSIBLE_PLUGIN_FOLDERS & set(parts[:-1]):
        # ironic's callback plugin sets up logging itself, after the code that swallows
        return (
            "an Ansible plugin, run inside ansible-playbook: it reports through Ansible, and"
            " its own logging is not set up where it swallows"
        )
    return None


def _is_migration(parts: list[str]) -> bool:
    """A Django migration (``migrations/0017_auto_....py``) or an alembic revision
    (``versions/`` below an ``alembic`` or ``migrations`` folder)."""
    folders, name = parts[:-1], parts[-1]
    if folders[-1:] == ["migrations"] and name[:4].isdigit():
        return True
    return folders[-1:] == ["versions"] and bool({"alembic", "migrations"} & set(folders[:-1]))


def restricted_imports_refusal(module: cst.Module) -> str | None:
    """A module whose imports are kept to what runs anywhere: a logger's import may not.

    PyInstaller's bootstrap modules say "Import *ONLY* builtin modules"; its runtime
    hooks, run inside a frozen app, import nothing at their top.
    """
    if _IMPORTS_RESTRICTED.search(module_code(module)):
        return "the module says which modules it may import: a logger's import may not be one"
    # rollbar's DRF handler imports under a top-level try: still the module's own imports
    top_level = [
        statement
        for line in module.body
        for statement in ([line] if not isinstance(line, cst.Try) else line.body.body)
    ]
    top = [small for line in top_level if isinstance(line, cst.SimpleStatementLine)
           for small in line.body]  # fmt: skip
    inner = m.findall(module, m.Import() | m.ImportFrom())
    if inner and not any(isinstance(small, (cst.Import, cst.ImportFrom)) for small in top):
        return (
            "the module imports nothing at its top, its functions what they use: it may run"
            " where its package does not (a runtime hook); log the exception by hand"
        )
    return None


# "Import *ONLY* builtin modules", "must not import", "only the standard library".
_IMPORTS_RESTRICTED = re.compile(
    r"#[^\n]*\b(?:import\W+only\b[^\n]*\b(?:builtin|built-in|standard)|must\s+not\s+import"
    r"|only\s+(?:the\s+)?standard\s+library)",
    re.IGNORECASE,
)


_ANSIBLE_PLUGIN_FOLDERS = frozenset(
    f"{kind}_plugins"
    for kind in ("action", "callback", "connection", "filter", "inventory", "lookup", "strategy")
)


def ansible_module_refusal(imported: Iterable[str | None]) -> str | None:
    """Ansible's modules and plugins (they import ``ansible.module_utils`` or
    ``ansible.plugins``) log nowhere;
    code that imports Ansible's Display reports through it (ansible-core's controller)."""
    names = [name.split(".") for name in imported if name]
    if any(parts[:3] == ["ansible", "utils", "display"] for parts in names):
        return (
            "Ansible code that reports through its Display: report the exception there"
            " (display.debug(), display.vvv()) by hand"
        )
    # zuul's zuul_freeze.py: an action plugin (ansible.plugins.action) outside action_plugins/
    if any(parts[:2] in (["ansible", "module_utils"], ["ansible", "plugins"]) for parts in names):
        return (
            "an Ansible module or plugin: it reports through Ansible (its result, module.log(),"
            " the display), and nothing sets up logging where it runs"
        )
    return None


def ansible_logging_advice(tree: ast.Module) -> str | None:
    """Advice for an Ansible module that sets logging up itself (metalsmith's
    ``_configure_logging()``: ``basicConfig()``, a handler on ``getLogger('metalsmith')``
    whose text its result returns), naming the logger it configures; else None."""
    named = _named_loggers(tree)
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
    configured = sorted(
        {name for call in calls if _method(call) == "addHandler"
         for name in [_logger_name(call.func.value, named)] if name}  # type: ignore[attr-defined]
    )  # fmt: skip
    main = "getLogger(__name__) is __main__ where Ansible runs the module"
    if configured:
        return (
            f"the module sets up the {configured[0]!r} logger itself (addHandler()): log the"
            f" exception with logging.getLogger({configured[0]!r}) by hand ({main})"
        )
    if any(_method(call) == "basicConfig" for call in calls):
        return (
            "the module sets up logging itself (logging.basicConfig()): log the exception"
            f" by hand with a logger it configures ({main})"
        )
    return None


def _method(call: ast.Call) -> str | None:
    return call.func.attr if isinstance(call.func, ast.Attribute) else None


def _logger_name(node: ast.expr, named: dict[str, str]) -> str | None:
    """The name ``getLogger('name')`` gives, called here or bound to ``node``'s name."""
    if isinstance(node, ast.Name):
        return named.get(node.id)
    is_get = isinstance(node, ast.Call) and _method(node) == "getLogger"
    argument = node.args[0] if is_get and node.args else None  # type: ignore[attr-defined]
    return (
        argument.value
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str)
        else None
    )


def _named_loggers(tree: ast.Module) -> dict[str, str]:
    """Each name bound anywhere in the module to ``getLogger('name')``, and that name."""
    return {
        node.targets[0].id: name
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        for name in [_logger_name(node.value, {})] if name
    }  # fmt: skip


Qualified = Callable[[cst.CSTNode], "set[str]"]
_ISOLATED = "PyInstaller.isolated"


def isolated_function(
    enclosing: list[cst.CSTNode], module: cst.Module, qualified: Qualified
) -> str | None:
    """The enclosing function PyInstaller runs in a child interpreter, if any.

    ``isolated.call(f)``, ``child.call(f)`` of ``with isolated.Python() as
    child`` and ``@isolated.decorate`` send the function's code alone to a
    fresh process: the module's globals, its logger among them, are not there.
    """
    for index, function in enumerate(enclosing):
        if not isinstance(function, cst.FunctionDef):
            continue
        name = function.name.value
        if any(f"{_ISOLATED}.decorate" in qualified(d.decorator) for d in function.decorators):
            return name
        container = enclosing[index - 1] if index else module
        if any(_sends_to_child(call, name, container, qualified)
               for call in m.findall(container, m.Call())):  # fmt: skip
            return name
    return None


def _sends_to_child(
    call: cst.Call, name: str, container: cst.CSTNode, qualified: Qualified
) -> bool:
    if not call.args or not m.matches(call.args[0].value, m.Name(name)):
        return False
    if f"{_ISOLATED}.call" in qualified(call.func):
        return True
    if not m.matches(call.func, m.Attribute(value=m.Name(), attr=m.Name("call"))):
        return False
    child = call.func.value.value
    return any(
        f"{_ISOLATED}.Python" in qualified(item.item.func)
        for item in m.findall(container, m.WithItem(item=m.Call(), asname=m.AsName(m.Name(child))))
    )
