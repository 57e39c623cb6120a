"""ssh-host-key-policy: the rewritten client refuses a host it does not know."""

from __future__ import annotations

import socket
import textwrap
import threading

import pytest

from cwemod.codemods import RefusalKind
from cwemod.codemods.kit.project import Project
from cwemod.engine import transform_source
from cwemod.engine.triage import triage
from cwemod.reports.model import Finding, Verdict

CODEMOD = "ssh-host-key-policy"

CONNECT = textwrap.dedent(
    """\
    import paramiko


    def connect(port):
        client = paramiko.SSHClient()
        client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
        client.connect('127.0.0.1', port=port, username='demo', password='wrong',
                       look_for_keys=False, allow_agent=False, timeout=10)
        return client
    """
)


def rewrite(text: str):
    return transform_source(text, [(CODEMOD, {})], allow_review=True)


@pytest.fixture
def ssh_server():
    """A paramiko SSH server on localhost that accepts no login: its port."""
    paramiko = pytest.importorskip("paramiko")
    host_key = paramiko.RSAKey.generate(2048)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.2)
    stop = threading.Event()
    transports = []

    def serve():
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                continue
            transport = paramiko.Transport(connection)
            transport.add_server_key(host_key)
            transports.append(transport)
            try:
                transport.start_server(server=paramiko.ServerInterface())
            except (EOFError, OSError, paramiko.SSHException):
                # A probe that hangs up once it has the host key ends its negotiation:
                # the server must go on to the next client.
                continue

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for transport in transports:
        transport.close()
    listener.close()


def test_the_rewritten_client_refuses_an_unknown_host(ssh_server):
    paramiko = pytest.importorskip("paramiko")
    original: dict = {}
    exec(compile(CONNECT, "connect.py", "exec"), original)
    # The trusting client accepts the unknown key and gets as far as the login.
    with pytest.raises(paramiko.AuthenticationException):
        original["connect"](ssh_server)
    outcome = rewrite(CONNECT)
    assert "set_missing_host_key_policy(paramiko.RejectPolicy())" in outcome.text
    fixed: dict = {}
    exec(compile(outcome.text, "connect.py", "exec"), fixed)
    with pytest.raises(paramiko.SSHException, match="not found in known_hosts"):
        fixed["connect"](ssh_server)


def test_a_host_in_the_users_known_hosts_is_still_reached(ssh_server, tmp_path, monkeypatch):
    """The module loaded no known_hosts: the fix loads the user's, so RejectPolicy
    refuses only the hosts missing from it (above), not every host."""
    paramiko = pytest.importorskip("paramiko")
    outcome = rewrite(CONNECT)
    assert "    client.load_system_host_keys()\n    client.set_missing" in outcome.text
    probe = paramiko.Transport(("127.0.0.1", ssh_server))
    probe.start_client(timeout=10)
    host_key = probe.get_remote_server_key()
    probe.close()
    (tmp_path / ".ssh").mkdir()
    known = f"[127.0.0.1]:{ssh_server} {host_key.get_name()} {host_key.get_base64()}\n"
    (tmp_path / ".ssh/known_hosts").write_text(known)
    monkeypatch.setenv("HOME", str(tmp_path))
    fixed: dict = {}
    exec(compile(outcome.text, "connect.py", "exec"), fixed)
    with pytest.raises(paramiko.AuthenticationException):  # past the host key, to the login
        fixed["connect"](ssh_server)


RECORD = textwrap.dedent(
    """\
    import paramiko


    def record(port, path):
        client = paramiko.SSHClient()
        client.load_host_keys(path)
        client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
        try:
            client.connect('127.0.0.1', port=port, username='demo', password='wrong',
                           look_for_keys=False, allow_agent=False, timeout=10)
        finally:
            client.close()
    """
)


def test_a_client_connected_only_to_record_the_host_key_is_left_alone(ssh_server, tmp_path):
    """Zuul's merger: AutoAddPolicy saves the key to the file loaded, for git to use."""
    paramiko = pytest.importorskip("paramiko")
    outcome = rewrite(RECORD)
    assert outcome.text == RECORD
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert "records host keys on first use" in refusal.reason
    known_hosts = tmp_path / "known_hosts"
    known_hosts.write_text("")
    code: dict = {}
    exec(compile(RECORD, "record.py", "exec"), code)
    with pytest.raises(paramiko.AuthenticationException):
        code["record"](ssh_server, str(known_hosts))
    assert f"[127.0.0.1]:{ssh_server} ssh-rsa " in known_hosts.read_text()


