"""cleanup-on-failure's survey: what the project's tests patch (secure-random's too).

A test that patches ``socket.socket`` and sets up its ``return_value``
drives the object the code gets from the call; ``with socket.socket() as s``
uses what ``__enter__()`` returns instead, another mock (Octavia's
haproxy_vrrp_check test then loops for ever). Where the tests patch an
acquire, or the project's tests are not there to read (aws-sam-cli's sdist
prunes them, and they patch ``socket.socket`` with a plain ``Mock()``), the
fix keeps the object: ``try``/``finally`` instead of ``with``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from cwemod.codemods.kit.project import is_test_module
from cwemod.codemods.surveys import Survey

# mock.patch('socket.socket'), patch("pkg.mod.socket.socket", ...), pytest's
# monkeypatch.setattr("pkg.mod.choice", ...), and
# mock.patch.object(socket, 'socket') (the module's name, then the attribute's).
# One pattern per word: a pattern that starts with a choice is tried at every position
# of the text, six times slower.
_PATCHES = tuple(re.compile(rf"""{word}\(\s*['"]([\w.]+)['"]""") for word in ("patch", "setattr"))
_PATCH_OBJECT = re.compile(r"""patch\.object\(\s*([\w.]+)\s*,\s*['"](\w+)['"]""")


def patched_in_test(path: str, text: str) -> frozenset[str]:
    """The dotted names a test module patches."""
    if not is_test_module(path):
        return frozenset()
    named = {name for pattern in _PATCHES for name in pattern.findall(text)}
    named.update(f"{owner}.{attribute}" for owner, attribute in _PATCH_OBJECT.findall(text))
    return frozenset(named)


def all_patched(summaries: Iterable[tuple[str, frozenset[str]]]) -> frozenset[str]:
    return frozenset().union(*(named for _, named in summaries))


@dataclass(frozen=True)
class TestPatches:
    """What the project's tests patch, and whether any test module was there to read."""

    patched: frozenset[str] = frozenset()
    tests_seen: bool = False


def test_patches(path: str, text: str) -> tuple[frozenset[str], bool] | None:
    """What a test module patches, and whether it is among the project's own tests (in a
    ``tests`` folder at the top or in its top package, not a template's: aws-sam-cli's
    cookiecutters ship theirs); None for a module that is no test."""
    if not is_test_module(path):
        return None
    own = not _TEST_FOLDERS.isdisjoint(path.split("/")[:-1][:2])
    return patched_in_test(path, text), own


_TEST_FOLDERS = frozenset({"tests", "test"})


def combine_patches(
    summaries: Iterable[tuple[str, tuple[frozenset[str], bool] | None]],
) -> TestPatches:
    found = [summary for _, summary in summaries if summary is not None]
    return TestPatches(
        frozenset().union(*(patched for patched, _ in found)), any(own for _, own in found)
    )


def may_be_patched(acquire: str, tests: TestPatches) -> bool:
    """May the tests patch ``acquire`` (``socket.socket``), or it where a module imports it?
    They may where they are not there to read.

    Not ``open()``: tests patch it with ``mock.mock_open()``, whose handle is
    what its ``__enter__()`` returns.
    """
    if acquire in _OPENERS:
        return False
    if not tests.tests_seen:
        return True
    return any(name == acquire or name.endswith(f".{acquire}") for name in tests.patched)


_OPENERS = frozenset({"builtins.open", "io.open"})


# Every module: a test module that patches nothing says the tests are there.
SURVEY = Survey(wants=lambda text: True, summarise=test_patches, combine=combine_patches)
