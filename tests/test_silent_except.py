"""silent-except: the rewritten code really logs and still swallows the exception."""

from __future__ import annotations

import logging
import textwrap
import types

import pytest

from cwemod.codemods import LineRange, RefusalKind
from cwemod.engine import InputError, load_config, transform_source

EXISTING_LOGGER = """\
import logging

LOG = logging.getLogger("silent_except_existing")


class Agent:
    def stop(self, connection):
        try:
            connection.close()
        except Exception:
            pass
        return "stopped"


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


def remove(path):
    try:
        os.unlink(path)
    except:
        pass
    return "removed"
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


def test_existing_logger_logs_and_still_swallows(caplog):
    outcome = rewrite(EXISTING_LOGGER)
    assert [fix.applicability.value for fix in outcome.fixes] == ["safe", "safe"]
    module = load(outcome.text, "silent_except_existing")

    class BrokenConnection:
        def close(self):
            raise OSError("connection reset")

    with caplog.at_level(logging.ERROR, logger="silent_except_existing"):
        assert module.Agent().stop(BrokenConnection()) == "stopped"

    [record] = caplog.records
    assert record.levelno == logging.ERROR
    assert record.getMessage() == "Ignoring exception in Agent.stop()"
    assert isinstance(record.exc_info[1], OSError)


def test_continue_is_kept_after_logging(caplog):
    module = load(rewrite(EXISTING_LOGGER).text, "silent_except_existing")
    with caplog.at_level(logging.ERROR, logger="silent_except_existing"):
        assert module.drain([lambda: 1, failing(KeyError("gone")), lambda: 3]) == [1, 3]
    [record] = caplog.records
    assert record.getMessage() == "Ignoring exception in drain(); continuing"
    assert isinstance(record.exc_info[1], KeyError)


def test_added_logger_logs_under_the_module_name(caplog, tmp_path):
    outcome = rewrite(NO_LOGGER, unsafe=True)
    assert [fix.applicability.value for fix in outcome.fixes] == ["review"]
    module = load(outcome.text, "silent_except_added")

    with caplog.at_level(logging.ERROR, logger="silent_except_added"):
        assert module.remove(str(tmp_path / "missing")) == "removed"

    [record] = caplog.records
    assert record.name == "silent_except_added"
    assert isinstance(record.exc_info[1], FileNotFoundError)


def test_added_logger_is_a_review_fix_only():
    outcome = rewrite(NO_LOGGER)
    assert outcome.text == NO_LOGGER
    [skipped] = outcome.skipped_review
    assert "adds a module logger LOG" in skipped.reason


def test_log_level_option_logs_with_traceback(caplog):
    outcome = rewrite(EXISTING_LOGGER, **{"log-level": "warning"})
    module = load(outcome.text, "silent_except_existing")
    with caplog.at_level(logging.WARNING, logger="silent_except_existing"):
        module.Agent().stop(types.SimpleNamespace(close=failing(RuntimeError("boom"))))
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
        source, [("silent-except", {})], targets={"silent-except": [LineRange(16, 16, "B110")]}
    )
    [fix] = outcome.fixes
    assert fix.findings == ("B110",)
    assert outcome.text.count("LOG.exception") == 1
    assert 'LOG.exception("Ignoring exception in second()")' in outcome.text
