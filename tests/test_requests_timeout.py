"""requests-timeout: the rewritten call gives up on a server that never answers."""

from __future__ import annotations

import socket
import textwrap
import threading
import time
from pathlib import Path

import pytest

from cwemod.codemods import Applicability, LineRange, get_codemod
from cwemod.codemods.kit.project import Project, load_project
from cwemod.codemods.surveys import survey_of
from cwemod.engine import transform_source
from cwemod.engine.triage import triage
from cwemod.reports.model import Finding, Verdict

CODEMOD = "requests-timeout"
ROOT = Path(__file__).resolve().parent.parent / "before_after" / CODEMOD

FETCH = textwrap.dedent(
    """\
    import requests


    def fetch(url):
        return requests.get(url)
    """
)


def rewrite(text: str, **options: str):
    return transform_source(text, [(CODEMOD, options)], allow_review=True)


@pytest.fixture
def silent_server():
    """A server that accepts connections and never answers: the URL of it."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    accepted = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/"
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    listener.close()


def test_the_rewritten_call_raises_timeout_instead_of_hanging(silent_server):
    requests = pytest.importorskip("requests")
    outcome = rewrite(FETCH, timeout="0.5")
    assert "requests.get(url, timeout=0.5)" in outcome.text
    namespace: dict = {}
    exec(compile(outcome.text, "fetch.py", "exec"), namespace)
    started = time.monotonic()
    with pytest.raises(requests.Timeout):
        namespace["fetch"](silent_server)
    assert time.monotonic() - started < 10


SESSION_FETCH = textwrap.dedent(
    """\
    import requests


    def fetch(url):
        with requests.Session() as session:
            return session.get(url).status_code
    """
)


def test_a_session_the_code_makes_gets_the_timeout_and_stops_hanging(silent_server):
    """tqdm's senders: a stock requests.Session() has no timeout of its own."""
    requests = pytest.importorskip("requests")
    outcome = rewrite(SESSION_FETCH, timeout="0.5")
    assert "session.get(url, timeout=0.5)" in outcome.text
    namespace: dict = {}
    exec(compile(outcome.text, "fetch.py", "exec"), namespace)
    with pytest.raises(requests.Timeout):
        namespace["fetch"](silent_server)


@pytest.mark.parametrize(
    "adapter",
    [
        "class _TLSAdapter:\n    pass",
        "class _TLSAdapter(requests.adapters.BaseAdapter):\n    pass",
        "@wrapped\nclass _TLSAdapter(HTTPAdapter):\n    pass",
        "class _TLSAdapter(HTTPAdapter):\n    send = retried(HTTPAdapter.send)",
        "class _TLSAdapter(HTTPAdapter):\n    pass\n\n\n_TLSAdapter = wrapped(_TLSAdapter)",
        "class _Base(HTTPAdapter):\n    DEFAULT_TIMEOUT = 5\n\n\nclass _TLSAdapter(_Base):\n"
        "    pass",
    ],
)
def test_an_adapter_of_the_module_that_may_set_a_timeout_gets_advice(adapter):
    """awscurl's _TLSAdapter is requests' own but for its SSL context; these may not be."""
    source = (
        "import requests\nfrom requests.adapters import HTTPAdapter\n\n\n"
        f"{adapter}\n\n\ndef send(uri):\n    session = requests.Session()\n"
        "    session.mount('https://', _TLSAdapter())\n    return session.get(uri)\n"
    )
    outcome = rewrite(source)
    assert outcome.text == source
    (refusal,) = outcome.refusals
    assert "the session mounts _TLSAdapter, whose send() may set" in refusal.reason


def test_an_explicit_none_in_httpx_turns_its_default_off():
    """Why timeout=None written out is left to a person: httpx's 5 s default is off."""
    httpx = pytest.importorskip("httpx")
    source = "import httpx\n\n\ndef client():\n    return httpx.Client(timeout=None)\n"
    assert rewrite(source, timeout="7").text == source
    with httpx.Client(timeout=None) as client:
        assert client.timeout == httpx.Timeout(None)
    with httpx.Client() as client:
        assert client.timeout == httpx.Timeout(5)


def test_without_unsafe_the_fix_is_only_reported():
    outcome = transform_source(FETCH, [(CODEMOD, {})])
    assert outcome.text == FETCH
    (skipped,) = outcome.skipped_review
    assert skipped.applicability is Applicability.REVIEW
    assert "requests.Timeout after 60 s" in skipped.reason


