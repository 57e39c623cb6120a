"""The narrower text tests of a whole-tree run never say no where the ``ast`` gate says yes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cwemod.codemods import LineRange, all_codemods, get_codemod
from cwemod.codemods._command_gates import may_hold_candidate_calls
from cwemod.codemods.base import Codemod
from cwemod.codemods.kit.syntax import parse_ast
from cwemod.codemods.kit.text import (
    called_on_a_name,
    dotted_tail_imported,
    has_name,
    name_ends,
    name_then,
    parameter_names,
    word_matches,
)
from cwemod.engine import transform
from cwemod.engine.transform import gate_of, transform_source

REPOSITORY = Path(__file__).resolve().parents[1]
# Every codemod with a narrower text test of its own.
NARROWED = sorted(
    cls.id
    for cls in all_codemods().values()
    if cls.may_have_candidates.__func__ is not Codemod.may_have_candidates.__func__
)


def narrower_test(codemod_id: str, source: str, options: dict | None = None) -> bool:
    """The codemod's narrower text test of ``source`` as the engine asks it, ``options`` resolved."""
    cls = get_codemod(codemod_id)
    return transform.narrower_test(cls, source, cls.resolve_options(options or {}))


def test_the_narrowed_codemods_are_found():
    narrowed = {"cleanup-on-failure", "command-argv", "requests-timeout", "silent-except"}
    narrowed |= {"secure-random", "sql-parameters", "tar-extract-filter", "tls-protocol"}
    assert narrowed | {"tls-verify"} <= set(NARROWED)


@pytest.mark.parametrize(
    ("source", "may"),
    [
        ("import tarfile\ntarfile.open(p).extractall(d)", True),
        ("from tarfile import open as tar_open\ntar_open(p).extract(m)", True),
        ("import tarfile.x\narchive.extractall()", True),
        ("from zipfile import ZipFile\nZipFile(p).extractall(d)", False),
        ("values = extract_all(tarfiles)", False),
    ],
)
def test_the_tar_text_test(source, may):
    assert narrower_test("tar-extract-filter", source) is may


@pytest.mark.parametrize("codemod_id", NARROWED)
def test_a_source_that_is_not_ascii_passes_every_narrower_text_test(codemod_id):
    """NFKC spells ``os.system`` as ``ｏｓ.ｓｙｓｔｅｍ`` too: the engine, not each codemod, lets it by."""
    assert narrower_test(codemod_id, "ｏｓ.ｓｙｓｔｅｍ(command)\n")
    assert not narrower_test(codemod_id, "x = 1\n")


def test_word_matches_are_those_a_leading_word_boundary_gives():
    pattern = re.compile(r"timeout\s*=\s*(\w+)")
    source = "f(timeout=1) g(read_timeout=2)\ntimeout = 3; Xtimeout=4; étimeout=5 (timeout =6"
    expected = [found[1] for found in re.finditer(r"\btimeout\s*=\s*(\w+)", source)]
    assert [found[1] for found in word_matches(pattern, source)] == expected == ["1", "3", "6"]


def test_a_name_is_a_whole_word():
    assert list(name_ends("x.execute(q); execute", "execute")) == [9, 21]
    assert not list(name_ends("executes my_execute execute2 Execute", "execute"))
    assert has_name("os.popen(c)", ["system", "popen"])
    assert not has_name("subprocess.Popen3(c); filesystem", ["popen", "system"])
    assert name_then("os.popen (c)", ["system", "popen"], ("(",))
    assert name_then("os.popen  # why\n(c)", ["popen"], ("(",))  # a comment: cannot tell
    assert not name_then("subprocess.Popen3(c); filesystem(x)", ["popen", "system"], ("(",))
    assert not name_then("popen = None", ["popen"], ("(",))


