"""silent-except: the rewritten code really logs and still swallows the exception."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
import types

import pytest

from cwemod.codemods import LineRange, RefusalKind
from cwemod.codemods.kit.project import Project
from cwemod.codemods.surveys import survey_of
from cwemod.engine import (
    FileJob,
    FixRequest,
    InputError,
    load_config,
    plan,
    process_file,
    transform_source,
)
from cwemod.engine.projects import Projects

EXISTING_LOGGER = """\
import logging

LOG = logging.getLogger("silent_except_existing")


class Agent:
    def sync(self, connection):
        try:
            connection.report_state()
        except Exception:
            pass
        return "synced"


def drain(items):
    done = []
    for item in items:
        try:
            done.append(item())
        except BaseException: continue
    return done
"""

NO_LOGGER = """\
import os


def touch(path):
    try:
        os.utime(path)
    except:
        pass
    return "touched"
"""


def rewrite(source: str, *, unsafe: bool = False, **options: str):
    return transform_source(
        textwrap.dedent(source), [("silent-except", options)], allow_review=unsafe
    )


def load(source: str, name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    exec(compile(source, f"<{name}>", "exec"), module.__dict__)
    return module


def failing(error: BaseException):
    def call():
        raise error

    return call


def test_existing_logger_logs_at_debug_and_still_swallows(caplog):
    outcome = rewrite(EXISTING_LOGGER, unsafe=True)
    assert [fix.applicability.value for fix in outcome.fixes] == ["review", "review"]
    assert "check this failure is not routine here" in outcome.fixes[0].reason
    module = load(outcome.text, "silent_except_existing")

    class BrokenConnection:
        def report_state(self):
            raise OSError("connection reset")

    with caplog.at_level(logging.DEBUG, logger="silent_except_existing"):
        assert module.Agent().sync(BrokenConnection()) == "synced"

    [record] = caplog.records
    assert record.levelno == logging.DEBUG
    assert record.getMessage() == "Ignoring exception in Agent.sync()"
    assert isinstance(record.exc_info[1], OSError)


def test_no_fix_is_safe_so_a_default_run_changes_nothing():
    outcome = rewrite(EXISTING_LOGGER)
    assert outcome.text == textwrap.dedent(EXISTING_LOGGER)
    assert len(outcome.skipped_review) == 2


def test_continue_is_kept_after_logging(caplog):
    module = load(rewrite(EXISTING_LOGGER, unsafe=True).text, "silent_except_existing")
    with caplog.at_level(logging.DEBUG, logger="silent_except_existing"):
        assert module.drain([lambda: 1, failing(KeyError("gone")), lambda: 3]) == [1, 3]
    [record] = caplog.records
    assert record.getMessage() == "Ignoring exception in drain(); continuing"
    assert isinstance(record.exc_info[1], KeyError)


def test_added_logger_logs_under_the_module_name(caplog, tmp_path):
    outcome = rewrite(NO_LOGGER, unsafe=True)
    assert [fix.applicability.value for fix in outcome.fixes] == ["review"]
    module = load(outcome.text, "silent_except_added")

    with caplog.at_level(logging.DEBUG, logger="silent_except_added"):
        assert module.touch(str(tmp_path / "missing")) == "touched"

    [record] = caplog.records
    assert record.name == "silent_except_added"
    assert isinstance(record.exc_info[1], FileNotFoundError)


def test_added_logger_is_a_review_fix_only():
    outcome = rewrite(NO_LOGGER)
    assert outcome.text == NO_LOGGER
    [skipped] = outcome.skipped_review
    assert "adds a module logger LOG" in skipped.reason


def test_log_level_option_logs_with_traceback(caplog):
    outcome = rewrite(EXISTING_LOGGER, unsafe=True, **{"log-level": "warning"})
    module = load(outcome.text, "silent_except_existing")
    with caplog.at_level(logging.WARNING, logger="silent_except_existing"):
        module.Agent().sync(types.SimpleNamespace(report_state=failing(RuntimeError("boom"))))
    [record] = caplog.records
    assert record.levelno == logging.WARNING
    assert isinstance(record.exc_info[1], RuntimeError)


@pytest.mark.parametrize(
    ("setting", "complaint"),
    [
        ('log-level = "loud"', "log-level must be one of"),
        ('line-length = "wide"', "line-length must be a whole number"),
        ('logging-module = "loguru"', "logging-module must be one of"),
    ],
)
def test_bad_option_value_in_pyproject_is_an_input_error(tmp_path, setting, complaint):
    (tmp_path / "pyproject.toml").write_text(f"[tool.cwemod.silent-except]\n{setting}\n")
    with pytest.raises(InputError, match=complaint):
        load_config(tmp_path)


def test_rewrite_is_stable():
    once = rewrite(NO_LOGGER, unsafe=True).text
    twice = rewrite(once, unsafe=True)
    assert twice.text == once
    assert not twice.fixes and not twice.refusals


SPECIFIC_AND_BUSY = """\
import logging

LOG = logging.getLogger(__name__)


def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        pass
    try:
        return table.default
    except Exception:
        LOG.warning("no default")
"""


def test_whole_tree_run_is_quiet_about_other_handlers():
    outcome = rewrite(SPECIFIC_AND_BUSY)
    assert outcome.text == SPECIFIC_AND_BUSY
    assert not outcome.refusals and not outcome.fixes


@pytest.mark.parametrize(
    ("line", "kind", "reason"),
    [
        (9, RefusalKind.NOT_APPLICABLE, "catches a specific exception type"),
        (13, RefusalKind.ALREADY_FIXED, "already does something"),
    ],
)
def test_a_report_pointing_at_another_handler_gets_an_answer(line, kind, reason):
    outcome = transform_source(
        SPECIFIC_AND_BUSY,
        [("silent-except", {})],
        targets={"silent-except": [LineRange(line, line, "finding-1")]},
    )
    [refusal] = outcome.refusals
    assert (refusal.line, refusal.kind, refusal.findings) == (line, kind, ("finding-1",))
    assert reason in refusal.reason


def test_a_report_limits_the_fix_to_the_handler_it_points_at():
    source = textwrap.dedent(
        """\
        import logging

        LOG = logging.getLogger(__name__)


        def first(call):
            try:
                call()
            except Exception:
                pass


        def second(call):
            try:
                call()
            except Exception:
                pass
        """
    )
    outcome = transform_source(
        source,
        [("silent-except", {})],
        allow_review=True,
        targets={"silent-except": [LineRange(16, 16, "B110")]},
    )
    [fix] = outcome.fixes
    assert fix.findings == ("B110",)
    assert outcome.text.count("LOG.debug") == 1
    assert 'LOG.debug("Ignoring exception in second()", exc_info=True)' in outcome.text


SYNC_WITHOUT_LOGGER = """\
\"\"\"Agent state.\"\"\"

import os

from oslo_config import cfg
from pyroute2 import netns

from neutron.agent import rpc

CONF = cfg.CONF


