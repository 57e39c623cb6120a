"""``random`` where the value is a secret -> ``secrets`` (CWE-330)."""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from typing import Any

import libcst as cst
from libcst.metadata import ImportAssignment, PositionProvider, ScopeProvider

from cwemod.codemods._random_counters import only_a_counter_start
from cwemod.codemods._random_imports import (
    secrets_beside_local_import,
    without_unused_random_imports,
)
from cwemod.codemods._random_keys import a_picked_mapping_key, only_a_mapping_key
from cwemod.codemods._random_seeds import replays
from cwemod.codemods._secret_flow import (
    AstKeyOf,
    enclosing_function_in_ast,
    secret_reach,
    secret_word,
    sink_names,
    sink_names_in_ast,
    words_of,
)
from cwemod.codemods.base import Codemod, callee_tails, imported_tails, nodes_of_type
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import Bindings
from cwemod.codemods.kit.calls import called_name
from cwemod.codemods.kit.growth import LineGrowth
from cwemod.codemods.kit.imports import in_place_of, module_binding
from cwemod.codemods.kit.layout import continuation_lines_moved
from cwemod.codemods.kit.names import QualifiedNames
from cwemod.codemods.kit.parents import ParentProvider, ancestors, enclosing_function
from cwemod.codemods.kit.project import dotted_module
from cwemod.codemods.kit.scanner_marks import MARKED
from cwemod.codemods.kit.source import code_of, module_code
from cwemod.codemods.kit.syntax import nodes, parents
from cwemod.codemods.kit.text import may_import
from cwemod.codemods.records import Applicability, RefusalKind

# The module-level functions Bandit's B311 (and ruff's S311) report.
RANDOM_FUNCTIONS = frozenset(
    {
        "random",
        "randrange",
        "randint",
        "choice",
        "choices",
        "uniform",
        "triangular",
        "randbytes",
        "sample",
        "getrandbits",
    }
)
SECRET_WORDS = frozenset(
    {
        "token",
        "password",
        "passwd",
        "pwd",
        "pw",
        # An IPsec pre-shared key (ec2-api's psk).
        "psk",
        "passphrase",
        "pass",
        "key",
        "apikey",
        "secret",
        "nonce",
        # A challenge-response login's nonce (pysmb's NTLM client_challenge).
        "challenge",
        "salt",
        "iv",
        "otp",
        "csrf",
        "xsrf",
        "sessionid",
        "credential",
        # A name that asks for a value no one can guess (Mailman's _next_unpredictable_id).
        "unpredictable",
        "unguessable",
    }
)
# The words of SECRET_WORDS for a value sent or kept in the clear that must be
# unpredictable, not secret: certipy's Kerberos nonce, a salt, an IV, a login's challenge.
UNPREDICTABLE_WORDS = frozenset(
    {"nonce", "challenge", "salt", "iv", "unpredictable", "unguessable"}
)
# A comment that says a value is for debugging or for log lines, not a secret.
_FOR_DEBUGGING = re.compile(r"\b(?:debug|debugging|log messages|logging)\b", re.IGNORECASE)
_A_LABEL = "a comment on its line says the value is for debugging or logs: a label, not a secret"
_FAKE = re.compile(r"\b(?:fake|dummy|mock|mocked|placeholder)\b", re.IGNORECASE)
_FAKE_VALUE = "a comment at it says the value is fake: a stand-in, not a secret"
# secrets' own function where it is the same bound method of SystemRandom (or os.urandom).
_SECRETS_TWIN = {"choice": "secrets.choice", "getrandbits": "secrets.randbits"}
_SECRETS_CAME = (3, 6)  # the Python that brought the secrets module
_ONE_ARGUMENT_TWIN = {"randrange": "secrets.randbelow", "randbytes": "secrets.token_bytes"}


