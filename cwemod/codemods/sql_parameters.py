"""String-built SQL passed to ``cursor.execute`` -> placeholders and parameters (CWE-89)."""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import libcst as cst
from libcst.metadata import ImportAssignment, PositionProvider, ScopeProvider

from cwemod.codemods._sql_compose import unquoted_pieces
from cwemod.codemods._sql_drawn import RandomDraws
from cwemod.codemods._sql_driver import PLACEHOLDERS, driver_of, paramstyle_of
from cwemod.codemods._sql_query import (
    LOOKS_LIKE_SQL,
    Query,
    double_quoted_after_comparison,
    parse_query,
    quoted_slots,
    with_placeholders,
)
from cwemod.codemods.base import Codemod
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import Bindings, self_attribute_values
from cwemod.codemods.kit.calls import called_name
from cwemod.codemods.kit.enclosing import EnclosingDefinitions
from cwemod.codemods.kit.growth import SHIFTS_ALIGNMENT
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.names import QualifiedNames, dotted_name
from cwemod.codemods.kit.source import code_lines, code_of, module_lines
from cwemod.codemods.kit.syntax import nodes
from cwemod.codemods.kit.text import bracketed_end, name_ends, past_spaces
from cwemod.codemods.records import Applicability, RefusalKind

_ALEMBIC = (
    "alembic's op.execute() takes no parameters to bind: bind the values with"
    " sa.text(...).bindparams(...), or write them with op.inline_literal()"
)
_UNKNOWN_DRIVER = (
    "cannot tell which DB-API driver {receiver} comes from, so not which placeholder "
    "it takes: pass the values as execute()'s parameters in the driver's paramstyle"
)
_DRAWN_NAMES = (
    "the query names only what the code draws at random here ({}): nothing from outside reaches it"
)
_ONLY_LITERALS = (
    "the query is built only from the code's own constants ({}: string literals, or a"
    " module's upper-case constant): nothing from outside reaches it"
)
# A function that quotes an identifier for SQL: escape_sqlite, quote_identifier, quote_name.
_QUOTING = re.compile(r"^_*(?:quote|escape)(?:_|$)|_(?:quote|escape)$|quote_?ident", re.IGNORECASE)
_QUOTED_NAMES = (
    "interpolates only names quoted by {} (identifiers: a placeholder binds only a value)"
)
_CONSTANT_NAMES = (
    "{} (only ever string literals of the code) name what the SQL names, beside values a "
    "placeholder can bind: bind those values and keep the names by hand"
)
_NOT_VALUES = (
    "{} interpolated where the SQL expects an identifier, a list or part of a "
    "literal (a table or column name, IN (...)): placeholders bind only values; check "
    "{} against an allow-list"
)
_NOT_A_VALUE = _NOT_VALUES.format("a value is", "it")
_DOUBLE_QUOTED = (
    '{} formatted into a double-quoted slot after a comparison (`= "..."`), which SQLite'
    " and MySQL read as a string, ended by a double quote in the value: where a value is"
    ' meant, bind it as a parameter (`= ?`), by hand (standard SQL reads "..." as a name)'
)
# Two-phase commit and savepoint statements: their identifier is a value too.
_TRANSACTION_STATEMENT = re.compile(
    r"\s*(?:XA\s+\w+|SAVEPOINT|RELEASE\s+SAVEPOINT|ROLLBACK\s+TO|PREPARE\s+TRANSACTION"
    r"|COMMIT\s+PREPARED|ROLLBACK\s+PREPARED)\b",
    re.IGNORECASE,
)
# A savepoint's name is an identifier: no placeholder binds one.
_SAVEPOINT_STATEMENT = re.compile(
    r"\s*(?:SAVEPOINT|RELEASE(?:\s+SAVEPOINT)?|ROLLBACK\s+TO)\b", re.IGNORECASE
)
_SAVEPOINT_NAME = (
    "a savepoint's name formatted in: an identifier, which no driver binds as a parameter;"
    " where it can come from outside, check it against an allow-list or quote it as an"
    " identifier, by hand"
)
_SAVEPOINT_QUOTED = "a savepoint's name, quoted as an identifier: no placeholder binds one"
_TRANSACTION_VALUE = (
    "a transaction statement with a value formatted in, where a quote in it ends the "
    "literal: pass it as a parameter where the driver binds on the client (pymysql, "
    'MySQLdb, psycopg2: execute("XA END %s", (xid,))), else quote it with the '
    "driver's own quoting, by hand"
)
_COMPOSED = (
    "composed with psycopg's sql module: Identifier() quotes a name, Literal() a value and"
    " Placeholder() marks a parameter, so nothing is formatted in by hand"
)
_COMPOSED_TEXT = (
    "composed with psycopg's sql.SQL(...).format(), but {} neither an Identifier(), Literal()"
    " or Placeholder() nor SQL() of a string literal: check that only the code's own SQL"
    " reaches it"
)
_BUILT_ELSEWHERE = (
    "the query is built here and executed elsewhere: pass the values as the parameters "
    "of the execute() call, in its driver's paramstyle"
)
_BUILT_BEFORE = (
    "the query is built into `{name}` and executed by {call} here: pass the values as that"
    " call's parameters, in its driver's paramstyle, by hand"
)
_BOUND_ALREADY = "execute() binds values as parameters already; "
_VALUES_BESIDE = (
    "{} interpolated where a placeholder binds {}: pass {} among the parameters, in the"
    " driver's paramstyle, by hand"
)
_FIX = (
    "the values are bound by the driver ({driver}): check each value's type, since {was}"
    " now sent as the Python value"
)
_QUOTED_WAS = "a quoted {slot} was sent as text"
_UNQUOTED_WAS = "an unquoted {slot} was read as SQL (a number)"
_PLAIN_VALUES = (cst.Name, cst.Attribute, cst.Subscript)