def sync(state):
    try:
        rpc.report(state, netns.current(), os.getpid())
    except Exception:
        pass
"""


def in_project(source: str, project: Project, module_path: str):
    return transform_source(
        source,
        [("silent-except", {})],
        allow_review=True,
        project=project,
        module_path=module_path,
    )


@pytest.mark.parametrize(
    ("forbids", "reason"),
    [
        (True, "the project's hacking checks forbid logging in tests"),
        (False, "hides no production failure"),
    ],
)
def test_test_code_is_left_alone_saying_why(forbids, reason):
    project = Project(forbids_test_logging=forbids)
    outcome = in_project(SYNC_WITHOUT_LOGGER, project, "neutron/tests/unit/fake_agent.py")
    assert outcome.text == SYNC_WITHOUT_LOGGER
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.NOT_APPLICABLE
    assert reason in refusal.reason


@pytest.mark.parametrize(
    ("path", "migration"),
    [
        ("src/pretalx/submission/migrations/0017_auto_20180115_1743.py", True),
        ("app/alembic/versions/3b7c1d2e4f5a_add_column.py", True),
        ("pkg/migrations/versions/3b7c1d2e4f5a_add_column.py", True),
        ("pkg/migrations/helpers.py", False),  # code the migrations share, still the project's
    ],
)
def test_historical_migrations_are_left_alone(path, migration):
    """pretalx's 2018 data migrations got a new logger: they run once, and nobody edits them."""
    outcome = in_project(SYNC_WITHOUT_LOGGER, Project(), path)
    reasons = [refusal.reason for refusal in outcome.refusals]
    assert any("historical migration" in reason for reason in reasons) is migration


def test_developer_tooling_is_left_alone():
    outcome = in_project(SYNC_WITHOUT_LOGGER, Project(), "tools/generate_list.py")
    assert outcome.text == SYNC_WITHOUT_LOGGER
    [refusal] = outcome.refusals
    assert "developer tooling" in refusal.reason


def surveyed_project(root, sources: list[str]) -> Project:
    facts = survey_of("silent-except").run(
        [(f"pkg/m{i}.py", text) for i, text in enumerate(sources)]
    )
    return Project(root=str(root), facts={"silent-except": facts})


OSLO_MODULE = "from oslo_log import log as logging\n\nLOG = logging.getLogger(__name__)\n"
STDLIB_MODULE = "import logging\n\nLOG = logging.getLogger(__name__)\n"


def test_new_logger_follows_the_projects_oslo_log_convention(tmp_path):
    (tmp_path / "requirements.txt").write_text("oslo.config>=9.0.0\noslo.log>=5.3.0\n")
    project = surveyed_project(tmp_path, [OSLO_MODULE, OSLO_MODULE, STDLIB_MODULE])
    outcome = in_project(SYNC_WITHOUT_LOGGER, project, "neutron/agent/state.py")
    # In the third-party group, in hacking order; the logger after the imports.
    assert outcome.text.startswith(
        '"""Agent state."""\n\nimport os\n\nfrom oslo_config import cfg\n'
        "from oslo_log import log as logging\nfrom pyroute2 import netns\n\n"
        "from neutron.agent import rpc\n\nLOG = logging.getLogger(__name__)\n\nCONF = cfg.CONF\n"
    )
    assert 'LOG.debug("Ignoring exception in sync()", exc_info=True)' in outcome.text


def test_new_logger_spells_the_oslo_log_import_as_the_project_does(tmp_path):
    (tmp_path / "requirements.txt").write_text("oslo.log>=5.3.0\n")
    plain = "from oslo_log import log\n\nLOG = log.getLogger(__name__)\n"
    project = surveyed_project(tmp_path, [plain, plain, OSLO_MODULE])
    outcome = in_project(SYNC_WITHOUT_LOGGER, project, "neutron/agent/state.py")
    assert "from oslo_config import cfg\nfrom oslo_log import log\nfrom pyroute2" in outcome.text
    assert "\nLOG = log.getLogger(__name__)\n" in outcome.text


def test_new_logger_comes_from_the_projects_own_logging_module(tmp_path):
    """Rally's: its modules make their loggers with ``from rally.common import logging``."""
    own = "from neutron.common import logging\n\nLOG = logging.getLogger(__name__)\n"
    facts = survey_of("silent-except").run(
        [(f"neutron/m{i}.py", text) for i, text in enumerate([own, own, STDLIB_MODULE])]
    )
    project = Project(root=str(tmp_path), facts={"silent-except": facts})
    outcome = in_project(SYNC_WITHOUT_LOGGER, project, "neutron/agent/state.py")
    assert "\nfrom neutron.agent import rpc\nfrom neutron.common import logging\n\n" in (
        outcome.text
    )
    assert "\nLOG = logging.getLogger(__name__)\n" in outcome.text
    # A module that has that logger logs with it: its LOG is known to be a logger.
    more = (
        outcome.text
        + "\n\ndef other():\n    try:\n        rpc.x()\n    except Exception:\n        pass\n"
    )
    again = in_project(more, project, "neutron/agent/state.py")
    assert again.text == more.replace(
        "        pass\n", '        LOG.debug("Ignoring exception in other()", exc_info=True)\n'
    )


def test_new_logger_is_the_one_logger_the_project_names(tmp_path):
    """luigi's: 51 modules log to getLogger("luigi-interface"), the logger it sets up."""
    named = 'import logging\n\nlogger = logging.getLogger("luigi-interface")\n'
    project = surveyed_project(
        tmp_path, [named, named, "import logging\n\nlogger = logging.getLogger(__name__)\n"]
    )
    outcome = in_project(SYNC_WITHOUT_LOGGER, project, "luigi/worker.py")
    assert '\nlogger = logging.getLogger("luigi-interface")\n' in outcome.text
    assert 'logger.debug("Ignoring exception in sync()", exc_info=True)' in outcome.text


def test_a_tie_between_name_and_a_named_logger_goes_to_name(tmp_path):
    """ipykernel's: iostream.py's getLogger(__name__), comm/manager.py's "ipykernel.comm"."""
    project = surveyed_project(
        tmp_path,
        [
            "import logging\n\nlogger = logging.getLogger(__name__)\n",
            'import logging\n\nlogger = logging.getLogger("ipykernel.comm")\n',
        ],
    )
    outcome = in_project(SYNC_WITHOUT_LOGGER, project, "ipykernel/eventloops.py")
    assert "\nlogger = logging.getLogger(__name__)\n" in outcome.text


def test_loggers_named_each_their_own_way_share_no_name(tmp_path):
    """gallery-dl's: "config", "cache", "archive"... no module's name is another's."""
    modules = [
        f'import logging\n\nlog = logging.getLogger("{name}")\n'
        for name in ("config", "cache", "archive")
    ]
    project = surveyed_project(tmp_path, modules)
    outcome = in_project(SYNC_WITHOUT_LOGGER, project, "gallery_dl/text.py")
    assert outcome.text == SYNC_WITHOUT_LOGGER
    [refusal] = outcome.refusals
    assert "names of their own" in refusal.reason and "none shared" in refusal.reason


