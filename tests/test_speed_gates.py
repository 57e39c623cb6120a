"""The syntactic gates (``Codemod.might_change``) never hide a fix or a refusal.

In a whole-tree run the engine asks each codemod's ``might_change`` on the
stdlib ``ast`` tree and skips the LibCST parse and analysis when it says no.
So wherever the full codemod records anything, the gate must say yes.
"""

from __future__ import annotations

import ast

import libcst as cst
import pytest

from before_after import all_cases
from cwemod.codemods import LineRange, all_codemods, get_codemod
from cwemod.codemods.base import Codemod
from cwemod.codemods.kit.project import Project
from cwemod.engine import transform
from cwemod.engine.transform import transform_source

CASES = all_cases()


def _case_files(case):
    return [case.before, *([case.after] if case.after else [])]


def _ungated(monkeypatch, text, codemod_id, options, allow_review, module_path=""):
    with monkeypatch.context() as patch:
        patch.setattr(
            transform, "_syntactic_gate", lambda text, wanted, file: transform._Gate(wanted)
        )
        return transform_source(
            text, [(codemod_id, options)], allow_review=allow_review, module_path=module_path
        )


def _records(outcome):
    return [*outcome.fixes, *outcome.refusals, *outcome.skipped_review]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.test_id)
def test_gate_is_open_wherever_the_codemod_records_something(case, monkeypatch):
    cls = get_codemod(case.codemod)
    options = cls.resolve_options(case.options)
    for path in _case_files(case):
        text = path.read_text(encoding="utf-8")
        for allow_review in (False, True):
            full = _ungated(monkeypatch, text, case.codemod, case.options, allow_review)
            if _records(full) or full.text != text:
                assert cls.might_change(ast.parse(text), options), (
                    f"{path.name}: gate closed on {_records(full)}"
                )
            gated = transform_source(
                text, [(case.codemod, case.options)], allow_review=allow_review
            )
            assert gated.text == full.text and _records(gated) == _records(full)


@pytest.mark.parametrize("codemod_id", sorted(all_codemods()))
def test_gate_is_open_for_the_documented_example(codemod_id):
    cls = get_codemod(codemod_id)
    assert cls.might_change(ast.parse(cls.example), cls.resolve_options({}))