@pytest.mark.parametrize("value", ["0", "-5", "soon", "inf", True])
def test_a_timeout_that_is_not_a_positive_number_is_an_input_error(value):
    with pytest.raises(ValueError, match="positive number of seconds"):
        get_codemod(CODEMOD).resolve_options({"timeout": value})


@pytest.mark.parametrize(("value", "written"), [(30, "30"), ("2.5", "2.5"), (45.0, "45")])
def test_the_timeout_option_is_written_as_a_number(value, written):
    outcome = rewrite(FETCH, timeout=value)
    assert f"requests.get(url, timeout={written})" in outcome.text


def test_a_bandit_b113_finding_is_triaged_to_this_codemod(tmp_path):
    code = tmp_path / "fetch.py"
    code.write_text(FETCH)
    finding = Finding("b#1", "bandit", "no timeout", rule="B113", path=str(code), lines=(5,))
    (item,) = triage([finding], [code])
    assert (item.codemod, item.verdict) == (CODEMOD, Verdict.REVIEW)


def test_with_a_report_only_the_call_it_points_at_changes():
    source = FETCH + "\n\ndef other(url):\n    return requests.post(url)\n"
    outcome = transform_source(
        source,
        [(CODEMOD, {})],
        allow_review=True,
        targets={CODEMOD: [LineRange(5, 5, "b#1")]},
    )
    assert "requests.get(url, timeout=60)" in outcome.text
    assert "requests.post(url)\n" in outcome.text
    assert [fix.findings for fix in outcome.fixes] == [("b#1",)]


def test_test_modules_are_left_alone():
    outcome = transform_source(
        FETCH, [(CODEMOD, {})], allow_review=True, module_path="pkg/tests/test_fetch.py"
    )
    assert outcome.text == FETCH and not outcome.fixes and not outcome.refusals


@pytest.mark.parametrize(
    "asserted",
    ["mock_get", "get_mock", "mocked_get", "mock_requests_get", "mock_request_get", "requests.get"],
)
def test_a_module_whose_tests_assert_the_call_arguments_is_advice(asserted):
    test_module = textwrap.dedent(
        """\
        from unittest import mock

        import requests

        from pkg import fetcher


        @mock.patch('requests.get')
        def test_fetch(mock_get):
            fetcher.fetch('u')
            mock_get.assert_called_once_with('u')
        """
    ).replace("mock_get.", f"{asserted}.")
    facts = survey_of(CODEMOD).run(
        [("pkg/tests/test_fetcher.py", test_module), ("pkg/fetcher.py", FETCH)]
    )
    assert "pkg.fetcher" in facts.asserted
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
    assert "timeout=60" in elsewhere.text


def test_a_test_asserting_another_mocks_arguments_does_not_count():
    """``mock_get_volume`` is not an HTTP call."""
    test_module = "from pkg import fetcher\n\nmock_get_volume.assert_called_once_with('u')\n"
    facts = survey_of(CODEMOD).run(
        [("pkg/tests/test_fetcher.py", "import requests\n" + test_module)]
    )
    assert "pkg.fetcher" not in facts.asserted


@pytest.mark.parametrize(
    ("header", "read"),
    [
        ("from pkg import service\n", True),
        ("from .. import (\n    service,  # the transport\n)\n", True),
        ("import pkg.service as service\n", True),
        ("import pkg.other\n", False),
        ("from pkg import other\n", False),
    ],
)
def test_a_test_that_names_no_http_library_counts_by_its_mocks_name(header, read):
    """oslo.vmware's test_service.py imports requests only for another test: without that
    import, ``transport.session.get.assert_called_once_with(...)`` still counts, its
    modules read off the text."""
    test_module = header + (
        "\ntransport = service.RequestsTransport()\n"
        "transport.session.get = mock.Mock()\n"
        "transport.session.get.assert_called_once_with(mock.sentinel.url, verify=False)\n"
    )
    survey = survey_of(CODEMOD)
    assert survey.wants(test_module)
    assert not survey.wants(test_module.replace(".get.", ".get_volume."))
    facts = survey.run([("pkg/tests/test_service.py", test_module)])
    assert facts.asserts("pkg.service", "requests.Session.get") is read
    assert not facts.asserts("pkg.service", "requests.Session.post")