def test_a_module_that_logs_through_the_root_logger_keeps_doing_so(tmp_path):
    """moonraker's modules call logging.info() (317 times); three name loggers of their
    own, which is no convention for the others."""
    modules = [
        f'import logging\n\nlog = logging.getLogger("{name}")\n'
        for name in ("td1", "metadata", "simplyprint")
    ]
    project = surveyed_project(tmp_path, modules)
    source = "import logging\n\n\ndef f():\n    logging.info('start')\n" + (
        "    try:\n        g()\n    except Exception:\n        pass\n"
    )
    outcome = in_project(source, project, "moonraker/machine.py")
    assert "logging.debug('Ignoring exception in f()', exc_info=True)" in outcome.text


def test_a_class_whose_methods_log_with_self_log_has_one(tmp_path):
    """gallery-dl's extractors: the base class, in another module, binds self.log."""
    source = (
        "from .common import Extractor\n\n\nclass BunkrExtractor(Extractor):\n"
        "    def items(self):\n        self.log.info('start')\n\n"
        "    def _album_info(self, page):\n        try:\n            page.parse()\n"
        "        except Exception:\n            pass\n"
    )
    outcome = transform_source(source, [("silent-except", {})], allow_review=True)
    assert (
        "self.log.debug(\n                'Ignoring exception in BunkrExtractor._album_info()',"
        in (outcome.text)
    )


def test_a_logger_named_by_an_expression_is_no_convention(tmp_path):
    computed = "import logging\n\nLOG = logging.getLogger(__name__.split('.')[0])\n"
    project = surveyed_project(tmp_path, [computed, computed])
    outcome = in_project(SYNC_WITHOUT_LOGGER, project, "pkg/state.py")
    assert "\nLOG = logging.getLogger(__name__)\n" in outcome.text


def test_test_modules_do_not_set_the_convention():
    """Swift's: its one module-level logger is a test's LOGGER."""
    named = "import logging\n\nLOGGER = logging.getLogger(__name__)\n"
    facts = survey_of("silent-except").run(
        [("swift/test/unit/test_splice.py", named), ("swift/common/utils.py", "x = 1\n")]
    )
    assert (facts.logging_module, facts.name) == ("logging", "LOG")


def test_another_projects_logging_module_is_not_followed(tmp_path):
    theirs = "from rally.common import logging\n\nLOG = logging.getLogger(__name__)\n"
    project = surveyed_project(tmp_path, [theirs, theirs, STDLIB_MODULE])  # under pkg/
    outcome = in_project(SYNC_WITHOUT_LOGGER, project, "neutron/agent/state.py")
    assert '"""Agent state."""\n\nimport logging\nimport os\n' in outcome.text


def test_the_convention_is_read_from_modules_that_swallow_nothing(tmp_path):
    """Kuryr's: its modules log through oslo.log, its rally plugins (which swallow) do not."""
    (tmp_path / "requirements.txt").write_text("oslo.log>=5.3.0\n")
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = pkg\n")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "rally").mkdir()
    for name in ("pkg/__init__.py", "pkg/a.py", "pkg/b.py"):
        (tmp_path / name).write_text("from oslo_log import log\n\nLOG = log.getLogger(__name__)\n")
    silent = "    try:\n        os.sync()\n    except Exception:\n        pass\n"
    (tmp_path / "rally/plugin.py").write_text(
        f"import logging\nimport os\n\nLOG = logging.getLogger(__name__)\n\n\ndef f():\n{silent}"
    )
    (tmp_path / "pkg/sriov.py").write_text(f"import os\n\n\ndef f():\n{silent}")
    request = FixRequest([tmp_path], [("silent-except", {})], allow_review=True, jobs=1)
    fixed = {result.path.name: result.new_text for result in plan(request)}
    assert fixed["sriov.py"].startswith(
        "import os\n\nfrom oslo_log import log\n\nLOG = log.getLogger(__name__)\n"
    )


def test_oslo_log_is_not_added_to_a_project_that_does_not_depend_on_it(tmp_path):
    project = surveyed_project(tmp_path, [OSLO_MODULE, OSLO_MODULE])
    outcome = in_project(SYNC_WITHOUT_LOGGER, project, "neutron/agent/state.py")
    assert '"""Agent state."""\n\nimport logging\nimport os\n\nfrom oslo_config' in outcome.text
    assert "oslo_log" not in outcome.text


def test_new_logger_takes_the_projects_logger_name(tmp_path):
    named = "import logging\n\nLOGGER = logging.getLogger(__name__)\n"
    project = surveyed_project(tmp_path, [named, named, STDLIB_MODULE])
    outcome = in_project(SYNC_WITHOUT_LOGGER, project, "neutron/agent/state.py")
    assert "\nLOGGER = logging.getLogger(__name__)\n" in outcome.text
    assert "LOGGER.debug(" in outcome.text


@pytest.mark.parametrize(
    ("imports", "module_path", "expected"),
    [
        # A group of its own between the standard library's and the project's.
        (
            "from neutron.agent import rpc\n",
            "neutron/agent/state.py",
            "from oslo_log import log as logging\n\nfrom neutron.agent import rpc\n",
        ),
        # zunclient's: one group after the standard library's holds every other import.
        (
            "from oslo_utils import netutils\nfrom zunclient import rpc\n",
            "zunclient/common/utils.py",
            "from oslo_log import log as logging\nfrom oslo_utils import netutils\n"
            "from zunclient import rpc\n",
        ),
    ],
)
def test_oslo_log_is_imported_where_hacking_puts_it(imports, module_path, expected):
    source = f"import os\n\n{imports}\n\ndef sync():\n" + (
        "    try:\n        rpc.report(os.getpid())\n    except Exception:\n        pass\n"
    )
    outcome = transform_source(
        source,
        [("silent-except", {"logging-module": "oslo_log.log"})],
        allow_review=True,
        module_path=module_path,
    )
    assert outcome.text.startswith(f"import os\n\n{expected}\nLOG = logging.getLogger(__name__)\n")


def test_project_line_length_is_kept():
    source = SYNC_WITHOUT_LOGGER.replace("def sync(state):", "def synchronise_the_state(state):")
    wide = in_project(source, Project(line_length=120), "neutron/agent/state.py").text
    narrow = in_project(source, Project(line_length=60), "neutron/agent/state.py").text
    narrower = in_project(source, Project(line_length=55), "neutron/agent/state.py").text
    assert 'LOG.debug("Ignoring exception in synchronise_the_state()", exc_info=True)' in wide
    # one argument per line after the bracket before a shorter message (cloudkitty-dashboard)
    assert (
        '        LOG.debug(\n            "Ignoring exception in synchronise_the_state()",\n'
        "            exc_info=True)\n"
    ) in narrow
    assert '        LOG.debug("Ignoring exception", exc_info=True)\n' in narrower


