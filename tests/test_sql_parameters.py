"""sql-parameters: the rewritten queries return the same rows, and injection stops working."""

from __future__ import annotations

import json
import sqlite3
import textwrap
import types
from pathlib import Path

import pytest

from conftest import cli
from cwemod.codemods import LineRange, RefusalKind
from cwemod.codemods._sql_driver import PARAMSTYLES
from cwemod.codemods.kit.project import Project
from cwemod.engine import transform_source

USERS = """\
import sqlite3


def find(path, name):
    connection = sqlite3.connect(path)
    cur = connection.cursor()
    cur.execute("SELECT id FROM users WHERE name = '%s'" % name)
    return cur.fetchall()


def find_both(path, name, ident):
    connection = sqlite3.connect(path)
    cur = connection.execute(f"SELECT id FROM users WHERE name = '{name}' OR id = {ident}")
    return cur.fetchall()


def add(path, ident, name):
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO users VALUES (" + ident + ", '" + name + "')")
"""


def rewrite(source: str, *, unsafe: bool = True):
    return transform_source(
        textwrap.dedent(source),
        [("sql-parameters", {})],
        allow_review=unsafe,
        project=Project(line_length=100),
    )


def load(text: str) -> types.ModuleType:
    module = types.ModuleType("rewritten")
    exec(compile(text, "rewritten", "exec"), module.__dict__)
    return module


@pytest.fixture
def database(tmp_path):
    path = str(tmp_path / "users.db")
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE users (id INTEGER, name TEXT)")
        connection.executemany("INSERT INTO users VALUES (?, ?)", [(1, "ann"), (2, "bob")])
    return path


def test_the_rewritten_queries_return_the_same_rows(database):
    outcome = rewrite(USERS)
    assert len(outcome.fixes) == 3 and "%" not in outcome.text and "+" not in outcome.text
    before, after = load(USERS), load(outcome.text)
    assert before.find(database, "bob") == after.find(database, "bob") == [(2,)]
    assert before.find_both(database, "ann", 2) == after.find_both(database, "ann", 2)
    after.add(database, 3, "o'neil")  # a quote the formatted query could not take
    assert after.find(database, "o'neil") == [(3,)]


def test_injection_no_longer_changes_the_query(database):
    payload = "x' OR '1'='1"
    assert len(load(USERS).find(database, payload)) == 2
    assert load(rewrite(USERS).text).find(database, payload) == []


DJANGO_USERS = """\
from django.db import connection, connections


def find(name):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM users WHERE name = '{name}' ORDER BY id")
        return cursor.fetchall()


def find_in(alias, name):
    cursor = connections[alias].cursor()
    cursor.execute("SELECT id FROM users WHERE name = '%s'" % name)
    return cursor.fetchall()
"""


@pytest.fixture
def django_database():
    django = pytest.importorskip("django")
    from django.conf import settings

    if not settings.configured:
        database = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
        settings.configure(DATABASES={"default": database})
        django.setup()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS users")
        cursor.execute("CREATE TABLE users (id INTEGER, name TEXT)")
        cursor.executemany("INSERT INTO users VALUES (%s, %s)", [(1, "ann"), (2, "bob")])


def test_a_django_connection_binds_percent_s_on_its_sqlite_backend(django_database):
    outcome = rewrite(DJANGO_USERS)
    assert len(outcome.fixes) == 2 and all("(django)" in fix.reason for fix in outcome.fixes)
    before, after = load(DJANGO_USERS), load(outcome.text)
    payload = "x' OR '1'='1"
    assert before.find(payload) == [(1,), (2,)]
    assert after.find(payload) == [] and after.find("bob") == [(2,)]
    assert after.find_in("default", "ann") == [(1,)] and after.find_in("default", "o'neil") == []


def test_every_site_is_a_review_fix_with_the_reason():
    outcome = rewrite(USERS, unsafe=False)
    assert outcome.text == USERS
    assert len(outcome.skipped_review) == 3
    assert all("sqlite3" in fix.reason for fix in outcome.skipped_review)


def test_an_unknown_cursor_is_advice():
    outcome = rewrite('def f(cur, x):\n    cur.execute("DELETE FROM t WHERE id = %s" % x)\n')
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY and "'cur'" in refusal.reason