_CLIENT = textwrap.dedent(
    """\
    import requests


    class Client(object):
        def __init__(self, url):
            self.url = url

        def request(self, method):
            return requests.request(method, self.url)

        def get(self):
            def post():
                pass
            return self.request('GET')
    """
)


@pytest.mark.parametrize(
    ("made", "replaced", "asserted"),
    [
        # manila's rest_client tests: the client's own request(), not requests'
        ("c = client.Client('u')\n", "c.request", False),
        ("self.c = client.Client(\n    'u')\n", "self.c.request", False),
        # not its own method: post() is a function inside get()
        ("c = client.Client('u')\n", "c.post", True),
        # an attribute of it (oslo.vmware's transport.session.get), or the mock's name
        ("c = client.Client('u')\n", "c.session.request", True),
        ("c = client.Client('u')\n", "mock_request", True),
        # made of another class too, or not by a call
        ("c = client.Client('u')\nc = other.Session('u')\n", "c.request", True),
        ("c = client.Client('u')\nc = make_client\n", "c.request", True),
        ("c = other.Other('u')\n", "c.request", True),
    ],
)
def test_a_mock_replacing_the_projects_own_method_is_not_requests(made, replaced, asserted):
    """manila 23.0.1's test_rest_client.py asserts ``self.client.request.assert_called_once_with(
    ...)`` after ``self.client.request = mock.Mock(...)``: HpeAlletraRestClient.request(), the
    client's own method, whose requests.request() call its tests assert nothing exact of."""
    test_module = (
        "from unittest import mock\n\nfrom pkg import client\n\n"
        f"{made}{replaced} = mock.Mock()\n{replaced}.assert_called_once_with('GET')\n"
    )
    facts = survey_of(CODEMOD).run(
        [("pkg/tests/test_client.py", test_module), ("pkg/client.py", _CLIENT)]
    )
    verb = replaced.rpartition(".")[2].removeprefix("mock_")
    assert facts.asserts("pkg.client", f"requests.{verb}") is asserted


@pytest.mark.parametrize(
    ("test", "given_first", "advice"),
    [
        ("self.timeout", True, "(`self.timeout` is false, line 10)"),
        ("self.timeout is not None", True, "(`self.timeout is not None` is false, line 10)"),
        ("not self.timeout", False, "(`not self.timeout` is true, line 10)"),
        ("self.timeout is None", False, "(`self.timeout is None` is true, line 10)"),
        # the else runs where either is false: the setting advice, not this
        ("self.url and self.timeout", True, None),
    ],
)
def test_a_timeout_passed_only_where_set(test, given_first, advice):
    """manila 23.0.1's HPE Alletra rest client passes ``timeout=self.timeout`` under ``if
    self.timeout:``, never None: no advice there; the call of the else branch waits forever
    where it is unset, None by default."""
    given = "requests.request(method, self.url, timeout=self.timeout)"
    bare = "requests.request(method, self.url)"
    first, second = (given, bare) if given_first else (bare, given)
    source = textwrap.dedent(
        f"""\
        import requests


        class Client(object):
            def __init__(self, url, timeout=None):
                self.url = url
                self.timeout = timeout

            def request(self, method):
                if {test}:
                    return {first}
                else:
                    return {second}
        """
    )
    outcome = rewrite(source)
    reasons = {refusal.line: refusal.reason for refusal in outcome.refusals}
    given_line = 11 if given_first else 13
    assert given_line not in reasons
    assert outcome.text == source
    if advice is None:
        assert "is unset" not in reasons[24 - given_line]
        return
    assert reasons == {
        24 - given_line: f"the call runs where self.timeout is unset {advice}, None by default"
        " (__init__()'s timeout=None), and the call then waits forever: give __init__()'s"
        " timeout a number by default"
    }


def test_a_call_where_another_setting_is_unset_is_no_timeouts_business():
    """``if not self.proxy:``: the branch says nothing of a timeout."""
    source = textwrap.dedent(
        """\
        import requests


        class Client(object):
            def __init__(self, url, proxy=None):
                self.url = url
                self.proxy = proxy

            def get(self):
                if not self.proxy:
                    return requests.get(self.url)
                return requests.get(self.url, proxies={'https': self.proxy}, timeout=5)
        """
    )
    assert "requests.get(self.url, timeout=" in rewrite(source).text