class SqlParameters(EnclosingDefinitions, Codemod):
    id = "sql-parameters"
    title = "Pass SQL values as query parameters"
    cwe = ("CWE-89",)
    rules = ("B608",)
    applicability = Applicability.REVIEW
    leaves_tests_alone = True
    prefilter = ("execute",)
    docs = """\
## What it does
Where `cursor.execute()` gets one string built from literals and values
(`"... = '%s'" % value`, `"... = '" + value + "'"`, `"... = {}".format(value)`
or `f"... = {value}"`), it writes the query with the driver's own
placeholder and passes the values as execute()'s parameters:

    cur.execute("SELECT * FROM foo WHERE id = ?", (identifier,))

The placeholder is the `paramstyle` of the driver module the cursor comes
from, followed back through plain assignments (`cur = conn.cursor()`,
`with conn.cursor() as cur`, `conn = sqlite3.connect(...)`, and an
attribute of `self` that the class's methods bind only so, as buildbot's
`self.cvsdb = MySQLdb.connect(...)` in `__init__`): `?` for
`sqlite3`, `pyodbc` and Firebird's `fdb` and `kinterbasdb` (qmark),
`%s` for `psycopg2`, `psycopg`, `pymysql`, `mysql.connector`
(pyformat) and `MySQLdb` (format), and `%s` for a
cursor of Django's `connection` or `connections[alias]`, which every
backend of Django takes. Quotes around a slot (`'%s'`, also before a
PostgreSQL cast: `'%s'::regclass`) are dropped: the driver quotes the value.

## Why is this bad?
A value formatted into SQL text is parsed as SQL: `' OR '1'='1` in
`identifier` changes the query (CWE-89, SQL injection). A parameter is
sent apart from the SQL and is never parsed as SQL.

## Fix safety
Review (applied with `--unsafe`):
- the value is now bound as its Python type: where a quoted `'%s'` sent
  `str(value)` as text, an `int` is now sent as an integer (and `None` as
  NULL, not `'None'`); where an unquoted `%s` was read as SQL (a number),
  a string is now sent as text. Check each value's type against its column.

Advice only (nothing is written):
- a cursor whose driver the codemod cannot identify (a parameter, another
  object's attribute, an ORM session): the placeholder differs between drivers;
- a slot where SQL expects an identifier (a table or column name), an
  `IN (...)` list, or a part of a longer literal (`'%s%%'`): placeholders
  bind whole values only (a quoted argument of an SQL function, volatility3's
  `datetime('now', '{period}')`, is a value and is bound; an unquoted one,
  sqlobject's `gen_id(%s,1)` or `count(%s)`, is SQL text, a name, whatever
  the driver: bound, `count(?)` counts every row; unless it is a number,
  `int(...)` or a literal, which is bound);
  where the identifier is made only of string literals (conan's
  module constant `REMOTES_USER_TABLE`) beside values, the advice says to
  bind those values and keep the name; a value in double quotes after a
  comparison (ckan's `'... where ' + f'... and name = "{id}"'`: an f-string
  joined with `+` is read as its text and fields) is a string to SQLite
  and MySQL but a name to standard SQL: advice to bind it where a value is
  meant; an identifier's slot is said before a value computed in the query;
- a query built by a computation, split over implicitly joined strings,
  with escapes, with literal `%` or `?`, or with `%d`/named fields;
- a query built in one place and executed elsewhere (where a report points
  at it). Where its own function executes it, as the execute() call's
  argument or through a name bound to it, the advice says what is formatted
  in: beside the parameters that call passes already (todoman's
  `"... WHERE s = ? ORDER BY {}".format(order)`), a slot where SQL expects
  an identifier, as above, or a value to pass among the parameters; bound to
  a name that an execute() of no parameters runs, to pass the values in that
  call.

## Refuses
- Test code, in a run without a report: a test's own queries (Airflow's
  providers build their fixtures' tables with f-strings) are no attack
  surface. Where a report points at them, they are fixed.
- Calls that already pass parameters, and constant SQL: string literals
  only, joined with `+` too (oci-cli's `"... where g in " + "(select g
  from u)"`), or an f-string with no field; nothing is recorded.
- alembic's `op.execute(...)` (anitya's migrations): it takes no parameters
  to bind; advice to bind them with `sa.text(...).bindparams(...)`.
- A two-phase commit statement with a value formatted in
  (aiomysql's `"XA END '%s'" % xid`, beside its own `"XA START %s", xid`):
  only a driver that binds on the client takes a parameter there, so
  advice. A savepoint's name is an identifier, which no placeholder binds
  (`SAVEPOINT`, `ROLLBACK TO`, `RELEASE` with or without the word
  `SAVEPOINT`: tortoise-orm's `f"RELEASE {self._savepoint}"`):
  advice to check or quote it as one, and not applicable where it is quoted
  already (emmett's `"SAVEPOINT %s;" % self.quoted_sid`). Other statements than `SELECT ... FROM`, `INSERT INTO ...
  VALUES`, `UPDATE ... SET` and `DELETE FROM` (Bandit's B608 test) are
  not read.
- A query that interpolates only identifiers quoted by the project's own
  function (datasette's `escape_sqlite(table)`, sqlite-utils'
  `quote_identifier()`, pony's `quote_name()`), where the SQL expects a
  name: no placeholder binds one (said only where a report points). So
  is one whatever its shape (`.format()` by name, joined strings, a
  bracketed `+` chain then formatted with `%`, as trytond's
  `('INSERT INTO %s (' + ','.join(...) + ') SELECT ...') % (...)`) whose
  every piece is such a name, or a join of them (sqlite-utils' `",
  ".join(quote_identifier(c) for c in columns)`), also of a list bound
  to them (hyperkitty's `old_fields = [schema_editor.quote_name(...)
  for f in ...]`).
- A query composed with psycopg's (or psycopg2's) `sql` module
  (trytond's `SQL('SELECT id FROM {} WHERE {} IS NULL').format(Identifier(table),
  Identifier(column))`): the driver quotes each `Identifier()`, `Literal()`
  and `Placeholder()` itself (said only where a report points). Where a piece
  is anything else (trytond's `SQL(str(query))`), advice to check that only
  the code's own SQL reaches it.
- A query whose interpolated values are all drawn at random right there,
  beside only the code's own literals (a prefix, a suffix): by `random`
  (`randint`, `getrandbits`, ...; `choice`, `choices` or `sample` of the
  code's own string or tuple, `string.ascii_uppercase`), `secrets` or
  `uuid.uuid4()`, inline, through a name's assignments, or returned by an
  undecorated function of the module (sqlite-utils' probe table
  `f"t{secrets.token_hex(16)}"`; impyla's scratch view
  `_random_id(prefix="tmp_crs_")`, whose `_random_id()` returns `prefix +
  ''.join(random.sample(string.ascii_uppercase, length))`): nothing from
  outside reaches it (said only where a report points). A prefix that a
  parameter brings in, or a pick from a list, still gets the advice.
- A query whose interpolated values are made only of literals of the code
  (yt-dlp's `secure_column = 'is_secure' if ... else 'secure'`, by name or
  inline, as swift's table `'incoming' if incoming else 'outgoing'`; a name
  bound to literals and grown only by `+=` of literals, as swift's `columns
  += ', updated_at'`; `', '.join(columns)` of a list display of literals
  whose name is used only to `.append()` or `+=` literals, be joined, or
  shrink by `.remove()`/`.pop()`/`.clear()`, as swift's policy stats'
  columns; a tuple of them; a function of the module returning them), or are an
  imported module's upper-case constants (volatility3's
  `constants.CACHE_SQLITE_SCHEMA_VERSION`), in any shape, joined strings
  too: nothing from outside reaches it (said only where a report points).
  A list also passed to a function, or grown by a value from outside, still
  gets the advice.
- A rewritten line longer than the project's line length, or a rewritten
  call that would move a bracket that a continuation line is aligned under.

## Options
None.
"""
    example = """\
import sqlite3


def find_user(name):
    connection = sqlite3.connect("users.db")
    cursor = connection.cursor()
    cursor.execute("SELECT id FROM users WHERE name = '%s'" % name)
    return cursor.fetchone()
"""

    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider)

    @classmethod
    def may_have_candidates(cls, source: str, options: Mapping[str, Any]) -> bool:
        return may_execute_a_built_query(source)

    @classmethod
    def candidates(cls, tree: ast.Module, options: Mapping[str, Any]) -> list[ast.AST]:
        """``x.execute(query)`` where :func:`_executed_query` may find a built query."""
        return [
            node
            for node in nodes(tree, ast.Call)
            if isinstance(node.func, ast.Attribute)
            and node.func.attr == "execute"
            and len(node.args) == 1
            and not node.keywords
            and _may_build_a_query(node.args[0])
        ]

    def visit_Module(self, node: cst.Module) -> None:
        self._names = QualifiedNames(self)
        self._module = node
        self._lines: list[str] | None = None
        self._bound_values = Bindings(self, node).of
        self._draws = RandomDraws(self, node, self._bound_values, self._names.of)
        self._queries_at_execute: set[cst.CSTNode] = set()
        self._executions: dict[cst.CSTNode, cst.Call] | None = None  # see _execution_of()

    # -- queries built where they are not executed --------------------------

    def visit_BinaryOperation(self, node: cst.BinaryOperation) -> bool:
        return self._note_query_built_here(node)

    def visit_FormattedString(self, node: cst.FormattedString) -> bool:
        return self._note_query_built_here(node)

    def _note_query_built_here(self, node: cst.BaseExpression) -> bool:
        if node in self._queries_at_execute:
            return False  # the execute() call answers for it
        if _constant_text(node):
            return False  # oci-cli's "... in " + "(select ...)": the code's own SQL
        if not LOOKS_LIKE_SQL.search(code_of(node)):
            return True
        if isinstance(node, cst.BinaryOperation) and not isinstance(
            node.operator, (cst.Modulo, cst.Add)
        ):
            return True
        self._note_built(node)
        return False

    # -- execute() ------------------------------------------------------------

    def visit_Call(self, node: cst.Call) -> None:
        query = _executed_query(node)
        if query is not None:
            self._queries_at_execute.add(query)
        elif (
            node not in self._queries_at_execute
            and _is_string_method(node)
            and LOOKS_LIKE_SQL.search(code_of(node))
        ):
            self._note_built(node)

    def _note_built(self, built: cst.BaseExpression) -> None:
        if self.asked_about(built):  # worked out only where a report asks
            self.note(built, *self._built_query_reason(built))

    def _built_query_reason(self, built: cst.BaseExpression) -> tuple[RefusalKind, str]:
        """Why a query built outside an execute() call that takes it alone is left alone.

        Where this function executes it (todoman's ``query = '''...'''.format(...)``, then
        ``self._conn.execute(query, params)``), the reason is what is formatted in.
        """
        call = self._execution_of(built)
        if call is None:
            return RefusalKind.ADVICE_ONLY, _BUILT_ELSEWHERE
        query = self._numbered(parse_query(built))
        harmless = self._nothing_from_outside(built, query)
        if harmless is not None:
            return RefusalKind.NOT_APPLICABLE, harmless
        composed = self._composed_text(built)
        if composed is not None:
            return RefusalKind.ADVICE_ONLY, composed
        if len(call.args) == 1:  # query = "...".format(...), then execute(query)
            name = code_of(call.args[0].value)
            return RefusalKind.ADVICE_ONLY, _BUILT_BEFORE.format(name=name, call=code_of(call))
        if isinstance(query, str):
            return RefusalKind.ADVICE_ONLY, _BOUND_ALREADY + query
        return RefusalKind.ADVICE_ONLY, _BOUND_ALREADY + _slots_reason(query)

    def _execution_of(self, built: cst.BaseExpression) -> cst.Call | None:
        """The ``x.execute(built, ...)`` call, or ``x.execute(name, ...)`` of a ``name =
        built`` in the same scope, that runs the query ``built`` builds."""
        if self._executions is None:
            self._executions = {}
            for call in nodes_of_type(self._module, cst.Call):
                first = call.args[0] if call.args else None
                if not m.matches(call.func, m.Attribute(attr=m.Name("execute"))) or (
                    first is None or first.keyword is not None or first.star
                ):
                    continue
                if not isinstance(first.value, cst.Name):
                    self._executions[first.value] = call
                    continue
                scope = self.get_metadata(ScopeProvider, call, None)
                for value in self._bound_values(first.value) or ():
                    if self.get_metadata(ScopeProvider, value, None) is scope:
                        self._executions[value] = call
        return self._executions.get(built)

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        query_node = _executed_query(original_node)
        if query_node is None:
            return updated_node
        if not LOOKS_LIKE_SQL.search(code_of(query_node)):
            self._advise_on_a_transaction_statement(original_node, query_node)
            return updated_node
        query = self._parse(query_node)
        harmless = self._nothing_from_outside(query_node, query)
        if harmless is not None:
            self.note(original_node, RefusalKind.NOT_APPLICABLE, harmless)
            return updated_node
        values = _interpolated(query_node) if isinstance(query, str) else query.values
        plan = self._plan(original_node, query, self._constant_slots(values or ()))
        if isinstance(plan, str):
            self.refuse(original_node, RefusalKind.ADVICE_ONLY, plan)
            return updated_node
        new_call, driver = plan
        if self.moves_an_aligned_bracket(original_node, new_call):
            self.refuse(original_node, RefusalKind.ADVICE_ONLY, SHIFTS_ALIGNMENT)
            return updated_node
        reason = _FIX.format(driver=driver.partition(".")[0], was=_sent_as(query_node, query))
        if not self.accept_fix(original_node, Applicability.REVIEW, reason):
            return updated_node
        return new_call

    def _parse(self, built: cst.BaseExpression) -> Query | str:
        """:func:`parse_query`'s answer, or :meth:`_composed_text`'s."""
        return self._composed_text(built) or self._numbered(parse_query(built))

    def _numbered(self, query: Query | str) -> Query | str:
        """``query`` knowing which of its values are numbers."""
        if isinstance(query, str):
            return query
        return replace(query, numbers=frozenset(filter(self._is_number, query.values)))

    def _is_number(self, value: cst.BaseExpression, depth: int = 0) -> bool:
        """A number literal, ``int(...)`` or ``float(...)``, or a name only ever bound to one."""
        if isinstance(value, cst.UnaryOperation) and isinstance(value.operator, cst.Minus):
            value = value.expression
        if isinstance(value, (cst.Integer, cst.Float)):
            return True
        if isinstance(value, cst.Call):
            return bool(self._names.of(value.func) & {"builtins.int", "builtins.float"})
        bound = self._bound_values(value) if isinstance(value, cst.Name) and depth < 4 else None
        return bool(bound) and all(self._is_number(one, depth + 1) for one in bound)

    def _composed_text(self, built: cst.BaseExpression) -> str | None:
        """What psycopg's ``SQL(...).format()`` puts in as SQL text, neither quoted nor the
        code's own (trytond's ``SQL(str(query))``), said; None where it puts in none."""
        pieces = unquoted_pieces(built, self._names.of)
        if not pieces:
            return None
        many = len(pieces) > 1
        said = ", ".join(f"`{code_of(piece)}`" for piece in pieces)
        return _COMPOSED_TEXT.format(f"{said} {'are' if many else 'is'}")

    def _nothing_from_outside(self, built: cst.BaseExpression, query: Query | str) -> str | None:
        """Why nothing from outside reaches the query ``built`` makes (composed by psycopg,
        names quoted by the project's function, drawn at random, or only literals of the
        code); None otherwise."""
        if isinstance(query, str) and unquoted_pieces(built, self._names.of) == []:
            return _COMPOSED
        if isinstance(query, str):  # a shape the rewrite does not take; it may quote names only
            quoting = self._quoting_in(_interpolated(built))
            if quoting:
                return _QUOTED_NAMES.format(", ".join(f"{name}()" for name in sorted(quoting)))
        values = _interpolated(built) if isinstance(query, str) else query.values
        drawn = self._drawn_names(values or [])
        if drawn:
            return _DRAWN_NAMES.format(drawn)
        # xonsh's joined f"SELECT ... FROM {XH_SQLITE_TABLE_NAME} " "WHERE ...": no rewrite
        # takes that shape, and nothing from outside reaches it either
        constants = self._constant_slots(values or ())
        if constants and len(constants) == len(values):  # type: ignore[arg-type]
            return _ONLY_LITERALS.format(", ".join(dict.fromkeys(constants.values())))
        quoting = None if isinstance(query, str) else self._quoting_only(query)
        return None if quoting is None else _QUOTED_NAMES.format(quoting)

    def _plan(
        self, call: cst.Call, query: Query | str, constants: dict[int, str]
    ) -> tuple[cst.Call, str] | str:
        """The call with the query's values bound, and the driver; else why not.

        ``constants``: the query's slots that only literals of the code fill.
        """
        if isinstance(query, str):
            return query
        if with_placeholders(query, "%s") is None:
            return _not_values_reason(query, constants)
        if not all(_is_plain_value(value) for value in query.values):
            return "a value is computed inside the query: rewrite it by hand"
        receiver = call.func.value  # type: ignore[attr-defined]
        if "alembic.op" in self._names.of(receiver):
            # anitya's migrations: op.execute(sqltext) binds no parameters
            return _ALEMBIC
        driver = driver_of(receiver, self._values_of, self._names.of)
        if driver is None:
            return _UNKNOWN_DRIVER.format(receiver=f"'{code_of(receiver)}'")
        placeholder = PLACEHOLDERS[paramstyle_of(driver)]
        sql = _sql_with_placeholders(query, placeholder)
        if sql is None:
            return _NOT_A_VALUE
        literal = _string_literal(sql, query.quote, self._module.default_newline)
        if literal is None:
            return "the new query cannot keep the literal's quotes: rewrite it by hand"
        parameters = _parameters(query.values)
        for below in (False, True):
            new_call = _with_parameters(call, literal, parameters, below)
            if new_call is not None and self._fits(call, new_call):
                return new_call, driver
        return f"the line would be longer than {self.project.line_length} columns"

    def _advise_on_a_transaction_statement(self, call: cst.Call, query_node: cst.CSTNode) -> None:
        """aiomysql's ``execute("XA END '%s'" % xid)``: a transaction statement with a value
        formatted in, which not every driver can bind (a server binding none there)."""
        query = parse_query(query_node)  # type: ignore[arg-type]
        if isinstance(query, str) or not query.values:
            return
        if _SAVEPOINT_STATEMENT.match(query.texts[0]):
            # emmett's "SAVEPOINT %s;" % self.quoted_sid: an identifier, quoted as one
            if all("quote" in code_of(value).lower() for value in query.values):
                self.note(call, RefusalKind.NOT_APPLICABLE, _SAVEPOINT_QUOTED)
            else:
                self.refuse(call, RefusalKind.ADVICE_ONLY, _SAVEPOINT_NAME)
        elif _TRANSACTION_STATEMENT.match(query.texts[0]):
            self.refuse(call, RefusalKind.ADVICE_ONLY, _TRANSACTION_VALUE)

    def _values_of(self, node: cst.BaseExpression) -> list[cst.BaseExpression] | None:
        """What a name, or an attribute of ``self``, is bound to: buildbot's viewcvspoll
        sets ``self.cvsdb = MySQLdb.connect(...)`` in ``__init__``, then calls
        ``self.cvsdb.cursor()``. None when a binding is of another kind."""
        if isinstance(node, cst.Name):
            return self._bound_values(node)
        if not m.matches(node, m.Attribute(value=m.Name("self"))):
            return None
        owner = self.innermost_class()  # driver_of() asks while the visit is at the call
        if owner is None:
            return None
        return self_attribute_values(owner, node.attr.value)  # type: ignore[attr-defined]

    def _quoting_only(self, query: Query) -> str | None:
        """The project's quoting function, when every value is a name it quoted.

        datasette's ``f"select count(*) from {escape_sqlite(table)}"``,
        sqlite-utils' ``quote_identifier()``, pony's ``self.quote_name()``:
        an identifier, quoted for the SQL, which no placeholder could bind.
        Not where the SQL expects a value: that a placeholder binds.
        """
        if with_placeholders(query, "%s") is not None:
            return None
        # Trac's `cols = ','.join(db.quote(name) for name in names)`: a join of them too
        functions = self._quoting_in(list(query.values))
        return ", ".join(f"{name}()" for name in sorted(functions)) or None

    def _quoting_in(self, values: list[cst.BaseExpression] | None) -> set[str]:
        """The quoting functions that make every one of ``values``; empty when one is
        something else (sqlite-utils' ``.format(table=quote_identifier(t))``, its
        ``", ".join(quote_identifier(c) for c in columns)``)."""
        found: set[str] = set()
        for value in values or [None]:
            quoting = self._quoted_only(value, depth=0)
            if not quoting:
                return set()
            found |= quoting
        return found

    def _quoted_only(self, value: cst.BaseExpression | None, depth: int) -> set[str]:
        if value is None or depth > 4:
            return set()
        if isinstance(value, cst.Name):
            bound = self._bound_values(value) or []
            return self._quoted_only(bound[0], depth + 1) if len(bound) == 1 else set()
        if isinstance(value, cst.Call):
            function = called_name(value)
            if function is not None and _QUOTING.search(function):
                return {function}
            if m.matches(value.func, m.Attribute(value=m.SimpleString(), attr=m.Name("join"))):
                joined = value.args[0].value if len(value.args) == 1 else None
                if isinstance(joined, cst.Name):
                    # hyperkitty's old_fields = [schema_editor.quote_name(f.column) for f ...]
                    bound = self._bound_values(joined) or []
                    joined = bound[0] if len(bound) == 1 else None
                if isinstance(joined, (cst.GeneratorExp, cst.ListComp)):
                    return self._quoted_only(joined.elt, depth + 1)
            return set()
        if isinstance(value, (cst.FormattedString, cst.ConcatenatedString)):
            fields = _string_fields(value)
            return self._quoting_in(fields) if fields else set()
        return set()

    def _drawn_names(self, values: Sequence[cst.BaseExpression]) -> str:
        """The values, said, when each is drawn at random right here, beside only literals
        of the code (sqlite-utils' probe table ``t{secrets.token_hex(16)}``, impyla's
        ``_random_id(prefix="tmp_crs_")``: see :mod:`._sql_drawn`); "" otherwise."""
        if not values or not all(self._draws.drawn(value) for value in values):
            return ""
        return ", ".join(dict.fromkeys(f"`{code_of(value)}`" for value in values))

    def _constant_slots(self, values: Sequence[cst.BaseExpression]) -> dict[int, str]:
        """The query's slots whose value is made only of literals of the code, by index,
        with the value as written.

        yt-dlp's ``secure_column = 'is_secure' if ... else 'secure'`` picks a
        column by name; conan's module constant ``REMOTES_USER_TABLE`` names
        its table; swift's ``', '.join(columns)`` joins a local list of literals,
        and its ``'incoming' if incoming else 'outgoing'`` chooses a table:
        nothing from outside reaches those slots (see :meth:`RandomDraws.constant`).
        """
        slots = {}
        for index, value in enumerate(values):
            if self._draws.constant(value) or self._module_constant(value):
                slots[index] = f"`{code_of(value)}`"
        return slots

    def _module_constant(self, value: cst.BaseExpression) -> bool:
        """An upper-case name of an imported module (volatility3's
        ``constants.CACHE_SQLITE_SCHEMA_VERSION``): a constant of the code's, by convention."""
        if not m.matches(value, m.Attribute(value=m.Name(), attr=m.Name())):
            return False
        attr, owner = value.attr.value, value.value  # type: ignore[attr-defined]
        if not attr.isupper():
            return False
        scope = self.get_metadata(ScopeProvider, owner, None)
        bindings = list(scope[owner.value]) if scope is not None else []
        return bool(bindings) and all(isinstance(b, ImportAssignment) for b in bindings)

    def _fits(self, old: cst.Call, new: cst.Call) -> bool:
        if self._lines is None:
            self._lines = module_lines(self._module)
        position = self.get_metadata(PositionProvider, old)
        first = self._lines[position.start.line - 1][: position.start.column]
        last = self._lines[position.end.line - 1][position.end.column :]
        lines = code_lines(self._module.code_for_node(new))
        lines[0] = first + lines[0]
        lines[-1] += last
        return all(len(line) <= self.project.line_length for line in lines)


