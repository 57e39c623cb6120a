"""Locate findings in today's code and triage them into verdicts."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from conftest import SEED_REVIEW
from conftest import cli as run_cli
from cwemod.codemods import all_codemods, codemod_ids, get_codemod
from cwemod.engine.config import Config
from cwemod.engine.locate import SourceIndex, Unlocated, locate
from cwemod.engine.triage import fix_targets, triage
from cwemod.reports import read_report
from cwemod.reports.model import Finding, Location, Triaged, Verdict

FIXTURES = Path(__file__).parent / "fixtures" / "reports"


def line_of(path: Path, text: str) -> int:
    return next(
        number for number, line in enumerate(path.read_text().splitlines(), 1) if text in line
    )


def expect(triaged, codemod, verdict, reason_part):
    """The verdict ``codemod`` gives; a codemod missing from discovery fails here."""
    assert codemod in all_codemods(), f"{codemod} is not discovered"
    assert triaged.codemod == codemod
    assert triaged.verdict is verdict, triaged.reason
    assert reason_part in triaged.reason


@pytest.fixture
def fip(tmp_path):
    path = tmp_path / "fip_namespace.py"
    shutil.copy(FIXTURES / "fip_namespace.py", path)
    return path


# Issue 13: what the seed review's items must come out as, by item: (verdict, codemod).
SEED_VERDICTS = {
    "1": (Verdict.NOT_APPLICABLE, "salted-lock-name"),  # an in-process lock
    "2.1": (Verdict.ADVICE_ONLY, "cleanup-on-failure"),  # exists-ok namespace creation
    "2.2": (Verdict.ADVICE_ONLY, "cleanup-on-failure"),  # a teardown loop
    "3": (Verdict.NO_DEFECT, None),
    "4": (Verdict.NO_DEFECT, None),
    "5.1": (Verdict.NOT_APPLICABLE, "salted-lock-name"),
    "5.2": (Verdict.ADVICE_ONLY, "salted-lock-name"),  # the subscriber set: no codemod
    "6": (Verdict.NOT_APPLICABLE, "command-argv"),  # already an argument list
    "7": (Verdict.NO_DEFECT, None),
    "CWE-435": (Verdict.NO_DEFECT, None),
    "CWE-697": (Verdict.NO_DEFECT, None),
    "CWE-703": (Verdict.NO_DEFECT, None),
}


def verdict_table(triaged):
    return {item.finding.id.split("#")[1]: (item.verdict, item.codemod) for item in triaged}


def test_seed_style_review_against_moved_code(fip):
    findings = read_report(FIXTURES / "fip_review.md")
    items = {item.finding.id.split("#")[1]: item for item in triage(findings, [fip])}

    lock = items["1"]
    assert lock.location.symbol == "FloatingNamespace._fip_port_lock"
    assert (
        lock.location.shown_line == line_of(fip, "def _fip_port_lock") != 12
    )  # the report said 12
    assert lock.location.start == line_of(
        fip, "@contextlib.contextmanager"
    )  # decorators are in range
    expect(lock, "salted-lock-name", Verdict.NOT_APPLICABLE, "in-process")

    create = items["2.1"]
    assert (create.location.symbol, create.location.shown_line) == (
        "FloatingNamespace.create",
        line_of(fip, "def create(self)"),
    )
    assert items["2.2"].location.symbol == "FloatingNamespace._delete"
    assert items["5.2"].location.symbol == "FloatingNamespace.subscribe"
    # The report's create_gateway_port() is today's _create_gateway_port().
    assert items["6"].location.symbol == "FloatingNamespace._create_gateway_port"
    assert all(item.reason for item in items.values())
    assert verdict_table(items.values()) == SEED_VERDICTS


def test_seed_verdict_reasons_say_why(fip):
    findings = read_report(FIXTURES / "fip_review.md")
    items = {item.finding.id.split("#")[1]: item for item in triage(findings, [fip])}
    expect(items["2.1"], "cleanup-on-failure", Verdict.ADVICE_ONLY, "exists-ok")
    expect(items["6"], "command-argv", Verdict.NOT_APPLICABLE, "argument list")


def test_an_advice_only_reason_is_about_what_the_finding_asks(fip):
    findings = read_report(FIXTURES / "fip_review.md")
    items = {item.finding.id.split("#")[1]: item for item in triage(findings, [fip])}
    assert items["5.2"].reason == (
        '"a badly managed `_subscribers` set in `subscribe()` could defeat the protection"'
        " (CWE-693 Protection Mechanism Failure): no codemod fixes this;"
        " salted-lock-name, the codemod for CWE-693, can only key the names of external"
        " oslo.concurrency locks, and FloatingNamespace.subscribe has no such code"
    )


def test_a_no_defect_reason_quotes_the_report(fip):
    findings = read_report(FIXTURES / "fip_review.md")
    items = {item.finding.id.split("#")[1]: item for item in triage(findings, [fip])}
    assert items["7"].reason == (
        'the report itself states no defect: "Whether coding standards are followed cannot be'
        ' determined without knowing the standards" (CWE-710 Improper Adherence to Coding'
        " Standards)"
    )


WEAK_HASH = """\
import libcst as cst
import libcst.matchers as m