def test_a_package_whose_tests_assert_the_call_arguments_is_advice():
    # The test imports the package: its calls are in pkg/fetcher/__init__.py.
    test_module = textwrap.dedent(
        """\
        from unittest import mock

        from pkg import fetcher


        @mock.patch('requests.get')
        def test_fetch(mock_get):
            fetcher.fetch('u')
            mock_get.assert_called_once_with('u')
        """
    )
    package = "pkg/fetcher/__init__.py"
    facts = survey_of(CODEMOD).run([("pkg/tests/test_fetcher.py", test_module), (package, FETCH)])
    project = Project(facts={CODEMOD: facts})
    outcome = transform_source(
        FETCH, [(CODEMOD, {})], allow_review=True, project=project, module_path=package
    )
    assert outcome.text == FETCH
    (refusal,) = outcome.refusals
    assert "tests assert the exact arguments" in refusal.reason


MANAGER = textwrap.dedent(
    """\
    import requests


    class BackupManager:
        def create(self, url, doc):
            return requests.post(url, data=doc)

        def get(self, url):
            return requests.get(url)
    """
)


@pytest.mark.parametrize(
    ("asserted", "refused"),
    [
        ("mock_requests.get", "requests.get(url)"),
        ("mock_get", "requests.get(url)"),
        ("mock_requests.post", "requests.post(url, data=doc)"),
        # requests' every verb calls request(): a test asserting it may assert any call
        ("mock_request", None),
        ("mock_requests.request", None),
    ],
)
def test_only_the_asserted_http_function_is_advice(asserted, refused):
    """python-freezerclient's test_client_backups.py asserts only
    ``mock_requests.get.assert_called_with(...)`` of its mock of the module's requests:
    adding timeout= to its manager's requests.post(...) breaks no test."""
    test_module = textwrap.dedent(
        """\
        from unittest import mock

        from pkg.managers import backups


        @mock.patch('pkg.managers.backups.requests')
        def test_get(mock_requests):
            backups.BackupManager().get('u')
            mock_requests.get.assert_called_with('u')
        """
    ).replace("mock_requests.get.", f"{asserted}.")
    path = "pkg/managers/backups.py"
    facts = survey_of(CODEMOD).run([("pkg/tests/test_backups.py", test_module), (path, MANAGER)])
    project = Project(facts={CODEMOD: facts})
    outcome = transform_source(
        MANAGER, [(CODEMOD, {})], allow_review=True, project=project, module_path=path
    )
    reasons = [refusal.reason for refusal in outcome.refusals]
    assert len(reasons) == (1 if refused else 2)
    assert all("tests assert the exact arguments" in reason for reason in reasons)
    for call in ("requests.post(url, data=doc)", "requests.get(url)"):
        fixed = call.replace(")", ", timeout=60)")
        assert (call if refused in (call, None) else fixed) in outcome.text


NOTIFIER = textwrap.dedent(
    """\
    import requests


    class RestAlarmNotifier:
        def notify(self, action, body, headers):
            kwargs = {'data': body,
                      'headers': headers}
            session = requests.Session()
            resp = session.post(action, **kwargs)
            return resp.status_code

        def probe(self, action):
            return requests.get(action)
    """
)
# The test's imports and class; each case below is its method, indented.
NOTIFIER_TEST = """\
from unittest import mock
from unittest.mock import patch

import requests

from pkg.tests import base


class TestRestNotifier(base.TestCase):
"""
_NOTIFIED = "self.notify('http://host/action')\n"
_ASSERTED = "poster.assert_called_with('http://host/action', data=mock.ANY, headers=mock.ANY)\n"