@pytest.mark.parametrize(
    ("source", "may"),
    [
        ("cursor.execute(query % value)", True),
        ("cursor.execute('SELECT 1' + value)", True),
        ('cursor.execute(f"SELECT {value}")', True),
        ("cursor.execute('SELECT {}'.format(value))", True),
        ("cursor.execute(query.format (value))", True),
        ("cursor.execute((a + b))", True),
        ("cursor.execute(*parts)", False),  # a starred argument: never a built query
        ("(cursor.execute)(query % value)", True),  # a parenthesised callee
        ("cursor.execute  # a comment\n(query % value)", True),
        ("cursor.execute \\\n(query % value)", True),
        ("cursor.execute(['a'] + more)", True),
        ("cursor.execute([f'{a}'], more)", True),  # an f-string: fields may hold quotes
        ("cursor.execute(['a'][0])", True),
        ("é = cursor.execute(query)", True),  # not ASCII: another spelling may mean execute
        ("cursor.execute(query)", False),
        ("cursor.execute(a == b)", True),  # a compare is no keyword: not told
        ("cursor.execute(query=built % value)", False),  # a keyword: no candidate takes one
        ("cursor.execute(\n    check_error=True)", False),
        ("cursor.execute(**options)", False),
        ("cursor.execute(lambda x=1: x % 2)", True),
        ("cursor.execute(*parts, log_errors=False)", False),
        ("session.execute(ports.update().values(owner=x))", False),  # no format, no literal
        ("session.execute(ports.update().values(owner=x) % y)", True),
        ("cursor.execute(query.strip().format(x))", True),
        ("cursor.execute(1 .bit_length())", True),  # a literal's method
        ("cursor.execute(f(x)[0])", True),
        ("cursor.execute((a + b).strip())", True),
        ("cursor.execute(query, (value,))", False),
        ("utils.execute(cmd, run_as_root=True)", False),
        ("utils.execute(['ip', 'link', 'set', 'up'], run_as_root=True)", False),
        ("utils.execute(['echo', ')]'], check_exit_code=False)", False),
        ("cursor.execute(a if b else c)", False),
        ("cursor.execute({'a': 1}, more)", False),
        ("cursor.execute()", False),
        ("def execute(self, query):\n    pass\n", False),
        ("self.execute = run", False),
        ("cursor.executemany(query % value)", False),
    ],
)
def test_the_sql_text_test(source, may):
    assert narrower_test("sql-parameters", source) is may


@pytest.mark.parametrize(
    ("source", "may"),
    [
        ("os.system(command)", True),
        ("subprocess.getoutput(command)", True),
        ("from os import popen as run", True),
        ("subprocess.run(command, shell=use_shell)", True),
        ("processutils.execute(command.split())", True),
        ("utils.execute(['ip', 'a'], run_as_root=True)\nparts = line.split()", False),
        ("é = os.system", True),  # not ASCII
        ("(os.system)(command)", True),
        ("os.system  # a comment\n(command)", True),
        ("subprocess.Popen(command, shell = flag)", True),
        ("from commands import getoutput as output", True),
        ("from processutils import execute as run\nrun(line.split())", True),
        ("# runs on the system's own python", False),
        ("use_shell = False", False),
        ("def split(self): pass\nutils.execute(['ls'])", False),  # split not in the call
        ("utils.execute(\n    cmd.split(),\n    run_as_root=True)", True),
        ("utils.execute(f'{a}'.split())", True),  # an f-string: not read
        ("utils.execute  # why\n(cmd.split())", True),
        ("(utils.execute)(cmd.split())", True),
        ("utils.execute(['a', 'b'])\nx = y.split()\nutils.execute(z)", False),
        ("utils.execute(['ip', 'a'], run_as_root=True)", False),
        ("subprocess.check_call(['ls'])", False),
        ("path = '/var/lib/filesystem'", False),
    ],
)
def test_the_command_text_test(source, may):
    assert narrower_test("command-argv", source) is may