def test_a_project_that_makes_no_logger_anywhere_gets_advice(tmp_path):
    """supervisor logs its own way: a stdlib logger would write where nothing shows it."""
    project = surveyed_project(tmp_path, [])
    outcome = in_project(SYNC_WITHOUT_LOGGER, project, "neutron/agent/state.py")
    assert outcome.text == SYNC_WITHOUT_LOGGER
    [refusal] = outcome.refusals
    assert "no module of the project" in refusal.reason
    with_one = in_project(
        SYNC_WITHOUT_LOGGER, surveyed_project(tmp_path, [STDLIB_MODULE]), "neutron/agent/state.py"
    )
    assert "LOG.debug(" in with_one.text


def test_a_module_logging_with_the_logging_functions_gets_advice(tmp_path):
    """s3cmd's ``from logging import debug, warning``: a LOG beside them would be churn."""
    source = SYNC_WITHOUT_LOGGER.replace("import os\n", "import os\nfrom logging import debug\n", 1)
    assert source != SYNC_WITHOUT_LOGGER
    outcome = in_project(source, surveyed_project(tmp_path, [STDLIB_MODULE]), "pkg/state.py")
    assert outcome.text == source
    [refusal] = outcome.refusals
    assert "from logging import debug" in refusal.reason


# kombu's modules: ``from kombu.log import get_logger`` (or ``from .log import``), then
# ``logger = get_logger(__name__)``; the survey names them ``pkg/m<i>.py``.
FACTORY_MODULE = "from pkg.log import get_logger\n\nlogger = get_logger(__name__)\n"
RELATIVE_FACTORY_MODULE = "from .log import get_logger\n\nlogger = get_logger(__name__)\n"


def test_a_project_that_makes_its_loggers_with_its_own_factory_gets_advice(tmp_path):
    """A stdlib logger beside kombu's get_logger() would be another way of logging."""
    project = surveyed_project(tmp_path, [FACTORY_MODULE, RELATIVE_FACTORY_MODULE, STDLIB_MODULE])
    outcome = in_project(SYNC_WITHOUT_LOGGER, project, "pkg/pools.py")
    assert outcome.text == SYNC_WITHOUT_LOGGER
    [refusal] = outcome.refusals
    assert "with pkg.log.get_logger()" in refusal.reason
    fewer = surveyed_project(tmp_path, [FACTORY_MODULE, STDLIB_MODULE, STDLIB_MODULE])
    assert "LOG.debug(" in in_project(SYNC_WITHOUT_LOGGER, fewer, "pkg/pools.py").text


# buildbot's modules log through Twisted: ``from twisted.python import log``, ``log.msg()``.
TWISTED_MODULE = "from twisted.python import failure, log\n\nlog.msg('started')\n"
# duplicity's modules: ``from duplicity import log``, then ``log.Debug(...)``; its log.py
# makes a stdlib logger inside a function.
OWN_LOG_MODULE = "from pkg import log\n\n\ndef run():\n    log.Debug('running')\n"


@pytest.mark.parametrize(
    "facility_module, facility",
    [
        (TWISTED_MODULE, "twisted.python.log"),
        ("from twisted.logger import Logger\n\nlog = Logger()\n", "twisted.logger"),
        ("from loguru import logger\n", "loguru"),
        (OWN_LOG_MODULE, "pkg.log"),
    ],
)
def test_a_project_that_logs_through_another_facility_gets_advice(
    tmp_path, facility_module, facility
):
    """A stdlib logger in buildbot, where nothing sets up the logging module, shows nothing."""
    project = surveyed_project(tmp_path, [facility_module, facility_module, STDLIB_MODULE])
    outcome = in_project(SYNC_WITHOUT_LOGGER, project, "pkg/gerrit.py")
    assert outcome.text == SYNC_WITHOUT_LOGGER
    [refusal] = outcome.refusals
    assert f"log through {facility}, not the logging module" in refusal.reason
    fewer = surveyed_project(tmp_path, [facility_module, STDLIB_MODULE, STDLIB_MODULE])
    assert "LOG.debug(" in in_project(SYNC_WITHOUT_LOGGER, fewer, "pkg/gerrit.py").text


def test_a_project_module_that_only_sets_logging_up_is_no_facility(tmp_path):
    """Trac's env.py calls trac.log's logger_handler_factory(): no module logs through it."""
    setup = "from pkg import log\n\n\ndef handler():\n    return log.logger_handler_factory()\n"
    project = surveyed_project(tmp_path, [setup, setup, STDLIB_MODULE])
    outcome = in_project(SYNC_WITHOUT_LOGGER, project, "pkg/gerrit.py")
    assert all("log through pkg.log" not in refusal.reason for refusal in outcome.refusals)


def test_loggers_made_only_inside_functions_are_named_in_the_reason(tmp_path):
    """koji's ``self.logger = logging.getLogger("koji.build")``: no module-level logger."""
    inner = "import logging\n\n\nclass Task:\n    def __init__(self):\n"
    inner += "        self.logger = logging.getLogger('koji.build')\n"
    inner += "\n    def run(self):\n        self.logger.info('running')\n"
    project = surveyed_project(tmp_path, [inner, inner])
    [refusal] = in_project(SYNC_WITHOUT_LOGGER, project, "pkg/daemon.py").refusals
    assert "makes its loggers inside functions and classes" in refusal.reason
    # irc3's feeds.py: fetch() is a module-level function, where no logger is at hand
    assert "no logger is at hand in a module-level function" in refusal.reason
    method = "import os\n\n\nclass Syncer(Task):\n    def sync(self):\n        try:\n"
    method += "            os.sync()\n        except Exception:\n            pass\n"
    [refusal] = in_project(method, project, "pkg/daemon.py").refusals
    assert refusal.reason.endswith("log the exception with the one at hand by hand")
    # yagmail's RawAsyncSMTP: no base, no self.log: there is no one at hand
    [refusal] = in_project(method.replace("(Task)", ""), project, "pkg/daemon.py").refusals
    assert "at hand" not in refusal.reason
    assert refusal.reason.endswith(
        "and Syncer keeps none: give it one, or log the exception by hand"
    )


def test_a_logger_only_set_up_inside_a_function_is_not_the_projects(tmp_path):
    """grip quiets werkzeug's logger (``log.setLevel(logging.ERROR)``) and prints to stderr."""
    quiet = "import logging\n\n\ndef serve():\n    log = logging.getLogger('werkzeug')\n"
    quiet += "    log.setLevel(logging.ERROR)\n"
    project = surveyed_project(tmp_path, [quiet, quiet])
    [refusal] = in_project(SYNC_WITHOUT_LOGGER, project, "pkg/daemon.py").refusals
    assert "no module of the project makes a logger" in refusal.reason


