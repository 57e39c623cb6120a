"""A timeout passed as a setting read with None as its default, for requests-timeout.

mozilla-django-oidc passes ``timeout=self.get_settings("OIDC_TIMEOUT", None)`` on every
request, and documents the default None as "the library will wait indefinitely": the call
gives a timeout, but none unless the user sets one.
"""

from __future__ import annotations

import ast

import libcst as cst

from cwemod.codemods._http_calls import is_literal
from cwemod.codemods.kit.calls import (
    called_name,
    called_words,
    has_unpacking,
    keyword_arg,
    name_words,
    positional_args,
)

# Words of a callee that reads a setting: getattr(), X.get(), get_settings(), get_config().
_GETTER_WORDS = frozenset({"get", "getattr", "setting", "settings", "config", "option", "options"})


def setting_none_by_default(value: cst.BaseExpression) -> str | None:
    """The name of the timeout setting ``value`` reads with a literal None as its default:
    ``getattr(settings, "OIDC_TIMEOUT", None)``, ``X.get("timeout", None)``, a project's
    getter ``self.get_settings("OIDC_TIMEOUT", None)`` or ``get_setting("timeout",
    default=None)``; the callee's name says get, setting, config or option, and the
    setting's (a string literal, first but getattr's object) says timeout. Else None."""
    if not isinstance(value, cst.Call) or has_unpacking(value):
        return None
    if not set(called_words(value)) & _GETTER_WORDS:
        return None
    positional = positional_args(value)
    first = 1 if called_name(value) == "getattr" else 0
    default = keyword_arg(value, "default")
    if len(value.args) != first + 2 or len(positional) != first + (1 if default else 2):
        return None
    key = positional[first].value
    last = default or positional[-1]
    if not isinstance(key, cst.SimpleString) or not is_literal(last.value, "None"):
        return None
    name = key.evaluated_value
    return name if isinstance(name, str) and "timeout" in name_words(name) else None


def may_read_a_setting_none_by_default(value: ast.expr | None) -> bool:
    """The gate of :func:`setting_none_by_default` on the ``ast`` tree, erring towards yes:
    a call whose last positional argument, or ``default=``, is None."""
    if not isinstance(value, ast.Call):
        return False
    last = [kw.value for kw in value.keywords if kw.arg == "default"] or value.args[-1:]
    return bool(last) and isinstance(last[0], ast.Constant) and last[0].value is None