class SecureRandom(Codemod):
    id = "secure-random"
    title = "Draw secrets from the secrets module, not random"
    cwe = ("CWE-330", "CWE-338")
    rules = ("B311",)
    applicability = Applicability.REVIEW
    leaves_tests_alone = True
    prefilter = ("random",)
    docs = """\
## What it does
Where a value drawn from `random` flows into a name that says it is a secret
(token, password, passwd, pwd, pw, passphrase, key, psk (a pre-shared key), secret,
nonce, challenge, salt, iv, otp, csrf, session id, credential, or unpredictable and
unguessable, which ask for one; a word of four letters or more behind one letter counts
too: SASL's `cnonce`; `pw` only as the name's last word: `new_pw`, not the pwd module's
`pw_uid`), rewrites the call to draw from the
operating system's generator. The fix's reason calls the value a secret, or,
for nonce, challenge, salt, iv, unpredictable and unguessable, a value that
must be unpredictable: certipy's Kerberos nonce is sent in the clear.

The rewrites:

- `random.choice(seq)` -> `secrets.choice(seq)`;
- `random.getrandbits(k)` -> `secrets.randbits(k)`;
- `random.randrange(n)` -> `secrets.randbelow(n)`;
- `random.randbytes(n)` -> `secrets.token_bytes(n)`;
- any other (`randint`, `random`, `sample`, `choices`, `uniform`, ...) ->
  `secrets.SystemRandom().randint(a, b)` and so on, the same method with the
  same arguments.

Arguments over several lines aligned under the call's bracket (pycodestyle's
visual indent) move as far as the new name moves the bracket (zuul's Azure VM
password, `random.choices(string.ascii_lowercase +` and three lines under it).

The value flows into a name when the call is (inside) the value assigned to
it (`token = ...`, `self.token = ...`, `creds['password'] = ...`, `key +=
...`; a subscript's key may be a name bound once, as a module constant or a
local, to a string literal, read as that string: Kallithea's
`session[session_csrf_secret_name] = str(random.getrandbits(128))`), passed
as its keyword argument (`f(salt=...)`), held under its string key in a dict literal, as
a keyword (ec2-api's `db_api.add_item(context, 'vpn', {'pre_shared_key': psk})`), or
returned from a function with
such a name (`def make_password(): return ...`; the whole value, not one
part of a returned tuple: scapy's `generate_msgId_token()` returns an id and
a token). The nearest of these decides: in `token =
f(length=random.randint(8, 12))` the value is a length. A local name counts
when its value flows on into such a name in the function (Tempest's `upper =
random.choice(...)`, then `pre = upper + ...`, then `password = pre + ...`),
and a name that ends in a measure (`password_length`, `token_ttl`,
`key_size`) or a part put around or between values (aim's
`PROGRESS_KEY_SUFFIX`, padding appended to dict keys; `prefix`, `padding`,
`separator`, `delimiter`, but not a bare `pad`) names no secret, nor does a
key that orders or finds things (`sort_key`, `weight_key`, `cache_key`), nor
a database's key space (snmpsim's `key-spaces-id`, a Redis key space's id), nor a
key's id, name or pairs (`auth_key_id`, TLS's `psk_identity`, rally's quota of
`key_pairs`), nor
a token that marks a place in a listing (AWS's `NextToken`, `page_token`),
nor tokens in a function that lexes with `tokenize` or `shlex`, nor `self.X`
that the class writes into a file name it makes (an f-string in a method
named for a file, path or filename) and lists (`listdir`, `glob`, ...):
mlem's lock files carry a random `_salt`, a tie-breaker every process reads
back. A draw given to `os.urandom()` or `secrets.token_bytes()` (and their
kin) is how many bytes they make (localstack's
`os.urandom(random.randint(low, high))`). A value handed to a method of the
object itself or of its clients acts on that call, and what comes back is
not made of it: in Rally's `keys = self.cinder.set_metadata(volume['id'])` a
randomly picked volume flows into no secret. `import secrets` joins the
standard-library imports in hacking order, and an import of `random` that is
no longer used goes; an `import random` line that goes is replaced by
`import secrets` in place where its group stays in order (pyTelegramBotAPI
keeps it in a group of its own, under a comment), or where the group is of
standard-library imports in no order (opencanary's `struct`, `re`, `string`,
`random`). Elsewhere a directive above the line that goes (`# pylint:
disable=...`), or the heading of the group it was the first of, stays, for
the next statement. Where the draw's `random` is imported inside its
function, `import secrets` goes among that function's imports, and that
`import random` goes once unused.

## Why is this bad?
`random` is a Mersenne Twister: after 624 outputs an observer can predict
every later one, so tokens, passwords and keys drawn from it can be guessed
(CWE-330, CWE-338).

## Fix safety
Review: each replacement returns the same kind of value from the same
arguments (`secrets` draws from `random.SystemRandom`, which has the same
methods), but it can no longer be seeded or replayed. Check that nothing
seeds `random` for this value and that no test patches `random.<function>`
to control it. Only names decide what is a secret, so also check that the
value really is one.

## Refuses
- A project whose `requires-python` (or `python_requires`, else its
  classifiers or a universal wheel's 2.7, and a setup.py branch for an older Python such as
  `if sys.version_info[0] < 3:` that goes on, or a `requirements-py2.txt`; where the packaging
  says nothing, a branch for Python 2 with code in it in its top-level modules, as s4cmd's
  `IS_PYTHON2`, or the oldest Python its tox env list or shipped CI matrix tests
  (openstackinabox's `envlist = {py3.6,...}`), else 2.7 where it installs six) admits a Python
  before 3.6, which has no `secrets` module: advice only, to use `random.SystemRandom()` there.
- A callee that one of its bindings imports from `secrets` (lorax's `from secrets import
  choice` under `if sys.version_info >= (3, 6):`, `from random import choice` in the `else:`):
  already fixed where the project supports no Python before 3.6 (said only where a report
  points); where it does, advice to draw from `random.SystemRandom()` in the fallback.
- Test code, `random.Random()` instances and values that flow into no
  secret-looking name (a delay, a shuffle, a sample of hosts; a dict literal's key
  decides as a keyword does: `{'request_id': random.randint(...)}`, rally's
  `{'key_pairs': random.randint(-1, max_quota)}`, a quota): random is
  right there; so are keys drawn from a mapping's `.keys()` (frontera's
  `new_keys = set(sample(self._pending.keys(), n))`), a name for keys bound
  to a `sample()`, `choice()` or `choices()` of existing items that it, or a
  loop's variable over it, only indexes a mapping with (a subscript, `del`,
  `pop()`, `get()`, `setdefault()`, `in`: borgbackup's `delete_keys =
  random.sample(list(kv), k=3)`, then `for k in delete_keys: kv.pop(k)`;
  characters picked to be joined into a key stay a secret), and a key that a private
  function returns and its callers in the module only index a mapping with
  (testcloud's `_generate_key()`, whose callers store commands under it in a
  dict); a value that only starts a counter: bound to a local name or `self.X`
  that every other assignment steps (`x += 1`, `x = (x + 1) % n`, `x =
  increment_x(x)` or `next_x(x)`), drawn there or returned by a private
  function whose callers in the module bind it so (aiocoap's `_token`):
  the last value seen tells the next. Said only where a report points.
- A module that seeds `random` with a fixed or configured value (a literal, a
  name, a setting, an argument): its sequence may be meant to be reproducible
  (advice only). Not `random.seed()` or `random.seed(None)`, which reseed from
  the operating system's entropy (snmpsim's redis module), nor a seed made only
  of calls that draw from it (`os.urandom()`, `secrets`) or read the clock
  (`int(time.time())`): kept nowhere, such a seed replays no run, and a clock
  seed only makes the draws easier to guess.
- A line marked `# nosec` or `# noqa: S311`: the project has reviewed it.
  Said only where a report points.
- A function that says its values are no secrets: `insecure` in its name,
  or a name that says it makes a boundary, delimiter, separator or sentinel
  (rbtools' `_make_mime_boundary()`, a copy of email.generator's, draws a
  `token` that must only not occur in the body),
  or a docstring such as "Do NOT use this for cryptographic purposes"
  (community.docker's key that scrambles a diff for display), or one that
  gives it another purpose, to prevent conflicts or collisions, or to be unique,
  spread or jitter, and speaks of no security (nicotine-plus's `initial_token()`,
  "to effectively prevent conflicting tokens between sessions"), and a value
  whose comment on its line says it is for debugging or logs (exchangelib's
  `session_id`, a number its log lines carry), or one a comment on its line
  or right above it calls fake, dummy or mock (moto's key check value, "a
  fake but plausible" one); an attribute of the object (`self.nonce`) that its
  class reads only in `__hash__()`, `__eq__()` and the other comparisons, or
  `_identity()`: a tag that tells objects apart (angr's reaching-definition
  atoms). Said only where a report points.
- A draw the project's tests patch by the module's name (its own `choice`,
  as streamlink's tests set `streamlink.utils.random.choice`):
  secrets would escape the patch, and the tests fail; advice to change the
  call and the tests together.
- A module where the name `secrets` means something else, and a rewritten
  line that would exceed the project's line length (advice only); a line
  past it already may grow, as flake8 reports it once either way. So are
  arguments aligned under the bracket that, moved along, would run past it, or
  that cannot move: a comment or blank line among them, a line of a string,
  a line after a backslash, a bracket opened after the call that lines below
  are aligned under, or `randint(0, n - 1)` made `randbelow(n)`. Then
  every other draw into the same name in the function is left too (pacu's
  backdoor password, made of six draws): a secret partly drawn from
  `random` is as weak as that part, and half a fix reads as done. A draw
  that the project's Python, a seed or a taken `secrets` blocks says that
  instead (youtube-dl's nexx extractor, on Python 2.6), and two draws on one
  line left for one reason make one record.

## Options
None.
"""
    example = """\
import random
import string


def make_password(length=16):
    return ''.join(random.choice(string.ascii_letters) for _ in range(length))
"""

    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider, ParentProvider)

    @classmethod
    def may_have_candidates(cls, source: str, options: Mapping[str, Any]) -> bool:
        """:meth:`candidates` asks for an import of ``random``."""
        return may_import(source, ("random",))

    @classmethod
    def candidates(cls, tree: ast.Module, options: Mapping[str, Any]) -> list[ast.AST]:
        """Calls that may be of ``random`` and whose value flows into a secret's name.

        ``leave_Call`` records nothing else in a whole-tree run (``Random()``
        and values that name no secret are only noted for a report).
        """
        if not _imports_random(tree):
            return []
        imported = imported_tails(tree)
        calls = [
            node
            for node in nodes(tree, ast.Call)
            if callee_tails(node.func, imported) & RANDOM_FUNCTIONS
        ]
        parent_of = parents(tree) if calls else {}
        key_of = _string_names_in_ast(tree)
        reach: dict[ast.AST | None, dict[str, str]] = {}
        found = []
        for call in calls:
            sinks = sink_names_in_ast(
                call, parent_of, through_own_calls=False, key_of=key_of, dict_keys=True
            )
            if secret_word(sinks or [], SECRET_WORDS) is None:
                function = enclosing_function_in_ast(call, parent_of)
                if function not in reach:
                    reach[function] = _secret_locals_in_ast(function, parent_of, key_of)
                if not any(sink in reach[function] for sink in sinks or []):
                    continue
            found.append(call)
        return found

    def visit_Module(self, node: cst.Module) -> None:
        self._names = QualifiedNames(self)
        self._bindings = Bindings(self, node)
        self._growth = LineGrowth(module_code(node), self.project.line_length)
        self._seed_line = self._first_seed_line(node)
        self._consumed: set[str] = set()  # import bindings whose uses were rewritten
        # A function's own import of random, by its line: each name's rewritten uses, all uses
        self._local_imports: dict[cst.CSTNode, dict[str, tuple[int, int]]] = {}
        self._local_secrets: set[cst.CSTNode] = set()  # of those, where secrets is not bound
        self._reach: dict[cst.FunctionDef, dict[str, str]] = {}  # see _secret_locals
        self._unfit: dict[cst.FunctionDef, dict[str, list[int]]] = {}  # see _unfit_draw

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        function = self._random_function(original_node)
        if function is None:
            return updated_node
        if function == "Random":
            self.note(
                original_node,
                RefusalKind.NOT_APPLICABLE,
                "a random.Random() instance is a seedable generator, meant to be replayed; "
                "if it makes secrets, use secrets.SystemRandom() instead",
            )
            return updated_node
        secure = self._from_secrets(original_node)
        if secure is not None and self.project.python_before(_SECRETS_CAME) is None:
            self.note(
                original_node,
                RefusalKind.ALREADY_FIXED,
                f"`{code_of(original_node.func)}` is {secure} on every Python the project"
                " supports: already drawn from the secrets module",
            )
            return updated_node
        sinks = self._sinks(original_node)
        word = secret_word(sinks or (), SECRET_WORDS)
        secret = None  # the secret's name a local ``sink`` flows into
        if word is None and sinks:
            reach = self._secret_locals(original_node)
            secret = next((reach[sink] for sink in sinks if sink in reach), None)
            word = None if secret is None else secret_word([secret], SECRET_WORDS)
        if word is None or sinks is None:
            self.note(original_node, RefusalKind.NOT_APPLICABLE, _not_a_secret(sinks))
            return updated_node
        sink = sinks[0]
        population = original_node.args[0].value if original_node.args else None
        if word == "key" and m.matches(population, m.Call(func=m.Attribute(attr=m.Name("keys")))):
            # frontera's new_keys = set(sample(self._pending.keys(), self._keep_keys))
            self.note(
                original_node,
                RefusalKind.NOT_APPLICABLE,
                f"`{sink}` are keys of a mapping ({code_of(population)}), drawn to keep some"
                " entries: no key material",
            )
            return updated_node
        function_node = enclosing_function(original_node, self.parent_of)
        disclaims = (
            _disclaims_security(function_node)
            or _lexical_tokens(word, function_node)
            or self._identity_tag(function_node, original_node)
            or self._in_a_listed_file_name(function_node, original_node)
            or self._a_mapping_key(word, sink, function_node)
            or a_picked_mapping_key(self, original_node, function, sink, self.parent_of)
            or only_a_counter_start(self, original_node, sink, self.parent_of)
        )
        if disclaims is not None:
            self.note(original_node, RefusalKind.NOT_APPLICABLE, disclaims)
            return updated_node
        if self.in_tests:
            self.note(
                original_node,
                RefusalKind.NOT_APPLICABLE,
                "test code: random test data is not a secret",
            )
            return updated_node
        if self.marked(original_node):
            self.note(
                original_node,
                RefusalKind.NOT_APPLICABLE,
                f"{MARKED}: the project has reviewed this call",
            )
            return updated_node
        if self._commented_as_a_label(original_node):
            self.note(original_node, RefusalKind.NOT_APPLICABLE, _A_LABEL)
            return updated_node
        if self._commented_as_fake(original_node):
            self.note(original_node, RefusalKind.NOT_APPLICABLE, _FAKE_VALUE)
            return updated_node
        patched = self._patched_by_tests(original_node)
        if patched is not None:
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                f"the project's tests patch {patched}: a draw from secrets would escape the"
                " patch; change the call and the tests together",
            )
            return updated_node
        replacement = self._refusal_or_replacement(original_node, function, sink, function_node)
        if replacement is None:
            return updated_node
        named = (
            f"`{sink}` names" if secret is None else f"`{sink}` flows into `{secret}`, which names"
        )
        reason = (
            f"{named} {_what_it_names(word)} ({word}) and random is predictable; check that"
            f" nothing seeds random or patches random.{function} for this value"
        )
        if not self.accept_fix(original_node, Applicability.REVIEW, reason):
            return updated_node
        self._consume(original_node)
        return self._grown(original_node, updated_node, replacement)

    def refuse(
        self,
        node: cst.CSTNode,
        kind: RefusalKind,
        reason: str,
        *,
        at: cst.CSTNode | None = None,
    ) -> None:
        """Record why ``node`` is left alone, once for a line: youtube-dl's nexx extractor
        draws twice on one line of a device id, which its Python 2.6 blocks alike."""
        refusals = self.state.refusals
        count = len(refusals)
        super().refuse(node, kind, reason, at=at)
        if len(refusals) > count and refusals[-1] in refusals[:-1]:
            refusals.pop()

    def _consume(self, call: cst.Call) -> None:
        """Note that ``call``'s binding of random was used once more by a rewritten draw: in
        the function whose own import it is (testcloud's ``import random`` in
        ``_generate_key()``), that import makes way for ``import secrets`` there."""
        name = _head_name(call.func)
        scope = self.get_metadata(ScopeProvider, call, None)
        bindings = list(scope[name]) if scope is not None else []
        statement = self.parent_of(bindings[0].node) if len(bindings) == 1 else None
        block = self.parent_of(statement) if statement is not None else None
        if not (
            isinstance(bindings[0] if bindings else None, ImportAssignment)
            and isinstance(block, cst.IndentedBlock)
            and isinstance(self.parent_of(block), cst.FunctionDef)
        ):
            self._consumed.add(name)
            return
        local = self._local_imports.setdefault(statement, {})
        references = len(bindings[0].references)
        count = local.get(name, (0, references))[0] + 1
        local[name] = (count, references)
        if not any(_imports_secrets(assignment) for assignment in scope["secrets"]):
            self._local_secrets.add(statement)

    def leave_FunctionDef(
        self, original_node: cst.FunctionDef, updated_node: cst.FunctionDef
    ) -> cst.FunctionDef:
        """Each import of random in the function's body that rewritten draws used: without
        the names no longer used, and with ``import secrets`` beside it."""
        block = updated_node.body
        for index in reversed(range(len(original_node.body.body))):
            statement = original_node.body.body[index]
            local = self._local_imports.get(statement)
            if local is None or not isinstance(block, cst.IndentedBlock):
                continue
            unused = {name for name, (count, references) in local.items() if count == references}
            add = statement in self._local_secrets
            block = secrets_beside_local_import(block, index, unused, add)
        return updated_node.with_changes(body=block)

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        if not self._consumed:
            return updated_node
        in_place = _secrets_in_place_of_random(updated_node, self._consumed)
        if in_place is not None:
            return in_place
        # secrets joins the random import's group before that import goes, so that a
        # module whose only import it was keeps its blank lines (streamlink's two).
        module = self.add_stdlib_imports(updated_node, ["secrets"])
        return without_unused_random_imports(module, self._consumed)

    def _refusal_or_replacement(
        self, call: cst.Call, function: str, sink: str, function_node: cst.FunctionDef | None
    ) -> str | None:
        """The new callee, or None after refusing the site: what blocks every draw of the
        module first (youtube-dl's Python 2.6), then another draw of the secret left."""
        if self._from_secrets(call) is not None:
            self.refuse(call, RefusalKind.ADVICE_ONLY, self._fallback_advice(call, function))
            return None
        if self.refuse_before_python(
            call,
            _SECRETS_CAME,
            f"which has no secrets module (it came in 3.6): draw `{sink}` from "
            "random.SystemRandom() by hand",
        ):
            return None
        if self._seed_line is not None:
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                f"the module seeds random with a fixed or configured value (line"
                f" {self._seed_line}), so its sequence may be meant to be reproducible; if"
                f" `{sink}` is a secret, drop the seed and draw it from the secrets module",
            )
            return None
        if self._secrets_is_taken(call):
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                f"the name `secrets` means something else here; draw `{sink}` from the "
                "secrets module by hand",
            )
            return None
        unfit = self._unfit_draw(function_node, sink, call)
        if unfit is not None:
            # pacu's backdoor password: three of its six draws would not fit the line
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                f"`{sink}` is also drawn at line {unfit}, whose rewrite would not fit the"
                " line: rewrite every draw of it together by hand (a secret partly drawn"
                " from random is as weak as that part)",
            )
            return None
        replacement = _replacement(call, function)
        if not self._fits(call, replacement):
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                f"{replacement}(...) would not fit in {self.project.line_length} columns "
                "or would shift an aligned continuation line; rewrite it by hand",
            )
            return None
        return replacement

    def _unfit_draw(
        self, function: cst.FunctionDef | None, sink: str, call: cst.Call
    ) -> int | None:
        """The line of another draw into ``sink`` in ``function`` whose rewrite would not fit:
        a secret made partly from ``secrets`` is still as predictable as its weakest part."""
        if function is None:
            return None
        if function not in self._unfit:
            self._unfit[function] = self._unfit_draws(function)
        lines = self._unfit[function].get(sink, ())
        own = self.lines_of(call)[0]
        return next((line for line in lines if line != own), None)

    def _unfit_draws(self, function: cst.FunctionDef) -> dict[str, list[int]]:
        """The lines of the draws in ``function`` whose rewrite alone would not fit, by the
        name they flow into first."""
        found: dict[str, list[int]] = {}
        for call in nodes_of_type(function, cst.Call):
            drawn = self._random_function(call)
            sinks = self._sinks(call) if drawn else None
            if not sinks or drawn == "Random":
                continue
            if not self._fits(call, _replacement(call, drawn)):
                found.setdefault(sinks[0], []).append(self.lines_of(call)[0])
        return found

    def _fits(self, call: cst.Call, replacement: str) -> bool:
        """Does ``call`` rewritten to ``replacement`` fit its line, or else fit with the lines
        aligned under its bracket moved along (:meth:`_realigns`)?"""
        start = self.get_metadata(PositionProvider, call).start
        growth = _growth(call, replacement)
        if self._growth.fits_or_was_long(start.line, start.column, growth):
            return True
        return self._realigns(call, replacement)

    def _realigns(self, call: cst.Call, replacement: str) -> bool:
        """Do the arguments of ``call``, after its bracket and over several lines aligned
        under it (pycodestyle's visual indent), fit moved as far as the new name moves the
        bracket (:meth:`LineGrowth.fits_realigned`)? Not where the arguments change too
        (``randint(0, n - 1)`` made ``randbelow(n)``)."""
        if not call.args or isinstance(call.whitespace_before_args, cst.ParenthesizedWhitespace):
            return False
        if not _rewritten(call, replacement).with_changes(func=call.func).deep_equals(call):
            return False
        span = self.get_metadata(PositionProvider, call)
        growth = _growth(call, replacement)
        moved = continuation_lines_moved(call, growth)
        aligned = self.get_metadata(PositionProvider, call.args[0]).start.column
        return (
            moved is not None
            and moved[1] == span.end.line - span.start.line
            and self._growth.fits_realigned(span, aligned, growth)
        )

    def _grown(self, original: cst.Call, updated: cst.Call, replacement: str) -> cst.Call:
        """``updated`` rewritten to ``replacement``, its growth counted; the lines aligned
        under its bracket moved along where it does not fit otherwise (:meth:`_realigns`)."""
        span = self.get_metadata(PositionProvider, original)
        growth = _growth(original, replacement)
        rewritten = _rewritten(updated, replacement)
        if self._growth.fits_or_was_long(span.start.line, span.start.column, growth):
            self._growth.grow(span.start.line, span.start.column, growth)
            return rewritten
        self._growth.grow_realigned(span, growth)
        moved = continuation_lines_moved(rewritten, growth)
        return rewritten if moved is None else cst.ensure_type(moved[0], cst.Call)

    def _sinks(self, node: cst.CSTNode) -> list[str] | None:
        """The names ``node``'s value flows into (:func:`sink_names`), a subscript's key
        read as the string its name is bound to."""
        return sink_names(
            node,
            self.parent_of,
            through_own_calls=False,
            key_of=self._string_bound_to,
            dict_keys=True,
        )

    def _string_bound_to(self, name: cst.Name) -> str | None:
        """The string literal ``name`` is bound to, where it is bound once (a module constant
        or a local: Kallithea's ``session_csrf_secret_name = "_session_csrf_secret_token"``,
        then ``session[session_csrf_secret_name] = ...``); else None."""
        values = self._bindings.of(name) or []
        value = values[0] if len(values) == 1 else None
        if not isinstance(value, (cst.SimpleString, cst.ConcatenatedString)):
            return None
        text = value.evaluated_value
        return text if isinstance(text, str) else None

    def _secret_locals(self, call: cst.Call) -> dict[str, str]:
        """The local names of ``call``'s function whose values reach a secret's name."""
        function = enclosing_function(call, self.parent_of)
        if function is None:
            return {}
        if function not in self._reach:
            flows = []
            for name in nodes_of_type(function, cst.Name):
                parent = self.parent_of(name)
                if isinstance(parent, cst.Attribute) and parent.attr is name:
                    continue
                if isinstance(parent, cst.Arg) and parent.keyword is name:
                    continue
                flows.append((name.value, self._sinks(name) or ()))
            self._reach[function] = secret_reach(flows, SECRET_WORDS)
        return self._reach[function]

    def _own_attribute(
        self, function: cst.FunctionDef | None, call: cst.Call
    ) -> tuple[str, cst.ClassDef] | None:
        """For ``self.X = <call>`` in a method: ``X`` and the class; else None."""
        assign = self.parent_of(call)
        if not (
            function is not None
            and isinstance(assign, cst.Assign)
            and len(assign.targets) == 1
            and m.matches(assign.targets[0].target, m.Attribute(value=m.Name("self")))
        ):
            return None
        name = assign.targets[0].target.attr.value  # type: ignore[attr-defined]
        owner = next(
            (
                node
                for node in ancestors(function, self.parent_of)
                if isinstance(node, cst.ClassDef)
            ),
            None,
        )
        return None if owner is None else (name, owner)

    def _in_a_listed_file_name(
        self, function: cst.FunctionDef | None, call: cst.Call
    ) -> str | None:
        """Why ``self.X = <call>`` is no secret: the class writes it, in plain text, into a
        file name it makes and lists (mlem's lock files, ``f"{self.name}.{self.salt}.lock"``,
        read back with ``fs.listdir()``: a tie-breaker every process sees)."""
        found = self._own_attribute(function, call)
        if found is None:
            return None
        name, owner = found
        if not any(called_name(used) in _LISTINGS for used in nodes_of_type(owner, cst.Call)):
            return None
        spelled = m.Attribute(value=m.Name("self"), attr=m.Name(name) | m.Name(name.lstrip("_")))
        for method in nodes_of_type(owner, cst.FunctionDef):
            words = set(words_of(method.name.value))
            if not words & _FILE_NAME_WORDS:
                continue
            for text in nodes_of_type(method, cst.FormattedString):
                if m.findall(text, spelled):
                    return (
                        f"`self.{name}` is written in plain text into {method.name.value}(), a"
                        " file name the class lists: anyone who lists the directory reads it;"
                        " no secret"
                    )
        return None

    def _a_mapping_key(self, word: str, sink: str, function: cst.FunctionDef | None) -> str | None:
        """Why a key the function returns is no secret: its callers only index a mapping with
        it (testcloud's ``_generate_key()``)."""
        if word != "key" or function is None or function.name.value != sink:
            return None
        return only_a_mapping_key(self, function, self.parent_of)

    def _identity_tag(self, function: cst.FunctionDef | None, call: cst.Call) -> str | None:
        """Why ``self.X = <call>`` is no secret: the class reads it only to hash and compare
        its objects (angr's atoms: ``self.nonce`` read only by ``_identity()``)."""
        found = self._own_attribute(function, call)
        if found is None:
            return None
        name, owner = found
        attribute = m.Attribute(value=m.Name("self"), attr=m.Name(name))
        readers = {
            method.name.value
            for method in nodes_of_type(owner, cst.FunctionDef)
            for read in m.findall(method, attribute)
            if not self._assigned(read)
        }
        if not readers or not readers <= _IDENTITY_METHODS:
            return None
        shown = ", ".join(f"{name}()" for name in sorted(readers))
        return (
            f"`self.{name}` is read only by {shown}: a tag the objects are hashed and compared by,"
            " which no one outside sees; no secret"
        )

    def _assigned(self, node: cst.CSTNode) -> bool:
        """Is ``node`` the target of an assignment?"""
        parent = self.parent_of(node)
        return isinstance(parent, (cst.AssignTarget, cst.AnnAssign, cst.AugAssign)) and (
            getattr(parent, "target", None) is node
        )

    def _patched_by_tests(self, call: cst.Call) -> str | None:
        """The name the project's tests patch that this call draws with, if they do.

        The module's own binding (streamlink's tests set
        ``streamlink.utils.random.choice``, its ``from random import choice``),
        or ``random`` as the module sees it (``pkg.mod.random.choice``). Not
        ``random.choice`` itself: which module's draw such a test controls
        cannot be told, and every draw of the project would be kept from
        ``secrets`` for one test.
        """
        patched = self.facts if isinstance(self.facts, frozenset) else frozenset()
        called = code_of(call.func)
        # The module's path may hold a folder above its package (src/streamlink/...).
        own = f".{dotted_module(self.module_path)}.{called}"
        return next(
            (
                name
                for name in sorted(patched)
                # Two parts of the module's name at least: "random.choice" is random's own.
                if own.endswith(f".{name}") and name.count(".") > called.count(".") + 1
            ),
            None,
        )

    def _commented_as_a_label(self, call: cst.Call) -> bool:
        """Does a comment on the call's lines say the value is for debugging or logs?

        exchangelib's ``session.session_id = random.randint(10000, 99999)  # Used
        for debugging messages in services``: a label its log lines carry.
        """
        return any(_FOR_DEBUGGING.search(comment) for comment in self._comments_at(call))

    def _commented_as_fake(self, call: cst.Call) -> bool:
        """Does a comment on the call's lines, or right above them, call the value fake?

        moto's payment cryptography: ``# return a fake but plausible key check
        value``, drawn from ``random`` as its other fake identifiers are.
        """
        return any(_FAKE.search(comment) for comment in self._comments_at(call, above=1))

    def _comments_at(self, call: cst.Call, above: int = 0) -> list[str]:
        """What follows ``#`` on the call's lines, and on the ``above`` lines before them."""
        start, end = self.lines_of(call)
        return [
            line.partition("#")[2] for line in self._growth.lines[max(start - 1 - above, 0) : end]
        ]

    def _random_function(self, call: cst.Call) -> str | None:
        for name in self._names.of(call.func):
            module, _, function = name.rpartition(".")
            if module == "random" and (function in RANDOM_FUNCTIONS or function == "Random"):
                return function
        return None

    def _first_seed_line(self, module: cst.Module) -> int | None:
        for call in nodes_of_type(module, cst.Call):
            if "random.seed" in self._names.of(call.func) and replays(call, self._names.of):
                return self.get_metadata(PositionProvider, call).start.line
        return None

    def _from_secrets(self, call: cst.Call) -> str | None:
        """The function of ``secrets`` a binding of the callee imports, as lorax's ``from
        secrets import choice`` from Python 3.6 on, ``from random import choice`` before."""
        return next(
            (name for name in sorted(self._names.of(call.func)) if name.startswith("secrets.")),
            None,
        )

    def _fallback_advice(self, call: cst.Call, function: str) -> str:
        """What to do where the callee is random's on the project's older Pythons only."""
        callee = code_of(call.func)
        scope = self.get_metadata(ScopeProvider, call, None)
        lines = sorted(
            self.lines_of(assignment.node)[0]
            for assignment in (scope[_head_name(call.func)] if scope is not None else ())
            if isinstance(assignment, ImportAssignment) and _imports_from_random(assignment.node)
        )
        where = f" (line {lines[0]})" if lines else ""
        return (
            f"`{callee}` is {self._from_secrets(call)} where the Python has it (3.6 on), but "
            f"{self.project.supports_before(_SECRETS_CAME)}, where "
            f"`{callee}` is random.{function}{where}: there, use "
            f"random.SystemRandom().{function} instead"
        )

    def _secrets_is_taken(self, call: cst.Call) -> bool:
        scope = self.get_metadata(ScopeProvider, call, None)
        if scope is None:
            return False
        return any(not _imports_secrets(assignment) for assignment in scope["secrets"])