def test_a_src_layout_projects_own_log_module_is_its_facility(tmp_path):
    """exabgp's modules are src/exabgp/...: ``from exabgp.logger import log`` is its own."""
    module = "from exabgp.logger import log\n\n\ndef run():\n    log.debug(lambda: 'x', 'me')\n"
    stdlib = "import logging\n\nlogger = logging.getLogger('healthcheck')\n"
    paths = ["src/exabgp/a.py", "src/exabgp/b.py", "src/exabgp/application/healthcheck.py"]
    facts = survey_of("silent-except").run(list(zip(paths, [module, module, stdlib])))
    project = Project(root=str(tmp_path), facts={"silent-except": facts})
    outcome = in_project(SYNC_WITHOUT_LOGGER, project, "src/exabgp/application/pipe.py")
    [refusal] = outcome.refusals
    assert "log through exabgp.logger.log, not the logging module" in refusal.reason


@pytest.mark.parametrize(
    "folder, module, facility",
    [
        ("lib/carbon", "from carbon import log\n\n\ndef run():\n    log.msg('x')\n", "carbon.log"),
        (
            "webapp/graphite",
            "from graphite.logger import log\n\n\ndef run():\n    log.info('x')\n",
            "graphite.logger.log",
        ),
    ],
)
def test_a_package_dir_projects_own_log_module_is_its_facility(tmp_path, folder, module, facility):
    """carbon's modules are lib/carbon/... and graphite-web's webapp/graphite/... (setup.py's
    package_dir): ``from carbon import log`` is the project's own, as in a src layout."""
    paths = [f"{folder}/a.py", f"{folder}/b.py"]
    facts = survey_of("silent-except").run(list(zip(paths, [module, module])))
    project = Project(root=str(tmp_path), facts={"silent-except": facts})
    outcome = in_project(SYNC_WITHOUT_LOGGER, project, f"{folder}/instrumentation.py")
    [refusal] = outcome.refusals
    assert f"log through {facility}, not the logging module" in refusal.reason


def test_a_project_module_loggers_are_made_with_is_no_facility(tmp_path):
    """Rally's ``from rally.common import logging``: some modules make LOG with it, others
    call it as it is; a new logger is still made with it."""
    own = "from pkg import logging\n\nLOG = logging.getLogger(__name__)\n"
    used = "from pkg import logging\n\nlogging.setup('x')\n"
    project = surveyed_project(tmp_path, [own, used, used])
    outcome = in_project(SYNC_WITHOUT_LOGGER, project, "pkg/backend.py")
    assert "LOG.debug(" in outcome.text and "from pkg import logging" in outcome.text


def test_a_module_with_the_factorys_logger_logs_with_it(tmp_path):
    project = surveyed_project(tmp_path, [FACTORY_MODULE, FACTORY_MODULE])
    source = SYNC_WITHOUT_LOGGER.replace(
        "CONF = cfg.CONF",
        "from pkg.log import get_logger\n\nCONF = cfg.CONF\nLOG = get_logger(__name__)",
    )
    outcome = in_project(source, project, "pkg/pools.py")
    assert "LOG.debug(" in outcome.text and "import logging" not in outcome.text


def test_a_librarys_logger_factory_is_the_projects_convention(tmp_path):
    """azure-cli's modules: ``from knack.log import get_logger``, then
    ``logger = get_logger(__name__)``; knack's get_logger() gives a standard logger."""
    knack_module = FACTORY_MODULE.replace("pkg.log", "knack.log")
    project = surveyed_project(tmp_path, [knack_module, knack_module, STDLIB_MODULE])
    outcome = in_project(SYNC_WITHOUT_LOGGER, project, "pkg/pools.py")
    [refusal] = outcome.refusals
    assert "with knack.log.get_logger()" in refusal.reason
    source = SYNC_WITHOUT_LOGGER.replace(
        "CONF = cfg.CONF",
        "from knack.log import get_logger\n\nCONF = cfg.CONF\nlogger = get_logger(__name__)",
    )
    assert "logger.debug(" in in_project(source, project, "pkg/pools.py").text


def test_a_platform_probe_of_sys_is_no_python2_shim():
    """sys.getwindowsversion() is missing off Windows only: its handler is the code's choice."""
    source = "import sys\n\ntry:\n    sys.getwindowsversion()\nexcept Exception:\n    pass\n"
    outcome = transform_source(source, [("silent-except", {})], allow_review=True)
    assert not any("Python 2" in refusal.reason for refusal in outcome.refusals)


TORNADO_LOG = (
    "import logging\n\n"
    'access_log = logging.getLogger("tornado.access")\n'
    'gen_log = logging.getLogger("tornado.general")\n'
)


@pytest.mark.parametrize(
    ("imports", "reason"),
    [
        (
            "from tornado.log import app_log, gen_log\n",
            "the module imports gen_log, a logger of the project's",
        ),
        ("", "the project's modules log through loggers of their own (tornado.log.access_log"),
    ],
)
def test_a_project_that_logs_through_loggers_named_otherwise_gets_advice(imports, reason):
    """tornado's: tornado/log.py makes gen_log and app_log, which its modules import."""
    facts = survey_of("silent-except").run([("tornado/log.py", TORNADO_LOG)])
    source = f"import os\n\n{imports}\n\ndef flush():\n    try:\n        os.sync()\n    except Exception:\n        pass\n"
    outcome = in_project(source, Project(facts={"silent-except": facts}), "tornado/iostream.py")
    assert outcome.text == source
    [refusal] = outcome.refusals
    assert reason in refusal.reason


GLANCES_LOGGER = """\
import logging


def glances_logger(env_key='LOG_CFG'):
    _logger = logging.getLogger()
    logging.basicConfig()
    return _logger


def make_app():
    return object()


logger = glances_logger()
app = make_app()
"""


def test_a_logger_made_by_a_function_of_the_project_is_logged_with():
    """glances': glances/logger.py binds logger to a function of its own, which modules import."""
    facts = survey_of("silent-except").run([("glances/logger.py", GLANCES_LOGGER)])
    assert facts.project_loggers == frozenset({"glances.logger.logger"})  # not app
    imports = "from glances.logger import logger\n"
    source = f"import os\n\n{imports}\n\ndef flush():\n    try:\n        os.sync()\n    except Exception:\n        pass\n"
    outcome = in_project(source, Project(facts={"silent-except": facts}), "glances/curses.py")
    assert outcome.text == source.replace(
        "pass", 'logger.debug("Ignoring exception in flush()", exc_info=True)'
    )


LSASSY_LOGGER = """\
import logging


class LsassyLogger(logging.LoggerAdapter):
    def __init__(self):
        super().__init__(self, extra=None)
        self.logger = logging.getLogger("lsassy")


class Server:
    def __init__(self):
        self.log = logging.getLogger("server")


lsassy_logger = LsassyLogger()
server = Server()
"""