@pytest.mark.parametrize(
    ("method", "asserted"),
    [
        # aodh's test_notifier.py: the verb is the patched attribute's, not the mock's name
        (
            "@mock.patch('pkg.notifier.rest.LOG')\ndef test_ok(self, m_log):\n"
            "    with mock.patch.object(requests.Session, 'post') as poster:\n"
            f"        {_NOTIFIED}        {_ASSERTED}",
            True,
        ),
        # decorators hand their mocks to the parameters bottom-up
        (
            "@mock.patch('pkg.notifier.rest.LOG')\n@mock.patch.object(requests.Session, 'post')\n"
            f"def test_ok(self, poster, m_log):\n    {_NOTIFIED}    {_ASSERTED}",
            True,
        ),
        (
            "@patch('pkg.notifier.rest.requests.post')\ndef test_ok(self, poster):\n"
            f"    {_NOTIFIED}    {_ASSERTED}",
            True,
        ),
        (
            "def test_ok(self):\n    with patch.object(requests, 'post') as poster, "
            f"patch('pkg.notifier.rest.LOG'):\n        {_NOTIFIED}        {_ASSERTED}",
            True,
        ),
        (
            "def setUp(self):\n"
            "    self.poster = mock.patch('pkg.notifier.rest.requests.Session.post').start()\n\n"
            "def test_ok(self):\n"
            f"    {_NOTIFIED}    self.{_ASSERTED}",
            True,
        ),
        # LOG's mock is m_log, the second parameter: no test asserts the post's arguments
        (
            "@mock.patch.object(requests.Session, 'post')\n@mock.patch('pkg.notifier.rest.LOG')\n"
            f"def test_ok(self, m_log, poster):\n    {_NOTIFIED}"
            "    m_log.assert_called_with('x')\n",
            False,
        ),
        # a patch given its replacement passes no mock: m_log is LOG's
        (
            "@mock.patch('pkg.notifier.rest.LOG')\n"
            "@mock.patch.object(requests.Session, 'post', lambda *a, **k: None)\n"
            f"def test_ok(self, m_log):\n    {_NOTIFIED}    m_log.assert_called_with('x')\n",
            False,
        ),
        (
            "def test_ok(self):\n"
            "    with mock.patch.object(requests.Session, 'post') as poster:\n"
            f"        {_NOTIFIED}        self.assertTrue(poster.called)\n"
            "    with mock.patch('pkg.notifier.rest.LOG') as poster:\n"
            "        poster.assert_called_with('x')\n",
            False,
        ),
    ],
)
def test_a_mock_named_by_what_it_patches_is_asserted(method, asserted):
    """aodh's test_notifier.py patches ``requests.Session.post`` as ``poster`` and asserts
    ``poster.assert_called_with(action, data=mock.ANY, headers=mock.ANY)``: a timeout added
    to rest.py's ``session.post(action.geturl(), **kwargs)`` breaks all eight of them."""
    test_module = NOTIFIER_TEST + textwrap.indent(method, "    ")
    path = "pkg/notifier/rest.py"
    facts = survey_of(CODEMOD).run([("pkg/tests/test_notifier.py", test_module), (path, NOTIFIER)])
    project = Project(facts={CODEMOD: facts}, oldest_python=(3, 9))
    outcome = transform_source(
        NOTIFIER, [(CODEMOD, {})], allow_review=True, project=project, module_path=path
    )
    assert "requests.get(action, timeout=60)" in outcome.text
    if not asserted:
        assert "session.post(action, **kwargs, timeout=60)" in outcome.text
        return
    assert "session.post(action, **kwargs)\n" in outcome.text
    (refusal,) = outcome.refusals
    assert "tests assert the exact arguments" in refusal.reason
    # the dict the call unpacks takes it, as the module's other arguments
    assert "add 'timeout': 60 to kwargs where it is made, and timeout=60 to" in refusal.reason


def test_a_class_patch_hands_each_test_method_its_mock_after_the_methods_own():
    test_module = textwrap.dedent(
        """\
        import unittest.mock

        import requests


        @unittest.mock.patch.object(requests.Session, 'post')
        @unittest.mock.patch.object(requests.Session, 'get')
        class TestRest(unittest.TestCase):
            @unittest.mock.patch('pkg.notifier.rest.LOG')
            def test_ok(self, m_log, getter, poster):
                poster.assert_called_once_with('u')

            def helper(self, poster):
                poster.assert_called_once_with('u')
        """
    )
    facts = survey_of(CODEMOD).run([("pkg/tests/test_notifier.py", test_module)])
    assert facts.asserted["pkg.notifier.rest"] == {"post"}