def _with_parameters(
    call: cst.Call, query: cst.BaseExpression, parameters: cst.BaseExpression, below: bool
) -> cst.Call | None:
    """``call`` with ``query`` and then ``parameters`` as its arguments.

    Beside each other, or with ``below`` on a line of their own under a
    query that hangs below the call (None when it does not). What followed
    the query (a line break before the closing bracket) follows the parameters.
    """
    separator: cst.BaseParenthesizableWhitespace = cst.SimpleWhitespace(" ")
    if below:
        hanging = call.whitespace_before_args
        if not isinstance(hanging, cst.ParenthesizedWhitespace):
            return None
        separator = hanging.with_changes(first_line=cst.TrailingWhitespace(), empty_lines=())
    first = call.args[0]
    return call.with_changes(
        args=[
            first.with_changes(
                value=query,
                comma=cst.Comma(whitespace_after=separator),
                whitespace_after_arg=cst.SimpleWhitespace(""),
            ),
            cst.Arg(parameters, whitespace_after_arg=first.whitespace_after_arg),
        ]
    )


def _executed_query(call: cst.Call) -> cst.BaseExpression | None:
    """The query of ``x.execute(query)`` when it is a single positional argument."""
    func = call.func
    if not (isinstance(func, cst.Attribute) and func.attr.value == "execute"):
        return None
    if len(call.args) != 1 or call.args[0].keyword is not None or call.args[0].star:
        return None
    query = call.args[0].value
    if _constant_text(query):
        return None  # constant SQL, joined with + or an f-string of no field
    if isinstance(query, (cst.BinaryOperation, cst.FormattedString)) or _is_string_method(query):
        return query
    if isinstance(query, cst.ConcatenatedString) and _has_fstring(query):
        return query
    return None