from cwemod.codemods.base import Codemod
from cwemod.codemods.records import Applicability


class WeakHash(Codemod):
    id = "weak-hash"
    title = "Hash with SHA-256, not MD5"
    cwe = ("CWE-916",)
    rules = ("B303",)
    prefilter = ("md5",)

    def leave_Call(self, original_node, updated_node):
        if not m.matches(updated_node.func, m.Attribute(m.Name("hashlib"), m.Name("md5"))):
            return updated_node
        if not self.accept_fix(original_node, Applicability.SAFE, "MD5 -> SHA-256"):
            return updated_node
        return updated_node.with_changes(func=updated_node.func.with_changes(attr=cst.Name("sha256")))
"""


def install_plugin(tmp_path, monkeypatch, codemod_id: str, source: str):
    """Yields ``codemod_id``, defined in ``source``: a module in a directory of its own,
    added to the codemod package's search path."""
    import cwemod.codemods as codemods_package

    module = codemod_id.replace("-", "_")
    plugins = tmp_path / f"plugins_{module}"
    plugins.mkdir()
    (plugins / f"{module}.py").write_text(source)
    monkeypatch.setattr(codemods_package, "__path__", [*codemods_package.__path__, str(plugins)])
    monkeypatch.delitem(sys.modules, f"cwemod.codemods.{module}", raising=False)
    registry = (codemod_ids, get_codemod, all_codemods)  # each remembers the package's contents
    for cached in registry:
        cached.cache_clear()
    yield codemod_id
    for cached in registry:
        cached.cache_clear()
    sys.modules.pop(f"cwemod.codemods.{module}", None)
    vars(codemods_package).pop(module, None)


@pytest.fixture
def plugin_codemod(tmp_path, monkeypatch):
    yield from install_plugin(tmp_path, monkeypatch, "weak-hash", WEAK_HASH)


def test_a_codemod_from_a_new_module_answers_its_cwe_and_rules(plugin_codemod, tmp_path):
    code = tmp_path / "digest.py"
    code.write_text(
        "import hashlib\n\n\ndef digest(data):\n    return hashlib.md5(data).hexdigest()\n"
    )
    by_cwe = Finding("r.md#1", "llm-review", "weak hash", cwe=("CWE-916",), symbols=("digest",))
    by_ruff_rule = Finding("r.sarif#1", "ruff", "md5", rule="S303", path=str(code), lines=(5,))
    triaged = triage([by_cwe, by_ruff_rule], [code])
    assert [(item.verdict, item.codemod) for item in triaged] == [(Verdict.FIX, plugin_codemod)] * 2
    assert triaged[0].reason == "MD5 -> SHA-256"


def test_unmapped_cwe_is_advice_only(fip):
    finding = Finding(
        "r.md#1",
        "llm-review",
        "The method `subscribe()` (line 5) does not validate its callback.",
        cwe=("CWE-20",),
        title="Improper Input Validation",
        symbols=("subscribe",),
    )
    (item,) = triage([finding], [fip])
    assert (item.verdict, item.reason) == (
        Verdict.ADVICE_ONLY,
        '"The method `subscribe()` does not validate its callback" (CWE-20 Improper Input'
        " Validation): no codemod handles CWE-20; review by hand",
    )


REFUSING = """\
import libcst as cst

from cwemod.codemods.base import Codemod
from cwemod.codemods.records import RefusalKind


class RefuseEveryReturn(Codemod):
    id = "refuse-every-return"
    title = "Refuse every return"
    cwe = ("CWE-1",)
    prefilter = ("return",)
    default_options = {"kind": "advice-only"}

    def leave_Return(self, original_node, updated_node):
        kind = RefusalKind(self.options["kind"])
        self.refuse(original_node, kind, "its own words; with a semicolon, and 'quotes'")
        return updated_node
"""


