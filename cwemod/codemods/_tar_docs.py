"""tar-extract-filter: the reference text and the example ``cwemod explain`` shows."""

DOCS = """\
## What it does
Adds `filter='data'` to `TarFile.extractall()` and `TarFile.extract()`
calls that pass no `filter`, where the object is certainly a `TarFile`:
bound in the same scope by `tarfile.open(...)` or `tarfile.TarFile(...)`
(an assignment or a `with ... as`), or the call itself
(`tarfile.open(path).extractall(dest)`). A `members=` selection stays: the
filter applies to the members it selects. The quote is the one the module
mostly uses.

## Why is this bad?
Without a filter, tarfile extracts what the archive says: absolute paths,
`../` paths, links pointing outside the destination, device files and
setuid bits. A crafted archive writes anywhere the process may write
(CWE-22). The `data` filter refuses all of these (it raises
`tarfile.FilterError`) and clears dangerous permission bits; it also drops
directory modes (a directory comes out as the umask makes it).

## Fix safety
Review:
- Archives with absolute paths, links leaving the destination, device
  files or set-uid/set-gid bits now fail (`tarfile.FilterError`, an
  `OSError`) or are extracted without those bits: check that the archives
  this code reads need none of them.
- The `filter` parameter exists from Python 3.12 and in the security
  releases 3.8.17, 3.9.17, 3.10.12 and 3.11.4: an older patch release
  raises `TypeError`. Check the Python versions the project supports.

Bandit 1.9 accepts exactly `filter="data"` (either quote) as safe.

## Refuses
- A project whose `requires-python` (or `python_requires`, else its
  classifiers or a universal wheel's 2.7, and a setup.py branch for an older Python such as
  `if sys.version_info[0] < 3:` that goes on, or a `requirements-py2.txt`; where the packaging
  says nothing, a branch for Python 2 with code in it in its top-level modules, as s4cmd's
  `IS_PYTHON2`, or the oldest Python its tox env list or shipped CI matrix tests
  (openstackinabox's `envlist = {py3.6,...}`), else 2.7 where it installs six) admits a Python
  before 3.8, whose `tarfile` never got `filter=` (3.12, backported to 3.8.17, 3.9.17,
  3.10.12 and 3.11.4): advice only, said before the advice below that offers `filter='tar'`
  (rasa's model.py, on Python 3.6, writes the archives it reads).
- A `filter` already given: `'data'` is already fixed; `'tar'`,
  `'fully_trusted'` or a function are explicit choices, left alone with advice.
  So is an `extraction_filter` the code sets on the archive (conan's
  `the_tar.extraction_filter = ...`) or on `tarfile.TarFile`, which
  `filter=` would override.
- An object the codemod cannot prove is a `TarFile` (a parameter, an
  attribute, a name bound to different things): `zipfile.ZipFile` has an
  `extractall` too, and no `filter` (so a call that gives `filter=` is a
  `TarFile`'s, as above; so is a name the function calls a `TarFile`'s
  own methods on, `getmembers()` and its kin: pyload's UnTar). Said for
  `extractall` in modules that
  import `tarfile` (what Bandit reports); for `extract`, only where a
  report points. Where the project supports a Python older than 3.8
  (Cactus 3.3.3's classifiers: 2.6, 2.7, 3.4), the advice says to add it
  only where `hasattr(tarfile, 'data_filter')`: there `filter=` raises
  `TypeError`.
- A call in either branch of an `if` that tests for the data filter (or for a
  Python that has it: pdm's `if sys.version_info >= (3, 12):`), or in the
  `except TypeError` of a `try` that passes `filter=` (pipenv's fallback),
  or given `**kw` chosen by such a test (flit's `{'filter': 'data'} if
  hasattr(tarfile, 'data_filter') else {}`, or ChatterBot's `kw = {}`, then
  `kw['filter'] = 'data'` under the test),
  whatever the object (ansible's `else: sdist.extractall(temp_dir)` runs
  where `filter=` does not exist): already fixed. An archive opened right
  there (or through a context stack's `enter_context()`) with
  `zipfile.ZipFile` or `py7zr.SevenZipFile`: not applicable, said where a
  report points.
- A module that writes tar archives too (`add(..., arcname=...)`,
  `addfile()`, or `tarfile.open()` with a written mode such as `"w:gz"`):
  reading its own back, a backup's (barman's PGDATA at 0700,
  a link to `/dev/null`), the data filter resets directory modes and refuses
  absolute links: advice only (`filter='tar'` keeps them and still refuses
  paths outside the destination).
- A call after a digest check in its function (`==` or `!=` with a
  `hexdigest()` or `digest()`, or a name bound only to one, or
  `hmac.compare_digest()`): the archive is an expected one (snakemake's
  workflow sources, packed and uploaded by snakemake, checked by SHA-256
  when fetched back), whose links out of the destination and absolute links
  the data filter would now refuse, a change of behaviour rather than a fix:
  advice only, naming `filter='tar'` and `filter='fully_trusted'` (today's
  extraction) and that Python 3.14 makes `data` the default.
- A function whose docstring says it checks members after tarfile's data
  filter (esphome's hand-written one for Pythons before 3.12): already
  fixed; the filter on top would undo its choices. So is a call under a
  comment in its block (up to its statement) that names tarfile's filter
  argument (`` `filter` ``, `filter=`, "filter argument", "data filter",
  `data_filter`), after a call in that block given the archive: chalice's
  "In Python 3.12+, there's a `filter` arg ... To support older versions of
  Python we handle this ourselves" above `self._validate_safe_extract(tar,
  unpack_dir)` (its Python 3.10.0 would raise `TypeError` on `filter=`).
- `tarfile.extractall(...)`: the module has no such function (the call
  fails before it extracts anything).
- Calls with `**kwargs`, which may already hold a filter (in test code, said
  only where a report points: hatch's tests pass their helper's options).
- A module whose path names system packages or trees (`deb`, `dpkg`,
  `rpm`, `apt`, `yum`, `dnf`, `rootfs`, `sysroot`, `chroot`,
  `debootstrap`): a .deb's data holds the absolute links between top-level
  directories that Debian policy asks for (avocado's dpkg backend), which
  the data filter refuses: advice only (`filter='tar'` keeps them).
- Calls given `numeric_owner=` (other than `False`): the data filter drops
  the members' owners, so the argument would do nothing (luigi's
  `SafeExtractor` documents it); `filter='tar'` keeps them: advice only. A
  parameter of a private function around the call (named `_name`, or defined
  in another function's body, which nothing outside can call: pulpcore's
  `safe_extract` inside `pulp_import()`) that defaults to `False`, is not
  rebound there, and that no use of the function's name in the module passes
  (by keyword, by position, or through `*args`/`**kwargs`; any use but a
  call may) counts as `False`: pyroma's `_safe_extract_tar(tar, path=".",
  members=None, numeric_owner=False)`, the widely copied CVE-2007-4559 check
  that a symlink member gets past, called only as
  `_safe_extract_tar(tar_file, path=tempdir)`, gets the fix.
- A call that would no longer fit the project's line length, or where the
  new argument would move a bracket that a continuation line is aligned under.

## Options
None.
"""

EXAMPLE = """\
import tarfile


def unpack(archive, destination):
    with tarfile.open(archive) as tar:
        tar.extractall(destination)
"""
