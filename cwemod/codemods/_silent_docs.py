"""The ``silent-except`` codemod's documentation and example."""

DOCS = """\
## What it does
Finds handlers that catch every exception and do nothing with it (bare
`except:`, `except Exception:`, `except BaseException:`, with or without
`as name`, also inside a tuple) whose whole body is `pass` or `continue`, and
makes them leave a trace at debug level with the module's logger:

    except Exception:
        LOG.debug("Ignoring exception in Agent.sync()", exc_info=True)

The exception is still swallowed and `continue` is kept, so control flow is
unchanged. The message names the enclosing function (the traceback does
too; a decorator's wrapper, a function that the function around it returns
and that calls one of its parameters, by the decorator: "the log_call()
wrapper", not kobo's `_new_function()`), is plain English and is not
translated. The logger is the module's
existing one: a module-level `LOG`, `LOGGER`, `logger`, `log` (or the same
with a leading underscore; then any other name with `log` in it, such as
volatility3's `vollog`) bound only to `logging.getLogger(...)`,
oslo.log's `log.getLogger(...)` or a `get_logger(...)` of a module of the
project's own (papis's `papis.logging.get_logger(__name__)`) with a name (a bare `getLogger()` is the root
logger, which spyder only sets to ERROR), or imported by such a name from a module
of the project that makes it (qtile's `from libqtile.log_utils import
logger`, glances' `logger = glances_logger()`; relatively, or from another
module of the project that re-exports it: nikola's `from .utils import
LOGGER`, made in `log.py`); or, in a module that logs
through the root logger's functions (`logging.info(...)`, as impacket's
scripts do), `logging.debug(...)` itself. Where the module has none, a method of a
class that keeps its own logger (`self.logger`, bound in the class's
methods, through `self` or a class method's `cls`, only to a
`getLogger(...)` or `get_logger(...)` call or to a name that says it is a
logger, as Swift's classes do; or one the method already logs with, as in
`self._logger.debug(...)`; or one a base class of the project's, imported
or of the module, binds in its `__init__`, as zuul's `ImageUploader` binds
the `self.log` its uploaders inherit) logs with that, unless it is an object of a
class of the module whose `debug()` takes no `exc_info` (moonraker's
`ProtoLogger`: `debug(msg)` would raise `TypeError` in the handler). Bare
`except:` and `except BaseException:` are not narrowed to `Exception`: that
would let `KeyboardInterrupt` and `SystemExit` escape where they did not
before, a separate decision for a human.

Where another handler of the module logs what it catches with a helper of
the project's, called with no arguments (a function named `log_` for an
exception or traceback, bound by a top-level import: blivet's
`log_exception_info()` from its `storage_log`, breezy's
`trace.log_exception_quietly()`), a handler in a function calls that
helper instead, at the default `log-level` (another level asked for is
logged with the logger).

A module without a logger gets one after its imports, made as the
project's other modules make theirs (a survey of every module that calls
`getLogger(`, not only those that swallow exceptions): the same logger
name, given `__name__`, or the one string most of them give (luigi's
`getLogger("luigi-interface")`, the logger it sets up; but `__name__`
outside the folder a name is that of: pywb's `getLogger('warcserver')`,
made in `pywb/warcserver/` only), and oslo.log imported as most of them import it (`from oslo_log
import log as logging`, or `from oslo_log import log` with
`log.getLogger`) in the third-party import group (hacking order) when most
modules use oslo.log and the project's requirements name it; the project's
own logging module when most use that (Rally's `from rally.common import
logging`), in the project's import group; else `import logging` in the
standard-library group.

## Why is this bad?
An error that is detected and then dropped without a trace (CWE-390,
detection of error condition without action; CWE-703, improper handling of
exceptional conditions; Bandit B110/B112) hides failures, including ones an
attacker provokes, and makes incidents impossible to diagnose.

## Fix safety
- Safe: none. Adding a log line where an exception is swallowed changes what
  operators see, so no fix is applied without `--unsafe`.
- Review: every fix. With an existing logger, check that this failure is
  not routine here (a debug line with a traceback on every call is noise).
  With a new logger, check that it fits the project's logging setup.
- Advice-only (left alone, with the reason; a report pointing there gets
  it as not-applicable): everything listed under Refuses, where the
  swallowing is documented, deliberate or harmless; a scrubber that fails
  open, or a TLS setting that fails open, gets it as advice-only, to be
  made to fail closed.

## Refuses
- Handlers of specific exception types (`except KeyError: pass`): ignoring
  an expected, named error is usually deliberate. Not reported in a
  whole-tree run; with a report pointing there, said as not-applicable.
- A comment in the handler or after its `pass` (cinder's "# Really don't
  care here"), or a comment about failing (it says ignore, fail, best
  effort, harmless, doesn't matter, don't care, went wrong, missing, gone,
  already exists, closed, removed or the like (not aiosmb's "if the
  connection was already running", a state), optional, if possible, what a
  call may raise, where it only works, as carbon's "# This only works on
  Linux" on the `try` line, "attempt to" or "try to" opening a sentence, as
  hupper's "# attempt to send imported paths to the reloader process", and
  the like) inside the `try` body, on the lines just above the `try`, above
  the statement whose block the `try` opens, or above a run of `try`
  statements it belongs to: the silence is documented as intended. A comment
  that only says what the code does there ("# Read old rpmutils.py file"), a
  linter's directive (`# pylint: disable=bare-except`, `#
  ruff:ignore[...]`), a failure that is an imperative's alternative, which
  asks for it to surface (tap-as-a-service's "# Postcommit phase, do the
  backend stuff, or fail.", "... or raise", "... or die"; not "it may work
  or fail", "pass or fail" or "or fail silently"), commented-out code (pypykatz's
  `#traceback.print_exc()`, a block's first line such as pyvmomi's `# if
  dt['year'] == 0:`), prose in the `try` body or above it that heads
  commented-out code in the same run of comment lines (pyvmomi's "# Orig.
  XMLSchema don't allow all zeros year. But newer draft is ok" above its
  disabled year check: it says why the check is off; one in the handler
  still counts), a TODO naming a lint code or a comment saying
  the exceptions should be investigated or handled (msldap's typeconversion,
  whose raw value returned after the try is the reason) documents nothing,
  nor does a comment of a `try` nested in the body, which speaks for that
  one (pysnmp's "# already up to date"), or above an `if` that only skips
  the loop's item (`continue`, `break`), which says what it skips
  (pandas-gbq's "# Ignore non-directories" in a probe that returns True,
  then False after the `try`; one in that `if` still counts: graphite-web's
  "we cannot rely on the 'except' in this case"), nor one in the body or
  above that names what an earlier handler of the same `try` catches and
  makes a result of (wapiti's "# Otherwise if the pointed domain doesn't
  exist" above the `if` whose `try` has `except NXDOMAIN: return True`, then
  `except BaseException: continue`): it tells of that handler, not the
  silent one; nor one above an `if` that begins "If", "When" or "Unless",
  which states the `if`'s test (mongoengine's "# If a file already exists,
  delete it" above `if grid_file:`, whose `try` deletes it: a best-effort
  cleanup; one that replaces it gets the fix), as the `if` line's own
  comment does. A line marked for the scanner (`# noqa: S110`, `# nosec`) is
  refused as marked; where another reason below holds too, the reason says
  both (tqdm's `# nosec B110` on a loop of candidates). Where only the way to
  log it stands in the way (no logger to use, no line that fits), a line or
  file the project accepts (a mark, or ruff's `per-file-ignores` turning S110
  off: openstacksdk's `examples/*`) gets that acceptance as its advice, not
  advice to log with the package's own (private) logging module.
- Test code (modules under `tests/`, `test_*.py`, `conftest.py`, `tests.py`) and test
  functions (`test*`, `_test*`): swallowing there hides no production
  failure, and projects such as Cinder forbid logging in tests (hacking
  C309); the reason says which. Developer tooling under `tools/`, `doc/`,
  `releasenotes/`, `devstack/` or `playbooks/`. Historical migrations
  (Django's `migrations/0017_....py`, alembic's `versions/`): they run once
  per install, and the project does not edit them (pretalx's). Ansible modules and
  plugins (modules that import `ansible.module_utils`, as Zuul's do, or
  `ansible.plugins`, as Zuul's action plugins outside `action_plugins/` do): they
  report through Ansible, and nothing sets up logging where they run;
  code that imports Ansible's `Display` (ansible-core's controller, which
  imports `ansible.module_utils` too) gets advice to report through it. An
  Ansible module that sets logging up itself (metalsmith's
  `metalsmith_instances.py`: `basicConfig()`, and a handler on
  `getLogger('metalsmith')` whose text its result returns) gets advice to log
  with the logger it configures, by hand: `getLogger(__name__)` is `__main__`
  where Ansible runs the module.
- A handler in a function whose name says it ignores exceptions, or in the
  wrapper a decorator so named defines (kivy's console module's
  `ignore_exception(f)`): a verb of ignoring (ignore, suppress, swallow,
  silence) alone or with what it drops (`suppress_errors`,
  `ignoreException`), not `ignore_case`. This reason comes first.
- A handler in a function whose docstring says it is best effort,
  never raises or fails ("doesn't raise any exception": aws-sam-cli's
  `save_config_safe()`; "suppresses exceptions": gradio's
  `no_raise_exception()`), or answers something "in any error scenario"
  (celery's `bound_open_broker_sockets()`, avocado's `read_all_lines()`),
  or in a method of a class whose docstring says it does not log
  (localstack's `NonLoggingHandler` "avoids logging to stdout on error").
  So is one in a function whose docstring's first paragraph says the call
  may fail (tuir's and rtv's `Terminal.curs_set()`, "may fail for some
  terminals with limited cursor support", called on every prompt there),
  as the comment above the `try` would, unless the docstring lists what the
  function raises: in so many words ("may fail", "best effort", "ignores
  errors", "(optional)"), or speaking of failing with the first word of a
  call the `try` makes. A result the docstring promises for an error
  handled elsewhere is no such word: google-cloud-storage's
  `lookup_bucket()`, "returning None if not found", speaks of the
  `NotFound` it catches by name, not of the cache update its inner `try`
  swallows, and gets its log line; a failover it names (cinder's
  `failover_host()`) is no failing.
- A handler that runs as the module is imported (at module level, not in
  an `if __name__ == "__main__":` block), in a module with no logger:
  aws-sam-cli's `os.system("color")`; nothing has set logging up yet, so a
  new logger's debug line would show nowhere. Nor in a module that logs
  through the root logger's functions: `logging.debug()` there would call
  `basicConfig()` itself, and the application's own handler would then
  print every line twice (printrun's `printcore.py`).
- Best-effort cleanup: a `try` body that only releases or tears something
  down, calls whose name starts with close, delete, remove, unlink, rmtree,
  rmdir, stop, kill, terminate, clean/cleanup, shutdown, disconnect, detach,
  unplug, destroy, release, logout, unregister, deregister, unset, unmount, unmap,
  unexport, unlock, cancel, dispose, free, deallocate, purge, quit
  (smtplib's, ftplib's) or teardown,
  or ends in eof (websockets' half-close, `transport.write_eof()`), also
  behind `force_`, `os_`, `async_` or `safe_` (gradio's
  `safe_aclose_iterator()`),
  or whose argument names one (pyghmi's `grab_json_response(self.logouturl)`)
  (`if` around them, `x = None`, a name bound to another (apprise's
  `client = client_obj` before `client.disconnect`), `del` of a name or
  an attribute (swift's `sock.close()`, then `del sock`), `pass`, a
  logger's call (sushy-tools' `LOG.debug('Deleting image ...')` before the
  delete), and a `wait()` or `join()` after them allowed: spyder's
  `thread.quit()`, then `thread.wait()`). Ignoring a failed undo is a
  deliberate idiom; the failure it could report is usually "already gone".
  So is a `try` that only waits for the item of the loop right around it
  (`x.wait()`, `t.join()`), a loop over timers, threads or workers, in a
  method named `wait`, `join` or for a teardown: karbor's `Service.wait()`
  waits for each of its oslo.service looping calls (which log their own
  failure), as its `stop()` stops each; one failure must not stop the
  wait for the others.
  Not the removal of what the function was given, none named temporary:
  a file removal (`os.unlink`, `os.remove`, `os.rmdir`, `shutil.rmtree`)
  of a parameter or a loop's item, or a removing call (delete, remove,
  deregister...) of a loop's item (or a part of one, `job.id`) in a
  function that also makes its twin (`add_job()` for `remove_job()`):
  s4cmd's `dsync_files()` unlinking the target's files under
  `--delete-removed`, freezer-web-ui's `update_session_jobs()` removing
  the jobs the user deselected beside adding those selected, do what the
  user asked for, and get their log line. Still a cleanup: a removal with
  no twin (cinder's replication teardown removing the group it is given),
  a handle's release or an activity's end (close, stop,
  kill...: `os.close(fd)` on the descriptors a child inherits), a
  removal in an `except` or a `finally`, or after the `yield` of a fixture
  or a context manager (localstack's fixture deregistering the types it
  registered), or in a `try` that also drops its reference (`x = None`).
  Nor a call of the enclosing function's own name:
  kr8s's `unset()` hands its own operation to each config
  (`config.unset()`, a file edit), and a failure gets its log line.
  So is a swallow in a method named for a teardown alone (`close()`,
  `disconnect()`, `shutdown()`, `stop()`, `cleanup()`, `teardown()`,
  `terminate()`, `dispose()`, `quit()`, `logout()`, `release()` or `unlock()`, as yagmail's SMTP
  client's `quit()` that closes in its own `finally:`, or one starting close_, disconnect_, clean_up_,
  shutdown_, teardown_ or cleanup_: logbook's `close_connection()`; the
  name's words count in CamelCase too: pyvmomi's `Disconnect()`, a
  `CloseSession()`): it releases what it can, and often runs twice
  (jupyter_server's `disconnect()`); `delete_volume()` is not one. The
  reason says one failed release must not stop the others only where more
  runs after a failure (the `try` in a loop, with a `finally`, or code
  after it); where one `try` holds every release it cites the docstring
  when that says cleanup (nova's `_cleanup_remote_migration()`). Nor a
  `try` there that calls no teardown, in an `except` handler that raises:
  ironic's console `_stop()` logs the unit's status before it re-raises,
  as its `_start()` does, and both get the debug line. A class derived from a
  logging library's (the logging module's, oslo.log's, logbook's,
  structlog's, loguru's: raven's logbook `SentryHandler`) is a logging
  class, where a log line can recurse.
  So is a `try` that only rolls back (`rollback()`, `abort()`) inside an
  `except` handler that re-raises: a failed rollback must not mask the error
  raised, and after a failed commit it often fails every time (peewee's
  asyncpg transactions).
- Trying candidates in a loop: a `try` body that returns or breaks out of
  the loop on success (or sets a flag that an `if flag: break` right after
  it reads: beaker's `verify_options()` tries each allowed type), or that
  ends appending (or adding) what it made to a list or set the code after
  the loop tests for emptiness (`if not found`, `len(found) == 0`) or takes
  the first of (`found[0]`): cvat-sdk's `get_oneof_instance()` keeps each
  schema that builds from the input and raises when none did; or, in a `for`
  loop, a `try` whose handlers all `continue` and after which the loop's
  body ends in a `return` or `break` (horizon's console lookup returns the
  first console type that answers). A failure only means the next candidate
  is tried.
- A handler in `write()`, `writelines()` or `flush()` of a class that take
  what a stream's do (one argument; none for `flush()`): a stream a log
  handler may write through (sopel's `OutputRedirect`, standing in for
  `sys.stderr`), where a log line can recurse; not routersploit's BTLE
  `Device.write(self, characteristic, data)`. An optional import (a `try`
  of imports only, with `pass`: coverage's pth file), or a module-level
  `try` that imports first and then only defines and registers what needs
  it (flask-security's Twilio sender).
- A try that only imports and calls a function that reports usage (named
  for analytics, telemetry or a milestone: prefect's `try_mark_milestone()`,
  whose traceback would reach the user's flow-run log): a failure there
  must not reach the user's work or logs.
- A try that only makes a directory (`os.makedirs(path)`, pywb's autoindex
  every 30 s): it raises where the directory exists, which is routine;
  advice to pass `exist_ok=True`.
- A check that raises its own failure, let through by an earlier handler
  (Cheetah's version check: `except AssertionError: raise`, then `except
  Exception: pass`): anything else means the check cannot be made there.
- An optional check: a `try` of imports and a last `if` whose only way
  out is an error log (`critical`, `error`, `fatal`) and a `return`, with
  `pass` (nbdime's server extension refuses Jupyter Server 2 that way):
  when the check cannot be made, the code after the try goes on, as it
  does when the check passes.
- A `try` that ends in a `while True:` loop whose first statement takes from
  a container that raises when empty (`x.popleft()`, `x.pop()`,
  `x.get_nowait()`, `next(it)`, `heappop(x)`): kivy's input providers drain
  their event deque every frame that way. The loop ends when the container
  is empty; advice to narrow the handler to that exception (`IndexError`,
  `queue.Empty`, `StopIteration`), since the broad one also hides failures
  in the rest of the loop.
- A polling loop: a `try` in a `while` loop, with `pass` (or `continue`),
  that calls `.settimeout(...)` and waits in `.accept()` or `.recv()`
  (`recvfrom`, `recv_into`...): coercer's listeners bind the same port pass
  after pass until a deadline, and the wait raises `socket.timeout` on every
  pass without a hit; advice to narrow the handler to `socket.timeout`, so
  that a failed `bind()` and the like surface (no "candidates tried in
  turn": the same one is tried again).
- An unbounded retry: a `try` first in a `while True:` (or `while 1:`) loop
  that it leaves on success (`break`, `return`): networking-l2gw's
  `_echo_response()` reads the same socket again after every failure until a
  reply parses. A debug line on every pass would flood the log; advice to
  narrow the handler to the failure expected there, or bound the retries
  (not "candidates tried in turn": the same call is tried again).
- A `try` that ends in a `while True:` (or `while 1:`) loop that only reads values, with no
  `break` or `return` (octoprint's `winreg.EnumValue(key, i)` until it
  raises): the exception is how the loop ends. A worker's endless loop is
  no such loop: a failure there ends the work, and is logged.
- A conversion: a `try` that only returns a call of a parameter (`return
  int(value)`), with `pass`, at the end of its function (pretalx's
  `get_int()`), or a number's (`int()`, `float()`...) before `return None`:
  None is the answer for what cannot be read.
- A probe: a `try` that returns a literal when it works (at its end, or
  at the end of an `if` there; a display of literals counts, as thonny's
  `{}`), with `pass`, then another literal (or a parameter: click's
  `return default`) returned after it (PyInstaller's classifier: what
  macholib cannot read is `'DATA'`; thonny's Tk poll every 50 ms). So is a
  `try`, with `pass`, that returns somewhere inside (not as its last
  statement) and may run on to a literal returned right after it: that
  literal is the no the function gives anyway (flytekit's
  `schema_match()`: `if <a pydantic model>: return <match>`, then `return
  False`, where pydantic is optional). So is a `try` of several
  statements, the first binding a name to what a call gives and the last
  returning a value, with `return None` next to it in the same block
  (certipy's `get_object_sid_from_certificate()`: most certificates lack
  the extension, and `get_extension_for_oid()` raises for them); not a
  lone `return f(x)` before `return None`, which may fail for reasons
  worth a log line. So is a
  `try` whose body ends returning a value, with `pass`, as the last thing
  its function runs (last in the body, or in a `with` or `if` that is):
  the function gives None when it fails (csvkit's csvstat
  `_calculate_stat()`, where agate raises for a text column's statistics,
  routinely); and one whose `else:` returns so, as the last thing its
  function runs or followed by `return None` alone (otcextensions'
  `_extract_message()`: most string fields of an error body are no JSON).
- A module that keeps its imports to what runs anywhere: a comment says so
  ("Import *ONLY* builtin modules", PyInstaller's bootstrap modules), or it
  imports nothing at its top (a top-level `try` of imports counts as its
  top: rollbar's DRF handler) while its functions import what they use
  (PyInstaller's runtime hooks, run inside a frozen app): a logger's import
  may not be there. So does a function PyInstaller's `isolated` runs in a
  child interpreter from its code alone (`isolated.call(f)`, `child.call(f)`
  of `isolated.Python()`, `@isolated.decorate`): no module global is there;
  nor in a function whose source another function of the module copies out
  with `inspect.getsource()` (kfp's notebook executor templates, run in a
  component's container).
- A type test: a `try` whose body is `if` statements testing what a value
  is, the last with `issubclass()`, which raises `TypeError` for what is
  not a class (insights-core's walk over components; great-expectations'
  dialect checks, given a module or an instance on every call). So is a
  `try` whose first statement is a conversion (`int()`, `float()`,
  `Decimal()`, `uuid.UUID()`...) whose result is discarded, alone in the
  `try` (msldap's console: `try: int(dn)`, the `else:` taking it as the
  tree's depth) or followed only by assignments and additions (`append`,
  `add`, `extend`, `insert`) that each use the value it tested (shuup's
  importer: `int(arg)`, then `qs.append(Q(pk=arg))`, for every cell of an
  import): the conversion
  only tests the value; the reason suggests narrowing the handler to
  `(TypeError, ValueError)` for a number's. A filter
  written with `pass` or `continue`: the `try` ends a `for` loop, reads,
  then yields, appends, adds or extends under an `if` (insights-core's
  audit log leaves out the lines whose timestamp cannot be read; thonny's
  registry lookups add the paths they find to a set). So is a `try` in a
  `for` loop, with `continue`, whose body only tests the item: `if`
  statements, assignments of names and `continue`, each call a builtin that
  reads (`str()`, `len()`...), a method of text (`startswith()`) or a
  mapping's read (`get()`, `keys()`) of the item or a name bound from it,
  what keeps the item coming after the `try` (redfish's `get_selection()`:
  `if not str(props[sel]).startswith(val): continue`, and most instances lack
  the property). A call that may act (`item.refresh()`, `session.get(url)`)
  makes it no filter.
- A removal of what may not be there: a `try` body of `del mapping[key]`
  (or of an attribute, or a name: `del node`, `del a, b`) only (cobbler's
  `del blended["autoinstall_meta"]`; hyperopt's `clone_merge()`, whose `del
  node` after a comprehension over `node` is Python 2 code that raises on
  every call in Python 3), after the `.index()` lookups that find them
  (markdown's token registry).
- An optional value: a `try` body of assignments, imports and asserts only (and `if` or `for`
  around them, and a `break` once found: gallery-dl's config lookup walks a path of keys; `args += [...]` adds items to a local list, as luigi's worker info
  does; `del fields[key]` drops the raw value once converted, as insights-core's VDSM log parser
  does) with `pass`, which keeps the value's default when it cannot be read
  (where one `name = ...` has no default before it and is read after, the
  reason says the name is left unbound: cinderclient's `osprofiler_web`,
  or changedetection.io's `r` on its loop's first turn; that reason comes
  before a comment's, which excuses no crash: certipy's `# No cache
  present` above `pass`, then `if ccache:`;
  not where a later `try` binds it first and reads its own, as pypykatz's
  `get_default_logon()` does three times);
  where the statement right after the try is `if name is None:` (or `if
  not name:`) that only raises, maybe after a logger's call or
  `warnings.warn()` (tap-as-a-service's copy logs a warning first), no
  default is kept, and the reason says the failure surfaces as that raise
  (cyborg's `get_vf_num_by_pci_address()`); so where it is `if name:
  return name` and a raise comes next (karbor's endpoint lookup);
  a template filled in place (`message = message % kwargs`, or
  `message.format(...)`) reads nothing: arguments that do not fit it are a
  caller's mistake, which glance_store's exception base swallowed (nova's
  logs it), and the handler logs it;
  an attribute set on another object than `self` is a write, no optional
  value (pysnmp's `node.syntax = node.syntax.clone(key_bytes)`, a user's key),
  and so is one set on an object reached through `self` (osi-dump's
  `self.connection.compute.default_microversion = "2.95"` sets the
  microversion of a compute proxy, as its `connection.compute...` does in
  another module), but not on one the function makes itself (pypykatz's `sk =
  CREDENTIAL_ATTRIBUTE()`, then `sk.keyword = sk.keyword.decode(...)`; or
  `c = cls()` in a classmethod, as cassandra-driver's cloud config does;
  or a function it defines: sentry-sdk's `wrapper.__signature__ = ...`;
  where the `try` only sets such attributes, or only sets attributes of
  `self` or `cls` to literals, where nothing is read: osi-dump's
  `self.microversion = "2.95"`, the reason says an optional
  setting, kept at its default where it cannot be set),
  and `d.setdefault(key, value)` is a store as `d[key] = value` is
  (sentry-sdk's `user_info.setdefault("email", user.email)`); where the
  try only sets one item (oci-cli's `OVERRIDES[service_name + ...] =
  new_name`), the reason says the item keeps what it had, or stays unset;
  a name converted in place (`version = convert(version)`, bound before
  the try: octoprint-firmwarecheck's, which starts it as `None`) keeps the
  raw value, not a default, and the reason says to set it in the handler,
  but not where the function never binds it to `None` (a `None` in the
  other branch of an `if` that holds the try does not count: msldap's
  cstruct binds `count = None` for an array with no count) and takes the
  raw value as given: the statement right after the try (after the `if`
  whose branch the try ends) returns, yields, stores or passes to a call
  the name itself (mongoengine's `to_python()`: `return value`
  after `value = ObjectId(value)`, which `validate()` then rejects; its
  sort keys: `key_list.append((key, direction))`; msldap's cstruct:
  `Array(self.cstruct, type_, count)` evaluates a count left an
  `Expression` later), or a try around it
  returns what the name started as when anything fails (zappa's
  colorizers: `final_string = string`, colouring steps in tries of their
  own, and `except Exception: return string`): the raw value is the
  intended fallback, and `None` would drop bad input or break the output;
  nor where a comment
  on the conversion's line or just above it explains the conversion
  (shuup's product importer: "xlrd causes 1 to be 1.0"; that reason comes
  first; not a section label above the try or elsewhere in it, as zappa's
  "# Line headers" or "# And IP addresses"), nor where the
  statement after the try reads the name only as text (`str(value)`),
  which the raw value and the converted one both give, nor where the
  conversion parses the name's own text (`eval()`, `ast.literal_eval()`,
  `json.loads()`, `yaml.safe_load()`): the raw value is the intended
  fallback, used as given where it is no text (py2app's `FixupTargets()`:
  `targets = eval(targets)`, and `setup(app=["main.py"])` gives a list);
  with `continue`, a filter that skips the items it cannot read (manila's
  `line.split()[0]` on the empty last line of `ip route`'s output).
- A fallback: a `try` that returns what it gets (or returns inside a last
  `if` or a loop, as py-cpuinfo's unit parser does, or ends in `continue`; a lambda or
  comprehension in that `if` is no matter, as redfish's header check filters the names
  with one, but a return in a function defined there is not the try's), with `pass`,
  followed by calls that get it
  another way (manila's Weka client reads `/capacity`, else sums the
  drives; scons tries a source as a file, then as a folder; conan checks
  whether a 404 means no packages, else raises the error after its `if`),
  or by `return` of a parameter as it came, first or later (bokeh's
  `convert_datetime_array()` returns the array unconverted; fiftyone's
  attribute parser tries `int()`, then `float()`, then returns the value),
  or by a
  `raise` (gcsfs's HNS probe re-raises the first error when the folder
  is not there either). Where the statement after the `try` raises, the
  reason says the failure surfaces as that raise, not as another way
  (pywebview's `interop_dll_path()` raises `FileNotFoundError` when the
  frozen app's folder has no DLL either). So is a `try` that binds a name, with `pass`,
  followed at once by `if not name:` (or `if name is None:`) that binds it
  another way, or returns what it works out another way: gsutil's
  `GetTermLines()` asks the terminal for its size, then reads `LINES`;
  searchlight's terminal size asks `stty size` (this reason comes before
  the optional value's where the try only assigns). A return an error log goes before is the try's
  error exit, not its success: no fallback follows it. This reason comes
  before any about the logger.
- A scrubber that fails open: a function named for hiding secrets
  (`redact`, `scrub`, `censor`, `obfuscate`, `anonymize`; without a
  docstring, `mask_password`, `strip_credentials`) or whose docstring's
  summary says so ("Strip credentials from a URI"), whose handler, with
  `pass`, is followed by `return` of a parameter it does not bind but in
  the `try` (or whose handler itself returns one): where the `try` fails it
  gives the input back, secrets and all (feast's `_sanitize_uri()` returns
  the URI with its password where `urlparse()` or `.port` raises). No
  fallback, and a log line would not close it: advice-only, to fail closed
  (return a redacted placeholder, or re-raise) by hand. A handler of a
  specific type, or one that returns, gets it where a report points.
- A TLS setting that fails open: a `try` that only hardens a context, by
  setting `verify_mode`, `check_hostname`, `minimum_version`, `cert_reqs`
  or `verify_flags`, adding flags with `options |=` or `verify_flags |=`,
  or calling `set_ciphers()` (not to `False`, `None`, `CERT_NONE`,
  `CERT_OPTIONAL` or `MINIMUM_SUPPORTED`, which weaken it), with `pass`:
  where the store fails the context keeps its weaker default
  (snowflake-connector-python's `ctx.verify_mode = ssl.CERT_REQUIRED` on a
  new pyOpenSSL context, which verifies no certificate otherwise). No
  optional value, and a log line would not close it: advice-only, to let
  it raise (fail closed) by hand. `load_verify_locations()` and
  `set_default_verify_paths()` are not among them: a context left with no
  trusted roots fails its handshakes. A handler of a specific type gets
  it where a report points.
- An Ansible plugin (a module under `callback_plugins/`, `action_plugins/`
  and the like): it runs inside ansible-playbook, and ironic's callback
  plugin sets up its logging only after the code that swallows.
- A Python 2 shim: a `try` body that only calls `sys.exc_clear()` or
  `sys.setdefaultencoding()`, which Python 3 lacks (circus's): the handler
  runs every time, and the call and its `try` can go instead. Where the
  project still supports Python 2 (youtube-dl's 2.6 and 2.7; or may: it
  names no Python and installs six), the call runs there, and the reason
  says so: they go when Python 2 does.
- A handler that names `CancelledError` beside `Exception`
  (`except (asyncio.CancelledError, Exception):`): a cancelled task is
  routine there (IPython cancels its suggestion task at every keystroke);
  and a `try` that only awaits the task the statement before it cancels
  (ursina's `connection.async_task.cancel()`, then `await
  connection.async_task`): `CancelledError` is the expected outcome.
- A `try` that starts with `x.index(...)` and drops its value: a membership
  test (impacket's `endpoint.index('endpoint=')`), where failing means the
  value is not there.
- Handlers inside `__str__`, `__repr__` or `__format__` (callers print and
  log the object: impacket's `KerberosError.__str__`), and inside `__del__` (runs during garbage collection and interpreter
  shutdown, when logging may be torn down) and inside classes derived from
  `logging` or `oslo_log` classes (a handler, filter or formatter that logs
  can recurse).
- A log line that cannot fit the project's line length (its flake8, ruff or
  black setting, default 79), even without the function's name and wrapped.
- A method (one that takes `self`, or a function nested in one) in a module
  whose classes log through methods of their own (pyload's
  plugins: `self.log_debug()`, from a base class elsewhere) or a logger
  reached through another object (`self.pyload.log.debug()`), and not with
  the module's logger: advice to log with it, not a module logger (a class
  that keeps a logger of its own, or inherits one a project's base class
  binds in its `__init__`, logs with that). A
  module-level function there has no `self` in reach (irc3's `fetch()` in
  `plugins/feeds.py`, run in a thread pool): it gets the module's logger,
  a new one made the project's way, or the advice a module without one gets.
- A project's `setup.py` without a logger: nothing sets up logging where pip
  and setuptools run it, so a new logger's line would show nowhere.
- A module without a logger in a project where no module (outside tests)
  makes one (supervisor logs its own way): a new logger would write where
  nothing is set up to show it; where they make their loggers with a call
  of the project's own (calibre-web's `log = logger.create()`), advice to
  log with one made that way; where they call the logging module's own
  functions (you-get's `logging.debug()`), advice to log that way (a
  module that calls them itself logs with them); where they make them only inside functions
  and classes (koji's `self.logger = logging.getLogger("koji.build")`,
  paramiko's `util.get_logger()`), the advice says to log with the one at
  hand in a method, and, in a module-level function, that none is at hand
  there (irc3's `fetch()`), and in a method of a class with no base and no
  `self.log`-like attribute, that the class keeps none (yagmail's
  `RawAsyncSMTP`). One whose modules make loggers by other
  names (tornado's `gen_log` and `app_log` in `tornado/log.py`), or bind
  one to a function or a logger class of their own (lsassy's
  `LoggerAdapter`), gets advice to log with one of them, and
  a module that imports one by another name (`from tornado.log import
  gen_log`) advice to log with it. One whose modules
  give `getLogger()` names of their own, none shared (gallery-dl's
  `"config"`, `"cache"`, `"archive"`), gets advice to name one for the
  module; one where more modules import a logger of the project's than
  make their own (sentry-sdk's `from sentry_sdk.utils import logger`, in
  39 modules; sickchill's logging module itself, `from sickchill import
  logger`, in 168) gets advice to import that one. A method of a class whose methods log with `self.log` (bound by
  a base class elsewhere: gallery-dl's extractors) logs with it. A module that logs with the `logging`
  module's own functions (s3cmd's `from logging import debug, warning`):
  a logger beside them would be churn.
- A module without a logger in a project whose modules make theirs with
  the project's own `get_logger()` (kombu's `from kombu.log import
  get_logger`, Celery's), or a logging module's (azure-cli's `from
  knack.log import get_logger`): advice to add one that way. A module that has
  such a logger logs with it, as does one whose logger is its own top-level
  function's, given `__name__`, that returns the `getLogger()` result it makes
  (impyla's `log = get_logger_and_init_null(__name__)`, a NullHandler added).
- A module without a logger in a project whose modules mostly log through
  another facility (buildbot's `from twisted.python import log`, Twisted's
  `Logger`, loguru's `logger`, autobahn's `txaio.make_logger()`, or the
  project's own log module called as it is: duplicity's `from duplicity
  import log`, `log.Debug(...)`; carbon's `from carbon import log` and
  graphite-web's `from graphite.logger import log`, whose packages sit in
  a `lib/` or `webapp/` folder, as a `src/` layout's do), where nothing
  may set up the logging
  module: advice to log the exception that way. The modules of a
  top-level `examples/`, `docs/` or `contrib/` (and benchmarks, tests and
  vendored folders: metaflow's `_vendor/packaging`) do not count towards
  the convention, nor do those the project's flake8, ruff, black or
  pre-commit configuration excludes: autobahn's 47 examples log through
  Twisted's `log`, its library through txaio; mercurial's one logger is in
  its release automation under `contrib/`, and hg reports through `ui`;
  planemo's `logging.debug()` calls are all in `autopygen/`, which its ruff
  excludes.
- A module without a known logger whose logger name is taken by something
  else (`from myproject import LOG`, `LOG = []`): `LOG.debug` may not
  exist; a module that logs through another logger-named facility (pbr's
  `from distutils import log`: a second logger beside it would be churn);
  a module without a logger whose name `logging` is taken (wapiti3's
  `from wapitiCore.main.log import logging`, loguru's logger: advice to log
  the exception through it); a module
  without a logger whose imports follow other code (an Ansible module's
  `DOCUMENTATION` string), where the new import and the logger would be
  placed apart; a handler
  in a function that binds the logger name locally; a module-level handler
  that runs before the logger is defined.
- At the default `debug` level, a module whose logger a top-level
  `setLevel()` sets to DEBUG (or a level up to 10) and that passes its
  records up (no `propagate = False` with only NullHandlers): the handler an
  application installs prints them, whatever the root logger's level
  (`basicConfig(level=WARN)` sets that, not its handler's), so the line
  would print on every call (oci-cli's `cli_metrics.py`, its metric file
  missing on the first run). Where every other debug line of the function
  is under the same `if <parameter>:` or `if ctx.obj['debug']:`, the
  reason says to log the exception under it by hand.
- A `try` whose first statement looks a key up (`X[name]`) in a dict
  literal the module binds once at its top level (oci-cli's
  `SUBCOMMAND_TO_SERVICE_INIT_MODULE = {}`): the KeyError is the normal
  miss; advice to use `.get()` and narrow the handler.
- A bare `except:` (or `except BaseException`) around a `yield`: it also
  catches GeneratorExit, thrown in when the consumer stops early
  (cfn-lint's `EqualsIsUseful`), so a log line would report a failure that
  is none; narrowing the handler is the project's call (it changes what the
  generator does), so it is said, not done.

## Options
- `log-level` (default `debug`): `exception` writes `LOG.exception(msg)`;
  `error`, `warning`, `info` or `debug` write
  `LOG.<level>(msg, exc_info=True)`. A program that never configures logging
  gets records of level WARNING and above on stderr (Python's last-resort
  handler).
- `logging-module` (default `auto`): where a new logger comes from when the
  module has none: `auto` follows the project, `logging`, or
  `oslo_log.log` (imported as `from oslo_log import log as logging`).
- `line-length` (default 0, the project's): the message names
  `Class.method()` when the line fits, else only `method()`, else no place;
  in a handler that `continue`s, each place with "; continuing", then each
  without it, before no place (redfish's `get_selection()` keeps its name
  and drops the suffix); each message is tried on one line, then with `exc_info=True` under the message,
  then wrapped after the opening parenthesis, the arguments on one line, then
  one per line with the parenthesis closing after the last (pep8's hanging
  indent: cloudkitty-dashboard's `LOG.debug(` over
  `'Ignoring exception in IndexView._get_rating_rules()',` and
  `exc_info=True)`), before a shorter message. Where black or `ruff format`
  gates the project, as they write it instead: broken after the opening
  parenthesis, the arguments together on a line of their own, else one per
  line with the magic trailing comma, the closing parenthesis below them.
"""

EXAMPLE = """\
from oslo_log import log as logging

LOG = logging.getLogger(__name__)


class Agent:
    def sync(self):
        try:
            self.plugin_rpc.report_state(self.context, self.state)
        except Exception:
            pass
"""
