"""ssh-host-key-policy: the rewritten client refuses a host it does not know."""

from __future__ import annotations

import socket
import textwrap
import threading

import pytest

from cwemod.codemods import RefusalKind
from cwemod.codemods.kit.project import Project
from cwemod.engine import FixRequest, plan, transform_source
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
    own = CONNECT.replace(
        "    client.set_missing", "    client.load_system_host_keys()\n    client.set_missing"
    )
    kept = transform_source(
        own, [(CODEMOD, {})], allow_review=True, project=Project(root=str(tmp_path))
    )
    assert kept.text == own
    assert "loads only its user's own known_hosts" in kept.refusals[0].reason
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


# proxmoxer 2.3.0: tests/test_paramiko.py imports the backend and asserts the policy it sets.
BACKEND = textwrap.dedent(
    """\
    import paramiko


    class SshParamikoSession:
        def _connect(self):
            ssh_client = paramiko.SSHClient()
            ssh_client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
            ssh_client.connect(self.host, username=self.user, port=self.port)
            return ssh_client
    """
)
BACKEND_TEST = textwrap.dedent(
    """\
    from proxmoxer.backends import ssh_paramiko


    def test_connect_basic(mock_ssh_client):
        import paramiko

        sess = ssh_paramiko.SshParamikoSession("host", "user", password="password", port=1234)
        policy_call_args, _ = sess.ssh_client.set_missing_host_key_policy.call_args_list[0]
        assert isinstance(policy_call_args[0], paramiko.AutoAddPolicy)


    def test_connect_key_file(mock_ssh_client):
        import paramiko

        sess = ssh_paramiko.SshParamikoSession("host", "user", private_key_file="/tmp/key")
        policy_call_args, _ = sess.ssh_client.set_missing_host_key_policy.call_args_list[0]
        assert isinstance(
            policy_call_args[0], paramiko.AutoAddPolicy
        )
    """
)
# Fabric 3: tests/connection.py patches the name fabric/connection.py imports.
FABRIC_TEST = textwrap.dedent(
    """\
    from unittest.mock import Mock, patch

    from fabric import Connection


    class initializes_client:
        @patch("fabric.connection.AutoAddPolicy")
        def sets_missing_host_key_policy(self, Policy, client):
            sentinel = Mock()
            Policy.return_value = sentinel
            Connection("host")
            client.set_missing_host_key_policy.assert_called_once_with(sentinel)
    """
)


def fixed_in(root, module: str):
    """The fix recorded in the module at ``module`` of the project at ``root``."""
    (root / "pyproject.toml").write_text("[project]\nname = 'p'\n")
    request = FixRequest([root], [(CODEMOD, {})], allow_review=True, jobs=1)
    [result] = [result for result in plan(request) if result.path == root / module]
    [fix] = result.fixes
    return result, fix


def project_files(root, files: dict[str, str]) -> None:
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text)


def test_the_reason_names_the_tests_that_assert_the_policy_replaced(tmp_path):
    """proxmoxer's tests assert isinstance(..., paramiko.AutoAddPolicy): the fix stays, and
    its reason says which must change with it (3 of its tests failed with the patch)."""
    module = "proxmoxer/backends/ssh_paramiko.py"
    project_files(
        tmp_path,
        {
            "proxmoxer/__init__.py": "",
            "proxmoxer/backends/__init__.py": "",
            module: BACKEND,
            "tests/test_paramiko.py": BACKEND_TEST,
        },
    )
    result, fix = fixed_in(tmp_path, module)
    assert "paramiko.RejectPolicy()" in result.new_text
    assert fix.reason.endswith(
        "; tests/test_paramiko.py asserts AutoAddPolicy (lines 9, 17): change them with it"
    )