def _replacement(call: cst.Call, function: str) -> str:
    """The new callee of ``call``: a function of ``secrets`` or a method of SystemRandom."""
    if function in _SECRETS_TWIN:
        return _SECRETS_TWIN[function]
    if function in _ONE_ARGUMENT_TWIN and _plain_positionals(call, 1):
        return _ONE_ARGUMENT_TWIN[function]
    if function == "randint" and _below_bound(call) is not None:
        return "secrets.randbelow"
    return f"secrets.SystemRandom().{function}"


def _rewritten(call: cst.Call, replacement: str) -> cst.Call:
    bound = _below_bound(call)
    if replacement == "secrets.randbelow" and bound is not None:
        # randint(0, n - 1) draws from the same range as randbelow(n)
        call = call.with_changes(args=[cst.Arg(bound)])
    return call.with_changes(func=cst.parse_expression(replacement))


def _secrets_in_place_of_random(module: cst.Module, consumed: set[str]) -> cst.Module | None:
    """``module`` with its ``import random`` line, unused once rewritten, made ``import
    secrets`` where it may take that place
    (:func:`~cwemod.codemods.kit.imports.in_place_of`); None otherwise.

    pyTelegramBotAPI's ``# random module to generate random string`` above ``import
    random``: the new import goes where the old one was, not to another group.
    """
    if "random" not in consumed or module_binding(module, "secrets") is not None:
        return None
    body = list(module.body)
    plain = m.SimpleStatementLine([m.Import([m.ImportAlias(m.Name("random"), asname=None)])])
    index = next((i for i, line in enumerate(body) if m.matches(line, plain)), None)
    stripped = without_unused_random_imports(module, consumed)
    if index is None or len(stripped.body) != len(body) - 1:
        return None  # random stays in use, or another of its imports went
    if not in_place_of(body, index, "secrets"):
        return None
    secrets_import = cst.Import([cst.ImportAlias(cst.Name("secrets"))])
    body[index] = body[index].with_changes(body=[secrets_import])
    return module.with_changes(body=body)


