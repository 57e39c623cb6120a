"""The process APIs ``command-argv`` knows, and how a call to one is recognised."""

from __future__ import annotations

import libcst as cst

SUBPROCESS_FUNCTIONS = frozenset(
    f"subprocess.{name}" for name in ("run", "call", "check_call", "check_output", "Popen")
)
PROCESSUTILS_EXECUTE = "oslo_concurrency.processutils.execute"
LIST_TAKING = SUBPROCESS_FUNCTIONS | {
    "asyncio.create_subprocess_exec",
    PROCESSUTILS_EXECUTE,
}
EXECUTE_NAMES = frozenset({"execute", "trycmd"})  # oslo/neutron-style helpers, matched by name
SHELL_ONLY = {
    "subprocess.getoutput": "subprocess.getoutput() always runs a shell",
    "subprocess.getstatusoutput": "subprocess.getstatusoutput() always runs a shell",
}
PYTHON2_ONLY = frozenset(
    {
        "os.popen2",
        "os.popen3",
        "os.popen4",
        "commands.getoutput",
        "commands.getstatusoutput",
    }
    | {f"popen2.{name}" for name in ("popen2", "popen3", "popen4", "Popen3", "Popen4")}
)
QUOTE_FUNCTIONS = frozenset({"shlex.quote", "pipes.quote"})
LOGGING_METHODS = frozenset(
    {
        "debug",
        "info",
        "warning",
        "warn",
        "error",
        "exception",
        "critical",
        "log",
        "print",
    }
)


def is_split_call(node: cst.BaseExpression) -> bool:
    """``<expr>.split()`` with no separator: splits on whitespace runs."""
    return (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "split"
        and not node.args
    )