@pytest.mark.parametrize(
    ("codemod_id", "text"),
    [
        ("silent-except", "try:\n    f()\nexcept KeyError:\n    pass\n"),
        ("silent-except", "try:\n    f()\nexcept Exception:\n    LOG.exception('x')\n"),
        (
            "salted-lock-name",
            "from oslo_concurrency import lockutils\n\n@lockutils.synchronized('x')\ndef f():\n    pass\n",
        ),
        (
            "command-argv",
            "import subprocess\n\nself.execute(['ip', 'link'], run_as_root=True)\nsubprocess.PIPE\n",
        ),
        # Lists, and commands without shell=: a whole-tree run says nothing of them.
        (
            "command-argv",
            "import subprocess\nfrom oslo_concurrency import processutils\n\n"
            "subprocess.Popen(cmd, stdout=subprocess.PIPE)\nprocessutils.execute(*cmd)\n",
        ),
        # ovsdbapp's commands module is not Python 2's.
        ("command-argv", "from ovsdbapp.backend import commands as cmd\ncmd.execute(check=True)\n"),
        # An imported helper is no acquire; a method acquire on a local has an owner elsewhere.
        (
            "cleanup-on-failure",
            "from neutron.db import helpers\n\n\ndef f(context):\n"
            "    port = helpers.make(context)\n    obj = Port(context)\n    obj.create()\n"
            "    port.update()\n",
        ),
        # Neutron's create_subnetpool: a parameter rebound to a new object is no longer the
        # caller's, and an object made here has an owner the codemod cannot see.
        (
            "cleanup-on-failure",
            "def create(self, context, pool):\n    pool = Pool(context)\n    pool.create()\n"
            "    pool.update()\n",
        ),
        # Neutron's common/utils.py: hmac.new is not hashlib.new.
        (
            "hash-not-for-security",
            "import hashlib\nimport hmac\n\nhmac.new(key, data, hashlib.sha256).hexdigest()\n",
        ),
        ("yaml-safe-load", "import yaml\n\ndata = yaml.safe_load(text)\nopen('policy.yaml')\n"),
        # A yaml attribute of what no import binds: no module of the project to follow.
        ("yaml-safe-load", "import yaml\n\n\ndef f(self):\n    return self.yaml.load(text)\n"),
        # Neutron's test_db_base_plugin_v2: a local name no import binds is no lock function.
        (
            "salted-lock-name",
            "import functools\nfrom oslo_concurrency import lockutils\n\n\ndef f():\n"
            "    lock = functools.partial(lockutils.lock, uuid())\n    with lock():\n        pass\n",
        ),
        # Neutron's tests/base.py: oslo.db's set_defaults is not lockutils'.
        (
            "salted-lock-name",
            "from oslo_concurrency.fixture import lockutils\nfrom oslo_db import options\n\n"
            "options.set_defaults(cfg.CONF, connection='sqlite://')\n"
            "fixture = lockutils.ExternalLockFixture()\n",
        ),
        # Neutron's ovs_lib (a bridge's __enter__) and network_segment_range (create calls
        # super's): the receiver is what was made, and nothing after the call can fail.
        (
            "cleanup-on-failure",
            "class Bridge:\n    def __enter__(self):\n        self.create()\n        return self\n",
        ),
        (
            "cleanup-on-failure",
            "class Range(Base):\n    def create(self):\n        self._check('create')\n"
            "        super().create()\n",
        ),
        # Neutron's common/metadata.py: a timeout given, verify decided elsewhere.
        (
            "requests-timeout",
            "import requests\n\nrequests.request(method='GET', url=url, verify=cert, timeout=60)\n",
        ),
        (
            "tls-verify",
            "import requests\n\nrequests.request(method='GET', url=url, verify=cert, timeout=60)\n",
        ),
        # ... and a name bound to a CA file, not to False.
        (
            "tls-verify",
            "import requests\n\n\ndef f(url, ca):\n    v = ca\n"
            "    return requests.put(url, verify=v, timeout=60)\n",
        ),
        # A path joined to another directory, beside a gettempdir() bound to a name.
        (
            "hardcoded-tmp",
            "import os\nimport tempfile\n\nscratch = tempfile.gettempdir()\n"
            "path = os.path.join(cwd, name)\n",
        ),
        # ... and urllib's default context made a verified one again is no switch off.
        (
            "tls-verify",
            "import ssl\n\nssl._create_default_https_context = ssl.create_default_context\n",
        ),
        # ... and a dict's get() in a module that imports requests is no HTTP call.
        ("requests-timeout", "import requests\n\nencoding = headers.get('content-encoding')\n"),
        # Neutron's privileged/agent/linux/utils.py: shell=False runs no shell.
        (
            "command-argv",
            "import subprocess\n\nobj = subprocess.Popen(cmd, shell=False, stdout=subprocess.PIPE)\n",
        ),
        # known_hosts=None where asyncssh is not imported, and a known_hosts path given.
        (
            "ssh-host-key-policy",
            "import paramiko\n\nopts = {'known_hosts': None}\nclient.connect(h, known_hosts=None)\n",
        ),
        (
            "ssh-host-key-policy",
            "import asyncssh\n\nasyncssh.connect(h, known_hosts=path)\n"
            "kwargs.setdefault('known_hosts', ())\n",
        ),
    ],
)
def test_gate_closes_on_code_with_nothing_to_do(codemod_id, text, monkeypatch):
    cls = get_codemod(codemod_id)
    assert not cls.might_change(ast.parse(text), cls.resolve_options({}))
    assert not _records(_ungated(monkeypatch, text, codemod_id, {}, True))


