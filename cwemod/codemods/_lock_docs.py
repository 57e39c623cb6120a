"""The ``salted-lock-name`` documentation page and example, kept out of the codemod's code."""

DOCS = """\
## What it does
Passes the name of every external oslo.concurrency lock through one helper,
`salted_lock_name(name)`, that appends an HMAC of the name under a key read
from the environment when the lock is taken (stdlib only: `hmac`,
`hashlib`, `os`):

    with lockutils.lock(utils.salted_lock_name('ipset-%s' % ns),
                        external=True):

The helper returns `name + '-' + HMAC-SHA256(key, name)[:16]`, with the key
read from an environment variable (option `key-env`, default
`OSLO_LOCK_NAME_KEY`) each time a lock is taken. With no key set it returns
the name unchanged, so merging the patch changes nothing until operators
set a key.

The project is surveyed first, as a whole:
- The helper lives in one module per project: the project's own lock
  wrapper module (a function that may take or remove an external lock by
  the name it is given, such as os-brick's `connectors.base.synchronized`
  or tobiko's `common._lockutils.lock`, of `external_lock`, or a
  module-level `synchronized_with_prefix` partial, such as Cinder's
  `utils.synchronized`; not one that locks only in-process, such as
  Glance's `api.common.memoize`).
  Other modules import that module, hacking style (`from cinder import
  utils`, then `utils.salted_lock_name(name)`), in the project's import
  group and in H306 order.
- A project with no lock wrapper module gets one new module for the helper,
  `<package>/common/locks.py` (`<package>/locks.py` without a `common`
  subpackage), in the one package that holds the lock users (tests aside).
  It holds the project's Apache 2.0 notice as most of its modules carry it
  in their opening comments, read past a shebang, a coding cookie and blank
  lines (caso's; no copyright line, and no cookie: Python 3 reads UTF-8
  without one), a docstring, the helper and its imports; Neutron's
  ipset and iptables locks get `neutron/common/locks.py`. Where every
  user is private (oslo.messaging's `_drivers/`), the module is too:
  `_locks.py`. The run that
  keys the first lock creates it (never over an existing file; `patch` and
  `gerrit` add it to the commit); a later run finds it and adds nothing.
- A lock family is the set of lock files that share a `lock_file_prefix`.
  Its takers (`lock`, `synchronized`, `external_lock`, prefixed partials,
  project wrappers) and its removers (`remove_external_lock_file`,
  `remove_external_lock_file_with_prefix` partials) are all keyed, or none
  is: also where one of them cannot be laid out within the line length.
  A module's sites are laid out before any is keyed; a family with sites
  in several modules (each module run on its own) is keyed only where
  each of its sites, its text kept by the survey, can be laid out keyed
  as its own module's run lays it out (in place, refilled under its
  bracket or on hanging lines, with the name that module imports the
  helper's module as). Two lock calls on one line are not measured: their
  family is not keyed. A family keyed nowhere gets no helper.
- A project wrapper that locks the name it is given is keyed once, inside;
  its callers are left alone ("keyed inside <wrapper>"). Calls of project
  partials (`utils.synchronized('x', external=True)`) are keyed at the call.
- Every changed line fits the project's line length (tox.ini, setup.cfg,
  .flake8 or pyproject): a call that grows too long has its arguments
  refilled under the opening parenthesis, or on a hanging line (two
  indents deep in a `with` header, where the project's flake8 leaves E126
  off, as pycodestyle does by default); where the keyed name is too long
  for that line, the helper's call is broken after its bracket too, one
  indent deeper, as OpenStack writes it (glance-store's `fs_mount`):

      @lockutils.synchronized(
          utils.salted_lock_name(
              'fs_mount_%s' % os.path.basename(mountpoint)),
          external=True)

Targets, through every import form (`from oslo_concurrency import
lockutils`, `import ... as lu`, `from oslo_concurrency.lockutils import
lock`, module-level aliases): `lockutils.lock(...)` and the
`@lockutils.synchronized(...)` decorator with `external=True` (keyword or
third positional argument), `lockutils.external_lock(...)`,
`lockutils.remove_external_lock_file(...)` (the file must be removed under
the name it was taken with), calls of partials made by `lock_with_prefix`,
`synchronized_with_prefix` and `remove_external_lock_file_with_prefix`,
including neutron-lib's `neutron_lib.utils.runtime.synchronized`, and
project wrappers one import away.

A file outside any project (no tox.ini, setup.cfg, .flake8, pyproject.toml,
setup.py or .git above it) is a project of its own: it gets a private
`_salted_lock_name` helper of its own.

## Why is this bad?
`lockutils.lock(name, external=True)` takes the file
`<lock_path>/<prefix><name>`. When the name is predictable and the lock
directory is shared, another local user can create or hold that file first
and block the service (denial of service), or interfere with the
protection the lock was meant to give (CWE-284, CWE-693).

## Fix safety
Safe: a literal `external=True` (or an always-external call) in a family
every member of which is keyed. Without a key the lock names are exactly
the old ones, so nothing changes on merge. With a key, every process that
shares a `lock_path` computes the same keyed name, so they still exclude
each other, and removers remove the keyed files, while a user without the
key cannot predict the file name. The helper added to the home module is a
new function that nothing else calls; a new module for it (where the
project has no lock wrapper) is imported only by the keyed sites.

Review: `external=` given as an expression (decided at run time), such as
the lock inside a project wrapper that passes its own `external`
parameter on, and every lock of that wrapper's family: keying is right
when the lock is external; check that no in-process lock elsewhere shares
the name. A wrapper of `external_lock` or of a literal `external=True` is
safe.

Advice-only (nothing is changed, the reason says why):
- a family with a member that cannot be keyed: tooz locks (Cinder's
  `coordination`) built with the same prefix; the reason names that member;
- a lock whose prefix cannot be resolved (its family is unknown);
- a project with no lock wrapper module whose lock users are not all in
  one package: there is no shared place for the helper, and it is never
  pasted into several modules;
- a new module for the helper whose directory the run does not cover, or
  where a file of that name already is;
- a keyed call that cannot be made to fit the line length, or that would
  move a bracket a continuation line is aligned under (also an argument
  over several lines that the wrapped name or the refill starts at another
  column: its own continuation lines would stay behind), or whose name runs
  over several lines (`'grp-%s-%s' % (group,` and `member)` under it, or a
  line broken before `%`: wrapping the name moves its first line on and
  leaves the others out of line, pycodestyle's E128; "the lock name runs
  over several lines"), and with it every other taker and remover of its
  family ("every taker and remover of 'unprefixed' locks must be keyed
  alike, and fs_mount.py:138 cannot be laid out in 79 columns"), also from
  another module ("... cannot be laid out in 79 columns keyed (the family
  spans modules ...)");
- with a report, a site outside the helper's module while the helper does
  not exist yet: a whole-tree run adds both together;
- and every case under "Refuses".

Rollout: set the same key (a random secret, readable only by the service
user) in the environment of every process that shares the `lock_path`
(all agents and workers, and any tool that takes the same locks), on every
host where that directory is shared storage (nova's
`<instances_path>/locks`, on NFS where compute hosts share the instances
directory and exclude each other through it), then restart them together;
processes with different keys, or one with a key and one without, no
longer exclude each other, so a host-by-host rollout leaves a window where
they do not. For
`@synchronized(...)` the name is computed once, when the decorated function
is defined, so the key must be set before the module is imported. The
in-process semaphore is named after the keyed name too, which matters only
if the same name is also taken as an in-process lock (the codemod refuses
that case when both are in one module). A run over part of a project keys
sites that call the helper in its home module: include that module in the
same change.

## Refuses
- In-process locks (no `external=True`): not-applicable, "in-process
  semaphore: the name never leaves the process". Reported only when a
  finding points there; a whole-tree run stays silent about them.
- Callers of a wrapper keyed inside: not-applicable, "keyed inside
  <wrapper>".
- Test code: not-applicable. A test's locks are not taken where other
  users share the lock_path, and tests often check a lock file by its name
  (oslo.concurrency's own do); no test module holds the helper or counts
  among its users. A whole-tree run does not open test modules.
- A name already keyed (wrapped in the helper, or built with `hmac`):
  already-fixed.
- A name salted with a per-process value (pid, time, uuid, random): such
  locks never exclude other processes; use a shared key instead (advice).
- A `lock_path` surely below the running user's home directory:
  `os.path.expanduser('~/...')`, a join of relative literals onto one, or a
  name every binding of which is one (tobiko's inter-worker locks in
  `~/.tobiko/cache/lock`): not-applicable, "the lock files live in the
  user's own directory (~/...): no other user can create them first". Such
  locks are no family's, and a function that takes them is no wrapper. A
  path read from an option whose default starts with `~` (tobiko's own
  `lock_dir`) is keyed: the option may name a shared directory; so are
  `~user`, a path with `..` and a join of a part not known.
- A lock in the directory of the file its name is built from:
  `lock_path=os.path.dirname(X)` (also of `os.path.abspath(X)`, `realpath`
  or `normpath`, or a name bound to one) with a name such as `X + '.lock'`,
  `'%s.lock' % X`, `f'{X}.lock'` or X itself (Horizon's secret key file,
  `utils/secret_key.py`): not-applicable, "the lock file lives in the
  directory of the file it guards (X): whoever can create it first can
  create X itself". Such locks, like those in the user's own directory, are
  no family's, a function that takes them is no wrapper, and no helper or
  new module is made for them. The same goes for a hand-built lock file
  whose path is a file's with a suffix (`fasteners.InterProcessLock(X +
  '.lock')`).
- A hard-coded world-writable `lock_path` (`/tmp`, `/var/tmp`, `/dev/shm`,
  `tempfile.gettempdir()`), also through `lockutils.set_defaults` or
  `set_override('lock_path', ...)`: salting does not fix it; use a directory
  only the service can write (advice).
- A lock function reached through something the codemod cannot resolve
  (`external=True` passed to an unknown wrapper): advice.
- Lock files built by hand (`open(lock_dir + name, 'w')`,
  `fasteners.InterProcessLock(path)`): advice. A file named for locking and
  opened only to read is data (pipenv's `Pipfile.lock`), not a lock.
  TaskFlow's directory backend (`InterProcessLock(join(path, 'lock'))`,
  guarding the `metadata` its callers write beside it) and tooz's file
  driver (applications' lock names in its coordination directory) keep
  this advice: the lock's path shows no file it lies beside, and tooz's
  locks guard no file there.
- The same name taken as an in-process lock elsewhere in the module
  (keying only the external site would split the two): advice.
- Call shapes it does not understand (`*args`, `**kwargs`, no name): advice.

## Options
- `key-env` (default `"OSLO_LOCK_NAME_KEY"`): the environment variable the
  helper reads the key from. Set it in `[tool.cwemod.salted-lock-name]`.
"""

EXAMPLE = """\
from oslo_concurrency import lockutils


class IpsetManager:
    def set_members(self, set_name, members):
        with lockutils.lock('ipset-%s' % self.namespace, external=True):
            self._apply(set_name, members)
"""