def test_kwargs_come_before_the_asserting_tests():
    # cinderclient: the asserting tests' advice, "add timeout=60 to the call", would pass
    # timeout twice where **kwargs was given one: a TypeError on every request.
    fetch = textwrap.dedent(
        """\
        import requests


        def fetch(url, timeout=None, **kwargs):
            if timeout:
                kwargs.setdefault('timeout', timeout)
            return requests.get(url, **kwargs)
        """
    )
    test_module = "from pkg import fetcher\n\nmock_get.assert_called_once_with('u')\n"
    facts = survey_of(CODEMOD).run(
        [
            ("pkg/tests/test_fetcher.py", "import requests\n" + test_module),
            ("pkg/fetcher.py", fetch),
        ]
    )
    assert "pkg.fetcher" in facts.asserted
    outcome = transform_source(
        fetch,
        [(CODEMOD, {})],
        allow_review=True,
        project=Project(facts={CODEMOD: facts}),
        module_path="pkg/fetcher.py",
    )
    (refusal,) = outcome.refusals
    assert refusal.reason.startswith("the call's **kwargs is given a timeout before it")


SAML = "import requests\n\n\ndef fetch(url):\n    return requests.get(url, timeout=10).text\n"
ONEDRIVE = (
    "import requests\n\nfrom pkg import config\n\n\nclass Backend:\n"
    "    def put(self, url, data):\n"
    "        self.session.put(url, data=data, timeout=config.timeout)\n"
)


def _in_project(sources, source=FETCH, **options):
    facts = survey_of(CODEMOD).run(sources)
    return transform_source(
        source,
        [(CODEMOD, options)],
        allow_review=True,
        project=Project(facts={CODEMOD: facts}),
        module_path="pkg/fetcher.py",
    )


def test_a_new_timeout_is_the_number_the_projects_calls_share():
    """cinder's four modules pass timeout=30: 30, not 60."""
    shared = [("pkg/saml.py", SAML), ("pkg/idp.py", SAML)]
    outcome = _in_project(shared)
    assert "requests.get(url, timeout=10)" in outcome.text
    assert "after 10 s" in outcome.fixes[0].reason
    assert "timeout=7)" in _in_project(shared, timeout=7).text


def test_the_modules_own_number_comes_before_the_projects():
    """aim's transport client passes timeout=10 throughout: its 10, said so; an option's
    number still rules."""
    own = FETCH + "\n\ndef probe(url):\n    return requests.get(url, timeout=30)\n"
    outcome = _in_project([("pkg/saml.py", SAML), ("pkg/idp.py", SAML)], own)
    assert "return requests.get(url, timeout=30)\n\n\ndef probe" in outcome.text
    assert "after 30 s (the module's other HTTP calls' timeout)" in outcome.fixes[0].reason
    assert "return requests.get(url, timeout=7)\n" in _in_project([], own, timeout=7).text


def test_the_functions_own_number_comes_before_the_modules():
    """Where the module's calls give two numbers, those of the call's function still say."""
    source = (
        "import requests\n\n\ndef probe(url):\n    return requests.head(url, timeout=3)\n\n\n"
        "def fetch(url):\n    requests.head(url, timeout=30)\n    return requests.get(url)\n"
    )
    outcome = _in_project([], source)
    assert "return requests.get(url, timeout=30)" in outcome.text
    assert "after 30 s (its function's HTTP calls' timeout)" in outcome.fixes[0].reason


def test_one_modules_number_is_no_rule_of_the_project():
    """sopel: its translation API's timeout=40, in one module of three that pass one."""
    assert "requests.get(url, timeout=60)" in _in_project([("pkg/saml.py", SAML)]).text


def test_a_setting_the_projects_calls_share_gets_advice():
    """duplicity's backends pass timeout=config.timeout, its --timeout option."""
    fetch = FETCH.replace("import requests\n", "import requests\n\nfrom pkg import config\n")
    backends = [("pkg/onedrive.py", ONEDRIVE), ("pkg/slate.py", ONEDRIVE)]
    outcome = _in_project(backends, fetch)
    assert outcome.text == fetch
    [refusal] = outcome.refusals
    assert "other HTTP calls pass timeout=config.timeout" in refusal.reason
    # soco's examples import no config: the library's setting is not theirs
    assert "requests.get(url, timeout=60)" in _in_project(backends).text