def _constant_text(node: cst.BaseExpression) -> bool:
    """String literals only: joined, implicitly or with ``+`` (oci-cli's ``"... in " +
    "(select ...)"``), or an f-string of no field."""
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        return _constant_text(node.left) and _constant_text(node.right)
    return _string_fields(node) == []


def _may_build_a_query(node: ast.expr) -> bool:
    """:func:`_executed_query`'s test on the stdlib ``ast``.

    An implicit concatenation holding an f-string is one ``JoinedStr`` there.
    """
    if isinstance(node, (ast.BinOp, ast.JoinedStr)):
        return True
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and (node.func.attr == "format" or isinstance(node.func.value, ast.Constant))
    )


def may_execute_a_built_query(source: str) -> bool:
    """The text test of :meth:`SqlParameters.candidates`: False only where it finds no call.

    False when every ``execute`` in ``source`` is certainly no such call: a
    name that is not called; a call whose first argument is a keyword one
    (a candidate takes none) or a starred one; or a call whose first
    argument is made of names, numbers, dots and words only (a name, an
    attribute, a compare: never an operation or a string), or of method
    calls on such a name (none of them ``format``, the first not on a
    literal), or is a list, set or dict display, and is followed by ``,`` or
    ``)``: a second argument, or a first argument that
    :func:`_may_build_a_query` turns down. Anything
    else (a string, an operator, a comment, a continuation) counts as a
    candidate.
    """
    return not all(_certainly_no_query(source, end) for end in name_ends(source, "execute"))