def _growth(call: cst.Call, replacement: str) -> int:
    """How many characters longer the rewritten call is (its first line, when it is one)."""
    return len(code_of(_rewritten(call, replacement))) - len(code_of(call))


def _plain_positionals(call: cst.Call, count: int) -> bool:
    return len(call.args) == count and all(
        arg.keyword is None and not arg.star for arg in call.args
    )


def _below_bound(call: cst.Call) -> cst.BaseExpression | None:
    """``n`` of ``randint(0, n - 1)``, else None."""
    if not _plain_positionals(call, 2):
        return None
    low, high = (arg.value for arg in call.args)
    if not (isinstance(low, cst.Integer) and low.value == "0"):
        return None
    if not (
        isinstance(high, cst.BinaryOperation)
        and isinstance(high.operator, cst.Subtract)
        and isinstance(high.right, cst.Integer)
        and high.right.value == "1"
    ):
        return None
    return high.left


def _head_name(func: cst.BaseExpression) -> str:
    """``random`` of ``random.randint``, ``randint`` of ``randint``."""
    while isinstance(func, cst.Attribute):
        func = func.value
    return func.value if isinstance(func, cst.Name) else ""


def _secret_locals_in_ast(
    function: ast.AST | None, parent_of: Mapping[ast.AST, ast.AST], key_of: AstKeyOf
) -> dict[str, str]:
    """:meth:`SecureRandom._secret_locals` on the ``ast`` tree, for the gate."""
    if function is None:
        return {}
    flows = [
        (
            name.id,
            sink_names_in_ast(
                name, parent_of, through_own_calls=False, key_of=key_of, dict_keys=True
            )
            or (),
        )
        for name in nodes(function, ast.Name)
    ]
    return secret_reach(flows, SECRET_WORDS)