def test_a_logger_made_by_a_logger_class_of_the_project_is_the_projects():
    """lsassy's: a LoggerAdapter subclass, made once at module level and imported by 18
    modules; an object of another class that keeps a logger is no logger."""
    facts = survey_of("silent-except").run([("lsassy/logger.py", LSASSY_LOGGER)])
    assert facts.project_loggers == frozenset({"lsassy.logger.lsassy_logger"})
    imports = "from lsassy.logger import lsassy_logger\n"
    source = f"import os\n\n{imports}\n\ndef flush():\n    try:\n        os.sync()\n    except Exception:\n        pass\n"
    outcome = in_project(source, Project(facts={"silent-except": facts}), "lsassy/exec/smb.py")
    assert outcome.text == source
    [refusal] = outcome.refusals
    assert refusal.reason.startswith("the module imports lsassy_logger, a logger of the project's")


def test_a_module_logs_with_the_projects_logger_it_imports():
    """qtile's: log_utils binds logger = getLogger(__package__) (from logging import
    getLogger), and 71 modules import it to log with."""
    log_utils = "from logging import Formatter, getLogger\n\nlogger = getLogger(__package__)\n"
    facts = survey_of("silent-except").run([("libqtile/log_utils.py", log_utils)])
    assert facts.project_loggers == frozenset({"libqtile.log_utils.logger"})
    imports = "from libqtile.log_utils import logger\n"
    source = f"import os\n\n{imports}\n\ndef flush():\n    try:\n        os.sync()\n    except Exception:\n        pass\n"
    project = Project(facts={"silent-except": facts})
    outcome = in_project(source, project, "libqtile/widget/swaync.py")
    assert outcome.text == source.replace(
        "pass", 'logger.debug("Ignoring exception in flush()", exc_info=True)'
    )


SENTRY_UTILS = 'import logging\n\nlogger = logging.getLogger("sentry_sdk.errors")\n'
SENTRY_IMPORTER = """\
from sentry_sdk.utils import (
    capture_internal_exceptions,
    logger,  # the project's one logger
)


def setup():
    logger.debug("set up")
"""


def test_a_logger_most_modules_import_is_advised_where_it_is_not_imported():
    """sentry-sdk's: utils.py and spotlight.py name a logger each, and 39 modules import
    utils' to log with; a module that has not imported it is told to, not to name one."""
    spotlight = 'import logging\n\nlogger = logging.getLogger("spotlight")\n'
    modules = [("sentry_sdk/utils.py", SENTRY_UTILS), ("sentry_sdk/spotlight.py", spotlight)]
    modules += [(f"sentry_sdk/integrations/i{n}.py", SENTRY_IMPORTER) for n in range(3)]
    survey = survey_of("silent-except")
    assert all(survey.wants(text) for _, text in modules)
    facts = survey.run(modules)
    assert (facts.shared_logger, facts.shared_importers) == ("sentry_sdk.utils.logger", 3)
    outcome = in_project(
        SYNC_WITHOUT_LOGGER, Project(facts={"silent-except": facts}), "sentry_sdk/flask.py"
    )
    assert outcome.text == SYNC_WITHOUT_LOGGER
    [refusal] = outcome.refusals
    assert refusal.reason.startswith(
        "the project's modules log with sentry_sdk.utils.logger (imported by 3 of them)"
    )


def test_a_src_layout_projects_relatively_imported_logger_is_its_own():
    """A src layout's modules import the shared logger relatively (``from .utils import
    logger``): src/ is no package, so the logger is ``pkg.utils.logger`` all the same."""
    relative = SENTRY_IMPORTER.replace("from sentry_sdk.utils import", "from .utils import")
    modules = [("src/sentry_sdk/utils.py", SENTRY_UTILS)]
    modules += [(f"src/sentry_sdk/i{n}.py", relative) for n in range(3)]
    facts = survey_of("silent-except").run(modules)
    assert (facts.shared_logger, facts.shared_importers) == ("sentry_sdk.utils.logger", 3)


def test_a_logging_import_with_a_comment_binds_the_logging_module():
    """superset's migrations: ``import logging  # noqa: E402`` still binds logging."""
    modules = [
        (f"pkg/m{n}.py", "import logging  # noqa: E402\n\nlogger = logging.getLogger(__name__)\n")
        for n in range(2)
    ]
    facts = survey_of("silent-except").run(modules)
    assert (facts.logging_module, facts.name, facts.loggers) == ("logging", "logger", 2)


def test_a_logging_module_of_the_projects_most_modules_import_is_advised():
    """sickchill's 168 modules import its logging module itself (from sickchill import
    logger), whose debug() is a logger's."""
    logger_module = "import logging\n\ndebug = logging.getLogger('sickchill').debug\n"
    importer = "from sickchill import logger\n\n\ndef f():\n    logger.info('x')\n"
    own = "import logging\n\nlogger = logging.getLogger(__name__)\n"
    modules = [("sickchill/logger.py", logger_module), ("sickchill/tv.py", own)]
    modules += [(f"sickchill/m{n}.py", importer) for n in range(3)]
    facts = survey_of("silent-except").run(modules)
    assert (facts.shared_logger, facts.shared_importers) == ("sickchill.logger", 3)


def test_a_logger_fewer_modules_import_than_make_their_own_is_no_convention():
    modules = [("sentry_sdk/utils.py", SENTRY_UTILS), ("sentry_sdk/i.py", SENTRY_IMPORTER)]
    modules += [(f"sentry_sdk/m{n}.py", STDLIB_MODULE) for n in range(2)]
    facts = survey_of("silent-except").run(modules)
    assert facts.shared_logger == ""


YOU_GET_COMMON = """\
import logging


def main(debug):
    if debug:
        logging.getLogger().setLevel(logging.DEBUG)
    logging.debug("started")
"""


CALIBRE_ADMIN = """\
from . import constants, logger

log = logger.create()


def show():
    log.info("shown")
"""


def test_a_project_making_its_loggers_with_its_own_call_is_told_so():
    """calibre-web's 46 modules: ``from . import logger``, ``log = logger.create()``, and
    one module calls logging.debug(): the reason names the project's way, which is no
    getLogger() and no root logger."""
    modules = [(f"src/cps/m{number}.py", CALIBRE_ADMIN) for number in range(2)]
    modules.append(("src/cps/logger.py", YOU_GET_COMMON))
    facts = survey_of("silent-except").run(modules)
    assert (facts.made_otherwise, facts.made_otherwise_count) == ("logger.create", 2)
    outcome = in_project(SYNC_WITHOUT_LOGGER, Project(facts={"silent-except": facts}), "src/x.py")
    assert outcome.text == SYNC_WITHOUT_LOGGER
    [refusal] = outcome.refusals
    assert refusal.reason.startswith(
        "the project's modules make their loggers with its own logger.create() (in 2 of them)"
    )