ADAL_TOKEN_CLIENT = """\
import requests


class OAuth2Client(object):
    def __init__(self, call_context):
        self._call_context = call_context

    def get_token(self, url, body):
        return requests.post(url, data=body,
                             proxies=self._call_context.get('proxies', None),
                             timeout=self._call_context.get('timeout', None))
"""
ADAL_USER_REALM = """\
import requests


class UserRealm(object):
    def __init__(self, call_context):
        self._call_context = call_context

    def discover(self, url):
        proxies = self._call_context.get('proxies', None)
        return requests.get(url, proxies=proxies)


def probe(url):
    return requests.get(url)
"""


def test_a_setting_read_through_the_instance_that_the_projects_calls_share_gets_advice():
    """adal's oauth2_client.py and wstrust_request.py pass the user's timeout as
    self._call_context.get('timeout', None); user_realm.py has that object at hand."""
    clients = [("pkg/oauth2_client.py", ADAL_TOKEN_CLIENT), ("pkg/wstrust.py", ADAL_TOKEN_CLIENT)]
    outcome = _in_project(clients, ADAL_USER_REALM)
    [refusal] = outcome.refusals
    assert refusal.reason.startswith(
        "the project's other HTTP calls pass timeout=self._call_context.get('timeout', None)"
    )
    assert "give it a number by default" in refusal.reason
    # probe() has no self, and one module's reading is no rule of the project's
    assert "def probe(url):\n    return requests.get(url, timeout=60)" in outcome.text
    lone = _in_project(clients[:1], ADAL_USER_REALM)
    assert "requests.get(url, proxies=proxies, timeout=60)" in lone.text
    # a class that does not keep the object has no such setting at hand
    other = ADAL_USER_REALM.replace("_call_context", "_context")
    assert "requests.get(url, proxies=proxies, timeout=60)" in _in_project(clients, other).text


# arjun 2.2.7: requester.py passes the user's -T on all its calls, utils.py one call 10.
ARJUN_REQUESTER = """\
import requests

import pkg.core.config as mem


def requester(url, payload):
    return requests.get(url, params=payload, timeout=mem.var['timeout'])
"""
ARJUN_EXPORTER = """\
import requests

import pkg.core.config as mem


def burp_export(result):
    proxies = {'http': 'http://' + mem.var['burp_proxy']}
    for url, data in result.items():
        requests.get(url, proxies=proxies, verify=False)
"""


def test_a_setting_of_a_module_this_module_imports_too_gets_advice():
    """arjun's exporter.py imports arjun.core.config as mem, whose var['timeout'] (its -T)
    requester.py passes; utils.py's one 10 makes no rule, and neither did the one module's
    setting: the fix wrote 60 s into calls sent through a Burp proxy."""
    others = [("pkg/core/requester.py", ARJUN_REQUESTER), ("pkg/core/utils.py", SAML)]
    outcome = _in_project(others, ARJUN_EXPORTER)
    assert outcome.text == ARJUN_EXPORTER
    [refusal] = outcome.refusals
    assert refusal.reason.startswith(
        "pkg/core/requester.py's HTTP calls pass timeout=mem.var['timeout'], a setting of"
        " pkg.core.config, which this module imports too: pass that by hand"
    )
    # another module bound to the same name, or the name of a module outside the project
    for other in ("import pkg.core.memory as mem", "from pkg.core import config as mem"):
        exporter = ARJUN_EXPORTER.replace("import pkg.core.config as mem", other)
        expected = "from pkg.core import config as mem" in exporter
        assert (_in_project(others, exporter).text == exporter) is expected
    outside = [(path, text.replace("pkg.core", "other")) for path, text in others]
    exporter = ARJUN_EXPORTER.replace("pkg.core", "other")
    assert "verify=False, timeout=60)" in _in_project(outside, exporter).text


@pytest.mark.parametrize(
    "sources",
    [
        [("pkg/saml.py", SAML), ("pkg/idp.py", SAML.replace("=10", "=20"))],  # a tie
        [("pkg/tests/test_saml.py", SAML)],  # tests keep their own
        [("pkg/local.py", SAML.replace("timeout=10", "timeout=self.timeout"))],
        # a local mapping's setting, read by two modules, is each one's own
        [(f"pkg/{name}.py", SAML.replace("=10", "=params.get('timeout', 5)")) for name in "ab"],
        [("pkg/one.py", SAML.replace("timeout=10", "timeout=TIMEOUT"))],  # one module's
        # jira's one version check passes 2.001: a number's point makes no setting of it
        [("pkg/version.py", SAML.replace("timeout=10", "timeout=2.001"))],
    ],
)
def test_without_a_shared_timeout_the_fix_writes_60(sources):
    assert "timeout=60" in _in_project(sources).text