@pytest.fixture
def refusing_codemod(tmp_path, monkeypatch):
    """A codemod that refuses every return with the kind its option names."""
    yield from install_plugin(tmp_path, monkeypatch, "refuse-every-return", REFUSING)


@pytest.mark.parametrize("kind", ["advice-only", "not-applicable", "already-fixed"])
def test_a_refusal_reaches_the_verdict_unchanged(refusing_codemod, tmp_path, kind):
    code = tmp_path / "m.py"
    code.write_text("def answer():\n    return 42\n")
    finding = Finding("r.md#1", "llm-review", "it returns", cwe=("CWE-1",), symbols=("answer",))
    config = Config(codemod_options={refusing_codemod: {"kind": kind}})
    (item,) = triage([finding], [code], config)
    assert (item.verdict.value, item.codemod, item.reason) == (
        kind,
        refusing_codemod,
        "its own words; with a semicolon, and 'quotes'",
    )


def test_symbol_missing_from_the_code_is_unlocated_even_with_a_valid_line(fip):
    finding = Finding(
        "r.md#1", "llm-review", "x", cwe=("CWE-502",), symbols=("load_config()",), lines=(40,)
    )
    (item,) = triage([finding], [fip])
    assert item.verdict is Verdict.UNLOCATED
    assert (
        item.reason
        == "no function or class named load_config in fip_namespace.py (the report cites line 40)"
    )
    assert item.location is None


NESTED = """\
class A:
    def run(self):
        def helper():
            return 1
        return helper()


class B:
    def run(self):
        return 2


def helper():
    return 3
"""


def test_locate_methods_nested_functions_and_ties(tmp_path):
    path = tmp_path / "m.py"
    index = SourceIndex(NESTED)

    def where(symbols, lines=()):
        found = locate(Finding("f", "t", "m", symbols=symbols, lines=lines), path, index)
        return (
            found.reason if isinstance(found, Unlocated) else (found.symbol, found.start, found.end)
        )

    assert where(("B.run",)) == ("B.run", 9, 10)
    assert where(("self.run()",), (10,)) == ("B.run", 9, 10)  # the line breaks the tie
    assert where(("run",), (1,)) == ("A.run", 2, 5)
    assert where(("A.run.helper",)) == ("A.run.helper", 3, 4)
    assert where(("helper",), (14,)) == ("helper", 13, 14)
    assert (
        where(("run",))
        == "run is defined 2 times (A.run (line 2), B.run (line 9)) and no line says which"
    )
    assert where((), (4, 10)) == ("A.run.helper", 4, 10)
    assert where((), (99,)) == "line 99 is past the end of m.py (14 lines)"


def test_fix_targets_take_fix_findings_and_review_only_when_allowed(tmp_path):
    path = tmp_path / "a.py"

    def item(number, verdict, codemod):
        finding = Finding(f"r#{number}", "t", "m")
        return Triaged(
            finding,
            verdict,
            "why",
            codemod,
            Location(path, number * 10, number * 10 + 2),
            (codemod,),
        )

    triaged = [
        item(1, Verdict.FIX, "yaml-safe-load"),
        item(2, Verdict.REVIEW, "command-argv"),
        item(3, Verdict.ALREADY_FIXED, "yaml-safe-load"),
        item(4, Verdict.ADVICE_ONLY, "salted-lock-name"),
    ]
    safe = fix_targets(triaged, allow_review=False)
    assert {
        codemod: [(r.start, r.end, r.finding) for r in ranges]
        for codemod, ranges in safe[path].items()
    } == {"yaml-safe-load": [(10, 12, "r#1")]}
    unsafe = fix_targets(triaged, allow_review=True)
    assert sorted(unsafe[path]) == ["command-argv", "yaml-safe-load"]
    assert fix_targets(triaged, allow_review=True, codemods=["command-argv"])[path].keys() == {
        "command-argv"
    }


@pytest.fixture
def project(tmp_path):
    shutil.copytree(FIXTURES / "pkg", tmp_path / "pkg")
    shutil.copy(FIXTURES / "multi_file_review.md", tmp_path / "review.md")
    return tmp_path


