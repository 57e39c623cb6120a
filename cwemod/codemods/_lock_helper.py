"""The ``_salted_lock_name`` helper: its definition, its place in the module, its calls."""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from cwemod.codemods._lock_calls import name_argument
from cwemod.codemods.base import nodes_of_type
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.imports import end_of_import_block, with_blank_lines_before
from cwemod.codemods.kit.quotes import SINGLE, prevailing_quote

HELPER = "_salted_lock_name"

_HELPER_TEMPLATE = '''\
def {helper}(name):
    """Key an external lock name with the secret in ${env}.

    A predictable lock file name in a shared lock_path lets another local
    user take the lock first. Every process sharing lock_path must set the
    same key; without a key the name is returned unchanged.
    """
    key = os.environ.get({q}{env}{q})
    if not key:
        return name
    digest = hmac.new(key.encode(), name.encode(), hashlib.sha256)
    return name + {q}-{q} + digest.hexdigest()[:16]
'''


_MODULE_DOCSTRING = "Keyed names of external lock files: one helper for the whole project."


def helper_module_text(key_env: str, name: str, license_header: str = "") -> str:
    """A new module holding the helper alone: the project's license notice, docstring, imports.

    The same for every module that asks for it, so its quotes are single
    ones, as OpenStack writes them.
    """
    header = f"{license_header}\n\n" if license_header else ""
    helper = _HELPER_TEMPLATE.format(helper=name, env=key_env, q=SINGLE)
    imports = "import hashlib\nimport hmac\nimport os\n"
    return f'{header}"""{_MODULE_DOCSTRING}"""\n\n{imports}\n\n{helper}'


def helper_definition(module: cst.Module, key_env: str, name: str = HELPER) -> cst.FunctionDef:
    quote = prevailing_quote(module, default=SINGLE)
    text = _HELPER_TEMPLATE.format(helper=name, env=key_env, q=quote)
    # The docstring's line ends are inside a string: the module's own, not codegen's.
    text = text.replace("\n", module.default_newline)
    definition = cst.parse_statement(text, config=module.config_for_parsing)
    assert isinstance(definition, cst.FunctionDef)
    return definition


def wrap_name(call: cst.Call, helper: cst.BaseExpression | None = None) -> cst.Call:
    """``call`` with its name argument passed through ``helper`` (default: the local one)."""
    name = name_argument(call)
    assert name is not None
    func = helper if helper is not None else cst.Name(HELPER)
    wrapped = name.with_changes(value=cst.Call(func=func, args=[cst.Arg(name.value)]))
    return call.with_changes(args=[wrapped if arg is name else arg for arg in call.args])


def defines_helper(module: cst.Module, name: str = HELPER) -> bool:
    return any(m.matches(statement, m.FunctionDef(name=m.Name(name))) for statement in module.body)


def insert_helper(
    module: cst.Module, helper: cst.FunctionDef, after_constants: bool = False
) -> cst.Module:
    """Put the helper after the imports, before the first statement that uses it.

    ``after_constants``: after the module's constants too (``LOG``, ``CONF``),
    before its first function or class, where a shared helper reads best.
    """
    body = list(module.body)
    position = helper_position(body, helper.name.value, after_constants)
    blank = cst.EmptyLine()
    helper = helper.with_changes(leading_lines=[blank, blank] if position else [])
    if position < len(body):
        body[position] = with_blank_lines_before(body[position], 2)
    body.insert(position, helper)
    return module.with_changes(body=body)


def helper_position(
    body: Sequence[cst.BaseStatement], name: str, after_constants: bool = False
) -> int:
    """The index in ``body`` that :func:`insert_helper` puts the helper ``name`` at."""
    first_use = next(
        (i for i, statement in enumerate(body) if _calls_helper(statement, name)), len(body)
    )
    position = end_of_import_block(body[:first_use])
    if not after_constants:
        return position
    return next(
        (
            i
            for i in range(position, first_use)
            if isinstance(body[i], (cst.FunctionDef, cst.ClassDef))
        ),
        min(first_use, len(body)),
    )


def _calls_helper(statement: cst.BaseStatement, name: str) -> bool:
    return any(m.matches(call.func, m.Name(name)) for call in nodes_of_type(statement, cst.Call))
