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


# Calls of one argument that only convert text, looked through for a refusal's reason
# (never rewritten through): the builtin str(), and by the end of the called name
# os.fsdecode(), os.fsencode(), Mercurial's procutil.tonativestr() (hg-git's _ssh.py).
TEXT_CONVERSION_ENDINGS = ("tonativestr", "tostr", "to_str", "to_text", "fsdecode", "fsencode")


def converted_text(node: cst.BaseExpression) -> cst.BaseExpression | None:
    """The one argument of a call that only converts text (``str(cmd)``,
    ``procutil.tonativestr(cmd)``), else None."""
    if not isinstance(node, cst.Call) or len(node.args) != 1:
        return None
    arg = node.args[0]
    if arg.keyword is not None or arg.star:
        return None
    func = node.func
    name = func.value if isinstance(func, cst.Name) else None
    if isinstance(func, cst.Attribute):
        name = func.attr.value
    if name == "str" and isinstance(func, cst.Name):
        return arg.value
    if name is not None and name.endswith(TEXT_CONVERSION_ENDINGS):
        return arg.value
    return None