def test_multi_file_review_findings_json(project):
    run = run_cli("findings", "-r", "review.md", "--format", "json", "pkg", cwd=project)
    assert run.returncode == 0, run.stderr
    records = {record["id"]: record for record in json.loads(run.stdout)["findings"]}
    first = records["review.md#1"]
    assert {key: first[key] for key in ("cwe", "path", "line", "symbol", "verdict", "codemod")} == {
        "cwe": ["CWE-502"],
        "path": "pkg/config_loader.py",
        "line": 4,
        "symbol": "load_settings",
        "verdict": "fix",
        "codemod": "yaml-safe-load",
    }
    assert first["reason"] and first["message"].startswith("`load_settings()`")
    assert records["review.md#2"]["verdict"] == "already-fixed"
    assert records["review.md#5"]["verdict"] == "unlocated"
    assert records["review.md#5"]["reported"]["symbols"] == ["stop_all"]
    assert set(first) >= {
        "id",
        "cwe",
        "rule",
        "path",
        "line",
        "symbol",
        "verdict",
        "codemod",
        "reason",
        "message",
    }


def test_fix_with_report_changes_only_what_findings_point_at(project):
    run = run_cli("fix", "-r", "review.md", "--format", "json", "pkg", cwd=project)
    assert run.returncode == 0, run.stderr
    files = {record["path"]: record for record in json.loads(run.stdout)["files"]}
    assert list(files) == ["pkg/config_loader.py"]
    (fix,) = files["pkg/config_loader.py"]["fixes"]
    assert (fix["codemod"], fix["line"], fix["findings"]) == ("yaml-safe-load", 6, ["review.md#1"])
    diff = files["pkg/config_loader.py"]["diff"]
    # load_defaults() has the same defect, but the report did not point at it.
    assert "Loader=yaml.Loader" not in diff and "yaml.safe_load(handle)" in diff
    assert "need --unsafe" in run.stderr


def test_fix_with_report_unsafe_adds_review_findings_and_writes(project):
    run = run_cli("fix", "--unsafe", "--write", "-r", "review.md", "pkg", cwd=project)
    assert run.returncode == 0, run.stderr
    assert "yaml.safe_load(handle)" in (project / "pkg" / "config_loader.py").read_text()
    assert "Loader=yaml.Loader)" in (project / "pkg" / "config_loader.py").read_text()
    runner = (project / "pkg" / "runner.py").read_text()
    # review.md#4, a review-level fix, is written; #3 is advice only, and left as it was.
    assert "except Exception:\n            pass" not in runner
    assert "'systemctl restart %s' % service, shell=True" in runner


