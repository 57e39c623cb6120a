"""The ``cleanup-on-failure`` codemod's documentation and example."""

DOCS = """\
## What it does
Finds a resource acquired at the top level of a function (a temporary
directory, a file, a scratch network device, `super().create()` …) and makes
sure it is released when a later step fails:

- **scoped** (the function releases it itself later): the steps between the
  acquire and the release go into `try:` … `finally: <release>` (a `try`
  with no `finally` that is the only step takes the `finally` itself), or into
  `with open(...) as f:` when the object is its own context manager, the
  release is a plain `.close()` and the acquire is on one line (`with`
  would move a bracket its continuation lines are aligned under), unless the
  project supports Python 2.5 or older (mitogen's `python_requires='>=2.4'`,
  whose modules run on the hosts' Python) or a comment says the module runs
  on it (os-xenapi's dom0 plugins: "must use only Python 2.4 features"),
  which has no `with` (2.5 only with `from __future__ import`), or
  the project supports a Python whose object is no context manager yet
  (sockets became one in 3.2; an Ansible collection's modules run on 2.7),
  or the project's tests patch the acquire (`mock.patch('socket.socket')`),
  or are not there to read (aws-sam-cli's sdist prunes them, and they set
  a plain `Mock()` as the socket):
  `with` would use what `__enter__()` returns, another mock than the one
  the test sets up (Octavia's haproxy_vrrp_check test would hang). `open()`
  is patched with `mock_open()`, whose handle is its own `__enter__()`,
  unless the tests patch the module's `open` (or the builtin) with a plain
  mock (droopescan's `patch('dscan.common.release_api.open', create=True)`,
  then `mo().write`): its `try`/`finally` says to convert it together with
  the test. Not where that test module's handles return themselves from
  `__enter__()` (glean's `mock_handle.__enter__.return_value = mock_handle`):
  `with` it is (a module's other `with open(...)` proves nothing: its tests
  may not run it). `os.fdopen()` is patched so too, unless a test patches it at
  all (`mock_open()` included): python-crontab's `fileh =
  os.fdopen(filed, 'wb')`, closed after the writes, gets `with` as an
  `open()` would (its file object owns the descriptor, which the
  descriptor's own advice, below, covers up to the hand-off);
- **never released** (a temporary directory from `tempfile.mkdtemp()`, an
  `os.open()` or `tempfile.mkstemp()` descriptor, or a device created under a name made up just
  before, such as Neutron's `ip.add_dummy(get_rand_device_name(...))`, that
  is neither released, returned nor kept anywhere): the rest of the function
  goes into `try:` … `finally: <release>`, so it is released on success and
  on failure. Where the rest is one `try`, nothing moves: a `try` with no
  `finally` takes the `finally` itself, and one with a `finally` gets the
  release as the first statement of it, so a failing step there cannot
  skip it (enos's `_, osauth_path = tempfile.mkstemp()`, then a `try`
  whose `finally` unlinks the path: `os.close(_)` before the unlink),
  unless a statement of that `finally` names the resource (the release
  would come before it), where the `try` is wrapped whole;
- **escaping** (the function hands the resource to its caller: a local that
  is returned, or the object itself, as in an overriding `create()` that
  calls `super().create()` whose base class is in the same module): the
  remaining steps go into `try:` and the handler releases the resource and
  re-raises the original error. Where the module already imports
  `oslo_utils.excutils` the handler is `except Exception:` +
  `with excutils.save_and_reraise_exception():`, otherwise
  `except BaseException:` … `raise`. A release that fails itself is logged
  with `.exception()` on the module's logger and never replaces the original
  error. Only a logger the logging module or oslo.log makes is the module's
  here, or one the project's own function makes where that function's body
  is `return logging.getLogger(...)` (zenml's `get_logger`), or one such
  logger of another of the project's modules that the module imports
  (Weblate's `from weblate.logger import LOGGER`); another
  (pwntools' `pwnlib.log.getLogger`, whose `exception()` raises again) gives
  way to `logging.getLogger(__name__)`. A method that logs through a logger
  its object holds (irc3's `create_fifo()`, `self.context.log.debug(...)`;
  `self.log`, `self.logger`) logs the failing release with that, with no
  new import, unless the module imports Twisted's, txaio's or pwntools'
  logging, whose loggers have no `exception()` or raise again in it.

Moved lines are re-indented (a blank line after the acquire stays where it
is, above the new `try:`); whole-line comments that indentation would push
past the project's line length are re-wrapped, paragraph by paragraph (a bare
`#` line parts them and stays: enos's kolla.py), except a comment with a line
indented after its `#` or a list item (code, lists), which stays as it is (a
line it then pushes too far is refused, as a code line is); a needed import
is put in the standard-library group in hacking order. A `with` statement drops what
silenced the rule asking for it (`# noqa: SIM115`, pylint's
`consider-using-with`) from the acquire's comment, with the reason written
after it: ruff's RUF100 would report the directive as unused.

## Why is this bad?
If a step after the acquisition raises, or the function never releases what
it made, the resource is left behind: a temporary directory, a dummy network
device, a half-created object (CWE-664, improper control of a resource through
its lifetime; CWE-703, improper handling of exceptional conditions).

## Fix safety
A release is only written when it is known to undo exactly what this call
made, with the values at hand.

Safe (no behaviour change except the leak):
- a scoped acquisition that certainly makes a new resource
  (`tempfile.mkdtemp`, `open`, `socket.socket`, `os.open`, …) whose release
  the function already makes: it only moves into a `finally` (or `with`);
- a returned one (`tempfile.mkdtemp()`, `os.open()`) released when a step
  before the `return` fails: the caller never got it.

Review (right in the usual case; the reason names the one thing to check):
- a never-released resource now released when the function ends: check that
  nothing uses it after the function returns (a callee could keep the path);
- `super().create()` whose base class, `create()` and `delete()` are in the
  same module, `delete()` needs no argument and the class does not override
  it: check that the base `delete()` undoes only what its `create()` made;
- configured pairs not marked `(new)`: check that the call always makes a
  new resource.

Advice only (can be wrong in a plausible real case; nothing is written):
- an exists-ok acquire: `ensure_*()`, `exist_ok=True`, or namespace creation
  (Neutron's `Namespace.create()` uses `ensure_namespace`, runs on every agent
  restart on a namespace that carries traffic): a cleanup could delete what
  others use;
- a release that is not the exact inverse: `super().delete()` when the class
  overrides `delete()` (its own teardown, such as unplugging ports, would be
  skipped), or `self.delete()` (tears down the whole object); where the
  class defines no `delete()` and has no base that could (none, or only
  `object`, `ABC`, `Generic[...]`, `Protocol`), `self.create()` is not the
  pair's at all (docutils' `FormulaFactory`, toga-core's `Document(ABC)`), nor is `cls.create()` in a
  classmethod (label-studio-sdk's `LabelInterface.create()` returns a config
  string), not-applicable; where the project's survey finds no module (tests
  aside) that defines `delete()` and every base of the class is the
  project's (cvat-sdk's `ProjectsRepo`, made of its own mixins), the advice
  says there is no `self.delete()` to release what `self.create()` made;
- a release whose signature does not resolve: the base class is in another
  module, or its `delete()` needs an argument this call does not have
  (`delete(self, replica_id)` would raise `TypeError`); so does a bare
  `self.delete()` after `self.create()` where the class (or a base in the
  module) defines `delete()` with a required argument (Kallithea's
  `UserModel.delete(self, user, cur_user=None)`), naming only the ones
  `create()` is not given (zun's `DockerDriver.delete(context, container,
  force)`: `force`); where `create()` gives them all, the advice names the
  release `self.delete(name)` that would undo it; where `delete()` is not in
  the module and `self.create(url, ...)` is given a first positional argument
  (python-openstackclient's REST verbs), the release would take that argument,
  not tear down the whole object, and an HTTP PUT or an exists-ok create may
  have found what it names already there;
- a never-released resource that escapes (returned, stored in an attribute
  or a container, given to a base class's method with the object (breezy's
  `DiskTreeTransform.__init__(self, tree, limbodir)`, whose `finalize()`
  removes it), captured by a nested function, made the process's working
  directory or environment: `os.chdir(td)` in jupyterhub's spawner; a
  directory whose path is printed or logged for the user, which holds the
  function's output: insights-core's support archive), and a
  returned one that
  something else keeps before (an attribute or a container, a nested
  function) or that is used as a mount point (community.general's
  btrfs_subvolume keeps its mount points to unmount them later);
- a rewrite that would push a code line past the project's line length;
  for a never-released resource the advice says it is never released on
  success either, so a `try`/`finally` with its release belongs there, not
  a cleanup on failure only (chalice's `download_sdk()` directory).

## Refuses
- test code (`tests/` and `_tests/` directories, `test_*.py`, a module with a
  `Test*` class that holds `test_*` methods, whatever its base): a resource a
  failing test leaks harms nothing, so the churn is not worth it;
- a file object or socket that is returned or never closed (an attribute
  `__init__` makes that no method of the class closes included: a failed
  `__init__` drops the half-made object, and the file with it): it closes
  itself when its last reference goes, so a handler would be churn; the same
  for a `with` that would re-indent more than 15 lines;
- a `NamedTemporaryFile(delete=False)`: its file outlives `close()`, so a
  `with` or a `finally` closing the handle (which closes itself anyway)
  releases nothing that matters; the file stays until something unlinks
  its `.name` (certipy's key PEM files, pipenv's): advice to unlink it by
  hand;
- a device whose name the caller chose (it is meant to outlive the function);
- a resource that is a parameter (the caller owns it): not-applicable
  (`rs.create()`; `result = dev.create(flags)`, a status only compared); but
  what a method of the pair called on a parameter returns, where the
  function uses it as an object or stores it (nova's `vol =
  volume_api.create(...)`, a new Cinder volume; `s =
  client_factory.create('ns0:...')`, a SOAP data object), is a new object
  that no pair releases, not the parameter: nothing is recorded
  (not-applicable where a report points there); so is `cls.create(...)` in a
  classmethod (breezy's `klass.create(base, format)`), which makes a new
  object of the class, not a resource that `cls.delete()` would release, or,
  on a Tryton model (below), rows that `cls.delete()` would delete but that
  the rolled-back transaction removes already (trytond's
  `ModelButtonClick.register()`);
- a `return` between the acquire and a later release that hands the
  resource on, or a `yield` after the acquire: not-applicable (except in a
  `@contextmanager` generator with a later release, where a `finally`
  around the yield runs where the release does: ansible-core's
  `file_lock()` gets one; and except a return from an `except` block that
  hands the resource to no one, the failure's way out, where it leaks:
  rpkg's `except rpm.error: return None`); a return outside an `except`
  block that hands it to no one leaks it (kobo's upload view returns its
  "Checksum mismatch." response and leaves the upload's directory): advice
  to release it there too;
- steps that catch every exception (`except Exception:` that neither
  raises nor returns, as glances' port scan does): a failing step already
  reaches the release; not-applicable;
- a resource name that is rebound before its release, or released on only
  some paths already: advice only;
- a directory from `mkdtemp()` that the code removes another way
  (`os.rmdir(d)`, as Tacker does to let `copytree()` make it again): a
  cleanup could not tell whether it is there to undo; advice only. Where
  that removal is the directory's last use (radicale's probes end with
  `os.rmdir(base_dir)`), the advice says a failure before it leaves the
  directory behind; where it comes right after `mkdtemp()` (pipenv's
  `generate_temp_dir_path()`), that only a name is kept, as `mktemp()` does. A move (`shutil.move()`, `os.rename()`,
  `os.replace()`) hands the directory over and counts as such a removal;
- an acquire that a cleanup of an earlier one now holds in its `try`
  (duplicity's idrived `_get()`: a directory, then a file list): advice,
  since only acquires at a function's top level are rewritten;
- a descriptor from `os.open()` handed to `os.fdopen()`, `open()` or a
  project's own opener (salt's `salt.utils.files.fopen()`), or to a call
  that makes an object owning it (python-ldap's `initialize_fd()`), which
  closes it (gunicorn's pid file): a release after it would close it twice;
  so is a socket detached right after the try that guards its hand-off;
  not-applicable, or advice when a step before the hand-off can fail (one
  that only registers a cleanup, as semgrep's `exit_stack.callback()`,
  cannot, nor a path built of names and strings: `os.path.join()`, or
  meltano's `tmp_path = Path(tmp_name)`, `PurePath()`, `os.fspath()`), also
  inside the `try` or `with` that holds it (in-toto's `with
  open(stdout_name) as a, os.fdopen(stdout_fd) as b, ...`); the file object
  made at once is judged then, not the descriptor (never "it is yielded" for
  the file object): where it is closed only when its `try` succeeds
  (todoman's `atomic_write()` closes it in the `else`), advice to close it
  in the `except` too, or to open it in a `with` (said where a report asks:
  the file object closes itself when dropped); the same where the hand-off
  is in a `try` of its own whose handler releases the descriptor
  (rpmdeplint's `f = os.fdopen(fd)`, then a `try` that closes `f`): not
  "widen the cleanup";
- a thread, process or green thread started (or work submitted to a pool)
  between the acquire and the release: after a failure it may still use the
  resource (z/VM's downloader threads write to the open file); advice only;
- an acquire followed by others made the same way before any is released
  (koji's `daemonize()` opens fd0, fd1 and fd2), or by a name released the
  same way right beside it (limnoria's `copy()`: `dstfd` from a helper of
  the project that returns `open(...)`, closed after `srcfd`): a fix for
  the first alone would leave the others, so all get advice;
- a resource kept in an attribute (`self.sock = socket.socket()`): advice
  only (not-applicable when another method of the class releases it, even
  through a local name: python-ipmi's `sock = getattr(self, '_sock', None)`,
  or removes it where it is: pssh's `__del__()` calls `os.rmdir()` on its
  `mkdtemp()` directory; a method that closes it and then makes it anew
  replaces it rather than releasing it, as trove's
  `StreamReader._start_new_segment()` does with each segment's buffer, and
  the function that makes it is never its releaser;
  but advice in `__enter__()`, whose failure `__exit__()` never sees:
  Octavia's `NetworkNamespace` (not an `__enter__()` that yields, as
  nagiosplugin's `LogTail`: the `with` gets a generator, whose body runs
  inside the block, so not applicable), in `start()` of a class with `stop()` and no
  `__exit__()` or `__del__()`: click's `_FDCapture`, which a caller drops
  when it fails to start, and in `__init__()`, whose failure leaves
  the caller no object to release it with: ryu's `BMPStation` given a
  `close()`, glance-store's `BufferedReader` an `__exit__()` that calls
  the file's own (`self._tmpfile.__exit__(...)` releases it as `close()`
  does); but not a
  `TemporaryDirectory`, whose finalizer removes it once the half-made
  object is dropped: cx_Freeze's `ModuleFinder`, nor what the class's
  `__del__()` releases, which runs on the half-made object too: nrfutil's
  `Dfu`, nor a file no method of the class closes: toil's
  `DeferredFunctionManager`, not applicable; the same for an attribute of
  a new object of a class of the module that a function makes and keeps
  to itself until it returns it (msldap's `Snapshot.from_file()`: `sn =
  Snapshot()`, `sn.filehandle = open(...)`, then `parse()`), which a
  failure drops half-made, as a failed `__init__` does; and
  advice where that method is called by another of the class outside any
  `finally:` or `except`: checkov's helm runner removes its folder at the
  end of `run()`, which a failure before it skips (advice to call it in a
  `finally`), but where that method calls it only right before raising its
  own error (Zuul's `KubeFwd.start()` calls `stop()` when its check of the
  forwarder fails; the sockets stay reserved while it runs), advice to call
  it in an `except` before re-raising, since a `finally` would release it on
  success too; and where the function
  raises an exception of its own after making it: breezy's
  `start_server()` raises `CannotBindAddress` when `bind()` fails, and
  nothing serves or stops the object then); one appended to a list of the
  module that a function of the module releases (gsutil's rsync: its
  listings go into `_tmp_files`, which `CleanUpTempFiles()` closes) gets
  advice naming both: a failing step before the append leaks it, and a
  failure after is released only where a caller calls that function in a
  `finally` begun before the object is made; a standard
  stream (`sys.stdout = open(os.devnull, 'w')`, jedi's subprocess) is
  redirected for the process, not-applicable; so is a handle stored on the
  class (`FileHandler.fd = open(...)`, or `cls.fd` in a classmethod: kivy's
  logger), kept for the process and shared by its objects;
- code already protected (a `try` releasing it, after nothing that can fail:
  barman's `pool = None` first, or atomic-reactor's
  `os.path.join(self.temp_dir, BUILD_JSON)`, or a `Path(name)`; or a `try` releasing it
  followed only by such steps or by empty containers, made by an argument-less call of a
  builtin, `collections` or `weakref` one (oslo.rootwrap's `weakref.WeakSet()`, `set()`,
  `collections.deque()`; not a name the module rebinds); or a registered cleanup such
  as `self.addCleanup(shutil.rmtree, d)`, or the resource given to the
  project's own registry, named so: ansible-runner's
  `register_for_cleanup(path)`; or an attribute of the object whose method
  every caller in the class calls in a `try` whose handler or `finally`
  releases it: kivy's logger `emit()` around `_configure()`; or every step
  after it that can fail inside such `try`s, under `if`s that test nothing
  that can fail: openshift-client's `TempFile.__enter__()`, whose handler
  calls the class's `destroy()`, a method that releases it): already-fixed;
  but a `try` that
  releases it only when its own steps fail, with steps after it that can
  fail too (salt's `debuild_pkgbuild.build()`; an `if` after it that
  releases it, then raises, as Weblate's `start_connection()` does, is no
  such step): advice only, naming the exceptions where only handlers that
  name them release it (proliantutils' `except
  exception.ImageExtractionFailed:`, which an `OSError` gets past); a
  `try` that releases it after steps that can fail, such as a second
  `open()` (heat-agents' `hook-puppet.py`, whose `finally` closes both
  files): advice only, naming the step, where nothing else releases it;
- a base `create()` that does nothing: not-applicable; so is a
  serializer's (a class named `*Serializer`, or with such a base, as
  Django REST Framework's are: pulpcore's), or a Django model manager's
  (`*Manager`: Weblate's `CommentManager`), which saves a database row
  that a transaction or the object's own `delete()` undoes, or a Tryton
  model's (a class with a base from `trytond.model`, or the metaclass
  `PoolMeta`, itself or through a base class of the module: trytond's
  `ir.resource` and `ir.sequence`), whose rows are in the database
  transaction Tryton rolls back when the exception leaves it.

Method pairs apply to `super()` and `self`; `x.create()` on other objects
(database objects, whose transaction rolls back, or helpers) is left alone.
Only acquisitions at the top level of a function body are rewritten.
A resource after which no step can fail is left alone, with no record: plain
assignments, and a lone `print()` (to no `file=`) or a logger's level call
(`LOG.debug(...)`, `logger.info(...)`, `self.log.warning(...)`), or a lone
registration of a cleanup (`exit_stack.callback(...)`, `atexit.register(...)`),
given only names, attributes, numbers and strings or f-strings of them, are
no failing steps (nectar-osc's mailout `setup()` prints where its directory
is; zaza's log writer registers its own `close()` with `atexit`). A call in
their arguments (`LOG.info("%s", os.listdir(d))`) is a step that can fail.

With a report pointing at the function it also says when an acquisition
sits inside a nested block, when a local resource is neither released nor
handed back, or is handed to a call that looks like its release
(`unlink_without_raise(d)`, z/VM's `clean_temp_folder(d)`, or a removal
command run with it: Fabric's `local("rm -rf %s" % tmp_folder)` in a
`finally`), when the function has no pair at all, and, for teardown loops
like Neutron's `FipNamespace._delete()`, gives advice only.

## Options
`pairs`: extra acquire/release pairs, tried before the built-in ones. A list
of strings, or one string with entries separated by `;`:

```toml
[tool.cwemod.cleanup-on-failure]
pairs = ["mylib.make_scratch -> mylib.drop_scratch (new)", ".start -> .stop"]
```

`module.function -> module.function` releases with `function(resource)`;
`... -> .method` with `resource.method()`; `.method -> .method` applies to
`super().method()` and `self.method()`. `(new)` marks a call that always
creates a new resource (safe fix); without it fixes are review-level.
Built in: `tempfile.mkdtemp -> shutil.rmtree`, `open`/`io.open`/`os.fdopen`/
`socket.socket`/`socket.create_connection`/`tempfile.NamedTemporaryFile`/
`tempfile.TemporaryFile -> .close`, `tempfile.TemporaryDirectory -> .cleanup`,
`os.open -> os.close`, and `tempfile.mkstemp -> os.close` for the
descriptor a `fd, path = tempfile.mkstemp()` unpacks (all new; the path is
not removed, as it is usually what the caller gets), `.add_dummy`/`.add_vxlan`/`.add_veth ->
.del_veth` on a local object, released by name (Neutron's `ip_lib`), and
`.create -> .delete` (review).
"""

EXAMPLE = """\
import shutil
import tempfile


def render(template, values):
    workdir = tempfile.mkdtemp()
    output = write_files(workdir, template, values)
    data = read_result(output)
    shutil.rmtree(workdir)
    return data
"""