@pytest.mark.parametrize(
    ("source", "may"),
    [
        ("def f(p):\n    d = tempfile.mkdtemp()\n    use(d)\n", True),
        ("from tempfile import mkdtemp as make\n", True),
        ("import pkg.mkdtemp\n", True),  # binds pkg, which the gate follows to mkdtemp
        ("(socket.socket)(family)", True),
        ("ip.add_veth(name, peer)", True),
        ("def f(self):\n    self.create()\n    self.check()\n", True),
        ("def f(port):\n    port.create()\n", True),
        ("def f(self):\n    super().create()\n", True),
        ("def f(self):\n    (self).create()\n", True),
        ("def f(port='('):\n    port.create()\n", True),  # a string in a def: not read
        ("é = obj.create()", True),  # not ASCII
        ("def f(context):\n    obj = Port(context)\n    obj.create()\n", False),
        ("def f(context):\n    Port(context, id=1).create()\n", False),
        ("def f(self):\n    self.plugin.create(data)\n", False),
        ("def f(self):\n    self.do_create()\n", False),
        ("import socket\nLOG.debug('socket closed')\n", False),
        ("# open the file first", False),
    ],
)
def test_the_cleanup_text_test(source, may):
    assert narrower_test("cleanup-on-failure", source) is may


def test_configured_pairs_open_the_cleanup_text_test():
    """A configured pair may be called by any name: every file that passes ``wants`` may."""
    pairs = {"pairs": "mylib.make -> mylib.drop"}
    assert narrower_test("cleanup-on-failure", "def f(p):\n    obj.create()\n", pairs)


TRY = "try:\n    work()\n"


@pytest.mark.parametrize(
    ("source", "may"),
    [
        (TRY + "except:\n    pass\n", True),
        (TRY + "except Exception:\n    pass\n", True),
        (TRY + "except (KeyError, exc.Exception) as e:  # why\n    continue\n", True),
        ("from builtins import Exception as E\n" + TRY + "except E:\n    pass\n", True),
        (TRY + "except get_errors():\n    pass\n", True),  # no name can be read
        (TRY + "except ERRORS[0]:\n    pass\n", True),
        (TRY + "except 1:\n    pass\n", True),
        (TRY + "except (a if b else c):\n    pass\n", True),
        (TRY + "except Exception:\\\n    pass\n", True),
        (TRY + "except (\n    KeyError  # why\n):\n    pass\n", True),  # a comment: not read
        ("é = 1\n" + TRY + "except KeyError:\n    pass\n", True),  # not ASCII
        (TRY + "except KeyError:\n    pass\n", False),
        (TRY + "except (KeyError,\n        OSError):\n    pass\n", False),
        (TRY + "except errors.NotFound:\n    # gone already\n\n    pass\n", False),
        (TRY + "except Exception:\n    LOG.debug('failed')\n", False),
        (TRY + "except KeyError: pass\n", False),
        ("# except when it is pass\nx = 1\n", False),
    ],
)
def test_the_silent_except_text_test(source, may):
    assert narrower_test("silent-except", source) is may


@pytest.mark.parametrize(
    ("source", "may"),
    [
        ("import requests\n", True),
        ("import os, requests.adapters\n", True),
        ("import os, \\\n    httpx\n", True),
        ("from requests import get as fetch\n", True),
        ("x = 1; import httpx as h\n", True),
        ("é = 1\n", True),  # not ASCII
        ("# answers API requests and their retries\n", False),
        ("self.requests = []\npending_requests = 0\n", False),
        ("def handle(requests):\n    return requests\n", False),
    ],
)
@pytest.mark.parametrize("codemod_id", ["requests-timeout", "tls-verify"])
def test_the_http_text_test(codemod_id, source, may):
    assert narrower_test(codemod_id, source) is may


