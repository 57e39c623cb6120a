"""Parents and a wrapper that give LibCST's answers with less work (``kit/parents``, ``kit/metadata``)."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import libcst.metadata
import libcst.metadata.wrapper
import pytest
from libcst.metadata import ParentNodeProvider, PositionProvider, ScopeProvider

import cwemod
from cwemod.codemods.kit.metadata import MetadataWrapper
from cwemod.codemods.kit.parents import ParentProvider

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(
    [
        *(ROOT / "before_after").rglob("*.before.py"),
        *(ROOT / "before_after").rglob("*.unchanged.py"),
        *(Path(cwemod.__file__).parent / "codemods").glob("[a-z]*.py"),  # the codemods
    ]
)


def test_each_node_has_the_parent_libcsts_provider_gives():
    for path in SOURCES:
        wrapper = MetadataWrapper(cst.parse_module(path.read_text()), unsafe_skip_copy=True)
        theirs = wrapper.resolve(ParentNodeProvider)
        ours = wrapper.resolve(ParentProvider)
        assert set(map(id, ours)) == set(map(id, theirs)), path
        assert all(ours[node] is parent for node, parent in theirs.items()), path


@pytest.fixture
def module_visits(monkeypatch):
    """The providers of each visit of the whole module LibCST's resolver makes."""
    visits: list[list[str]] = []
    real = libcst.metadata.wrapper._gen_batchable

    def counted(wrapper, providers):
        providers = list(providers)
        visits.append(sorted(type(provider).__name__ for provider in providers))
        return real(wrapper, providers)

    monkeypatch.setattr(libcst.metadata.wrapper, "_gen_batchable", counted)
    return visits


SOURCE = "import os\n\n\ndef f(x):\n    return os.path.join(x, 'y')\n"


@pytest.mark.parametrize(
    ("providers", "libcst_visits"),
    [
        ((PositionProvider,), [[]]),
        ((ParentProvider,), [[]]),
        (
            (PositionProvider, ParentProvider, ScopeProvider),
            [["ExpressionContextProvider"], ["ScopeProvider"]],
        ),
    ],
)
def test_no_visit_of_the_module_computes_nothing(module_visits, providers, libcst_visits):
    module = cst.parse_module(SOURCE)
    theirs = libcst.metadata.MetadataWrapper(module, unsafe_skip_copy=True).resolve_many(providers)
    assert module_visits == libcst_visits  # [[]]: a visit of the module for no provider
    module_visits.clear()
    ours = MetadataWrapper(module, unsafe_skip_copy=True).resolve_many(providers)
    assert module_visits == [visit for visit in libcst_visits if visit]
    for provider in (PositionProvider, ParentProvider):
        if provider in providers:
            assert dict(ours[provider]) == dict(theirs[provider])