@pytest.mark.parametrize(
    ("codemod_id", "text"),
    [
        # Import aliases and the ways LibCST names a callee (through calls and subscripts).
        (
            "silent-except",
            "from builtins import Exception as E\ntry:\n    f()\nexcept (KeyError, E):\n    pass\n",
        ),
        (
            "silent-except",
            "import builtins\ntry:\n    f()\nexcept builtins.BaseException:\n    continue\n",
        ),
        (
            "salted-lock-name",
            "from oslo_concurrency.lockutils import external_lock as el\nel('name')\n",
        ),
        (
            "salted-lock-name",
            "from oslo_concurrency import lockutils\nlockutils.lock('a', 'p-', True)\n",
        ),
        (
            "salted-lock-name",
            "from oslo_concurrency import lockutils\nlockutils.synchronized(*args)\n",
        ),
        (
            "salted-lock-name",
            "from oslo_concurrency import lockutils\nsync = lockutils.synchronized_with_prefix('n-')\nsync('a', external=flag)\n",
        ),
        (
            "salted-lock-name",
            "from oslo_concurrency import lockutils\nrm = lockutils.remove_external_lock_file_with_prefix('n-')\nrm('a')\n",
        ),
        (
            "salted-lock-name",
            "def f():\n    from oslo_concurrency.lockutils import lock as take\n    take()\n",
        ),
        ("salted-lock-name", "import fasteners\nfasteners.InterProcessLock(path)\n"),
        ("salted-lock-name", "f = open(CONF.lock_path + '/x', 'w')\n"),
        (
            "salted-lock-name",
            "from oslo_concurrency import lockutils\nlockutils.set_defaults('/tmp')\n",
        ),
        ("salted-lock-name", "CONF.set_override('lock_path', '/tmp/x', 'oslo_concurrency')\n"),
        ("command-argv", "import os as o\no.system('ls %s' % path)\n"),
        ("hash-not-for-security", "from hashlib import md5 as m\n\nkey = m(name).hexdigest()\n"),
        ("yaml-safe-load", "from yaml import load as read\n\ndata = read(text)\n"),
        ("yaml-safe-load", "def f():\n    import yaml as y\n    return y.load_all(text)\n"),
        # heat's template_format.yaml.load: PyYAML, where the module does import yaml.
        ("yaml-safe-load", "from pkg import fmt\n\ndata = fmt.yaml.load(text)\n"),
        ("yaml-safe-load", "import pkg.fmt\n\npkg.fmt.yaml.load_all(text)\n"),
        ("hash-not-for-security", "import hashlib as h\n\nkey = h.new('md5', name).hexdigest()\n"),
        ("command-argv", "from subprocess import Popen as P\nP('ls ' + path, shell=True)\n"),
        (
            "cleanup-on-failure",
            "def f():\n    ip = IPWrapper()\n    name = new_name()\n    ip.add_dummy(name)\n"
            "    check(name)\n    ip.del_veth(name)\n",
        ),
        (
            "cleanup-on-failure",
            "from tempfile import mkdtemp as md\n\n\ndef f():\n    d = md()\n    g(d)\n"
            "    return d\n",
        ),
        (
            "command-argv",
            "from subprocess import check_output as co\nco('ls ' + path, shell=True)\n",
        ),
        ("command-argv", "self.execute(*('ip netns exec %s ls' % ns).split())\n"),
        ("command-argv", "import subprocess\nsubprocess.call('ls ' + path, shell=use_shell)\n"),
        ("command-argv", "import subprocess\nsubprocess.call(['ls', path], shell=1)\n"),
        (
            "salted-lock-name",
            "import oslo_concurrency as oc\noc.lockutils.set_defaults('/tmp')\n",
        ),
        (
            "cleanup-on-failure",
            "class Bridge:\n    def __enter__(self):\n        self.create()\n"
            "        self.configure()\n        return self\n",
        ),
        (
            "cleanup-on-failure",
            "def f(port):\n    port.create()\n    port.bind(host)\n",
        ),
        ("requests-timeout", "from requests import get as fetch\nfetch(url, timeout=None)\n"),
        ("requests-timeout", "import requests\nrequests.post(url, **settings)\n"),
        ("tls-verify", "import requests as r\nr.get(url, timeout=5, verify=(False))\n"),
        # oslo.vmware's RequestsTransport: verify off unless the caller opts in.
        (
            "tls-verify",
            "import requests\n\n\nclass T:\n    def __init__(self, cacert=None, insecure=True):\n"
            "        self.verify = cacert or not insecure\n\n    def get(self, url):\n"
            "        return requests.get(url, verify=self.verify)\n",
        ),
        # sushy-tools' fakedriver.py: verify bound to False, then a CA file where configured.
        (
            "tls-verify",
            "import requests as r\n\n\ndef f(cfg, url):\n    v = False\n"
            "    if cfg.get('CAFILE'):\n        v = cfg.get('CAFILE')\n"
            "    return r.put(url, verify=v, timeout=60)\n",
        ),
        # osprofiler's LogInsightClient: send() of a stock session the code makes.
        (
            "tls-verify",
            "from requests import session as new\n\n\ndef f(p):\n    s = new()\n"
            "    return s.send(p, verify=False)\n",
        ),
        # pyroma's pypidata.py: a name from a URL joined to a name gettempdir() is bound to.
        (
            "hardcoded-tmp",
            "import tempfile\nfrom os.path import join\n\n\ndef f(url):\n"
            "    tmp: str = tempfile.gettempdir()\n    return join(tmp, url.split('/')[-1])\n",
        ),
        (
            "hardcoded-tmp",
            "from tempfile import gettempdir as g\nfrom pathlib import Path\n"
            "p = Path(g()) / name\n",
        ),
        # salt-pepper's libpepper.py: urllib's default context made unverified, through imports.
        (
            "tls-verify",
            "import ssl as s\nfrom ssl import _create_stdlib_context as plain\n\n"
            "s._create_default_https_context = plain\n",
        ),
        ("requests-timeout", "import requests.api as api\napi.get(url)\n"),
        (
            "requests-timeout",
            "def f():\n    from httpx import Client\n    return Client(timeout=None)\n",
        ),
        # asyncssh's known_hosts=None through an alias, and by an import inside the function.
        (
            "ssh-host-key-policy",
            "from asyncssh.connection import connect as ssh\nssh(h, known_hosts=(None))\n",
        ),
        (
            "ssh-host-key-policy",
            "def f(h):\n    import asyncssh\n    o = {}\n    o['known_hosts'] = p = None\n"
            "    return asyncssh.connect(h, **o)\n",
        ),
    ],
)
def test_gate_is_open_on_unusual_spellings(codemod_id, text, monkeypatch):
    cls = get_codemod(codemod_id)
    full = _ungated(monkeypatch, text, codemod_id, {}, True)
    assert _records(full), "the shape is meant to be one the codemod records"
    assert cls.might_change(ast.parse(text), cls.resolve_options({}))