def _string_names_in_ast(tree: ast.Module) -> AstKeyOf:
    """For the gate, :meth:`SecureRandom._string_bound_to` erring towards yes: every string
    a name is assigned anywhere in the module, read when first asked."""
    strings: dict[str, list[str]] | None = None

    def key_of(name: ast.Name) -> list[str]:
        nonlocal strings
        if strings is None:
            strings = {}
            for node in nodes(tree, (ast.Assign, ast.AnnAssign)):
                value = node.value
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    for target in targets:
                        if isinstance(target, ast.Name):
                            strings.setdefault(target.id, []).append(value.value)
        return strings.get(name.id, [])

    return key_of


def _what_it_names(word: str) -> str:
    """What a name with ``word`` says its value is: a nonce is sent in the clear."""
    return "a value that must be unpredictable" if word in UNPREDICTABLE_WORDS else "a secret"


def _not_a_secret(sinks: list[str] | None) -> str:
    if sinks is None:
        where = "is not assigned, passed by keyword or returned"
    else:
        where = f"goes to `{sinks[0]}`, which does not name a secret"
    return (
        f"the value {where}: random is fine there (B311 is a false positive unless the "
        "value is a secret; then draw it from the secrets module)"
    )


def _imports_secrets(assignment: object) -> bool:
    """Is ``assignment`` a plain ``import secrets``?"""
    if not isinstance(assignment, ImportAssignment) or not isinstance(assignment.node, cst.Import):
        return False
    return any(
        code_of(alias.name) == "secrets" and alias.asname is None for alias in assignment.node.names
    )


