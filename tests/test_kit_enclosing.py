import libcst as cst

from cwemod.codemods.kit.enclosing import EnclosingDefinitions

SOURCE = """\
def outer():
    class Inner:
        def method(self):
            here()

    there()


everywhere()
"""


class _Recorder(EnclosingDefinitions, cst.CSTTransformer):
    """Records, at each call, what the mixin says is around it."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: dict[str, tuple[list[str], str | None, str | None]] = {}

    def visit_Call(self, node: cst.Call) -> None:
        function, owner = self.innermost_function(), self.innermost_class()
        self.seen[node.func.value] = (
            [definition.name.value for definition in self.enclosing],
            None if function is None else function.name.value,
            None if owner is None else owner.name.value,
        )


def test_each_call_sees_the_definitions_around_it_outermost_first():
    recorder = _Recorder()
    cst.parse_module(SOURCE).visit(recorder)

    assert recorder.seen == {
        "here": (["outer", "Inner", "method"], "method", "Inner"),
        "there": (["outer"], "outer", None),
        "everywhere": ([], None, None),
    }
    assert recorder.enclosing == []


def test_enclosing_functions_leave_the_classes_out():
    recorder = _Recorder()
    module = cst.parse_module(SOURCE)
    outer = module.body[0]
    inner = outer.body.body[0]
    recorder.enclosing = [outer, inner, inner.body.body[0]]

    assert [f.name.value for f in recorder.enclosing_functions()] == ["outer", "method"]
