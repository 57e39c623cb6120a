"""kit.project: which modules are test code, and which folders are the top of a project."""

from __future__ import annotations

import pytest

from cwemod.codemods.kit.project import (
    absolute_name,
    dotted_module,
    is_test_module,
    load_project,
)
from cwemod.codemods.kit.roots import is_root


@pytest.mark.parametrize(
    "path",
    [
        "neutron/tests/unit/test_x.py",
        "swift/test/unit/common/helpers.py",
        "functionaltests/cli/v1/behaviors/secret_behaviors.py",  # python-barbicanclient
        "pkg/unit_tests/base.py",
        "pkg/integrationtests/base.py",
        "pkg/utils/test_utils.py",
        "pkg/agent_test.py",
        "conftest.py",
        "mistraldashboard/actions/tests.py",  # a Django app's, a Horizon panel's tests
        "tempest/lib/common/ssh.py",  # Tempest and its plugins are test suites
        "heat_tempest_plugin/common/remote_client.py",
        "mycli_test/utils.py",  # a test package beside the project's own
        "testing/connectiontest.py",  # rdiff-backup's suite, at the top
        "t/unit/bin/proj/daemon_config.py",  # celery's
        "selftests/functional/fetch_asset.py",  # avocado's
        "test-tools/twisted-localserver.py",  # mechanize's local test servers
        "bioblend/_tests/TestGalaxyJobs.py",  # a private test package
        "src/borg/testsuite/helpers.py",  # borgbackup's tests, shipped inside its package
        "pkg/test_suite/base.py",
        ".github/scripts/advanced-honeypot-tests.py",  # cowrie's: CI tooling, not the product
        ".gitlab/ci/check_links.py",
        ".circleci/fetch_doc_logs.py",
        "rally-jobs/plugins/vpn_utils.py",  # neutron-vpnaas's gate plugins: CI tooling
        "rally-scenarios/plugins/vpn_base.py",  # the folder's old name
        "pkg/smoke_tests.py",
        "scripts/advanced-honeypot-tests.py",
    ],
)
def test_test_code(path):
    assert is_test_module(path)


@pytest.mark.parametrize(
    "path",
    [
        "pkg/contests/base.py",
        "pkg/testing/fixtures.py",
        "pkg/t/helpers.py",  # only a top-level t/ is a suite
        "anymail/backends/test.py",  # an e-mail backend for the projects' own tests: shipped
        "pkg/requests.py",
        "pkg/speed_test/runner.py",  # a test package is one at the top
        "tempest.py",
        "pkg/tempest_plugin.py",
        "pkg/.github/helper.py",  # only a top-level .github/ is the repository's CI
        "rally/rally-jobs/plugins/base.py",  # only a top-level rally-jobs/ is the gate's
        "pkg/contests.py",
    ],
)
def test_not_test_code(path):
    assert not is_test_module(path)


def test_a_packages_own_setup_module_marks_no_project(tmp_path):
    # kiwi's kiwi/system/setup.py: the module paths below kiwi/ stay kiwi's.
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = kiwi\n")
    package = tmp_path / "kiwi" / "system"
    package.mkdir(parents=True)
    for name in ("__init__.py", "setup.py", "uri.py"):
        (package / name).write_text("")
    assert is_root(tmp_path) and not is_root(package)
    (tmp_path / "setup.py").write_text("")
    (tmp_path / "__init__.py").write_text("")
    assert is_root(tmp_path)  # setup.cfg says so, whatever else is there
    (package / "tox.ini").write_text("[tox]\n")
    assert is_root(package)


@pytest.mark.parametrize("marker", [".flake8", ".git"])
def test_a_packages_own_linter_setting_marks_no_project(tmp_path, marker):
    # archivebox's archivebox/.flake8: its requirements are in the pyproject.toml above
    (tmp_path / "pyproject.toml").write_text("[project]\nname = archivebox\n")
    package = tmp_path / "archivebox"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / marker).write_text("")
    assert is_root(tmp_path) and not is_root(package)


def test_a_plugins_setup_module_inside_a_package_marks_no_project(tmp_path):
    # deluge's deluge/plugins/Execute/setup.py, beside deluge_execute/: deluge's Python
    plugins = tmp_path / "deluge" / "plugins"
    (plugins / "Execute").mkdir(parents=True)
    (plugins / "__init__.py").write_text("")
    (plugins / "Execute" / "setup.py").write_text("")
    assert not is_root(plugins / "Execute")