def test_gated_out_file_is_never_parsed_by_libcst(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("parsed with LibCST")

    monkeypatch.setattr(cst, "parse_module", fail)
    text = "try:\n    f()\nexcept KeyError:\n    pass\n"
    outcome = transform_source(text, [("silent-except", {}), ("command-argv", {})])
    assert outcome.text == text and not _records(outcome)


def test_report_runs_are_not_gated():
    # An in-process lock is silent in a whole-tree run, but a finding pointing there gets its verdict.
    text = "from oslo_concurrency import lockutils\n\nwith lockutils.lock('x'):\n    pass\n"
    cls = get_codemod("salted-lock-name")
    assert not cls.might_change(ast.parse(text), cls.resolve_options({}))
    outcome = transform_source(
        text, [("salted-lock-name", {})], targets={"salted-lock-name": [LineRange(3, 3)]}
    )
    assert [refusal.reason for refusal in outcome.refusals] == [
        "in-process semaphore: the name never leaves the process"
    ]


def test_source_the_stdlib_parser_rejects_is_left_to_libcst():
    # CPython rejects dict unpacking in a comprehension; LibCST parses it, so the codemod still runs.
    text = "def g():\n    try:\n        f({**a for a in b})\n    except Exception:\n        pass\n"
    with pytest.raises(SyntaxError):
        ast.parse(text)
    outcome = transform_source(text, [("silent-except", {})], allow_review=True)
    assert outcome.fixes


TEST_MODULE = "pkg/tests/unit/test_case.py"


@pytest.mark.parametrize(
    "case",
    [case for case in CASES if get_codemod(case.codemod).leaves_tests_alone],
    ids=lambda c: c.test_id,
)
def test_a_codemod_that_leaves_tests_alone_records_nothing_in_a_test_module(case, monkeypatch):
    # The engine skips it on test modules in a whole-tree run: run it there anyway.
    monkeypatch.setattr(transform, "in_tests_shortcut", lambda project, path, text: False)
    for path in _case_files(case):
        text = path.read_text(encoding="utf-8")
        outcome = transform_source(
            text,
            [(case.codemod, case.options)],
            allow_review=True,
            module_path=TEST_MODULE,
        )
        assert outcome.text == text and _records(outcome) == [], path.name


def _decides_by_syntax(codemod_id):
    cls = get_codemod(codemod_id)
    return cls.refusals_by_syntax.__func__ is not Codemod.refusals_by_syntax.__func__


SHADOWED_EXCEPTION = """\
try:
    f()
except Exception:
    pass


def g(Exception=KeyError):
    try:
        f()
    except Exception:
        pass
"""


@pytest.mark.parametrize(
    "case", [case for case in CASES if _decides_by_syntax(case.codemod)], ids=lambda c: c.test_id
)
@pytest.mark.parametrize("module_path", [TEST_MODULE, "tools/case.py"])
def test_refusals_by_syntax_are_what_libcst_records(case, module_path, monkeypatch):
    """Where the ``ast`` tree decides a codemod's records, they equal its full run's."""
    cls = get_codemod(case.codemod)
    options = cls.resolve_options(case.options)
    for path in _case_files(case):
        text = path.read_text(encoding="utf-8")
        decided = cls.refusals_by_syntax(ast.parse(text), options, Project(), module_path)
        if decided is None:
            continue
        full = _ungated(monkeypatch, text, case.codemod, case.options, True, module_path)
        assert full.text == text and not full.fixes
        assert decided == full.refusals, path.name


def test_a_shadowed_exception_name_is_left_to_libcst(monkeypatch):
    tree = ast.parse(SHADOWED_EXCEPTION)
    cls = get_codemod("silent-except")
    assert cls.refusals_by_syntax(tree, {}, Project(), TEST_MODULE) is None
    decided = cls.refusals_by_syntax(
        ast.parse(SHADOWED_EXCEPTION.replace("Exception=KeyError", "error=KeyError")),
        {},
        Project(),
        TEST_MODULE,
    )
    assert [refusal.line for refusal in decided] == [3, 10]
    full = _ungated(monkeypatch, SHADOWED_EXCEPTION, "silent-except", {}, True, TEST_MODULE)
    assert [refusal.line for refusal in full.refusals] == [3]  # the parameter is no builtin


def test_a_test_module_of_swallowing_handlers_is_never_parsed_by_libcst(monkeypatch):
    text = "def helper():\n    try:\n        f()\n    except Exception:\n        pass\n"

    def fail(*args, **kwargs):
        raise AssertionError("parsed with LibCST")

    monkeypatch.setattr(transform, "parse_module", fail)
    outcome = transform_source(text, [("silent-except", {})], module_path=TEST_MODULE)
    assert [(r.line, r.reason[:9]) for r in outcome.refusals] == [(4, "test code")]


def test_a_test_module_of_weak_digests_is_never_parsed_by_libcst(monkeypatch):
    """Neutron's test helpers hash names with SHA-1: in test code that is only noted."""
    text = "import hashlib\n\nname = hashlib.sha1(value).hexdigest()\n"
    real_parse = transform.parse_module
    parsed = []
    monkeypatch.setattr(
        transform, "parse_module", lambda text: parsed.append(1) or real_parse(text)
    )

    outcome = transform_source(text, [("hash-not-for-security", {})], module_path=TEST_MODULE)
    assert parsed == [] and _records(outcome) == []
    # A weak crypt method is advice even in test code: LibCST decides it.
    crypt = "import crypt\n\nhashed = crypt.crypt(word, crypt.METHOD_MD5)\n"
    outcome = transform_source(crypt, [("hash-not-for-security", {})], module_path=TEST_MODULE)
    assert parsed == [1] and [r.reason[:16] for r in outcome.refusals] == ["crypt.METHOD_MD5"]


def test_the_lock_survey_parses_only_modules_that_name_lockutils_or_tooz(monkeypatch):
    """Neutron imports processutils from oslo_concurrency in dozens of modules: none takes a lock."""
    from cwemod.codemods import _lock_survey

    parsed = []
    real_parse = ast.parse

    def counting_parse(text, *args, **kwargs):
        parsed.append(text)
        return real_parse(text, *args, **kwargs)

    monkeypatch.setattr(_lock_survey.ast, "parse", counting_parse)
    processutils_only = "from oslo_concurrency import processutils\n\nprocessutils.execute('ls')\n"
    through_package = (
        "import oslo_concurrency\n\n\n"
        "def f():\n"
        "    with oslo_concurrency.lockutils.lock('pkg-x', external=True):\n"
        "        pass\n"
    )
    tooz_user = "from tooz import coordination\n\nLOCK = 'pkg-x'\n"
    _lock_survey.survey_locks(
        [("pkg/a.py", processutils_only), ("pkg/b.py", through_package), ("pkg/c.py", tooz_user)]
    )
    assert parsed == [through_package, tooz_user]


COMMAND_SHAPES = [
    "import os as o\nfrom subprocess import check_output as co\nfrom .os import system\n"
    "o.system(x)\nco(y)\nsystem(z)\n",
    "from ovsdbapp.backend import commands as cmd\ncmd.execute(check=True)\n",
    "'text'.system(x)\nitems[0].popen(y)\nf(x)(shell=True)\n",
    "import subprocess\nsubprocess.PIPE\nrun(cmd)\nself.execute(['ip'])\n",
    "from oslo_concurrency import processutils as pu\npu.execute(*cmd)\n",
    "from subprocess import *\ncall(cmd)\n",
]


@pytest.mark.parametrize(
    "text",
    [
        *COMMAND_SHAPES,
        *(path.read_text(encoding="utf-8") for case in CASES for path in _case_files(case)),
    ],
)
def test_command_argvs_report_mode_check_answers_alike_on_both_trees(text):
    """``has_candidate_calls`` reads the stdlib ``ast`` tree: the same answer as LibCST's."""
    from cwemod.codemods._command_gates import _has_candidate_calls_cst, has_candidate_calls_ast

    assert has_candidate_calls_ast(ast.parse(text)) == _has_candidate_calls_cst(
        cst.parse_module(text)
    )
