import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, ScopeProvider

from cwemod.codemods.kit.bindings import Bindings
from cwemod.codemods.kit.source import code_of


class _Follower(cst.CSTVisitor):
    """What each argument of a ``use(...)`` call is bound to."""

    METADATA_DEPENDENCIES = (ScopeProvider,)

    def __init__(self) -> None:
        super().__init__()
        self.found: list[list[str] | None] = []

    def visit_Module(self, node: cst.Module) -> None:
        self.bindings = Bindings(self, node)

    def visit_Call(self, node: cst.Call) -> None:
        if isinstance(node.func, cst.Name) and node.func.value == "use":
            values = self.bindings.of(node.args[0].value)  # type: ignore[arg-type]
            self.found.append(None if values is None else [code_of(v) for v in values])


def _followed(source: str) -> list[list[str] | None]:
    follower = _Follower()
    MetadataWrapper(cst.parse_module(source)).visit(follower)
    return follower.found


@pytest.mark.parametrize(
    ("source", "values"),
    [
        ("x = f()\nuse(x)\n", ["f()"]),
        ("a = x = 'y'\nuse(x)\n", ["'y'"]),  # every target of a chained assignment
        ("with open(p) as x:\n    use(x)\n", ["open(p)"]),
        ("def g():\n    if c:\n        x = 1\n    else:\n        x = 2\n    use(x)\n", ["1", "2"]),
        ("def g():\n    use(x)\n    x = 3\n", ["3"]),  # scope analysis sees a later binding
        ("x = 1\ndef g():\n    use(x)\n", ["1"]),  # bound only in the enclosing scope
    ],
)
def test_a_name_bound_only_by_plain_assignments_gives_their_values(source, values):
    assert _followed(source) == [values]


@pytest.mark.parametrize(
    "source",
    [
        "def g(x):\n    use(x)\n",  # a parameter
        "import x\nuse(x)\n",
        "for x in y:\n    use(x)\n",
        "x, z = f()\nuse(x)\n",  # a tuple's part
        "x = 1\nx += 2\nuse(x)\n",
        "def g(x):\n    x = 1\n    use(x)\n",  # a parameter as well as an assignment
        "use(x)\n",  # never bound
        "use(None)\n",  # a builtin (sqlmap's vulnserver: cur = None, then cur.execute())
        "use(print)\n",
    ],
)
def test_a_name_with_a_binding_of_another_kind_has_no_values(source):
    assert _followed(source) == [None]