def test_the_reason_names_a_test_that_patches_the_policy_the_module_imports(tmp_path):
    module = "fabric/connection.py"
    imported = BACKEND.replace("import paramiko\n", "from paramiko.client import AutoAddPolicy\n")
    imported = imported.replace("paramiko.AutoAddPolicy()", "AutoAddPolicy()")
    imported = imported.replace("paramiko.SSHClient()", "SSHClient()")
    imported = imported.replace("AutoAddPolicy\n", "AutoAddPolicy, SSHClient\n", 1)
    project_files(
        tmp_path,
        {"fabric/__init__.py": "", module: imported, "tests/connection.py": FABRIC_TEST},
    )
    _, fix = fixed_in(tmp_path, module)
    assert fix.reason.endswith(
        "; tests/connection.py patches AutoAddPolicy (line 7): change it with it"
    )


@pytest.mark.parametrize(
    ("test_path", "test_text"),
    [
        # a test of another module
        ("tests/test_other.py", BACKEND_TEST.replace("ssh_paramiko", "other")),
        # a test that names the module but only sets the policy itself
        ("tests/test_own.py", BACKEND_TEST.replace("assert isinstance(", "print(")),
        # a test asserting the policy the fix does not replace
        ("tests/test_paramiko.py", BACKEND_TEST.replace("AutoAddPolicy", "WarningPolicy")),
        # not a test module
        ("proxmoxer/check.py", BACKEND_TEST),
    ],
)
def test_the_reason_names_no_test_that_does_not_tie_to_the_policy_replaced(
    tmp_path, test_path, test_text
):
    module = "proxmoxer/backends/ssh_paramiko.py"
    project_files(
        tmp_path,
        {
            "proxmoxer/__init__.py": "",
            "proxmoxer/backends/__init__.py": "",
            "proxmoxer/other.py": "",
            module: BACKEND,
            test_path: test_text,
        },
    )
    _, fix = fixed_in(tmp_path, module)
    assert "tests" not in fix.reason and "change" not in fix.reason


def test_the_survey_reads_each_way_a_test_pins_the_policy():
    from cwemod.codemods._ssh_survey import summarise

    text = textwrap.dedent(
        """\
        from unittest import mock

        from ..backends import ssh_paramiko


        class T(unittest.TestCase):
            def test_it(self):
                self.assertIsInstance(policy, paramiko.WarningPolicy)
                policy_mock.assert_called_once_with(paramiko.AutoAddPolicy)
                with mock.patch.object(ssh_paramiko.paramiko, "AutoAddPolicy"):
                    pass
                monkeypatch.setattr("pkg.ssh.AutoAddPolicy", Fake)
                client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
                log("uses paramiko.AutoAddPolicy")
        """
    )
    named, found, _ = summarise("pkg/tests/test_ssh.py", text)
    assert found == (
        ("AutoAddPolicy", "asserts", 9),
        ("AutoAddPolicy", "patches", 10),
        ("AutoAddPolicy", "patches", 12),
        ("WarningPolicy", "asserts", 8),
    )
    assert {"pkg.backends.ssh_paramiko", "pkg.ssh"} <= named
    assert summarise("pkg/ssh.py", text) == (frozenset(), (), ())


def test_the_survey_finds_where_the_project_records_host_keys_on_first_use():
    """Zuul's merger: AutoAddPolicy on a client that loads a file paramiko saves new keys to,
    or that saves them itself; not one that only loads the user's own, nor one in a test."""
    from cwemod.codemods._ssh_survey import summarise

    text = textwrap.dedent(
        """\
        import paramiko


        def record(path, host):
            client = paramiko.SSHClient()
            client.load_host_keys(path)
            client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
            client.connect(host)


        def save(host):
            client = paramiko.SSHClient()
            client.set_missing_host_key_policy(paramiko.AutoAddPolicy)
            client.connect(host)
            client.save_host_keys(filename=KNOWN_HOSTS)


        def trust(host):
            client = paramiko.SSHClient()
            other.load_host_keys(path)
            client.load_system_host_keys()
            client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
            client.connect(host)
        """
    )
    assert summarise("pkg/merger.py", text) == (frozenset(), (), (7, 13))
    assert summarise("pkg/tests/test_merger.py", text)[2] == ()