@pytest.mark.parametrize(
    ("codemod_id", "source", "may"),
    [
        ("secure-random", "import random\n", True),
        ("secure-random", "import os, random as rnd\n", True),
        ("secure-random", "from random import choice\n", True),
        ("secure-random", "# a random port, from the range\nport = pick(ports)\n", False),
        ("secure-random", "random_port = utils.random_port()\n", False),
        ("tls-protocol", "ctx = SSL.Context(SSL.TLSv1_METHOD)\n", True),
        ("tls-protocol", "from ssl import PROTOCOL_SSLv3 as OLD\n", True),
        ("tls-protocol", "ssl.wrap_socket(sock)\n", True),
        ("tls-protocol", "proto = constants.PROTOCOL_TCP\n", False),
        ("tls-protocol", "LB_METHOD = 'ROUND_ROBIN'\n", False),
        (
            "tls-verify",
            "import ssl\nssl._create_default_https_context = ssl._create_stdlib_context\n",
            True,
        ),
        ("tls-verify", "import ssl\nctx = ssl._create_unverified_context()\n", False),
        (
            "ssh-host-key-policy",
            "import os, asyncssh\nasyncssh.connect(h, known_hosts=None)\n",
            True,
        ),
        (
            "ssh-host-key-policy",
            "from asyncssh import connect\nopts = {'known_hosts': None}\n",
            True,
        ),
        ("ssh-host-key-policy", "import paramiko\nopts = {'known_hosts': None}\n", False),
        ("ssh-host-key-policy", "import asyncssh\nasyncssh.connect(h, known_hosts=path)\n", False),
    ],
)
def test_the_import_and_name_text_tests(codemod_id, source, may):
    assert narrower_test(codemod_id, source) is may


def test_a_method_receiver_and_the_parameters_in_text():
    assert called_on_a_name("x.y.create()\nz.create()", "create")
    assert not called_on_a_name("x.y.create()\nz.create()", "create", {"x"})
    assert called_on_a_name("x.\\\n    create()", "create", {"x"})  # a continued line
    assert called_on_a_name("(x  # see a.b \\\n .create())", "create", {"y"})  # cannot tell
    assert not called_on_a_name("f(a)(b).create()", "create", set())
    assert called_on_a_name("return (x).create()", "create", set())
    assert parameter_names("def f(a, b=(1, 2), *c, d: Dict[str, int] = None, **e): pass") >= set(
        "abcde"
    )
    assert parameter_names("def f(a='('): pass") is None
    assert parameter_names("# def in a comment\ndef f(a): pass") is None
    assert dotted_tail_imported("import pkg.socket, os", "socket")
    assert not dotted_tail_imported("s = socket.socket()", "socket")


def _sources() -> list[Path]:
    """Every Python file of the before_after cases, the examples and the fixtures."""
    folders = [REPOSITORY / "before_after", REPOSITORY / "examples", REPOSITORY / "tests"]
    return sorted(path for folder in folders for path in folder.rglob("*.py"))


def unsound(paths) -> list[str]:
    """Files where a narrowed text test says no and the codemod's gate finds a candidate."""
    wrong = []
    for codemod_id in NARROWED:
        cls = get_codemod(codemod_id)
        options = cls.resolve_options({})
        for path in paths:
            try:
                text = path.read_text(encoding="utf-8")
                tree = parse_ast(text)
            except (UnicodeDecodeError, SyntaxError, ValueError, RecursionError):
                continue
            if cls.wants(text, options) and not transform.narrower_test(cls, text, options):
                if gate_of(cls, tree, options)[0]:
                    wrong.append(f"{codemod_id}: {path}")
    return wrong


def test_no_case_or_fixture_is_turned_down_where_its_gate_finds_a_candidate():
    paths = _sources()
    assert len(paths) > 300
    assert unsound(paths) == []


ALREADY_A_LIST = """\
from neutron.agent.linux import ip_lib


def configure(namespace, interface_name):
    ip_wrapper = ip_lib.IPWrapper(namespace=namespace)
    cmd = ['sysctl', '-w', 'net.ipv4.conf.%s.proxy_arp=1' % interface_name]
    ip_wrapper.netns.execute(cmd, check_exit_code=False)
"""


def test_a_finding_still_reaches_a_call_the_whole_tree_run_skips():
    """``already an argument list`` answers a finding: a report's run asks ``wants`` alone."""
    codemods = [("command-argv", {})]
    assert not may_hold_candidate_calls(ALREADY_A_LIST)

    whole = transform_source(ALREADY_A_LIST, codemods)
    reported = transform_source(
        ALREADY_A_LIST, codemods, targets={"command-argv": [LineRange(4, 8, "finding-1")]}
    )

    assert not whole.refusals
    [refusal] = reported.refusals
    assert "already an argument list" in refusal.reason