def test_a_cursor_bound_twice_to_different_drivers_is_advice():
    outcome = rewrite(
        """\
        import psycopg2
        import sqlite3

        def f(flag, x):
            conn = sqlite3.connect("a")
            if flag:
                conn = psycopg2.connect("b")
            conn.execute("DELETE FROM t WHERE id = %s" % x)
        """
    )
    assert not outcome.fixes and "which DB-API driver" in outcome.refusals[0].reason


FUNCTION_ARGUMENTS = """\
import sqlite3


def count_filled(path, column):
    c = sqlite3.connect(path).cursor()
    c.execute("SELECT count(%s) FROM t" % column)
    return c.fetchone()[0]


def rounded(path, digits):
    c = sqlite3.connect(path).cursor()
    n = int(digits)
    c.execute("SELECT round(a, %s) FROM t WHERE a IS NOT NULL" % n)
    return c.fetchone()[0]
"""


def test_an_unquoted_function_argument_is_bound_only_where_it_is_a_number(tmp_path):
    """sqlobject's ``gen_id(%s,1)``: unquoted in an SQL function's call, a name is SQL text;
    bound, ``count(?)`` counts every row. A number there is a value, and bound."""
    path = str(tmp_path / "t.db")
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (a REAL)")
        connection.executemany("INSERT INTO t VALUES (?)", [(1.25,), (None,), (None,)])
        assert connection.execute("SELECT count(?) FROM t", ("a",)).fetchone() == (3,)
    outcome = rewrite(FUNCTION_ARGUMENTS)
    [fix], [refusal] = outcome.fixes, outcome.refusals
    assert "round(a, ?)" in outcome.text and "count(%s)" in outcome.text
    assert "expects an identifier" in refusal.reason and "unquoted %s" in fix.reason
    before, after = load(FUNCTION_ARGUMENTS), load(outcome.text)
    assert before.count_filled(path, "a") == after.count_filled(path, "a") == 1
    assert before.rounded(path, "1") == after.rounded(path, "1") == 1.3


@pytest.mark.parametrize("connect", sorted(PARAMSTYLES))
def test_the_table_says_what_each_driver_module_declares(connect):
    module_name = connect.rpartition(".")[0]
    module = pytest.importorskip(module_name)  # sqlite3 always imports
    assert module.paramstyle == PARAMSTYLES[connect]


def test_a_bandit_report_routes_b608_to_the_codemod_and_it_fixes_that_site(tmp_path):
    (tmp_path / "users.py").write_text(USERS)
    result = {
        "filename": "./users.py",
        "line_number": 7,
        "line_range": [7],
        "test_id": "B608",
        "test_name": "hardcoded_sql_expressions",
        "issue_text": "Possible SQL injection vector through string-based query construction.",
        "issue_severity": "MEDIUM",
        "issue_confidence": "LOW",
        "issue_cwe": {"id": 89, "link": "https://cwe.mitre.org/data/definitions/89.html"},
        "code": "",
        "col_offset": 16,
    }
    report = tmp_path / "bandit.json"
    report.write_text(json.dumps({"results": [result], "errors": [], "metrics": {}}))
    triaged = cli("findings", "-r", str(report), "--format", "json", str(tmp_path), cwd=tmp_path)
    [finding] = json.loads(triaged.stdout)["findings"]
    assert (finding["verdict"], finding["codemod"]) == ("review", "sql-parameters")
    fixed = cli("fix", "-r", str(report), "--unsafe", "--format", "diff", ".", cwd=tmp_path)
    assert '+    cur.execute("SELECT id FROM users WHERE name = ?", (name,))' in fixed.stdout
    added = [line for line in fixed.stdout.splitlines() if line.startswith("+ ")]
    assert len(added) == 1  # only the site the report points at


TODOS = '''\
"""Shaped like todoman's model.py: the query is formatted, then executed in the same
function with its values already bound; only column names are formatted in."""
import sqlite3


class Cache:
    def __init__(self, path):
        self._conn = sqlite3.connect(path)

    def todos(self, status, sort):
        extra_where = []
        params = []
        if status:
            extra_where.append("AND status = ?")
            params.append(status)
        order = ",".join(f" {s} DESC" for s in sort)
        query = """
        SELECT * FROM todos WHERE 1 = 1 {}
        ORDER BY {}
        """.format(
            " ".join(extra_where),
            order,
        )
        return self._conn.execute(query, params)


def ordered(path, status, order):
    conn = sqlite3.connect(path)
    return conn.execute("SELECT * FROM t WHERE s = ? ORDER BY {}".format(order), (status,))


def also_a_value(path, status, kind):
    conn = sqlite3.connect(path)
    return conn.execute("SELECT * FROM t WHERE s = ? AND k = '{}'".format(kind), (status,))


def bound_then_executed(path, status):
    conn = sqlite3.connect(path)
    query = "SELECT * FROM t WHERE s = '{}'".format(status)
    return conn.execute(query)


def run(conn, query, values):
    return conn.execute(query, values)


def built_for_another(status):
    return "SELECT * FROM t WHERE s = '{}'".format(status)
'''