def test_the_reason_says_which_known_hosts_the_client_loads():
    (fix,) = rewrite(CONNECT).fixes
    assert "the client now loads the user's known_hosts" in fix.reason
    loading = CONNECT.replace(
        "    client.set_missing", "    client.load_system_host_keys()\n    client.set_missing"
    )
    (fix,) = rewrite(loading).fixes
    assert "must be in the known_hosts files loaded here" in fix.reason
    elsewhere = loading.replace(
        "def connect(", "def load(c):\n    c.load_host_keys(p)\n\n\ndef connect("
    )
    elsewhere = elsewhere.replace("    client.load_system_host_keys()\n", "")
    outcome = rewrite(elsewhere)
    assert "no known_hosts file is loaded here" in outcome.fixes[0].reason
    assert outcome.text.count("load_") == 1


def test_without_a_statement_to_put_the_loader_before_the_fix_is_refused():
    source = CONNECT.replace(
        "    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())\n",
        "    client.set_missing_host_key_policy(paramiko.AutoAddPolicy()) or None\n",
    )
    outcome = rewrite(source)
    assert outcome.text == source
    (refusal,) = outcome.refusals
    assert "RejectPolicy alone would refuse every host" in refusal.reason


def test_a_policy_chosen_by_a_setting_is_advice():
    source = textwrap.dedent(
        """\
        import paramiko


        def policy(client, strict):
            if strict:
                client.set_missing_host_key_policy(paramiko.RejectPolicy())
            elif trusting:
                client.set_missing_host_key_policy(paramiko.WarningPolicy)
        """
    )
    outcome = rewrite(source)
    assert outcome.text == source
    (refusal,) = outcome.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert "WarningPolicy is chosen by a setting" in refusal.reason


def test_a_bandit_b507_finding_is_triaged_to_this_codemod(tmp_path):
    code = tmp_path / "connect.py"
    code.write_text(CONNECT)
    finding = Finding("b#1", "bandit", "auto add", rule="B507", path=str(code), lines=(6,))
    (item,) = triage([finding], [code])
    assert (item.codemod, item.verdict) == (CODEMOD, Verdict.REVIEW)


def test_a_service_that_loads_no_known_hosts_gets_advice_to_add_settings(tmp_path):
    """manila's SSHPool: its user's known_hosts is empty, and some hosts are VMs it has just
    booted, so loading it and rejecting the rest would refuse every connection."""
    (tmp_path / "requirements.txt").write_text("oslo.config>=9.0.0\nparamiko>=2.7.2\n")
    outcome = transform_source(
        CONNECT, [(CODEMOD, {})], allow_review=True, project=Project(root=str(tmp_path))
    )
    assert outcome.text == CONNECT
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert "strict_ssh_host_key_policy" in refusal.reason
    loading = CONNECT.replace(
        "    client.set_missing",
        "    client.load_host_keys(CONF.ssh_hosts_key_file)\n    client.set_missing",
    )
    loaded = transform_source(
        loading, [(CODEMOD, {})], allow_review=True, project=Project(root=str(tmp_path))
    )
    assert "set_missing_host_key_policy(paramiko.RejectPolicy())" in loaded.text


# cowrie 3.1.4's .github/scripts/advanced-honeypot-tests.py: the fingerprint workflow runs
# it against the honeypot the job has just started, with a host key no known_hosts holds.
HONEYPOT_TESTS = textwrap.dedent(
    """\
    import sys

    import paramiko


    class CowrieDetector:
        def __init__(self, host, port):
            self.host, self.port = host, port

        def test_ssh_login(self):
            client = paramiko.SSHClient()
            client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
            try:
                client.connect(self.host, port=self.port, username="root", password="root")
            except Exception:
                return -1
            return 1


    if __name__ == "__main__":
        print(CowrieDetector(sys.argv[1], int(sys.argv[2])).test_ssh_login())
    """
)


@pytest.mark.parametrize(
    "module_path",
    [
        ".github/scripts/advanced-honeypot-tests.py",  # a workflow's own script
        "scripts/advanced-honeypot-tests.py",  # a *-tests.py module with its test methods
        ".github/scripts/fingerprint.py",
    ],
)
def test_a_ci_test_harness_is_left_alone(module_path):
    outcome = transform_source(
        HONEYPOT_TESTS, [(CODEMOD, {})], allow_review=True, module_path=module_path
    )
    assert outcome.text == HONEYPOT_TESTS and not outcome.refusals


def test_a_module_named_for_tests_without_a_test_method_is_fixed():
    source = HONEYPOT_TESTS.replace("def test_ssh_login", "def login").replace(
        ".test_ssh_login()", ".login()"
    )
    outcome = transform_source(
        source, [(CODEMOD, {})], allow_review=True, module_path="scripts/honeypot-tests.py"
    )
    assert "RejectPolicy()" in outcome.text