_PLAIN_WORDS = re.compile(r"[\w.\s]*")  # names, numbers, attributes, keywords: no operator
_KEYWORD_FIRST = re.compile(r"\*\*|[A-Za-z_]\w*\s*=(?!=)")  # name=value or **mapping


def _certainly_no_query(source: str, at: int) -> bool:
    """Is what follows the name ``execute`` at ``at`` certainly not a call with a built query?"""
    at = past_spaces(source, at)
    if source.startswith(("#", "\\", ")"), at):
        # A comment or a continuation: the call may go on below; ``(x.execute)(query)``.
        return False
    if not source.startswith("(", at):
        return True  # not called here
    start = past_spaces(source, at + 1)
    if _KEYWORD_FIRST.match(source, start):
        return True  # a keyword argument: a candidate takes none
    if source.startswith("*", start):
        return True  # ``*args``: a starred argument is never a built query
    if source.startswith(("[", "{"), start):
        end = bracketed_end(source, start)
    else:
        end = _plain_call_chain_end(source, start)
    return end is not None and source.startswith((",", ")"), past_spaces(source, end))


def _plain_call_chain_end(source: str, start: int) -> int | None:
    """Where the plain words at ``start``, and the method calls on them, end.

    ``session.execute(table.update().values(x))``: no ``format``, and the
    first call's receiver a name, never a literal. None when a call's
    arguments cannot be told simply, or the chain is not that plain.
    """
    end = _PLAIN_WORDS.match(source, start).end()
    if not source.startswith("(", end):
        return end
    head = source[start:end].strip()
    if not head or not _last_word(source, start, end):
        return None  # ``(a + b)``: brackets that group, around any expression
    if "." in head and not _NAME_HEAD.match(head):
        return None  # a literal's method (``1 .real()``, ``None.x()``): a candidate
    while source.startswith("(", end):
        if _last_word(source, start, end) == "format":
            return None
        end = bracketed_end(source, end)
        if end is None:
            return None
        after = past_spaces(source, end)
        if source.startswith(".", after):
            start = after + 1
            end = _PLAIN_WORDS.match(source, start).end()
            if not _last_word(source, start, end):
                return None
        elif source.startswith("(", after):
            start, end = after, after
    return end


