"""tls-verify: the rewritten call refuses a server whose certificate it cannot verify."""

from __future__ import annotations

import http.server
import ssl
import textwrap
import threading

import pytest

from codemod_support import run_module, self_signed_certificate
from cwemod.codemods import LineRange, RefusalKind
from cwemod.codemods.kit.project import Project
from cwemod.codemods.surveys import survey_of
from cwemod.engine import transform_source
from cwemod.engine.triage import triage
from cwemod.reports.model import Finding, Verdict

CODEMOD = "tls-verify"

FETCH = textwrap.dedent(
    """\
    import requests


    def fetch(url):
        return requests.get(url, timeout=10, verify=False).status_code
    """
)


def rewrite(text: str):
    return transform_source(text, [(CODEMOD, {})], allow_review=True)


def functions_of(text: str) -> dict:
    return run_module(text, "fetch.py")


@pytest.fixture
def self_signed_server(tmp_path):
    """An HTTPS server on localhost with a self-signed certificate: its URL."""
    cert, key = self_signed_certificate(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = http.server.HTTPServer(("127.0.0.1", 0), _Ok)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://localhost:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class _Ok(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.mark.filterwarnings("ignore:Unverified HTTPS request")
def test_the_rewritten_call_refuses_a_self_signed_certificate(self_signed_server):
    requests = pytest.importorskip("requests")
    assert functions_of(FETCH)["fetch"](self_signed_server) == 200
    outcome = rewrite(FETCH)
    assert "requests.get(url, timeout=10).status_code" in outcome.text
    with pytest.raises(requests.exceptions.SSLError):
        functions_of(outcome.text)["fetch"](self_signed_server)


def test_the_rewritten_httpx_client_verifies_certificates(self_signed_server):
    httpx = pytest.importorskip("httpx")
    source = "import httpx\n\n\ndef client():\n    return httpx.Client(verify=False)\n"
    outcome = rewrite(source)
    assert "httpx.Client()" in outcome.text
    with functions_of(outcome.text)["client"]() as client, pytest.raises(httpx.ConnectError):
        client.get(self_signed_server)


def test_a_setting_is_left_to_the_operator_with_a_reason_where_a_report_points():
    source = FETCH.replace("verify=False", "verify=CONF.insecure is False")
    assert not rewrite(source).refusals  # a whole-tree run stays quiet about settings
    outcome = transform_source(
        source, [(CODEMOD, {})], allow_review=True, targets={CODEMOD: [LineRange(5, 5)]}
    )
    assert outcome.text == source
    (refusal,) = outcome.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert "verify=CONF.insecure is False is decided elsewhere" in refusal.reason


SEWER = textwrap.dedent(
    """\
    import requests


    def request(method, url, insecure=False):
        kwargs = {"timeout": 7}
        if insecure:
            kwargs["verify"] = False
        if method == "GET":
            return requests.get(url, **kwargs)
        return requests.post(url, **kwargs)
    """
)


def test_a_mapping_given_verify_false_gets_one_record_where_it_is_given_false():
    (refusal,) = rewrite(SEWER).refusals  # sewer's Client._request(): one for three calls
    assert refusal.line == 7
    assert "only when `insecure` is true (line 6, false by default)" in refusal.reason


def test_each_call_a_report_points_at_gets_its_own_record():
    targets = {CODEMOD: [LineRange(9, 9), LineRange(10, 10)]}
    outcome = transform_source(SEWER, [(CODEMOD, {})], allow_review=True, targets=targets)
    assert [refusal.line for refusal in outcome.refusals] == [9, 10]


@pytest.mark.parametrize(
    "module_path",
    ["healthcheck/http-healthcheck.py", "agent/health_check.py", "probes/liveness.py"],
)
def test_a_health_check_module_keeps_verify_false_with_advice(module_path):
    outcome = transform_source(FETCH, [(CODEMOD, {})], allow_review=True, module_path=module_path)
    assert outcome.text == FETCH
    (refusal,) = outcome.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert refusal.reason.startswith("a health check")


def test_a_module_named_for_checks_of_other_things_gets_the_fix():
    outcome = transform_source(
        FETCH, [(CODEMOD, {})], allow_review=True, module_path="checks/a10.py"
    )
    assert "verify" not in outcome.text


def test_a_session_method_is_not_changed():
    source = FETCH.replace("requests.get(", "requests.Session().get(")
    assert rewrite(source).text == source


def test_a_bandit_b501_finding_is_triaged_to_this_codemod(tmp_path):
    code = tmp_path / "fetch.py"
    code.write_text(FETCH)
    finding = Finding("b#1", "bandit", "verify=False", rule="B501", path=str(code), lines=(5,))
    (item,) = triage([finding], [code])
    assert (item.codemod, item.verdict) == (CODEMOD, Verdict.REVIEW)
    assert "CA bundle" in item.reason


@pytest.mark.parametrize(
    ("comment", "fixed"),
    [
        ("  # the lab switch has a self-signed certificate", False),
        ("  # FIXME: verify once the appliance has a CA", False),
        ("  # noqa: E501", True),
        ("  # the status code only", True),
    ],
)
def test_a_comment_on_certificates_at_verify_false_leaves_it_to_a_person(comment, fixed):
    source = FETCH.replace("verify=False).status_code", "verify=False).status_code" + comment)
    outcome = rewrite(source)
    assert ("verify=False" not in outcome.text) is fixed
    if not fixed:
        (refusal,) = outcome.refusals
        assert refusal.kind is RefusalKind.ADVICE_ONLY and "comment" in refusal.reason


@pytest.mark.parametrize(
    "silencing",
    [
        "requests.packages.urllib3.disable_warnings()",
        "urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)",
    ],
)
def test_a_module_that_silences_the_insecure_request_warning_gets_advice(silencing):
    source = "import urllib3\n" + FETCH + f"\n\n{silencing}\n"
    outcome = rewrite(source)
    assert outcome.text == source
    (refusal,) = outcome.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY and "InsecureRequestWarning" in refusal.reason


def test_a_module_whose_tests_assert_the_call_arguments_is_advice():
    """acme's tests assert ``mock_get.assert_called_once_with(uri, verify=False, ...)``: the
    call and the assertion change together, by hand."""
    test_module = textwrap.dedent(
        """\
        from unittest import mock

        from pkg import fetcher


        @mock.patch('requests.get')
        def test_fetch(mock_get):
            fetcher.fetch('u')
            mock_get.assert_called_once_with('u', timeout=10, verify=False)
        """
    )
    facts = survey_of(CODEMOD).run(
        [("pkg/tests/test_fetcher.py", test_module), ("pkg/fetcher.py", FETCH)]
    )
    project = Project(facts={CODEMOD: facts})
    outcome = transform_source(
        FETCH, [(CODEMOD, {})], allow_review=True, project=project, module_path="pkg/fetcher.py"
    )
    assert outcome.text == FETCH
    (refusal,) = outcome.refusals
    assert "tests assert the exact arguments" in refusal.reason
    elsewhere = transform_source(
        FETCH, [(CODEMOD, {})], allow_review=True, project=project, module_path="pkg/other.py"
    )
    assert "verify=False" not in elsewhere.text


def test_a_call_of_a_function_the_tests_do_not_assert_is_fixed():
    """A test asserting only ``mock_requests.get``'s arguments breaks on no other call."""
    test_module = textwrap.dedent(
        """\
        from unittest import mock

        from pkg import fetcher


        @mock.patch('pkg.fetcher.requests')
        def test_fetch(mock_requests):
            fetcher.fetch('u')
            mock_requests.get.assert_called_once_with('u', timeout=10, verify=False)
        """
    )
    post = FETCH.replace("requests.get(", "requests.post(")
    facts = survey_of(CODEMOD).run([("pkg/tests/test_fetcher.py", test_module)])
    outcome = transform_source(
        post,
        [(CODEMOD, {})],
        allow_review=True,
        project=Project(facts={CODEMOD: facts}),
        module_path="pkg/fetcher.py",
    )
    assert "requests.post(url, timeout=10).status_code" in outcome.text


def test_the_survey_knows_the_bool_options_every_definition_makes_false_by_default():
    """oslo.policy's opts.py: ``remote_ssl_verify_server_crt`` is False by default; a name
    another module defines True by default, or whose call cannot be read, is not known so."""
    opts = textwrap.dedent(
        """\
        from oslo_config import cfg

        _options = [
            cfg.BoolOpt('remote_ssl_verify_server_crt',
                        help='server identity verification', default=False),
            cfg.BoolOpt('insecure', default=False),
            cfg.BoolOpt('verify-ssl', default=False),
            cfg.BoolOpt('debug',
                        default=False,  # a comment: not read
                        help='Debug.'),
        ]
        """
    )
    other = "from oslo_config import cfg\n\nOPTS = [cfg.BoolOpt('insecure', default=True)]\n"
    facts = survey_of(CODEMOD).run([("pkg/opts.py", opts), ("pkg/other.py", other)])
    assert facts.options_off == {
        "remote_ssl_verify_server_crt": ("pkg/opts.py", 4),
        "verify_ssl": ("pkg/opts.py", 7),
    }


@pytest.mark.parametrize(
    ("default", "off"),
    [('"False"', True), ("'no'", True), ('"0"', True), ('"OFF"', True), ('"true"', False)]
    + [('"Yes"', False), ('" false"', False), ("0", False)],
)
def test_a_bool_option_s_string_default_is_read_as_oslo_config_reads_it(default, off):
    """networking-mlnx's ``BoolOpt('cert_verify', default="False")``: oslo.config's Boolean
    type lowers the text (no strip) and reads false/0/off/no as False; it refuses any other
    string, and an int, when the option is made."""
    opts = (
        f"from oslo_config import cfg\n\nOPTS = [cfg.BoolOpt('cert_verify', default={default})]\n"
    )
    facts = survey_of(CODEMOD).run([("pkg/config.py", opts)])
    assert ("cert_verify" in facts.options_off) is off
