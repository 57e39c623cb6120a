"""``silent-except``: a handler whose failure leaves things less safe (fails open).

feast's ``_sanitize_uri()`` ("Strip credentials from a URI") parses the URI in a
try, ``except Exception: pass``, then ``return value``: where ``urlparse()`` or
``.port`` raises, the URI goes out with its password. snowflake-connector-python's
``ctx.verify_mode = ssl.CERT_REQUIRED`` in a try, ``except Exception: pass``: where the
store fails, a new pyOpenSSL context verifies no certificate. Neither is a fallback to
log and keep: the handler must fail closed, which only its author can write.
"""

from __future__ import annotations

import re

import libcst as cst

from cwemod.codemods._silent_handler import silent_statement
from cwemod.codemods._silent_tree import ParentOf, parameters_around, statements_after
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import name_words
from cwemod.codemods.kit.parents import enclosing_function

# Verbs that only ever mean hiding something: ``redact_url()``, ``scrub()``.
_HIDING_VERBS = frozenset({"redact", "scrub", "censor", "obfuscate", "anonymize", "anonymise"})
# Verbs that hide a secret when a secret is their object: ``mask_password()``.
_REMOVING_VERBS = frozenset({"sanitize", "sanitise", "strip", "remove", "hide", "mask", "elide"})
_SECRET_WORDS = frozenset(
    {
        *("credential", "credentials", "password", "passwords", "passwd", "secret", "secrets"),
        *("token", "tokens", "userinfo", "auth", "apikey", "sensitive"),
    }
)
# A docstring's summary that says so: "Strip credentials from a URI", "Mask the password
# in ...", "Redact secrets"; not "Strip whitespace from the token" (its object is whitespace).
_HIDES_SECRETS = re.compile(
    r"\b(?:saniti[sz]|strip|remov|hid|mask|elid|redact|scrub|censor|obfuscat)\w*"
    r"\s+(?:(?!from\b|of\b|in\b)\w+\s+){0,2}"
    r"(?:credential|password|passwd|secret|token|userinfo|api[ _-]?key|auth|sensitive)",
    re.IGNORECASE,
)
_HANDLER_RETURNS_A_NAME = m.IndentedBlock(
    [m.SimpleStatementLine([m.Return(value=m.Name())])]
) | m.SimpleStatementSuite([m.Return(value=m.Name())])


def fail_open_advice(handler: cst.ExceptHandler, parent_of: ParentOf) -> str | None:
    """The advice for a handler of a function that hides secrets, when the way out of that
    handler returns one of the function's parameters as it came; or for a silent handler
    of a try that only hardens a TLS setting (:func:`_security_settings`). None otherwise."""
    statement = parent_of(handler)
    settings = _security_settings(statement) if isinstance(statement, cst.Try) else None
    if settings and silent_statement(handler.body) is not None:
        return (
            f"fails open: a failed security setting ({', '.join(settings)}) may leave the"
            " context at its weaker default; let it raise (fail closed) by hand: a log line"
            " would not make the connection safe"
        )
    function = enclosing_function(handler, parent_of)
    if not isinstance(statement, cst.Try) or function is None or not _hides_secrets(function):
        return None
    given_back = _returned_on_failure(statement, handler, parent_of)
    if given_back is None or _bound_outside(function, statement, given_back):
        return None
    return (
        f"fails open: {function.name.value}() is there to strip secrets, but when the try"
        f" fails it returns {given_back} as it came, secrets and all; make the handler fail"
        " closed (return a redacted placeholder, or re-raise) by hand: a log line would not"
        " stop the leak"
    )


def _hides_secrets(function: cst.FunctionDef) -> bool:
    """Named (``redact_dsn``) or documented ("Strip credentials from a URI") for hiding
    secrets; without a docstring, ``mask_password`` too (not ``strip_token``, "Strip
    whitespace from the token")."""
    words = set(name_words(function.name.value))
    summary = (function.get_docstring() or "").split("\n\n")[0]
    if words & _HIDING_VERBS or _HIDES_SECRETS.search(summary):
        return True
    return not summary and bool(words & _REMOVING_VERBS and words & _SECRET_WORDS)