def _last_word(source: str, start: int, end: int) -> str:
    words = re.findall(r"\w+", source[start:end])
    return words[-1] if words else ""


# A plain name first, and not one of the constants that are keywords.
_NAME_HEAD = re.compile(r"(?!(?:None|True|False)\b)[A-Za-z_]")


def _is_string_method(node: cst.CSTNode) -> bool:
    """``"...".format(...)``, ``"...".replace(...)``, ``query.format(...)``."""
    if not (isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute)):
        return False
    on_literal = isinstance(node.func.value, (cst.SimpleString, cst.ConcatenatedString))
    return on_literal or node.func.attr.value == "format"


def _has_fstring(node: cst.BaseExpression) -> bool:
    if isinstance(node, cst.ConcatenatedString):
        return _has_fstring(node.left) or _has_fstring(node.right)
    return isinstance(node, cst.FormattedString)


def _without(query: Query, slots: dict[int, str]) -> Query:
    """``query`` with the values at ``slots`` taken as text (a table's name, for one)."""
    texts, values = [query.texts[0]], []
    for index, value in enumerate(query.values):
        if index in slots:
            texts[-1] += "name" + query.texts[index + 1]
        else:
            values.append(value)
            texts.append(query.texts[index + 1])
    return replace(query, texts=tuple(texts), values=tuple(values))


