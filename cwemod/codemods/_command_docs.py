"""The ``command-argv`` documentation page and example, kept out of the codemod's code."""

DOCS = """\
## What it does
Turns a command built as one string and run through a shell into an argument
list run without one. Covers `subprocess.run/call/check_call/check_output/Popen`
with `shell=True`, `os.system(cmd)` (becomes `subprocess.call(argv)`),
`os.popen(cmd).read()` (becomes `subprocess.run(argv, stdout=subprocess.PIPE,
text=True).stdout`; on a project that supports Python 3.5 or 3.6,
`universal_newlines=True`, the same switch as 3.7's `text=True`; before 3.5,
which has no `subprocess.run()`, advice naming `subprocess.Popen(...,
universal_newlines=True)`), `asyncio.create_subprocess_shell` (becomes
`create_subprocess_exec`) and `processutils.execute(cmd, shell=True)`. The
template may be a `%` format (tuple, single value or dict), `str.format`, an
f-string or a `+` concatenation, used directly or through a variable assigned
once in the same function. It is split with POSIX shell quoting rules; a word
mixing text and a value stays one argument built the same way:
`"sysctl -w 'net.ipv4.conf.%s.proxy_arp=1'" % dev` becomes
`['sysctl', '-w', 'net.ipv4.conf.%s.proxy_arp=1' % dev]`. `shlex.quote()`
around a value is dropped (its quotes would become literal), and a value that
is not certainly a string is wrapped in `str()` as `%s` did.

How many words a value stands for decides the rest. A value the shell saw
inside quotes, or through `shlex.quote()`, was one word, and becomes one
argument. A value that stood unquoted was split by the shell at blanks (and
`''` vanished), so it becomes one argument only when it is *known* to be one
word:
- a number conversion without padding (`%d`, `%i`, `{:d}`, ...);
- an integer literal, `int(...)` or `len(...)`;
- a local variable every assignment of which, in the same function, is such a
  number or a string literal of one plain word (no blanks, quotes, globs, `$`);
- a module constant every assignment of which is an integer literal or such a
  string literal (a number stays in `str()`).

A name the function only reads, and that is no such constant, is of unknown
shape: a module global set from the environment or by a call (gpustat's
`__version__`, `COUNT = int(os.environ[...])`), or a variable of an
enclosing function.

An unquoted value the function shows to hold several words or none (a
literal with blanks, `''`, text added with `+=`), or whose name says it is a
set of options (`opt`, `opts`, `options`, `args`, `flags`, `params`,
`extra_*`, `*_opts`, `*_args`, ...), keeps the shell's splitting:
`*shlex.split(opt)`, with `import shlex` added in the standard-library group.
A value the function hands to an `os.path` function (nikola's
`os.path.exists(self.output_folder)` before `os.system('nikola init -q ' +
self.output_folder)`) is one path: one argument, at review. Any other
unquoted value is refused: a name is a hint for choosing between
splitting and refusing, never proof that a value is one word.

The new lines keep to the project's line length (`max-line-length` of its
flake8 configuration, else ruff's or black's `line-length`, else 79): a list
that does not fit is filled line by line, continuation lines aligned with its
first item (pycodestyle's visual indent), after moving it to a hanging line
behind the call's parenthesis if need be.

## Why is this bad?
A value interpolated into a shell command can carry shell syntax: with
`name = "x; touch pwned"`, `os.system('ping -c1 %s' % name)` runs a second
command (CWE-78, OS command injection). In an argument list the value is one
argument and nothing parses it.

## Fix safety
In every case a missing program now raises `FileNotFoundError` (or
`OSError`) instead of a shell exit status 127; code that tests for 127 is
refused.

Safe (applied by default): every interpolated value was quoted in the
template (`'%s'`, `"{}"`), wrapped in `shlex.quote()`, or is known to be one
word (see above). The program receives the same arguments for every value
without shell syntax in it; a value with shell syntax is now passed as it is,
which is the fix.

Review (`--unsafe`), the reason names the one thing to check:
- an unquoted value kept split with `shlex.split()`: shlex splits and
  unquotes like the shell, but expands no globs (`*`, `?`, `[...]`),
  `$variables`, `$(...)` or `~`; check the value never relies on them;
- an unquoted value the function uses as one path: the shell split a path
  with blanks into several arguments (and globbed it), the list keeps it
  whole, as the code meant;
- `os.system()` whose result is used: it returned the wait status,
  `subprocess.call()` returns the exit code.

Advice only (refused, with the reason):
- an unquoted value not known to be one word and not shown or named to be
  several (`'ip link set %s up' % device`): the tool cannot tell whether the
  shell's splitting was meant; pass it as one argument if it is one word;
- `execute(('...' % x).split())` with such a value: `str.split()` cuts it at
  whitespace, the same question; with only known values the list would run
  the same command, so nothing is changed;
- a word mixing quoted text and an unquoted value to be split;
- an argument list that cannot be wrapped to fit the line length, or whose
  new length would move a bracket that a continuation line is aligned under;
- everything listed under *Refuses*.

## Refuses
- Test code, in a run without a report: a test's own command line (fsspec's
  `icacls` on pytest's directory) is no attack surface, so the change is
  churn. Where a report points at it, it is fixed. A module with a
  `unittest` class appended to its public functions is no test code
  (tendo's `tee.py`, whose `system()` is the package's API).
- A `subprocess` call whose function the project's tests assert the exact
  arguments of, in a test module that names the module (tripleo-ansible's
  `mock_run.assert_called_once_with('tar xvz -C / -f foo', check=True,
  shell=True, ...)`, `mock_run` bound by `@mock.patch('subprocess.run')`):
  the argument list would break them. The mock counts by its name (`mock_run`,
  `m_check_output`, `popen_mock`, `mock_subprocess.call`) or by what its patch
  replaces (`patch('pkg.mod.subprocess.run')`, `patch.object(subprocess,
  'run')`). Advice naming the tests and lines: convert them together with the
  call.
- A constant command (no value interpolated, or only module constants
  bound to string literals, or to text made of them and of other such
  constants: buildbot's `"svn log ... " + svnurl`, offlineimap's
  `"{} ./x.py".format(EDITOR)` with `EDITOR = 'vim'`, even as the program):
  nothing can be injected,
  and without the shell a missing program would raise instead of returning
  127 (glean runs `systemctl` expecting it to fail on systems without
  systemd). Not applicable; said only where a report points. So is a
  command of literals given to `os.popen()`, `subprocess.getoutput()`,
  `subprocess.getstatusoutput()` or a Python 2 API, and a command string
  held in a name its function binds only to text made of literals, module
  constants and `join()` of lists of them (atomic-reactor's
  `fmt = sep.join(["%%{%s}" % tag for tag in tags])` over a list of literal
  tags, then `cmd = "/bin/rpm -qa --qf '{0}'".format(fmt)`), used more than
  once or not; and a list of literals whose `shell=` is a variable (beets'
  `run(["ffprobe", "-version"], shell=shell)`). So is a command that is a
  parameter of a private module function, or of a private method called as
  `self._m(...)` (`_snarf(cmd)`), undecorated, whose name the module uses only
  to call it, and whose every such call passes a string literal without shell
  syntax for it, by position or keyword, or leaves it a literal default: no
  other module calls it. A `shell=` that is not a
  constant in Windows-only code (scikit-build's `windows.py`:
  `shell=sys.platform.startswith("cygwin")`) is not applicable either: a
  program gets one command line there whatever its form.
- Shell syntax outside quotes: pipes, redirections, `;`, `&&`, subshells,
  `$`, backticks, backslashes, newlines, globs, braces, `~`, comments. Where
  the only shell syntax is a closing `2>&1` (planemo's xmllint), the advice
  is the argument list with `stderr=subprocess.STDOUT`. A
  glob gets the wildcard-injection advice (file names passing for
  options) unless its word starts with literal text other than `-`
  (delegator.py's `twine upload dist/*`): then a constant command is
  not applicable, said only where a report points. A word that is exactly
  `[`, `[[`, `]` or `]]` is the test command or its end, no glob (bifrost's
  `[ $(whoami) == root ] || sudo --non-interactive true`, constant text).
- `VAR=value cmd` prefixes, their value interpolated or not (gpustat's
  `"GPUSTAT_VERSION='{}' sh -c ..."`), shell builtins and keywords (`cd`,
  `source`, `export`, `ulimit`, `umask`, ...), the test command (`[ -d %s ]`,
  `test -e %s`: a list would run `/usr/bin/[`, where Python's `os.path`
  says the same), an interpolated program name.
- A command a `string.Template` substitutes values into (watchdog's event
  paths in the user's command line): the values run as shell syntax; quote
  each with `shlex.quote()` before substituting.
- `%r`/`!r` conversions, `executable=`, code in the same function that tests
  for exit status 127, a command whose value cannot be traced to one
  template in the same function (or whose variable is used for more than
  running it and logging it); for a parameter the function never binds
  again (ec2instanceconnectcli's `run_command(self, command)`), the advice
  says to check what its callers pass; where the function is public and every
  call in the module passes such a literal (shuup's `snarf("node --version")`),
  it says so, and to check callers elsewhere, since another module may import
  it. Where that function uses the command as a string (a `str` method such
  as `.split()`, an item of a `.join([...])`, `+` with text), or a function
  whose calls in the module hand it their own parameter whole does
  (networking-bagpipe's `run_command()` joins the root helper to the
  command its `_shell_command()` runs, and drops its callers' `shell=` by
  `kwargs.pop("shell")`, which the advice names too), the advice names that
  function: it takes only strings, so it must take an argument list before
  its callers can pass one. A template a local holds as a literal and the
  call formats (xonsh's `c = "{0} {1}; exit 0"`, then `c.format(...)`), or a
  module constant bound once to a literal, or to text made of literals and
  such constants by `+`, `%` or `format()` (monasca-agent's
  `_POSTFIX_CHECK_COMMAND = ('sudo -l -U {0} find %s/incoming -type f >
  /dev/null' % _POSTFIX_DIRECTORY)`), and formatted at the call or into
  the command's variable (planemo's `XMLLINT_COMMAND.format(...)`), or
  one the call extends (`cmd + " -l"`, also over several locals: zulip's
  vendored git_p4 builds a pipe so), is read for what it runs, and left
  with advice: the list belongs at the call. Where its text is in shell
  syntax, the reason names it and its line (monasca-agent's `> /dev/null`:
  the shell redirects, which an argument list cannot without a rewrite).
  A variable bound more than once
  (atomic-reactor's `cmd`, made again in an `except` block; glean's `cmd`, an
  install line in a `with` block, then a sed line in a loop) is not
  rewritten. Where the template bound just before the call, in the same
  block, reaches it (what stands between only reads the variable:
  `log.info(cmd)`), the reason given is that template's own (its shell
  syntax, its unquoted values), else that the variable is bound more than
  once, naming the lines; where none reaches it (murano-agent's `app`, made
  again under an `if`), that it is bound more than once, naming the lines,
  with advice to build the list where it is made. Where the variable is bound once, and used again
  elsewhere, that template's shell syntax is the reason given. So is it
  where the one template is
  then extended only by `+=` of string literals whose quotes pair (Kallithea's
  `cmd += ' | gzip -9'` under an `if`): the template with each literal
  appended is read for its shell syntax or interpolated program, never
  rewritten. A command the call converts with
  one argument (`str(cmd)`, `os.fsdecode(cmd)`, or a name ending in
  `tonativestr`, `tostr`, `to_str`, `to_text`, `fsdecode` or `fsencode`:
  hg-git's `procutil.tonativestr(cmd)`) is never rewritten through the
  conversion; the reason given is that of the variable inside (its template's
  shell syntax or interpolated program), else the conversion itself.
- Unquoted values of unknown shape (a module global not bound only to
  literals, an enclosing function's variable), and lists that cannot fit
  (see above).
- Shell syntax (a pipe, `&&`) where every value goes through
  `shlex.quote()` (rpmlint's `rpm2cpio {quote(name)} | cpio -id`), or in
  constant text (bindep's `which brew >/dev/null`), or a configured command
  line whose placeholders are each replaced by a quoted value (dulwich's
  merge driver: `cmd = cmd.replace("%A", _shell_quote(ours_path))`): nothing
  can be injected, so not applicable, said only where a report points. So is
  a command line read from `git config` (a variable bound once to a call that
  runs `["git", "config", ...]`, or to a call of the module's function that
  does: nbdime's `get_clean_filter_cmd()`): git itself runs a filter's or
  driver's command through sh, so the shell is the user's command by design.
  So is a parameter of a private function (as for constant callers above)
  whose every call in the module passes an option of oslo.config's `CONF`
  (`CONF.<group>.<opt>` or `CONF.<opt>`, `cfg.CONF` too: ironic-inspector's
  `_execute(CONF.dnsmasq_pxe_filter.dnsmasq_start_command)`, an option
  documented as a shell command line): the operator writes the command for
  a shell, and an argument list would break the option.
- `shell=True` given a list, or a string's `.split()` (pypiper's
  `check_call(cmd.split(), shell=True)`, where only `cat` runs): a separate
  bug (only the first item runs as the
  shell command), reported as advice (which says to expand the wildcards of
  the list with `glob.glob()` once no shell does: cobbler's `"%s/*"`); not
  applicable in Windows-only code
  (a module, class or function named for Windows: scikit-build's
  `platform_specifics/windows.py`, which only Windows imports, or under an `if` testing
  `os.name == 'nt'`, `sys.platform == 'win32'` or a flag named for Windows,
  such as poetry-core's `WINDOWS`; or `shell=` bound only to such a test,
  flit's `shell = (os.name == 'nt')`, lsassy's `shell = sys.platform in
  ["win32"]`), where the list is joined
  into one command line. A list of one literal item is the
  whole shell command, as a string would be: a constant command (meson's
  `call(['sudo rm -rf .../*'], shell=True)`); of one other item, the whole
  shell line of unknown source, as a string would be (cibuildwheel's
  `run([cmd], shell=True)` in its `shell(cmd)` helper): advice, never "drop
  shell=True"; it says where the item comes from: the callers, for a
  parameter; the call, for a name bound from one (tuir's `command, entry =
  self.get_mailcap_entry(url)`), whose result should be quoted or a list. A literal list, or a name only
  ever bound to one and not changed in place (jupyterhub's `args = ['npm',
  'run', 'css']`), is constant whatever a variable `shell=` says.
- `shell` given in a `**options` dict literal the function binds once
  (gitlint's `popen_kwargs = {"stdout": pipe, "shell": ...}`), unless it is
  `False`: advice. With an argument list, that a true value runs only its
  first item. With a command string, what would still stop its rewrite
  (murano-agent's `app`, bound again under an `if`: a name bound more than
  once is never traced), or that a variable `shell` value leaves it unknown
  whether a shell runs; only where neither does, to write the keywords out
  at the call and rerun.
- `create_subprocess_shell()` given keywords through `**mapping`
  (subprocess-tee's `**platform_settings`): advice only. The reason is the
  command's own (a parameter's, say), followed by what the mapping is known
  to set (`executable=`, `shell=` or `args=`, in the dict literal it is
  bound to or by key in the function: subprocess-tee's
  `platform_settings["executable"] = os.environ.get("SHELL", "/bin/sh")`),
  or else that it may carry `executable=` or other keywords.
- `subprocess.getoutput()`, other `os.popen()` uses and Python 2 APIs: no
  list form to switch to, reported as advice (`os.popen(cmd, "w")`, a pipe
  to write to such as avocado's pager, gets `subprocess.Popen(...,
  stdin=subprocess.PIPE)`). The advice is spelled for the project's oldest
  Python: `capture_output=` and `text=` from 3.7, `stdout=subprocess.PIPE,
  universal_newlines=True` on 3.5 and 3.6 (Kallithea supports 3.6), and
  `subprocess.Popen()` before 3.5, which has no `subprocess.run()`.
- With a report, a call that already gets an argument list is
  `not-applicable` ("already an argument list": there is nothing to fix). So
  is an `execute()` (no `shell=`, or a false one) given `*shlex.split(x)`, or
  `x.split()` of a command whose template cannot be traced (manila's
  `utils.execute(*(mount_command.split()), run_as_root=True)`, the template
  from its driver's mount info): no shell parses it, so nothing in it can
  inject shell syntax; whether a value holds blanks that `str.split()` cuts
  is its template's question, which the tool cannot read there. And
  a `shell=` argument of a function that is not a known process API (Bandit
  B604) is advice.
- A `shell=` that is not a constant (doit's `Popen(action, shell=self.shell)`,
  where `shell` defaults to True): advice, as the tool cannot tell whether a
  shell runs. ruff reports such a call as S603 ("a call without a shell"),
  which triage then sends here for this answer; an S603 or B603 finding on a
  call whose `shell=` is absent or a false constant gets the scanner's advice.
- A file whose scanner rules the project's ruff configuration turns off is
  accepted as it is only where the rule of the shell is off: S602 for a
  subprocess call, S604 for another call with `shell=`, S605 for
  `os.system()` and the other shell APIs. tmt ignores S603 ("a call without
  a shell") and S607 (a partial path) everywhere; its `Popen(...,
  shell=shell)` still gets the advice above.

## Options
None.
"""
EXAMPLE = """\
import os
import shlex


def bring_up(namespace, device):
    os.system('ip netns exec %s ip link set %s up' % (shlex.quote(namespace), shlex.quote(device)))
"""