def test_seed_report_against_neutron(tmp_path, neutron_fip_namespace):
    copy = tmp_path / "dvr_fip_ns.py"
    shutil.copy(neutron_fip_namespace, copy)
    run = run_cli("findings", "-r", str(SEED_REVIEW), "--format", "json", str(copy), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    records = {record["id"].split("#")[1]: record for record in json.loads(run.stdout)["findings"]}
    assert (records["1"]["symbol"], records["1"]["line"]) == ("FipNamespace._fip_port_lock", 120)
    assert (records["2.1"]["symbol"], records["2.1"]["line"]) == ("FipNamespace.create", 206)
    assert {key: (record["verdict"], record["codemod"]) for key, record in records.items()} == {
        key: (verdict.value, codemod) for key, (verdict, codemod) in SEED_VERDICTS.items()
    }
    assert "_subscribers" in records["5.2"]["reason"]


def test_file_named_by_the_report_is_found_under_a_directory_by_its_tail(tmp_path):
    tree = tmp_path / "checkout" / "agent" / "l3"
    tree.mkdir(parents=True)
    shutil.copy(FIXTURES / "fip_namespace.py", tree / "fip_namespace.py")
    (tree / "other.py").write_text("x = 1\n")
    report = tmp_path / "review.md"
    report.write_text(
        "File: `project/agent/l3/fip_namespace.py`\n\n" + (FIXTURES / "fip_review.md").read_text()
    )
    items = {
        item.finding.id.split("#")[1]: item
        for item in triage(read_report(report), [tmp_path / "checkout"])
    }
    assert items["2.1"].location.path == tree / "fip_namespace.py"
    assert items["2.1"].location.symbol == "FloatingNamespace.create"
    assert items["CWE-703"].verdict is Verdict.NO_DEFECT


def test_file_not_among_the_paths_is_unlocated(tmp_path):
    (tmp_path / "a.py").write_text("x = 1\n")
    finding = Finding("r#1", "bandit", "m", rule="B506", path="elsewhere/config.py", lines=(3,))
    (item,) = triage([finding], [tmp_path / "a.py"])
    assert (item.verdict, item.reason) == (
        Verdict.UNLOCATED,
        "elsewhere/config.py is not among the given paths",
    )


def test_non_findings_need_no_file(tmp_path):
    for name in ("a.py", "b.py"):
        (tmp_path / name).write_text("x = 1\n")
    finding = Finding(
        "r#CWE-697", "llm-review", "don't apply", cwe=("CWE-697",), states_no_defect=True
    )
    (item,) = triage([finding], [tmp_path / "a.py", tmp_path / "b.py"])
    assert item.verdict is Verdict.NO_DEFECT and item.location is None


# -- a finding's codemod that records nothing where it points -----------------------------

SESSIONS = '''\
"""requests-oauth2client's client.py: the session is the caller's, or a new one."""
import requests


class OAuth2Client:
    def __init__(self, session=None):
        if session is None:
            session = requests.Session()
        self.session = session

    def update_authorization_server_public_keys(self, jwks_uri, requests_kwargs=None):
        requests_kwargs = requests_kwargs or {}
        resp = self.session.get(jwks_uri, **requests_kwargs)
        return resp.json()

    def _request(self, endpoint_uri, **kwargs):
        return self.session.request("POST", endpoint_uri, **kwargs)

    @classmethod
    def from_discovery_endpoint(cls, url, session=None):
        session = session or requests.Session()
        discovery = session.get(url).json()
        return cls(session), discovery


def version():
    return "1.8.0"
'''


def b113(path: Path, line: int) -> Finding:
    return Finding(
        f"b.json#{line}",
        "bandit",
        "Call to requests without timeout",
        rule="B113",
        path=str(path),
        lines=(line,),
        title="request_without_timeout",
    )


@pytest.mark.parametrize(
    ("call", "where"),
    [
        (
            "self.session.get(jwks_uri, **requests_kwargs)",
            "update_authorization_server_public_keys",
        ),
        ('self.session.request("POST"', "_request"),
    ],
)
def test_a_silent_codemod_at_its_kind_of_code_could_not_judge_it(tmp_path, call, where):
    """requests-oauth2client's B113 sites on a session requests-timeout cannot trace: not
    "nothing to change" because a variable is named requests_kwargs, nor "no such code"
    because the line does not say "requests"."""
    code = tmp_path / "client.py"
    code.write_text(SESSIONS)
    (item,) = triage([b113(code, line_of(code, call))], [tmp_path])
    assert (item.verdict, item.codemod) == (Verdict.ADVICE_ONLY, "requests-timeout")
    assert item.reason == (
        '"Call to requests without timeout" (B113 request_without_timeout): requests-timeout'
        f" recorded nothing at OAuth2Client.{where}: it fixes calls it can tell are requests'"
        " or httpx's (this one it cannot trace); check by hand"
    )


def test_a_call_on_the_callers_session_or_a_stock_one_gets_the_codemods_advice(tmp_path):
    """from_discovery_endpoint()'s ``session = session or requests.Session()``: requests-
    timeout's own advice, which a triage of its silence said before it had one."""
    code = tmp_path / "client.py"
    code.write_text(SESSIONS)
    (item,) = triage([b113(code, line_of(code, "session.get(url).json()"))], [tmp_path])
    assert (item.verdict, item.codemod) == (Verdict.ADVICE_ONLY, "requests-timeout")
    assert "session is the caller's session or a stock requests.Session()" in item.reason


def test_a_silent_codemod_where_its_gate_finds_none_of_its_code_says_so(tmp_path):
    code = tmp_path / "client.py"
    code.write_text(SESSIONS)
    (item,) = triage([b113(code, line_of(code, 'return "1.8.0"'))], [tmp_path])
    assert (item.verdict, item.reason) == (
        Verdict.ADVICE_ONLY,
        '"Call to requests without timeout" (B113 request_without_timeout): no codemod fixes'
        " this; requests-timeout, the codemod for B113, can only give HTTP calls a"
        " timeout, and version has no such code",
    )


def test_a_finding_in_test_code_its_codemod_leaves_alone_is_test_code(tmp_path):
    """requests-oauth2client's tests/test_authorization_code.py: 20 B113 findings in tests."""
    code = tmp_path / "tests" / "test_authorization_code.py"
    code.parent.mkdir()
    code.write_text(
        '"""requests-oauth2client\'s tests: the HTTP layer is mocked."""\n'
        "import requests\n\n\n"
        "def test_authorization_code_legacy(authorization_request):\n"
        "    resp = requests.get(authorization_request.uri, allow_redirects=False)\n"
        "    assert resp.status_code == 302\n"
    )
    (item,) = triage([b113(code, 6)], [tmp_path])
    assert (item.verdict, item.codemod, item.reason) == (
        Verdict.NOT_APPLICABLE,
        "requests-timeout",
        "test code: B113 reports a test's own value or call, which no service runs"
        " (requests-timeout leaves test code alone)",
    )
