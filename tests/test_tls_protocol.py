"""tls-protocol: the rewritten server socket and pyOpenSSL context, run for real."""

from __future__ import annotations

import socket
import ssl
import textwrap
import threading

import pytest

from codemod_support import run_module, self_signed_certificate
from cwemod.codemods import RefusalKind
from cwemod.engine import transform_source
from cwemod.engine.triage import triage
from cwemod.reports.model import Finding, Verdict

CODEMOD = "tls-protocol"

SERVE = textwrap.dedent(
    """\
    import ssl


    def serve(sock, certfile):
        return ssl.wrap_socket(sock, certfile=certfile, server_side=True,
                               ssl_version=ssl.PROTOCOL_TLSv1)
    """
)


def rewrite(text: str):
    return transform_source(text, [(CODEMOD, {})], allow_review=True)


def functions_of(text: str) -> dict:
    return run_module(text, "serve.py")


@pytest.fixture
def certfile(tmp_path):
    """A self-signed certificate and its key in one PEM file."""
    cert, key = self_signed_certificate(tmp_path)
    combined = tmp_path / "combined.pem"
    combined.write_bytes(key.read_bytes() + cert.read_bytes())
    return str(combined)


@pytest.mark.filterwarnings("ignore:ssl.wrap_socket")
def test_the_rewritten_server_socket_negotiates_tls_1_2_or_newer(certfile):
    if not hasattr(ssl, "wrap_socket"):
        pytest.skip("ssl.wrap_socket is gone in this Python")
    outcome = rewrite(SERVE)
    assert "ssl_version=ssl.PROTOCOL_TLS_SERVER)" in outcome.text
    serve = functions_of(outcome.text)["serve"]
    server_end, client_end = socket.socketpair()
    client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    client.check_hostname = False
    client.verify_mode = ssl.CERT_NONE
    served = {}

    def handshake():
        served["socket"] = serve(server_end, certfile)

    thread = threading.Thread(target=handshake)
    thread.start()
    with client.wrap_socket(client_end) as tls:
        thread.join(timeout=10)
        server = served["socket"]
        assert tls.version() in ("TLSv1.2", "TLSv1.3")
        assert server.context.minimum_version >= ssl.TLSVersion.TLSv1_2
        # Like the old socket, the server asks for no client certificate.
        assert server.context.verify_mode is ssl.CERT_NONE
        server.close()


def test_the_rewritten_pyopenssl_context_is_pinned_to_tls_1_2():
    SSL = pytest.importorskip("OpenSSL.SSL")
    source = "from OpenSSL import SSL\n\n\ndef make():\n    return SSL.Context(SSL.TLSv1_METHOD)\n"
    outcome = rewrite(source)
    assert "SSL.Context(SSL.TLSv1_2_METHOD)" in outcome.text
    assert isinstance(functions_of(outcome.text)["make"](), SSL.Context)


def test_a_client_socket_is_advice_with_the_modern_call():
    source = SERVE.replace(" server_side=True,", "")
    outcome = rewrite(source)
    assert outcome.text == source
    (refusal,) = outcome.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert "ssl.create_default_context().wrap_socket(sock, server_hostname=host)" in refusal.reason


PARAMETER = textwrap.dedent(
    """\
    import ssl


    class Uploader(object):
        def _get_socket(self, sock, sslversion=ssl.PROTOCOL_TLSv1):
            try:
                return ssl.wrap_socket(sock, ssl_version=sslversion)
            except ssl.SSLError:
                return self._get_socket(sock, ssl.PROTOCOL_SSLv3)
    """
)


def test_a_parameter_given_only_versions_to_a_client_socket_is_the_clients_advice():
    reasons = {refusal.line: refusal.reason for refusal in rewrite(PARAMETER).refusals}
    assert sorted(reasons) == [5, 7, 9]
    assert all("create_default_context().wrap_socket(sock" in r for r in reasons.values())
    assert not any("cannot tell" in reason for reason in reasons.values())


def test_a_parameter_given_something_else_is_not_known_a_version():
    source = PARAMETER.replace("ssl.PROTOCOL_SSLv3)", "self.version)")
    reasons = {refusal.line: refusal.reason for refusal in rewrite(source).refusals}
    assert "not a constant the codemod knows" in reasons[7]
    assert "cannot tell a client from a server" in reasons[5]


def test_an_old_constant_anywhere_else_is_advice_once():
    source = "import ssl\n\n\ndef open_socket(version=ssl.PROTOCOL_SSLv3):\n    pass\n"
    (refusal,) = rewrite(source).refusals
    assert refusal.line == 4 and "PROTOCOL_SSLv3 goes where" in refusal.reason


@pytest.mark.parametrize(("rule", "line"), [("B502", 6), ("B504", 6)])
def test_bandit_findings_are_triaged_to_this_codemod(tmp_path, rule, line):
    code = tmp_path / "serve.py"
    code.write_text(SERVE)
    finding = Finding("b#1", "bandit", "old TLS", rule=rule, path=str(code), lines=(line,))
    (item,) = triage([finding], [code])
    assert (item.codemod, item.verdict) == (CODEMOD, Verdict.REVIEW)


def test_a_bandit_b503_default_argument_is_triaged_advice(tmp_path):
    code = tmp_path / "sockets.py"
    code.write_text("import ssl\n\n\ndef open_socket(version=ssl.PROTOCOL_SSLv3):\n    pass\n")
    finding = Finding("b#1", "bandit", "old default", rule="B503", path=str(code), lines=(4,))
    (item,) = triage([finding], [code])
    assert (item.codemod, item.verdict) == (CODEMOD, Verdict.ADVICE_ONLY)
    assert "cannot tell a client from a server" in item.reason


@pytest.mark.parametrize(
    ("test", "has", "lacks"),
    [
        ("ssl.HAS_SNI", "SNI", None),
        ("getattr(ssl, 'HAS_SNI', False)", "SNI", None),
        ("not hasattr(ssl, 'SSLContext')", None, "SSLContext"),
        ("hasattr(ssl, 'SSLContext') and ssl.HAS_SNI", "SSLContext or SNI", None),
        ("hasattr(ssl, 'SSLContext') and use_context", None, None),
        ("hasattr(ssl, 'SSLContext') or use_context", "SSLContext", None),
        ("not ssl.HAS_SNI and verbose", None, "SNI"),
        ("not ssl.HAS_SNI or verbose", None, None),
        # a version an ssl module may drop: its else runs on new Pythons
        ("hasattr(ssl, 'PROTOCOL_SSLv3')", None, None),
    ],
)
def test_a_branch_is_old_ssl_only_where_its_test_says_a_modern_feature_is_missing(test, has, lacks):
    import libcst as cst

    from cwemod.codemods.tls_protocol import _has_feature, _lacks_feature

    expression = cst.parse_expression(test)
    assert (_has_feature(expression), _lacks_feature(expression)) == (has, lacks)