def test_a_project_logging_with_the_logging_modules_functions_is_told_so():
    """you-get's: no logger anywhere, logging.debug() in its modules; the root logger's
    level set in a function is no logger made there."""
    facts = survey_of("silent-except").run([("you_get/common.py", YOU_GET_COMMON)])
    assert (facts.loggers, facts.inner_loggers, facts.root_loggers) == (0, 0, 1)
    project = Project(facts={"silent-except": facts})
    outcome = in_project(SYNC_WITHOUT_LOGGER, project, "you_get/extractors/baidu.py")
    assert outcome.text == SYNC_WITHOUT_LOGGER
    [refusal] = outcome.refusals
    assert refusal.reason.startswith(
        "the project's modules log with the logging module's own functions (logging.debug(),"
        " in 1 of them)"
    )
    source = (
        "import os\n"
        + YOU_GET_COMMON
        + "\n\ndef flush():\n    try:\n        os.sync()\n    except Exception:\n        pass\n"
    )
    outcome = in_project(source, project, "you_get/common.py")
    assert outcome.text == source.replace(
        "pass", 'logging.debug("Ignoring exception in flush()", exc_info=True)'
    )


def test_a_logger_made_in_a_function_and_logged_with_at_once_is_an_inner_logger():
    source = 'import logging\n\n\ndef main():\n    logging.getLogger("app").info("started")\n'
    facts = survey_of("silent-except").run([("app/main.py", source)])
    assert (facts.inner_loggers, facts.root_loggers) == (1, 0)


def test_examples_do_not_vote_and_txaio_is_a_facility():
    """autobahn's library logs through txaio.make_logger(); its 47 examples through
    twisted.python.log."""
    library = "import txaio\n\n\nclass Session:\n    log = txaio.make_logger()\n"
    example = "from twisted.python import log\n\nlog.msg('started')\n"
    modules = [(f"src/autobahn/m{n}.py", library) for n in range(2)]
    modules += [(f"examples/e{n}.py", example) for n in range(3)]
    facts = survey_of("silent-except").run(modules)
    assert (facts.logging_module, facts.facility) == ("txaio.make_logger", True)


def test_contrib_tools_do_not_vote():
    """mercurial's one logger is in contrib/automation, its release tooling: hg reports
    through ui.debug(), and nothing sets up the logging module."""
    tool = "import logging\n\nlogger = logging.getLogger(__name__)\n"
    core = "def verify(ui):\n    ui.debug('checked')\n"
    modules = [("contrib/automation/winrm.py", tool), ("mercurial/verify.py", core)]
    facts = survey_of("silent-except").run(modules)
    assert facts.loggers == 0


def test_vendored_code_does_not_vote():
    """metaflow's one getLogger(__name__) is in metaflow/_vendor/packaging/tags.py."""
    vendored = "import logging\n\nlogger = logging.getLogger(__name__)\n"
    modules = [("metaflow/_vendor/packaging/tags.py", vendored), ("metaflow/cli.py", "X = 1\n")]
    assert survey_of("silent-except").run(modules).loggers == 0


def test_a_projects_log_module_imported_among_other_names_is_its_facility():
    """tahoe-lafs: from allmydata.util import base32, hashutil, log, then log.msg(...)."""
    own = "from allmydata.util import base32, log\n\n\ndef f():\n    log.msg('x')\n"
    twisted = "from twisted.python import log\n\nlog.msg('x')\n"
    modules = [(f"src/allmydata/m{n}.py", own) for n in range(3)]
    modules += [("src/allmydata/t.py", twisted)]
    facts = survey_of("silent-except").run(modules)
    assert (facts.logging_module, facts.facility) == ("allmydata.util.log", True)


def test_setup_py_gets_no_new_logger():
    """pywb's and discord.py's setup.py: nothing sets up logging where it runs."""
    outcome = in_project(SYNC_WITHOUT_LOGGER, Project(), "setup.py")
    assert outcome.text == SYNC_WITHOUT_LOGGER
    [refusal] = outcome.refusals
    assert refusal.reason.startswith("setup.py runs where nothing sets up logging")


def test_a_logger_name_of_one_folder_is_not_given_outside_it():
    """pywb's getLogger('warcserver'), made in pywb/warcserver/ only."""
    made = "import logging\n\nlogger = logging.getLogger('warcserver')\n"
    modules = [(f"pywb/warcserver/m{n}.py", made) for n in range(2)]
    facts = survey_of("silent-except").run(modules)
    assert (facts.argument, facts.argument_folder) == ("'warcserver'", "warcserver")
    project = Project(facts={"silent-except": facts})
    outside = in_project(SYNC_WITHOUT_LOGGER, project, "pywb/rewrite/header_rewriter.py")
    assert "logging.getLogger(__name__)" in outside.text
    inside = in_project(SYNC_WITHOUT_LOGGER, project, "pywb/warcserver/handlers.py")
    assert "logging.getLogger('warcserver')" in inside.text


def test_an_ansible_plugin_is_left_alone():
    """ironic's callback plugin sets up logging itself, after the code that swallows."""
    path = "ironic/drivers/modules/ansible/playbooks/callback_plugins/ironic_log.py"
    outcome = in_project(SYNC_WITHOUT_LOGGER, Project(), path)
    assert outcome.text == SYNC_WITHOUT_LOGGER
    [refusal] = outcome.refusals
    assert refusal.reason.startswith("an Ansible plugin, run inside ansible-playbook")


@pytest.mark.parametrize("also", ["", "from ansible.module_utils.common.text import to_text\n"])
def test_ansible_code_that_reports_through_its_display_gets_advice(also):
    """ansible-core's controller (cli/, executor/, galaxy/) imports module_utils too, but
    is no module: it reports through ``display = Display()``."""
    source = SYNC_WITHOUT_LOGGER.replace(
        "import os\n", f"import os\n\n{also}from ansible.utils.display import Display\n", 1
    )
    assert source != SYNC_WITHOUT_LOGGER
    outcome = in_project(source, Project(), "lib/ansible/cli/galaxy.py")
    assert outcome.text == source
    [refusal] = outcome.refusals
    assert "reports through its Display" in refusal.reason and "display.vvv()" in refusal.reason


NIKOLA_LOG = """\
import logging


def get_logger(name, handlers=None):
    logger = logging.getLogger(name)
    return logger


LOGGER = get_logger("Nikola")
"""


def test_a_projects_logger_re_exported_by_another_of_its_modules_is_logged_with():
    """nikola's: log.py binds LOGGER = get_logger("Nikola"), utils.py re-exports it, and
    filters.py imports it from there, relatively."""
    facts = survey_of("silent-except").run([("nikola/log.py", NIKOLA_LOG)])
    assert facts.project_loggers == frozenset({"nikola.log.LOGGER"})
    imports = "from .utils import req_missing, LOGGER\n"
    source = f"import os\n\n{imports}\n\ndef flush():\n    try:\n        os.sync()\n    except Exception:\n        pass\n"
    outcome = in_project(source, Project(facts={"silent-except": facts}), "nikola/filters.py")
    assert outcome.text == source.replace(
        "pass", 'LOGGER.debug("Ignoring exception in flush()", exc_info=True)'
    )