def test_a_vendored_checkout_marks_no_project(tmp_path):
    # archivebox's vendor/pocket: a submodule's .git pointer, and a setup.py of its own
    vendored = tmp_path / "archivebox" / "vendor" / "pocket"
    vendored.mkdir(parents=True)
    (vendored / ".git").write_text("gitdir: ../../../.git/modules/pocket\n")
    (vendored / "setup.py").write_text("")
    assert not is_root(vendored)


@pytest.mark.parametrize(
    ("path", "dotted"),
    [
        ("pkg/mod.py", "pkg.mod"),
        ("pkg/__init__.py", "pkg"),
        ("src/exabgp/logger/__init__.py", "exabgp.logger"),  # src/ is no package
        ("src/exabgp/reactor/protocol.py", "exabgp.reactor.protocol"),
        ("__init__.py", ""),  # a project whose root is its package
    ],
)
def test_dotted_module(path, dotted):
    assert dotted_module(path) == dotted


@pytest.mark.parametrize(
    ("name", "module_path", "absolute"),
    [
        ("yaml.load", "pkg/m.py", "yaml.load"),
        (
            ".utils.serialize.Loader",
            "src/navigator/diagnostics.py",
            "navigator.utils.serialize.Loader",
        ),
        ("..x", "pkg/sub/m.py", "pkg.x"),
        (".", "pkg/__init__.py", "pkg"),
        (".", "m.py", ""),
    ],
)
def test_absolute_name(name, module_path, absolute):
    assert absolute_name(name, module_path) == absolute


