"""The one shared walk of an ``ast`` tree (``codemods/kit/syntax.py``) is ``ast.walk``'s."""

from __future__ import annotations

import ast
import sys
import warnings
from pathlib import Path

import cwemod
from cwemod.codemods import LineRange
from cwemod.codemods.kit.syntax import _LEAVES, _index, nodes, parse_ast
from cwemod.engine.parse import stdlib_tree
from cwemod.engine.transform import transform_source

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(
    [
        *Path(cwemod.__file__).parent.rglob("*.py"),
        *(ROOT / "before_after").rglob("*.py"),
        *(Path(ast.__file__).parent / name for name in ("argparse.py", "typing.py", "ast.py")),
    ]
)
TYPES = [
    ast.Call,
    ast.Name,
    ast.ExceptHandler,
    (ast.Import, ast.ImportFrom),
    (ast.FunctionDef, ast.AsyncFunctionDef),  # in most modules, only one of them is there
    (ast.Match, ast.TryStar if sys.version_info >= (3, 11) else ast.Try),
    ast.expr,
    ast.stmt,
]


def _walked(tree: ast.AST) -> list[ast.AST]:
    return [node for node in ast.walk(tree) if not isinstance(node, _LEAVES)]


def test_the_index_walks_every_node_in_ast_walks_order():
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        walked = _walked(tree)
        assert _index(tree).walk == walked, path
        for node_type in TYPES * 2:  # asked again, the answer is remembered
            assert nodes(tree, node_type) == [n for n in walked if isinstance(n, node_type)], path


def test_a_tree_of_every_kind_of_node_is_walked_whole():
    """Match statements, f-strings, comprehensions, decorators, annotations, lambdas, and
    (Python 3.12) type aliases and parameters, whose names are nodes or not."""
    source = (
        "@d(x)\nasync def f(a: int = 1, *b, c, **d) -> list[int]:\n"
        "    match a:\n        case [1, *rest] | {'k': v, **kw} if v: pass\n"
        "        case P(x=1) as p: pass\n"
        "    async with g() as (h, i):\n        y = [j async for j in k if j]\n"
        "    return f'{a!r:>{b}}' + (lambda z=1: z)() if a else not b\n"
        "try:\n    pass\nexcept* (E, F) as e:\n    del e\n"
        "global q\nx: 'int' = 1\nprint(*a, **b)\n"
    )
    if sys.version_info < (3, 11):
        source = source.replace("except*", "except")
    if sys.version_info >= (3, 12):
        source += "type X[T] = list[T]\ndef g[U: int, *V, **W](u: U): pass\n"
    tree = ast.parse(source)
    assert _index(tree).walk == _walked(tree)


INVALID_ESCAPE = 'import subprocess\n\nPATTERN = "\\d+"\nsubprocess.call(cmd, shell=True)\n'


def test_cpythons_warnings_about_the_source_are_not_raised_nor_printed():
    """An invalid escape is the project's business: parsing says nothing of it."""
    parse_ast.cache_clear()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # as -W error would: the warning becomes an exception
        tree = parse_ast(INVALID_ESCAPE)
    assert isinstance(tree, ast.Module)


def test_the_engine_and_a_codemod_share_one_parse_of_a_text(monkeypatch):
    """command-argv's report-mode check reads the tree the engine's shape check parsed."""
    parse_ast.cache_clear()
    stdlib_tree.cache_clear()
    parsed = []
    real_parse = ast.parse
    monkeypatch.setattr(ast, "parse", lambda text, *a, **k: parsed.append(text) or real_parse(text))
    targets = {"command-argv": [LineRange(4, 4, "r#1")]}

    outcome = transform_source(INVALID_ESCAPE, [("command-argv", {})], targets=targets)

    assert outcome.refusals or outcome.fixes or outcome.skipped_review
    assert parsed.count(INVALID_ESCAPE) == 1