def _returned_on_failure(
    statement: cst.Try, handler: cst.ExceptHandler, parent_of: ParentOf
) -> str | None:
    """The parameter the function returns once the handler has run: the handler's own
    ``return value``, or, after ``pass``, a ``return value`` after the try."""
    if m.matches(handler.body, _HANDLER_RETURNS_A_NAME):
        ways_out = [handler.body]
    elif isinstance(silent_statement(handler.body), cst.Pass) and statement.finalbody is None:
        ways_out = statements_after(statement, parent_of)
    else:
        return None
    parameters = parameters_around(statement, parent_of)
    returned = [
        found.value.value  # type: ignore[union-attr]
        for rest in ways_out
        for found in m.findall(rest, m.Return(value=m.Name()))
    ]
    return next((name for name in returned if name in parameters), None)


def _bound_outside(function: cst.FunctionDef, statement: cst.Try, name: str) -> bool:
    """Does the function bind ``name`` anywhere but in the try's body (``value = "***"``
    before the try): then what it returns may be scrubbed already."""
    inside = {id(node) for node in m.findall(statement.body, m.Name(name))}
    targets = m.findall(
        function.body,
        m.AssignTarget(target=m.Name(name))
        | m.AnnAssign(target=m.Name(name))
        | m.AugAssign(target=m.Name(name)),
    )
    return any(id(target.target) not in inside for target in targets)  # type: ignore[attr-defined]


# Attributes of a TLS context (or socket options) that harden it when set, none of them a
# common name elsewhere: the default they replace is weaker (a new pyOpenSSL context's
# verify_mode is CERT_NONE, the stdlib's minimum_version MINIMUM_SUPPORTED).
_HARDENING_ATTRIBUTES = frozenset(
    {"verify_mode", "check_hostname", "minimum_version", "cert_reqs", "verify_flags"}
)
# Flags added (``ctx.options |= ssl.OP_NO_COMPRESSION``); ``options`` alone is too common.
_FLAG_ATTRIBUTES = frozenset({"options", "verify_flags"})
# ``ctx.set_ciphers("...")`` narrows the ciphers; not load_verify_locations() or
# set_default_verify_paths(): a context left with no trusted roots fails its handshakes.
_HARDENING_METHODS = frozenset({"set_ciphers"})
# Values that weaken instead: where storing them fails, the default kept is the stronger.
_WEAKENING = frozenset({"False", "None", "CERT_NONE", "CERT_OPTIONAL", "MINIMUM_SUPPORTED"})


def _security_settings(statement: cst.Try) -> list[str]:
    """The settings a try's body hardens, where it does nothing else (snowflake's
    ``ctx.verify_mode = ssl.CERT_REQUIRED``); empty otherwise."""
    settings: list[str] = []
    for line in statement.body.body:
        if not isinstance(line, cst.SimpleStatementLine):
            return []
        for small in line.body:
            setting = _hardened(small)
            if setting is None:
                return []
            settings.append(setting)
    return settings


def _hardened(small: cst.BaseSmallStatement) -> str | None:
    """The attribute or method name of a store or call that hardens a TLS setting."""
    if isinstance(small, cst.Assign) and len(small.targets) == 1:
        target, names = small.targets[0].target, _HARDENING_ATTRIBUTES
    elif isinstance(small, cst.AugAssign) and isinstance(small.operator, cst.BitOrAssign):
        target, names = small.target, _FLAG_ATTRIBUTES
    elif m.matches(small, m.Expr(m.Call(func=m.Attribute()))):
        target, names = small.value.func, _HARDENING_METHODS  # type: ignore[attr-defined]
    else:
        return None
    if not isinstance(target, cst.Attribute) or target.attr.value not in names:
        return None
    value = small.value if isinstance(small, (cst.Assign, cst.AugAssign)) else None
    return None if _weakens(value) else target.attr.value


def _weakens(value: cst.BaseExpression | None) -> bool:
    """``False``, ``None``, ``ssl.CERT_NONE``...: a value that lowers the setting."""
    if isinstance(value, cst.Attribute):
        value = value.attr
    return isinstance(value, cst.Name) and value.value in _WEAKENING