def _not_values_reason(query: Query, constants: dict[int, str]) -> str:
    """Why a slot of ``query`` is no value a placeholder binds.

    ``constants``: the slots that only literals of the code fill (names kept as they are).
    """
    if constants and with_placeholders(_without(query, constants), "%s") is not None:
        return _CONSTANT_NAMES.format(", ".join(dict.fromkeys(constants.values())))
    others = [index for index in range(len(query.values)) if _not_alone_a_value(query, index)]
    if others and all(double_quoted_after_comparison(query, index) for index in others):
        said = ", ".join(dict.fromkeys(f"`{code_of(query.values[index])}`" for index in others))
        return _DOUBLE_QUOTED.format(f"{said} {'are' if len(others) > 1 else 'is'}")
    return _NOT_A_VALUE


def _not_alone_a_value(query: Query, index: int) -> bool:
    """Is the slot ``index`` no value a placeholder binds, the other slots taken as text?"""
    others = {other: "" for other in range(len(query.values)) if other != index}
    return with_placeholders(_without(query, others), "%s") is None


def _sent_as(query_node: cst.BaseExpression, query: Query) -> str:
    """What a slot of the query sent before its value was bound: text, where quoted, else
    SQL (which only a number passes as a value)."""
    quoted, slot = quoted_slots(query), _slot_as_written(query_node)
    said = [_QUOTED_WAS.format(slot=slot)] if any(quoted) else []
    said += [] if all(quoted) else [_UNQUOTED_WAS.format(slot=slot[1:-1])]
    return f"{said[0]} and is" if len(said) == 1 else f"{' and '.join(said)}: each is"