def _reason_at(line: int) -> str:
    targets = {"sql-parameters": [LineRange(line, line, "F1")]}
    outcome = transform_source(TODOS, [("sql-parameters", {})], allow_review=True, targets=targets)
    assert outcome.text == TODOS
    [refusal] = outcome.refusals
    return refusal.reason


@pytest.mark.parametrize(
    "line, reason",
    [
        (
            18,
            'execute() binds values as parameters already; `" ".join(extra_where)`, `order`'
            " are interpolated where the SQL expects an identifier",
        ),
        (29, "`order` is interpolated where the SQL expects an identifier"),
        (34, "`kind` is interpolated where a placeholder binds it: pass it among"),
        (39, "the query is built into `query` and executed by conn.execute(query) here"),
        (48, "the query is built here and executed elsewhere"),
    ],
)
def test_a_query_executed_in_its_function_gets_the_reason_of_what_is_formatted_in(line, reason):
    said = _reason_at(line)
    assert reason in said
    assert line == 48 or "elsewhere" not in said


def _reported(source: str, line: int) -> list[tuple[RefusalKind, str]]:
    targets = {"sql-parameters": [LineRange(line, line, "F1")]}
    outcome = transform_source(source, [("sql-parameters", {})], allow_review=True, targets=targets)
    assert outcome.text == source
    return [(refusal.kind, refusal.reason) for refusal in outcome.refusals]


def test_a_plus_chain_of_quoted_names_formatted_with_percent_is_not_applicable_where_reported():
    """trytond's backend/sqlite/table.py: every piece goes through _escape_identifier()."""
    case = "before_after/sql-parameters/quoted_names_joined_then_formatted.unchanged.py"
    source = (Path(__file__).parent.parent / case).read_text(encoding="utf-8")
    [(kind, reason)] = _reported(source, 14)
    assert kind is RefusalKind.NOT_APPLICABLE
    assert "names quoted by _escape_identifier()" in reason


@pytest.mark.parametrize(
    "case, line, kind, reason",
    [
        ("psycopg_composed", 10, RefusalKind.NOT_APPLICABLE, "composed with psycopg's sql module"),
        ("psycopg_composed", 19, RefusalKind.NOT_APPLICABLE, "composed with psycopg's sql module"),
        ("psycopg_composed", 26, RefusalKind.NOT_APPLICABLE, "composed with psycopg's sql module"),
        ("psycopg_composed_text", 9, RefusalKind.ADVICE_ONLY, "but `SQL(where)` is neither"),
    ],
)
def test_a_query_composed_by_psycopg_is_not_applicable_where_reported(case, line, kind, reason):
    """trytond's backend/postgresql: SQL(...).format(Identifier(name), ...)."""
    path = Path(__file__).parent.parent / "before_after/sql-parameters" / f"{case}.unchanged.py"
    [(said_kind, said)] = _reported(path.read_text(encoding="utf-8"), line)
    assert said_kind is kind
    assert reason in said


@pytest.mark.parametrize(
    "line, drawn",
    [
        (15, "`temp_name`"),
        (22, "`name`"),
        (24, "`suffix`"),
        (26, "`uuid.uuid4().hex`"),
        (27, '`_random_id("tmp_", 8)`'),
    ],
)
def test_a_name_drawn_at_random_is_not_applicable_where_reported(line, drawn):
    """impyla's util.py: its own _random_id() names a scratch view."""
    path = Path(__file__).parent.parent / "before_after/sql-parameters"
    source = (path / "impyla_random_table_name.unchanged.py").read_text(encoding="utf-8")
    [(kind, reason)] = _reported(source, line)
    assert kind is RefusalKind.NOT_APPLICABLE
    assert f"draws at random here ({drawn})" in reason
