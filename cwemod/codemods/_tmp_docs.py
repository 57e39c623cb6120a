"""The ``hardcoded-tmp`` codemod's documentation and example."""

DOCS = """\
## What it does
Drops `dir="/tmp"` from `tempfile.mkstemp()`, `mkdtemp()`,
`NamedTemporaryFile()`, `TemporaryFile()`, `SpooledTemporaryFile()` and
`TemporaryDirectory()`: they already create a random name safely, and
without `dir` they use `tempfile.gettempdir()`, which is `/tmp` unless
`TMPDIR` (or `TEMP`, `TMP`) names another directory.

Nothing else is rewritten. Every other string literal that is `/tmp`, `/var/tmp`,
`/dev/shm` or a path under one of them (also the literal start of an
f-string) is reported as advice, with the reason a reviewer needs.

## Why is this bad?
Every local user can write in those directories. A program that uses a
fixed name there can find the file already created by someone else, or a
symlink to one of its own files, and then write through it or read
attacker-controlled data (CWE-377, insecure temporary file).

## Fix safety
Review (applied with `--unsafe`):
- `dir="/tmp"` dropped from a tempfile call: where `TMPDIR` is set the file
  is now created there; check that nothing else looks for it in `/tmp`
  (the name was random, so usually nothing can).

Advice only (nothing is written) for every other literal, and for a fixed
name under `tempfile.gettempdir()`, in an f-string (pykube-ng's
`Path(f"{tempfile.gettempdir()}/pykube-ng.{digest}.crt")`, a private key
written at 0644, a planted CA file trusted), formatted with `%` or
`.format()` (blivet's `"%s/storage.state" % tempfile.gettempdir()`, a
shelve opened there), added (`tempfile.gettempdir() + "/name"`), or joined
(`os.path.join(tempfile.gettempdir(), name)`, `Path(tempfile.gettempdir()) /
name`), in each spelling `tempfile.gettempdir()` itself or a name every
binding of which is one (pyroma's `tempdir = tempfile.gettempdir()`),
whatever is joined: a literal gets the fixed-name advice (without the
remark that joining `gettempdir()` would only hide the finding, as the path
already does: tripleo-ansible's `os.path.join(tempfile.gettempdir(),
'artifacts')`), a name or
other value (pyroma's sdist saved under the file name its URL ends in) the
advice that another user can guess the name or create it first (one
created exclusively follows no link, but can still be created first: see
below), a part made by a call named for randomness the
random-part advice, a join that is a setting's default (toil's
`DEFAULT_TMPDIR_PREFIX = os.path.join(DEFAULT_TMPDIR, "tmp")`, the default of
`--tmpdir-prefix`; sushy-tools' `DBPATH`, read as `dbpath or self.DBPATH` where
`dbpath` is a parameter its callers fill from a setting) the configuration-default
reason, and with it the state-kept reason below where the module keeps state under
it; not a join
that names nothing (`""`) or is only compared or put in a message. No
mechanical rewrite is exact:
- `os.path.join(tempfile.gettempdir(), "name")` would make the scanner quiet
  without removing the defect: the name is as predictable as before, in the
  same directory unless `TMPDIR` is set, and where `TMPDIR` is set a process
  that shares the path (a socket, a lock, a configured directory, a mount)
  would no longer agree with the other side;
- the real fix, creating the file with `tempfile.mkstemp()` or the
  directory with `tempfile.mkdtemp()` (or using a directory the service
  owns), changes where and when the file exists, which only a reader of
  the code can judge. `tempfile-mktemp` makes that change where it is exact.

## Refuses
- `dir="/tmp"` in test code: a test may want `/tmp` itself, reachable by a
  daemon it starts under another user, where `$TMPDIR` (tox sets one) is
  private (advice only where a report asks).
- `dir="/var/tmp"` and `dir="/dev/shm"`: `gettempdir()` is neither (one
  survives reboots, the other is memory); tempfile makes a random name
  there, on purpose: not applicable. So is the directory alone, tested
  (`os.path.exists("/dev/shm")`, cibuildwheel's
  `Path.cwd().is_relative_to("/tmp")`), compared with a path (modal's
  `abs_path == "/tmp"`, a mount point it refuses) or spelled out (duplicity's
  `os.path.realpath("/tmp")`, compared with a path), and any of them
  given as `dir=` directly or as a conditional's branch (nuitka's
  `dir=None if ... else "/var/tmp"`), through a dictionary (mistral's `argdict['dir'] = '/tmp/'`, then
  `tempfile.mkdtemp(**argdict)` in the same function) or through a local
  name whose only use is `dir=` (google-auth's `tmp_dir = "/dev/shm" if
  ... else None`, then `mkstemp(dir=tmp_dir)`) or a module constant whose
  only use in the module is (rpmdeplint's `REPO_CACHE_DIR = "/var/tmp"`,
  mkdtemp's `dir=`), or the default of an oslo.config option whose every
  read in the module (`CONF.<name>`, `CONF.<group>.<name>`) is (ec2-api's
  `cfg.StrOpt('image_decryption_dir', default='/tmp')`, read only as
  `tempfile.mkdtemp(dir=CONF.image_decryption_dir)`), and the directory
  itself bind-mounted (trove's docker volume maps, `'/tmp': {'bind':
  '/tmp', 'mode': 'rw'}`: said only where a report points).
- A literal that names no fixed file there: text given to `re.sub()` and
  its kin, a compiled pattern's `sub()` or `str.replace()` (nbgrader's
  `re.sub(r'/private/tmp', r'/tmp', ...)`, nuitka's
  `tempfile_posix_re.sub(r"/tmp/tmpxxxxxxx", line)`), one added to another path
  (koji's `self.work(volume) + '/tmp/' + name`, kiwi's `'%{buildroot}' +
  f'/var/tmp/{name}'`), a glob pattern (insights-core's
  `glob_file("/var/tmp/insights-runtimes/uploads/*.json")`), a path only
  compared with another (`x.startswith(...)`, `==`, `in`), itself or through
  a function's local name (formatted, too) whose every use compares it or
  puts it in a raised, logged or printed message (awxkit's
  `expected_prefix = '/tmp/awx_{}'.format(self.id)`, looked for among a
  job's volume mounts), a directory listed (avocado's
  `Path("/tmp/").glob(".avocado-*")`), made the
  temporary directory (`os.environ["TMP"] = "/var/tmp"`), or a tempfile
  `prefix=` (`mkdtemp(prefix='/var/tmp/')`), or the bare directory in a list
  with other directories (rpmlint's `STANDARD_DIRS`, or Bandit's list of the
  shared directories themselves, what its check looks for) or a dictionary key
  among other directories (blivet's mount points mapped to GPT partition
  types, `{"/": ..., "/usr": ..., "/tmp": ...}`): not applicable. The bare
  directory anywhere else gets advice to check that what is made there
  gets a random name, not the fixed-name reason; but joined to literal
  names after it (frappe-bench's `os.path.join("/tmp", "fonts")`,
  `Path("/tmp") / "name"`), it is a fixed path, and gets that reason.
- `dir="/tmp"` where dropping it would move a bracket that a continuation line is aligned under.
- `dir="/tmp"` under a comment that says why /tmp is needed (luigi's
  Docker runner: "/tmp needs to be specified for it to work on macOS",
  where `$TMPDIR` is a directory the Docker daemon may not see): advice.

Every other literal, with one of these reasons:
- a configuration default (`default="/tmp/..."`, `conf.get("dir", "/tmp")`,
  `kwargs.pop("temppath", "/tmp")`, `tempdir or "/tmp"`, a parameter's
  default (or the value it gets under `if param is None:`, as netmiko's
  file transfers give theirs, or a value read from the environment gets:
  bloodhound's `/tmp/krb5cc_%u` where `$KRB5CCNAME` is unset), the last argument of a setting named after its environment
  variable (mlflow's `_EnvironmentVariable("MLFLOW_DFS_TMP", str,
  "/tmp/mlflow")`), a constant named `*DEFAULT*` (annotated or not) or read as `param or CONST`, a dictionary's
  `"default": "/tmp"`, an entry of a table named `*DEFAULT*` (barman's
  `Config.DEFAULTS`), or one of a tuple of such defaults): deployments may
  rely on it (with the state-kept reason below where the module keeps state
  under it), and it may name a directory on another host or in a container (fsspec's
  SFTP, Airflow's SSH and Docker providers);
- a path only removed (`shutil.rmtree()`, `os.remove()`/`unlink()`,
  `os.rmdir()`, `Path(p).unlink()`), and otherwise only tested, compared or
  logged, itself or through its name, where the module names the same path
  (the same literal text, or the same code) elsewhere for more (ironic's
  `cleanup()` rmtree()s `os.path.join(tempfile.gettempdir(), node.uuid)`,
  which `download_to_temp()` makes): not applicable, its advice is given
  where the path is named for more, the line the reason points at; said
  only where a report points;
- a system socket's well-known path (`/tmp/.X11-unix/X0`, which the X
  server makes and asyncssh's X11 forwarding connects to; `.ICE-unix` and
  the like): not applicable, said only where a report points;
- usage text: a path (formatted, or one piece of implicitly joined text) given
  as a keyword named `help`, `metavar`, `description`, `epilog` or `usage`
  (argparse's `add_argument()` and `ArgumentParser()`, click's `option()` and
  `argument()`; validations-libs' `metavar="/tmp/my_vars_file.[json|yaml]"`,
  an example shown in `--help`): not applicable, no file is made; said only
  where a report points;
- a path given to a call that is also given a container, inside a dict
  or a list too (mlflow's `client.containers.run(..., tmpfs={"/tmp":
  ""})`), or written in a function or class named for a container
  (`job_container_environment()`), or assigned to a name that says so
  (briefcase's `docker_xauth_file_path = PurePosixPath("/tmp") / name`, a
  mount target) (testcontainers'
  `grab.file(self.get_wrapped_container(), "/tmp/...")`,
  `container.exec_run(...)`): not applicable, the path is inside the
  container; said only where a report points;
- the whole value of a module constant named for a mount target (flytekit's
  `SHARED_MEMORY_MOUNT_PATH = "/dev/shm"`, given as a volume's `mount_path`;
  `MOUNT_POINT`): not applicable, a volume is mounted there and no file is
  made in it; said only where a report points;
- a path in a module that defines `lambda_handler(event, context)` (or
  `handler(event, context)`) at its top, the function AWS Lambda calls
  (zappa's `handler.py`, which unpacks the project into `/tmp/<name>` on a
  cold start and finds it there on a warm one): not applicable for `/tmp`
  and names in `gettempdir()`, the function's own directory; said only where
  a report points (`/var/tmp` and `/dev/shm` keep their advice);
- a name bound to a local that the function `os.lstat()`s (or `os.stat()`s
  with `follow_symlinks=False`) and whose `st_uid` it compares with
  `os.getuid()`/`geteuid()` (podman's `get_runtime_dir()`, a fallback
  runtime directory re-created with mode 0700 when it is a link, another
  user's, or open to others): not applicable, no link is followed and no
  other user's file taken; the reason names the denial of service that
  remains, another user creating the name first;
- a Unix socket's path, given to a call named for one (anyio's
  `connect_unix("/tmp/mysock")`, `create_unix_listener(...)`), or forwarded
  by `ssh -L`/`-R`, itself or through a local name (the item after `-L` in a
  list that runs `ssh`, or the field after `ssh ... -L` in a command string:
  tobiko's podman tunnel, `-L f'{podman_socket_file}:/run/podman/podman.sock'`,
  found again with `ps -ef` and used again): both sides
  must agree on it, so advice to put it in a directory the service owns
  (`$XDG_RUNTIME_DIR`), not `mkstemp()`/`mkdtemp()`; so does a path in a
  function that locks a file (optuna's `fcntl.flock()` on
  `/tmp/optuna_find_free_port.lock`), or one given, itself or through a
  local name, to a call named for a lock or as a `lock_*=` argument
  (glean's `systemlock.Lock('/tmp/glean.lock')`, whose `__enter__` in
  another module opens the file and flocks it; `FileLock`,
  `InterProcessLock`, `lock_file()`), where the fixed name is the point;
- a path created exclusively, itself or through the local name it is bound
  to: `os.open(path, ... O_EXCL ...)` (neutron's API workers meet at a file
  named for their parent process), `open(path, "x")` (`"xb"`, `"x+"`),
  `path.open("x")`, `path.touch(exist_ok=False)`, or made a link there
  (`os.link(src, path)`, `os.symlink(src, path)`, `path.hardlink_to(src)`,
  `path.symlink_to(src)`, which fail where the name is there): no link is followed,
  but another user can create the name first, so advice to use a directory
  the service owns, not the fixed-name reason; and where it is a lock (the
  function or the name is named for one, httpie's `open_with_lockfile()`,
  or the function raises `FileExistsError` or raises where it catches it,
  refusing a second holder), that every holder must agree on the name, so
  not `mkstemp()`, which would give each process a name of its own;
- a path on a remote host: bound to a name whose first word is `remote`
  (tobiko's `remote_tmp = f"/tmp/{service_name}.service"`, `self.remote_dir`)
  or given, itself or through a local name, as a `remote_*=` argument
  (`sh.put_file(local_file=..., remote_file=remote_tmp)`, paramiko's
  `remotepath=`), or in the command an ssh connection runs, itself or
  formatted into it: the first argument (or `command=`/`cmd=`) of
  `.execute()`, `.exec_command()`, `.run()` or `.sudo()` of an object named
  for ssh (`ssh`, `self._ssh_client`) or a name bound to a connection made by
  paramiko, fabric, asyncssh or a call named for ssh (rally-openstack's
  `ssh = sshutils.SSH(...)`, then `ssh.execute("/tmp/.rally-workload")`, a
  script written, made executable and run on the guest): a local `mkstemp()`
  makes no file there, so advice to make
  the name on that host (`mktemp` run there) or use a directory the remote
  user owns;
- a path with a part made by a call named for randomness (awxkit's
  `'/tmp/inventory{}.ini'.format(random_title())`, `uuid.uuid1()`), put
  into it by `.format()`, `%`, an f-string or `+` (or joined to
  `gettempdir()`): not a fixed name, but safe only where that part is
  unguessable and the file is created exclusively, which
  `mkstemp()`/`mkdtemp()` do. This comes before the configuration default
  (no deployment relies on a random name). A part made by `uuid.uuid4()` or
  `secrets.token_hex()`/`token_urlsafe()`/`token_bytes()` (with no size, or
  4 bytes and more; sliced, only with literal bounds that keep 8 characters)
  is unguessable: in the first name below the shared directory (packstack's
  `resource_dir or '/tmp/drone%s' % uuid.uuid4().hex[:8]`, made on the node
  by `mkdir --mode 0700`), one reason with no `mkstemp()` advice, that what
  is left to check is exclusive creation (`mkdir` without `-p`, `O_EXCL`),
  which the codemod looks for only as above (`O_EXCL`, mode `"x"`,
  `touch(exist_ok=False)`, a link made there): a name made so is not
  applicable (proliantutils' firmware file, `os.link()`ed to
  `os.path.join(tempfile.gettempdir(), str(uuid.uuid4()) + '_' + name)`),
  said only where a report points; below a directory whose own name
  has no such part (packstack's `/var/tmp/packstack/drone%s`, its parent
  made by `mkdir -p`), the advice that another user can create that
  directory first and rename what is made in it;
- a file the module both writes and reads back (`open()` given the path, itself or
  through a local name or a module constant, to write in one place and to read
  in another): state kept across runs (vitrage's `ACTIVITY_PATH =
  "/tmp/alarms_activity.txt"`, pickled on save and unpickled on the next
  start), so advice to keep it under a directory the service owns (a
  configured state path), not `mkstemp()`, whose random name is never found
  again; where what is read is given to a loader that runs code
  (`pickle.load`/`loads`, `marshal`, `dill`, `joblib`, `yaml.unsafe_load`,
  `yaml.load` with an unsafe `Loader`), the file itself or the name `with`
  binds it to, also that a planted file runs code as the service when it is
  loaded (CWE-502). So is a database the module opens under the path
  (`sqlite3.connect()`, `shelve.open()`, `dbm.open()` of it, of a path joined
  to it, `+ ".db"`, or `param or PATH`, followed through locals, class
  attributes and `self.attr`): sushy-tools' `DBPATH`, whose sqlite files hold
  the emulator's state across restarts; planted code where it is a shelve, or
  where the class around unpickles (`pickle.loads`) what it reads;
- a path written only in the body of an `if` that tests an environment
  variable (`'X' in os.environ`, `os.environ.get('X')`, `os.getenv('X')`,
  `os.environ['X']`), under a name a comment of the module gives
  (diskimage-builder's graph, written to `/tmp/graph_dump.dot` only where
  `DUMP_CONFIG_GRAPH` is set, and the comment above says to open it with
  `dotty /tmp/graph_dump.dot`): a random name would be a file no one
  finds, so advice to take the path from the environment too, or to write
  below a directory the developer owns, and to change the comment with it;
- any other literal: create the file with `mkstemp()`/`mkdtemp()`, or use a
  directory the service owns; a `*.log` name `open()` is given to write or
  append (`"w"`, `"a"`) in a module with a logger (a top-level name bound to
  `getLogger(...)`) gets the advice to write it through that logger too
  (parliament's `cli.py` writes its argv and each policy to
  `/tmp/parliament.log`: a random name would be a debug log no one finds);
  a literal whose first name below the shared directory has a part filled in
  at run time (by `%`, `.format()`, an f-string or `+`, other than a literal,
  or a field of a template formatted elsewhere: Zuul's `LOG_STREAM_FILE =
  '/tmp/console-{log_uuid}.log'`) is no fixed name, and the reason names
  that part: safe only where it is unguessable and the file is created
  exclusively; in an Ansible module (it imports `ansible.module_utils`:
  Zuul's `library/command.py`) the reason adds that the directory is the
  managed host's, which that host's users share;
- test code: fixtures, reported only where a report points at them.

## Options
None.
"""
EXAMPLE = """\
import tempfile


def scratch_directory():
    return tempfile.mkdtemp(prefix="agent-", dir="/tmp")
"""