def _slot_as_written(query: cst.BaseExpression) -> str:
    """A slot as the query writes it: ``'%s'``, ``'{}'``, ``'{...}'`` or ``'" + ... + "'``."""
    if isinstance(query, cst.BinaryOperation):
        return "'%s'" if isinstance(query.operator, cst.Modulo) else "'\" + ... + \"'"
    return "'{}'" if isinstance(query, cst.Call) else "'{...}'"


def _slots_reason(query: Query) -> str:
    """What the query's slots are: values a placeholder binds, or identifiers and SQL text."""
    values, names = [], []
    for index, value in enumerate(query.values):
        (names if _not_alone_a_value(query, index) else values).append(f"`{code_of(value)}`")
    said = []
    if names:
        many = len(names) > 1
        said.append(
            _NOT_VALUES.format(
                f"{', '.join(names)} {'are' if many else 'is'}", "them" if many else "it"
            )
        )
    if values:
        many = len(values) > 1
        said.append(
            _VALUES_BESIDE.format(
                f"{', '.join(values)} {'are' if many else 'is'}",
                "them" if many else "it",
                "them" if many else "it",
            )
        )
    return "; ".join(said) or "nothing is formatted into the query"


def _is_plain_value(node: cst.BaseExpression) -> bool:
    if isinstance(node, cst.Subscript):
        return _is_plain_value(node.value) and all(
            isinstance(element.slice, cst.Index)
            and isinstance(element.slice.value, (cst.Integer, cst.SimpleString, cst.Name))
            for element in node.slice
        )
    return isinstance(node, _PLAIN_VALUES) and dotted_name(node) is not None


def _sql_with_placeholders(query: Query, placeholder: str) -> str | None:
    if placeholder == "?" and any("?" in text for text in query.texts):
        return None
    if placeholder == "%s":  # a literal % must be doubled once parameters are passed
        query = replace(query, texts=tuple(t.replace("%", "%%") for t in query.texts))
    return with_placeholders(query, placeholder)


def _string_literal(sql: str, quote: str, newline: str) -> cst.SimpleString | None:
    """``sql`` in ``quote``; a triple-quoted one's lines end as the module's do."""
    if len(quote) == 1 and "\n" in sql:
        return None
    if quote in sql or sql.endswith(quote[0]) or "\\" in sql:
        if len(quote) == 3:
            return None
        quote = "'" if quote == '"' else '"'
        if quote in sql:
            return None
    text = sql.replace("\n", newline)
    literal = cst.SimpleString(f"{quote}{text}{quote}")
    return literal if literal.evaluated_value == sql else None


def _parameters(values: tuple[cst.BaseExpression, ...]) -> cst.Tuple:
    elements = [cst.Element(value.with_changes(lpar=[], rpar=[])) for value in values]
    if len(elements) == 1:
        elements[0] = elements[0].with_changes(comma=cst.Comma())
    else:
        comma = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
        elements = [element.with_changes(comma=comma) for element in elements[:-1]] + [elements[-1]]
    return cst.Tuple(elements)


def _fields(string: cst.FormattedString) -> list[cst.BaseExpression]:
    return [
        part.expression for part in string.parts if isinstance(part, cst.FormattedStringExpression)
    ]


def _interpolated(query: cst.BaseExpression) -> list[cst.BaseExpression] | None:
    """The values ``query`` puts into its text: a ``.format()`` call's arguments (on any
    string, joined or stripped), the fields of f-strings, joined or not, or what
    :func:`_pieces` finds in ``+`` and ``%``; None for another shape, or a ``*``/``**``
    argument."""
    if isinstance(query, cst.Call) and m.matches(query.func, m.Attribute(attr=m.Name("format"))):
        if any(arg.star for arg in query.args):
            return None
        return [arg.value for arg in query.args]
    return _pieces(query) or None


def _pieces(text: cst.BaseExpression) -> list[cst.BaseExpression] | None:
    """What the text ``text`` builds is made of besides its literals: an f-string's fields,
    each operand of a ``+`` that is not itself such text, and the values of a ``%`` on
    such text (trytond's ``('INSERT INTO %s (' + ','.join(...) + ') ...') % (...)``);
    None for another shape (a ``%`` on a name, named ``%(...)s`` fields)."""
    if not isinstance(text, cst.BinaryOperation):
        return _string_fields(text)
    if isinstance(text.operator, cst.Add):
        left, right = _pieces(text.left), _pieces(text.right)
        return (left if left is not None else [text.left]) + (
            right if right is not None else [text.right]
        )
    if not isinstance(text.operator, cst.Modulo) or isinstance(text.right, cst.Dict):
        return None
    left = _pieces(text.left)
    if left is None:
        return None
    if not isinstance(text.right, cst.Tuple):
        return [*left, text.right]
    if any(isinstance(element, cst.StarredElement) for element in text.right.elements):
        return None
    return left + [element.value for element in text.right.elements]


def _string_fields(string: cst.BaseExpression) -> list[cst.BaseExpression] | None:
    if isinstance(string, cst.SimpleString):
        return []
    if isinstance(string, cst.FormattedString):
        return _fields(string)
    if isinstance(string, cst.ConcatenatedString):
        left, right = _string_fields(string.left), _string_fields(string.right)
        return None if left is None or right is None else left + right
    return None