def _imports_from_random(node: cst.CSTNode) -> bool:
    """Is ``node`` ``import random`` or ``from random import ...``?"""
    if isinstance(node, cst.ImportFrom):
        return not node.relative and node.module is not None and code_of(node.module) == "random"
    return isinstance(node, cst.Import) and any(
        code_of(alias.name) == "random" for alias in node.names
    )


def _imports_random(tree: ast.Module) -> bool:
    for node in nodes(tree, (ast.Import, ast.ImportFrom)):
        if isinstance(node, ast.Import) and any(alias.name == "random" for alias in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and node.module == "random" and not node.level:
            return True
    return False


# A docstring that disclaims any security use: "Do NOT use this for cryptographic purposes!"
_DISCLAIMER = re.compile(
    r"\bnot\b[^.!\n]{0,30}\bfor\s+(?:any\s+)?(?:cryptograph|security\b|secure\b)", re.IGNORECASE
)

# A docstring that says what else the value is for: to keep values apart or spread out.
_PURPOSE = re.compile(
    r"\b(?:prevent|avoid)\w*\s+(?:\w+\s+){0,2}?(?:conflict|collision|clash|duplicate)\w*"
    r"|\b(?:unique|spread|jitter)\w*",
    re.IGNORECASE,
)
# ... unless it also speaks of security (a "unique, unguessable session token").
_SECURITY = re.compile(
    r"secur|secret|guess|predict|crypt|attack|forg|auth|passw|brute", re.IGNORECASE
)


def _lexical_tokens(word: str, function: cst.FunctionDef | None) -> str | None:
    """Why ``token`` means a lexer's token here; None: it may be a secret.

    yt-dlp's format parser draws a prefix that keeps digits apart for
    Python's ``tokenize``, and the value flows into ``tokens``.
    """
    if word != "token" or function is None:
        return None
    lexers = {name.value for name in nodes_of_type(function, cst.Name)} & _LEXERS
    if not lexers:
        return None
    return f"the tokens here are a lexer's ({min(lexers)}), not a secret"


# The methods that hash and compare an object, and the identity they are made from (angr's).
_IDENTITY_METHODS = frozenset(
    {"__hash__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "_identity"}
)
# A call that lists a directory, and a method's name that says it makes a file's name.
_LISTINGS = frozenset({"listdir", "scandir", "iterdir", "glob", "iglob", "ls", "walk"})
_FILE_NAME_WORDS = frozenset({"filename", "file", "path", "basename"})
_MARKERS = frozenset({"boundary", "delimiter", "separator", "sentinel"})
_LEXERS = frozenset({"tokenize", "generate_tokens", "shlex"})


def _disclaims_security(function: cst.FunctionDef | None) -> str | None:
    """Why the function's own name or docstring says its values are no secrets; None: it does not.

    community.docker's ``generate_insecure_key()``, "Do NOT use this for
    cryptographic purposes!", makes the key that scrambles a diff for display.
    """
    if function is None:
        return None
    if "insecure" in function.name.value.lower():
        return f"{function.name.value}() says it is insecure on purpose: its value is no secret"
    marker = next((w for w in words_of(function.name.value) if w in _MARKERS), None)
    if marker is not None:
        # rbtools' _make_mime_boundary(), a copy of email.generator's _make_boundary()
        return (
            f"{function.name.value}() makes a {marker}, which must only not occur in the data"
            " around it: no secret"
        )
    docstring = function.get_docstring() or ""
    if _DISCLAIMER.search(docstring):
        return f"{function.name.value}()'s docstring says it is not for security: no secret"
    purpose = _PURPOSE.search(docstring)
    if purpose is not None and not _SECURITY.search(docstring):
        # nicotine-plus's initial_token(), "to effectively prevent conflicting tokens"
        said = " ".join(purpose.group(0).lower().split())
        return (
            f"{function.name.value}()'s docstring says its value is there to {said!r},"
            " not to stay unguessable: no secret"
        )
    return None