def test_a_logger_named_logging_that_modules_import_is_no_other_facility():
    """certipy's lib/logger.py: ``import logging as _logging``, then ``logging =
    _logging.getLogger("certipy")``, which every module imports and logs with."""
    logger_module = 'import logging as _logging\n\nlogging = _logging.getLogger("certipy")\n'
    user = "from certipy.lib.logger import logging\n\n\ndef run():\n    logging.info('x')\n"
    facts = survey_of("silent-except").run(
        [("certipy/lib/logger.py", logger_module), ("certipy/a.py", user), ("certipy/b.py", user)]
    )
    source = (
        user
        + "\n\ndef flush(f):\n    try:\n        f.flush()\n    except Exception:\n        pass\n"
    )
    outcome = in_project(source, Project(facts={"silent-except": facts}), "certipy/c.py")
    [refusal] = outcome.refusals
    assert "the module imports logging, a logger of the project's" in refusal.reason


def test_benchmark_scripts_set_no_logger_convention(tmp_path):
    """logbook's benchmark/ scripts time the stdlib with getLogger("Testlogger"): the
    library's own modules make no such logger."""
    bench = 'from logging import getLogger\n\nlog = getLogger("Testlogger")\n'
    facts = survey_of("silent-except").run([(f"benchmark/bench_{i}.py", bench) for i in range(4)])
    project = Project(root=str(tmp_path), facts={"silent-except": facts})
    outcome = in_project(SYNC_WITHOUT_LOGGER, project, "src/logbook/handlers.py")
    assert "Testlogger" not in outcome.text


def test_the_root_loggers_functions_really_set_logging_up():
    """Why logging.debug() at import is refused: with no handler yet, it calls
    basicConfig(), and the application's own handler then prints every line twice."""
    code = "import logging; logging.debug('x'); print(len(logging.root.handlers))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "1"


def test_a_docstring_naming_a_failover_says_nothing_of_failing():
    """cinder's failover_host(): "Force failover to a secondary replication target."; tuir's
    curs_set() "may fail for some terminals", which documents the swallow."""
    source = (
        "import logging\n\nLOG = logging.getLogger(__name__)\n\n\n"
        'def failover_host(client):\n    """Force failover to a secondary target."""\n'
        "    try:\n        client.promote()\n    except Exception:\n        pass\n"
    )
    assert "LOG.debug(" in rewrite(source, unsafe=True).text
    may_fail = source.replace("Force failover to a secondary target.", "May fail on some hosts.")
    assert rewrite(may_fail, unsafe=True).text == may_fail


SCRUBBER = """\
import logging

LOG = logging.getLogger(__name__)


def redact_dsn(dsn):
    try:
        return _without_password(dsn)
    except ValueError:
        return dsn


def mask_password(url):
    try:
        return _masked(url)
    except Exception:
        pass
    return url


def strip_token(token):
    \"\"\"Strip whitespace from the token.\"\"\"
    try:
        return token.strip()
    except Exception:
        pass
    return token


def scrub(url):
    cleaned = "<redacted>"
    try:
        cleaned = _without_password(url)
    except Exception:
        pass
    return cleaned
"""


def test_a_scrubber_that_gives_its_input_back_on_failure_gets_advice_to_fail_closed():
    """feast's _sanitize_uri(): the handler's way out returns the URI, password and all."""
    [refusal] = [r for r in rewrite(SCRUBBER, unsafe=True).refusals if r.line == 16]
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert "fails open: mask_password()" in refusal.reason and "returns url" in refusal.reason


def test_only_a_scrubber_that_returns_its_input_fails_open():
    """Stripping whitespace hides no secret; a placeholder bound first is what fails."""
    reasons = {r.line: r.reason for r in rewrite(SCRUBBER, unsafe=True).refusals}
    assert "fails open" not in reasons.get(25, "") and "fails open" not in reasons.get(34, "")


def test_a_reported_scrubber_whose_handler_returns_its_input_gets_advice():
    outcome = transform_source(
        SCRUBBER,
        [("silent-except", {})],
        targets={"silent-except": [LineRange(9, 9, "finding-1")]},
    )
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY and "fails open: redact_dsn()" in refusal.reason


HELPER = """\
import logging

from .storage_log import log_exception_info

log = logging.getLogger("blivet")


def dump(shelf):
    try:
        shelf.save()
    except AttributeError:
        log_exception_info()
    try:
        shelf.sync()
    except Exception:
        pass
"""


def test_the_projects_exception_helper_logs_at_the_default_level_only():
    """blivet's log_exception_info() logs at debug: another level asked for is the logger's."""
    assert "        log_exception_info()\n" in rewrite(HELPER, unsafe=True).text.split("sync()")[1]
    warned = rewrite(HELPER, unsafe=True, **{"log-level": "warning"}).text
    assert 'log.warning("Ignoring exception in dump()", exc_info=True)' in warned


PLANEMO_RUNNABLE = (
    "import os\n\n\ndef cases_path(path):\n    try:\n        os.stat(path)\n"
    "    except Exception:\n        pass\n"
)


@pytest.mark.parametrize("cache", [False, True])
@pytest.mark.parametrize("excluded", [False, True])
def test_modules_the_linters_leave_out_do_not_vote_on_the_convention(tmp_path, excluded, cache):
    """planemo's autopygen/, which its ruff excludes, calls logging.debug(); its own code
    logs with ctx.vlog(): the root logger is no convention of planemo's."""
    ruff = '[tool.ruff]\nexclude = ["planemo/autopygen"]\n' if excluded else ""
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "planemo"\n' + ruff)
    (tmp_path / "planemo" / "autopygen").mkdir(parents=True)
    for name in ("a", "b", "c"):
        (tmp_path / "planemo" / "autopygen" / f"{name}.py").write_text(
            "import logging\n\n\ndef f():\n    logging.debug('x')\n"
        )
    path = tmp_path / "planemo" / "runnable.py"
    path.write_text(PLANEMO_RUNNABLE)
    codemods = (("silent-except", {}),)
    project = Projects(codemods, cache=cache).of(path)
    job = FileJob(
        path, "runnable.py", codemods, True, project=project, module_path="planemo/runnable.py"
    )
    reasons = [refusal.reason for refusal in process_file(job).refusals]
    assert len(reasons) == 1
    assert ("logging module's own functions" in reasons[0]) is not excluded


KEEPERS_MODULE = '''\
class Uploader:
    """Uploads."""

    @property
    def other(self):
        self.logger = logger

    def __init__(self, endpoint, log):
        if endpoint:
            self.log = log
        self._logger = self.endpoint.log
        self.LOG = object()

    class Inner:
        def __init__(self, log):
            self.log = log


def make():
    class Local:
        def __init__(self):
            self.log = logging.getLogger(__name__)
'''


def test_the_survey_finds_the_classes_that_keep_a_logger_in_init():
    """zuul's ImageUploader.__init__ binds ``self.log = log``, which its subclasses in other
    modules log with: only a top-level class's ``__init__`` counts, and only a logger."""
    facts = survey_of("silent-except").run([("pkg/driver/util.py", KEEPERS_MODULE)])
    assert facts.logger_keepers == {
        ("pkg.driver.util.Uploader", "log"),
        ("pkg.driver.util.Uploader", "_logger"),
    }
