import textwrap

import libcst as cst

from cwemod.codemods.kit.loggers import (
    conventional_logger,
    exception_helper,
    imported_logging_modules,
    logs_at_a_level,
    looks_like_get_logger,
    module_assignments,
    object_logger,
)


def test_looks_like_get_logger():
    assert looks_like_get_logger(cst.parse_expression("logging.getLogger(__name__)"))
    assert looks_like_get_logger(cst.parse_expression("getLogger('x')"))
    assert not looks_like_get_logger(cst.parse_expression("make_logger()"))
    assert not looks_like_get_logger(None)


def test_module_assignments_are_top_level_plain_names():
    module = cst.parse_module(
        "LOG = logging.getLogger(__name__)\nx: int = 1\na.b = 2\ndef f():\n    y = 3\n"
    )
    assigned = {
        name.value: cst.Module([]).code_for_node(value)
        for name, value in module_assignments(module).items()
    }
    assert assigned == {"LOG": "logging.getLogger(__name__)", "x": "1"}


def test_conventional_logger_prefers_the_usual_names_then_the_first():
    assert conventional_logger(["audit", "LOG"]) == "LOG"
    assert conventional_logger(["audit", "trace"]) == "audit"
    assert conventional_logger([]) is None


def test_imported_logging_modules_name_the_binding_and_its_statement():
    body = cst.parse_module(
        "import os\nimport oslo_log.log\n"
        "from oslo_log import log as logging\nimport logging as std\n"
    ).body
    found = imported_logging_modules(body, ("logging", "oslo_log.log"))
    assert found == {"oslo_log.log": ("logging", 2), "logging": ("std", 3)}


def test_object_logger_is_the_attribute_a_method_logs_through():
    def logger_of(code):
        [function] = cst.parse_module(textwrap.dedent(code)).body
        return object_logger(function)

    assert logger_of("def f(self):\n    self.context.log.debug('x')\n") == "self.context.log"
    assert logger_of("def f(self):\n    self._logger.warn('x')\n") == "self._logger"
    assert logger_of("def f(self):\n    self.log.append('x')\n") is None
    assert logger_of("def f(self):\n    self.audit.info('x')\n") is None
    assert logger_of("def f(cls):\n    cls.log.info('x')\n") is None
    assert logger_of("def f():\n    LOG.info('x')\n") is None


def test_logs_at_a_level_by_the_loggers_name():
    def logs(code):
        return logs_at_a_level(cst.parse_expression(code))

    assert logs("LOG.debug('made %s', path)")
    assert logs("logger.warning('x')")
    assert logs("self.context.log.info('x')")
    assert not logs("LOG.log(10, 'x')")  # not a level method
    assert not logs("audit.info('x')")  # not a logger's name
    assert not logs("self.log.append('x')")
    assert not logs("info('x')")


def _helper_of(source: str) -> str | None:
    return exception_helper(cst.parse_module(textwrap.dedent(source)))


def test_exception_helper_is_the_projects_function_a_handler_calls_bare():
    """blivet's ``log_exception_info()``; breezy's ``trace.log_exception_quietly()``."""
    blivet = """\
        from .storage_log import log_exception_info

        def dump():
            try:
                save()
            except AttributeError:
                log_exception_info()
        """
    breezy = blivet.replace("from .storage_log import log_exception_info", "from . import trace")
    breezy = breezy.replace("log_exception_info()", "trace.log_exception_quietly()")
    assert _helper_of(blivet) == "log_exception_info"
    assert _helper_of(breezy) == "trace.log_exception_quietly"


def test_no_exception_helper_where_none_is_imported_and_called_bare_in_a_handler():
    with_arguments = """\
        from .storage_log import log_exception_info

        try:
            save()
        except OSError:
            log_exception_info(log.warning, "save failed")
        """
    defined_here = """\
        def log_exception():
            pass

        try:
            save()
        except OSError:
            log_exception()
        """
    not_in_a_handler = "from .util import log_exception\n\nlog_exception()\n"
    other_name = with_arguments.replace('log.warning, "save failed"', "")
    other_name = other_name.replace("log_exception_info", "report_failure")
    for source in (with_arguments, defined_here, not_in_a_handler, other_name):
        assert _helper_of(source) is None
