import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, ScopeProvider

from cwemod.codemods.kit.names import QualifiedNames, dotted_expression, dotted_name
from cwemod.codemods.kit.source import code_of


@pytest.mark.parametrize(
    ("code", "expected"),
    [("a", "a"), ("a.b.c", "a.b.c"), ("super().create", None), ("x[0].y", None), ("f()", None)],
)
def test_dotted_name_only_for_plain_chains(code, expected):
    assert dotted_name(cst.parse_expression(code)) == expected


def test_dotted_expression_round_trips():
    assert code_of(dotted_expression("subprocess.PIPE")) == "subprocess.PIPE"
    assert code_of(dotted_expression("open")) == "open"


class _Resolver(cst.CSTVisitor):
    METADATA_DEPENDENCIES = (ScopeProvider,)

    def __init__(self) -> None:
        super().__init__()
        self.names = QualifiedNames(self)
        self.found: dict[str, set[str]] = {}
        self.detached: set[str] | None = None

    def visit_Module(self, node: cst.Module) -> None:
        self.detached = self.names.of(cst.Name("detached"))  # a node not in the tree

    def visit_Call(self, node: cst.Call) -> None:
        self.found[code_of(node.func)] = self.names.of(node.func)


def _resolve(source: str) -> tuple[_Resolver, dict[str, set[str]]]:
    resolver = _Resolver()
    MetadataWrapper(cst.parse_module(source)).visit(resolver)
    return resolver, resolver.found


def test_qualified_names_follow_import_aliases():
    _, found = _resolve("import yaml as y\nfrom os import path as p\ny.load(x)\np.join(a)\n")
    assert found == {"y.load": {"yaml.load"}, "p.join": {"os.path.join"}}


def test_qualified_names_are_cached_per_node():
    resolver, _ = _resolve("import os\nos.getpid()\n")
    cached = [
        names for node, names in resolver.names._cache.items() if isinstance(node, cst.Attribute)
    ]
    assert [{name.name for name in names} for names in cached] == [{"os.getpid"}]
    # Asked again after the run (no metadata left), the answer comes from the cache.
    (node,) = [node for node in resolver.names._cache if isinstance(node, cst.Attribute)]
    assert resolver.names.of(node) == {"os.getpid"}


def test_qualified_names_of_a_node_without_scope_are_empty():
    resolver, _ = _resolve("x = 1\n")
    assert resolver.detached == set()
