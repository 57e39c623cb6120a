"""cleanup-on-failure's survey: what the project's tests patch (secure-random's too).

A test that patches ``socket.socket`` and sets up its ``return_value``
drives the object the code gets from the call; ``with socket.socket() as s``
uses what ``__enter__()`` returns instead, another mock (Octavia's
haproxy_vrrp_check test then loops for ever). Where the tests patch an
acquire, the fix keeps the object: ``try``/``finally`` instead of ``with``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cwemod.codemods.kit.project import is_test_module
from cwemod.codemods.surveys import Survey

# mock.patch('socket.socket'), patch("pkg.mod.socket.socket", ...), pytest's
# monkeypatch.setattr("pkg.mod.choice", ...), and
# mock.patch.object(socket, 'socket') (the module's name, then the attribute's).
_PATCH = re.compile(r"""(?:patch|setattr)\(\s*['"]([\w.]+)['"]""")
_PATCH_OBJECT = re.compile(r"""patch\.object\(\s*([\w.]+)\s*,\s*['"](\w+)['"]""")


def patched_in_test(path: str, text: str) -> frozenset[str]:
    """The dotted names a test module patches."""
    if not is_test_module(path):
        return frozenset()
    named = set(_PATCH.findall(text))
    named.update(f"{owner}.{attribute}" for owner, attribute in _PATCH_OBJECT.findall(text))
    return frozenset(named)


def all_patched(summaries: Iterable[tuple[str, frozenset[str]]]) -> frozenset[str]:
    return frozenset().union(*(named for _, named in summaries))


def is_patched(acquire: str, patched: frozenset[str]) -> bool:
    """Do the tests patch ``acquire`` (``socket.socket``), or it where a module imports it?

    Not ``open()``: tests patch it with ``mock.mock_open()``, whose handle is
    what its ``__enter__()`` returns.
    """
    if acquire in _OPENERS:
        return False
    return any(name == acquire or name.endswith(f".{acquire}") for name in patched)


_OPENERS = frozenset({"builtins.open", "io.open"})


SURVEY = Survey(
    wants=lambda text: "patch" in text or "setattr" in text,
    summarise=patched_in_test,
    combine=all_patched,
)
