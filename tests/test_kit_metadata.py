"""Parents and a wrapper that give LibCST's answers with less work (``kit/parents``, ``kit/metadata``)."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import libcst.metadata
import libcst.metadata.wrapper
import pytest
from libcst.metadata import (
    ExpressionContextProvider,
    ParentNodeProvider,
    PositionProvider,
    QualifiedNameProvider,
    ScopeProvider,
    expression_context_provider,
)

import cwemod
from cwemod.codemods.kit.metadata import MetadataWrapper
from cwemod.codemods.kit.parents import ParentProvider

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(
    [
        *(ROOT / "before_after").rglob("*.before.py"),
        *(ROOT / "before_after").rglob("*.unchanged.py"),
        *(
            Path(cwemod.__file__).parent / "codemods" / name
            for name in ("base.py", "sql_parameters.py")
        ),
    ]
)


def test_each_node_has_the_parent_libcsts_provider_gives():
    for path in SOURCES:
        wrapper = MetadataWrapper(cst.parse_module(path.read_text()), unsafe_skip_copy=True)
        theirs = wrapper.resolve(ParentNodeProvider)
        ours = wrapper.resolve(ParentProvider)
        assert set(map(id, ours)) == set(map(id, theirs)), path
        assert all(ours[node] is parent for node, parent in theirs.items()), path


EVERY_CONTEXT = """\
import a.b as c, d
from e import (f as g, h)
x: int = 1
y = z[1:2, ::3] = (p, *q) = [r, s.t] = u
x += v
del x.y, x[0], (w,)
if (n := len(m)) > 0:
    for i, (j, *k) in enumerate(l):
        pass
    else:
        print([o for o, _ in pairs if o async for s in t], {k: v for k, v in d.items()})
@dec(arg=1)
class C(Base, metaclass=Meta):
    attr: list[int] = []
    def method(self, p: int = q, *args: a.b, key=lambda z=1, *y: z, **kw) -> r.s:
        global g
        with open(f) as fh, ctx() as (a, b):
            try:
                return fh.read()[0].x
            except (E, F) as e:
                raise G from e
match point:
    case Point(x=0, y=yy) | [1, *rest] | {"k": v, **others} as whole if yy:
        pass
"""


def test_each_expression_has_the_context_libcsts_provider_gives(monkeypatch):
    """``kit/contexts``, behind scope analysis, against LibCST's visitor: node for node."""
    sources = [EVERY_CONTEXT, *(path.read_text() for path in SOURCES)]
    for source in sources:
        module = cst.parse_module(source)
        theirs = libcst.metadata.MetadataWrapper(module, unsafe_skip_copy=True).resolve(
            ExpressionContextProvider
        )
        with monkeypatch.context() as patched:  # our wrapper never visits for them
            patched.setattr(expression_context_provider, "ExpressionContextVisitor", None)
            MetadataWrapper(module, unsafe_skip_copy=True).resolve(ScopeProvider)
            ours = MetadataWrapper(module, unsafe_skip_copy=True).resolve(ExpressionContextProvider)
        assert set(map(id, ours)) == set(map(id, theirs)), source[:60]
        assert all(ours[node] is context for node, context in theirs.items()), source[:60]


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
        ((ScopeProvider,), [["ExpressionContextProvider"], ["ScopeProvider"]]),
        (
            (PositionProvider, ParentProvider, QualifiedNameProvider),
            [["ExpressionContextProvider"], ["ScopeProvider"], ["QualifiedNameProvider"]],
        ),
    ],
)
def test_no_visit_of_the_module_computes_nothing(module_visits, providers, libcst_visits):
    """LibCST visits the module for rounds with nothing to visit with: [] and visit_Module-only."""
    module = cst.parse_module(SOURCE)
    theirs = libcst.metadata.MetadataWrapper(module, unsafe_skip_copy=True)
    theirs.resolve_many(providers)
    assert module_visits == libcst_visits
    module_visits.clear()
    ours = MetadataWrapper(module, unsafe_skip_copy=True)
    ours.resolve_many(providers)
    assert module_visits == []
    for provider in (PositionProvider, ParentProvider, ExpressionContextProvider):
        if provider in ours._metadata:
            assert dict(ours.resolve(provider)) == dict(theirs.resolve(provider))


def test_scopes_name_what_libcsts_name():
    for path in SOURCES:
        if path.parent.parent.name != "before_after":
            continue  # qualified names of every name of a big module take seconds
        module = cst.parse_module(path.read_text())
        ours = MetadataWrapper(module, unsafe_skip_copy=True).resolve(QualifiedNameProvider)
        theirs = libcst.metadata.MetadataWrapper(module, unsafe_skip_copy=True).resolve(
            QualifiedNameProvider
        )
        assert _values(ours) == _values(theirs), path


def _values(metadata):
    """The metadata by node, its lazy values computed (qualified names are computed when read)."""
    return {node: value() if callable(value) else value for node, value in metadata.items()}
