"""The ``command-argv`` documentation page and example, kept out of the codemod's code."""

DOCS = """\
## What it does
Turns a command built as one string and run through a shell into an argument
list run without one. Covers `subprocess.run/call/check_call/check_output/Popen`
with `shell=True`, `os.system(cmd)` (becomes `subprocess.call(argv)`),
`os.popen(cmd).read()` (becomes `subprocess.run(argv, stdout=subprocess.PIPE,
text=True).stdout`), `asyncio.create_subprocess_shell` (becomes
`create_subprocess_exec`), `processutils.execute(cmd, shell=True)` and
`execute(('...' % x).split())`. The template may be a `%` format (tuple,
single value or dict), `str.format`, an f-string or a `+` concatenation, used
directly or through a variable assigned once in the same function. It is split
with POSIX shell quoting rules; each placeholder stays one argument, and a
word mixing text and a placeholder stays one argument built the same way:
`'sysctl -w net.ipv4.conf.%s.proxy_arp=1' % dev` becomes
`['sysctl', '-w', 'net.ipv4.conf.%s.proxy_arp=1' % dev]`. `shlex.quote()`
around a placeholder is dropped (its quotes would become literal), and a value
that is not certainly a string is wrapped in `str()` as `%s` did.

## Why is this bad?
A value interpolated into a shell command can carry shell syntax: with
`name = "x; touch pwned"`, `os.system('ping -c1 %s' % name)` runs a second
command (CWE-78, OS command injection). In an argument list the value is one
argument and nothing parses it.

## Fix safety
Safe when the template is literal text plus placeholders that were quoted
(inside `'...'`/`"..."` in the template, or wrapped in `shlex.quote`): the
program receives the same arguments. Review when a placeholder stood bare in
the template: the shell split such a value into several words and expanded
globs in it, and the code may have relied on that. Review for `os.system()`
whose result is used: it returned the wait status, `subprocess.call()`
returns the exit code. In every case a missing program now raises
`FileNotFoundError` instead of a shell exit status 127.

## Refuses
- Shell syntax outside quotes: pipes, redirections, `;`, `&&`, subshells,
  `$`, backticks, backslashes, newlines, globs, braces, `~`, comments.
- `VAR=value cmd` prefixes, shell builtins and keywords (`cd`, `source`,
  `export`, `ulimit`, `umask`, ...), an interpolated program name.
- `%r`/`!r` conversions, `executable=`, code in the same function that tests
  for exit status 127, a command whose value cannot be traced to one
  template in the same function (or whose variable is used for more than
  running it and logging it).
- `shell=True` given a list: a separate bug (only the first item runs as the
  shell command), reported as advice.
- `subprocess.getoutput()`, other `os.popen()` uses and Python 2 APIs: no
  list form to switch to, reported as advice.
- With a report, a call that already gets an argument list is marked
  "already an argument list", and a `shell=` argument of a function that is
  not a known process API (Bandit B604) is advice.

## Options
None.
"""
EXAMPLE = """\
import os
import shlex


def bring_up(namespace, device):
    os.system('ip netns exec %s ip link set %s up' % (shlex.quote(namespace), shlex.quote(device)))
"""