@pytest.mark.parametrize(
    ("path", "text", "test_code"),
    [
        ("stestr/test_processor.py", "class TestProcessorFixture(fixtures.Fixture):\n", False),
        ("pkg/test_things.py", "def test_thing():\n    assert True\n", True),
        ("pkg/thing_test.py", "class ThingTest(unittest.TestCase):\n    pass\n", True),
        ("pkg/tests/helpers.py", "def make():\n    pass\n", True),  # a test folder's
        ("pkg/conftest.py", "import pytest\n", True),
        # PyGithub's openapi/Cli.py: a TestCase suite by its content, not its name
        (
            "openapi/Cli.py",
            "class Cli(unittest.TestCase):\n    def test(self):\n        pass\n",
            True,
        ),
        (
            "pkg/base.py",
            "class Base(unittest.TestCase):\n    def setUp(self):\n        pass\n",
            False,
        ),
        ("pkg/runner.py", "def test_connection():\n    return True\n", False),
        # dogpile.cache's testing/fixtures.py: pytest's test classes, shipped with the package
        (
            "dogpile/testing/fixtures.py",
            "import pytest\n\n\nclass _Suite:\n    def test_get(self):\n        pass\n",
            True,
        ),
        ("pkg/plugin.py", "import pytest\n\n\n@pytest.fixture\ndef server():\n    pass\n", False),
        # bioblend's TestGalaxyJobs.py: a Test* class on the project's own TestCase subclass
        (
            "pkg/TestJobs.py",
            "class TestJobs(Base.Base):\n    def test_x(self):\n        pass\n",
            True,
        ),
        ("pkg/TestJobs.py", "class TestJobs:\n    def run(self):\n        pass\n", False),
        # cowrie's advanced-honeypot-tests.py: test methods in class CowrieDetector
        (
            "scripts/advanced-honeypot-tests.py",
            "class CowrieDetector:\n    def test_ssh(self):\n        pass\n",
            True,
        ),
        ("pkg/smoke_tests.py", "def run_all():\n    pass\n", False),
        # tendo's tee.py: the package's public system(), then class testTee(unittest.TestCase)
        (
            "src/tendo/tee.py",
            "def system(cmd):\n    pass\n\n\nclass testTee(unittest.TestCase):\n"
            "    def test_1(self):\n        system('true')\n",
            False,
        ),
        # PyGithub's openapi/Cli.py: its public keepMode() only sets the suite's flag
        (
            "openapi/Cli.py",
            "class Cli(unittest.TestCase):\n    def test(self):\n        pass\n\n\n"
            "def keepMode():\n    Cli.keepMode = True\n",
            True,
        ),
        # a fixture, a base of the suite, private helpers: all the suite's
        (
            "pkg/suite.py",
            "import pytest\n\n\n@pytest.fixture\ndef server():\n    pass\n\n\n"
            "class Base:\n    def _make(self):\n        pass\n\n\n"
            "class Suite(Base):\n    def test_get(self, server):\n        pass\n",
            True,
        ),
        # dogpile.cache's testing/fixtures.py: a path that says test keeps its public helpers
        (
            "dogpile/testing/fixtures.py",
            "import pytest\n\n\ndef gen_some_key():\n    pass\n\n\n"
            "class _Suite:\n    def test_get(self):\n        pass\n",
            True,
        ),
        # tmt's discover/fmf.py: a Test*-named TypedDict and a method tests() make no suite
        (
            "tmt/steps/discover/fmf.py",
            "class TestsWithAdjusts(TypedDict):\n    pass\n\n\n"
            "class DiscoverFmf(Plugin):\n    def tests(self):\n        pass\n",
            False,
        ),
        ("run-tests.py", "import subprocess\n", False),
        # borgbackup's hashindex_pytest.py: pytest's test functions at the module's top
        (
            "src/borg/hashindex_pytest.py",
            "import random\n\nimport pytest\n\n\ndef test_stress():\n    random.sample([], 0)\n",
            True,
        ),
        ("pkg/checks.py", "import pytest\n\n\nasync def test_get():\n    pass\n", True),
        # a production module beside them: its public code, no "test" in its path
        (
            "pkg/runner.py",
            "import pytest\n\n\ndef run():\n    pass\n\n\ndef test_connection():\n    pass\n",
            False,
        ),
        # unittest runs no function at a module's top: zaza's test() runner of its test command
        (
            "zaza/charm_lifecycle/test.py",
            "import unittest\n\n\ndef test(model_name, tests):\n    unittest.main()\n",
            False,
        ),
        # pyramid's Configurator mixin: testing_*() methods are no tests
        (
            "src/pyramid/config/testing.py",
            "class TestingConfiguratorMixin:\n    def testing_securitypolicy(self):\n        pass\n",
            False,
        ),
    ],
)
def test_a_module_named_for_tests_must_define_one(path, text, test_code):
    """stestr's test_processor.py runs every ``stestr run``: no test is in it."""
    assert is_test_module(path, text) is test_code


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "pyproject.toml",
            '[project.entry-points."pytest11"]\npulpcore = "pulpcore.pytest_plugin"\n',
        ),
        ("pyproject.toml", '[tool.poetry.plugins."pytest11"]\npulp = "pulpcore.pytest_plugin"\n'),
        (
            "setup.cfg",
            "[options.entry_points]\npytest11 =\n    pulp = pulpcore.pytest_plugin\n"
            "console_scripts =\n    pulp = pulpcore.cli:main\n",
        ),
        (
            "setup.py",
            "setup(entry_points={'pytest11': ['pulp = pulpcore.pytest_plugin:Plugin'],\n"
            "                    'console_scripts': ['pulp = pulpcore.cli:main']})\n",
        ),
        ("setup.py", 'setup(entry_points="""\n[pytest11]\npulp = pulpcore.pytest_plugin\n""")\n'),
    ],
)
def test_a_module_the_packaging_names_a_pytest_plugin_is_test_code(tmp_path, name, text):
    """pulpcore's pytest_plugin.py: pytest loads it into test sessions, and only there."""
    (tmp_path / name).parent.mkdir(exist_ok=True)
    (tmp_path / name).write_text(text)
    project = load_project(tmp_path)
    assert project.pytest_plugins == {"pulpcore.pytest_plugin"}
    assert project.is_test_module("pulpcore/pytest_plugin.py")
    assert project.is_test_module("src/pulpcore/pytest_plugin.py", "import pytest\n")
    assert not project.is_test_module("pulpcore/cli.py")


def test_a_project_without_pytest_plugins_names_none(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project.entry-points.pytest11\n")  # broken
    (tmp_path / "setup.cfg").write_text("[options.entry_points]\nconsole_scripts =\n a = b:c\n")
    assert load_project(tmp_path).pytest_plugins == frozenset()