PRETIX_PATCH = """\
from requests.adapters import HTTPAdapter


def monkeypatch_requests_timeout():
    old_send = HTTPAdapter.send

    def send(self, request, timeout=None, **kwargs):
        return old_send(self, request, timeout=30 if timeout is None else timeout, **kwargs)

    HTTPAdapter.send = send
"""


def test_a_project_that_patches_the_adapters_send_gives_its_calls_a_timeout():
    """pretix's monkeypatch_requests_timeout(), run when its apps are ready."""
    outcome = _in_project([("pkg/monkeypatching.py", PRETIX_PATCH)])
    assert outcome.text == FETCH
    [refusal] = outcome.refusals
    assert refusal.reason.startswith("pkg/monkeypatching.py replaces requests' HTTPAdapter.send")
    compared = PRETIX_PATCH.replace("HTTPAdapter.send = send", "assert HTTPAdapter.send == send")
    assert "timeout=60" in _in_project([("pkg/monkeypatching.py", compared)]).text


OSPROFILER_PATCH = """\
from requests.adapters import HTTPAdapter

_FUNC = HTTPAdapter.send


def send(self, request, *args, **kwargs):
    profiler.start("http", info={"url": request.url})
    response = _FUNC(self, request, *args, **kwargs)
    profiler.stop()
    return response


def enable():
    HTTPAdapter.send = send
"""


def test_a_patched_send_that_mentions_no_timeout_gives_the_calls_none():
    """osprofiler's requests.py replaces HTTPAdapter.send to profile each request, handing
    on its arguments as they are: the calls still wait forever."""
    outcome = _in_project([("pkg/requests.py", OSPROFILER_PATCH)])
    assert "timeout=60" in outcome.text


def test_a_fix_in_a_coroutine_says_it_blocks_the_event_loop():
    """jupyterhub-nativeauthenticator's SignUpHandler.post() posts with requests: the fix
    stays, and its reason says the loop waits as long as the timeout."""
    source = (ROOT / "blocking_call_in_a_coroutine.before.py").read_text(encoding="utf-8")
    reason = rewrite(source).fixes[0].reason
    assert "async def post() runs it on the event loop, which it blocks for up to 60 s" in reason
    assert "an async client" in reason
    assert "event loop" not in rewrite(FETCH).fixes[0].reason


def test_a_fix_that_passes_the_functions_own_timeout_says_so():
    """pyexchange's send(..., timeout=30) drops its timeout: the call is given it."""
    source = (ROOT / "timeout_parameter_dropped.before.py").read_text(encoding="utf-8")
    reasons = [fix.reason for fix in rewrite(source).fixes]
    assert "dropping the timeout parameter of the function around it" in reasons[0]
    assert "dropping the read_timeout parameter" in reasons[2]


# pulpcore 3.123.1's pulpcore/pytest_plugin.py: fixtures its plugins' suites share, which
# pytest loads through [project.entry-points."pytest11"], and only into test sessions.
PULP_PLUGIN = textwrap.dedent(
    """\
    import pytest
    import requests


    @pytest.fixture(scope="session")
    def pulp_openapi_schema(bindings_cfg):
        return requests.get(bindings_cfg.host + "/pulp/api/v3/docs/api.json").json()
    """
)


@pytest.mark.parametrize("report", [False, True])
def test_a_module_named_by_a_pytest11_entry_point_is_test_code(tmp_path, report):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "pulpcore"\n\n'
        '[project.entry-points."pytest11"]\npulpcore = "pulpcore.pytest_plugin"\n'
    )
    project = load_project(tmp_path)
    targets = {CODEMOD: [LineRange(7, 7, "b#1")]} if report else None

    def outcome(module_path):
        return transform_source(
            PULP_PLUGIN,
            [(CODEMOD, {})],
            allow_review=True,
            project=project,
            module_path=module_path,
            targets=targets,
        )

    assert outcome("pulpcore/pytest_plugin.py").text == PULP_PLUGIN
    assert "timeout=60" in outcome("pulpcore/app/schema.py").text
