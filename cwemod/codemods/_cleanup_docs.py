"""The ``cleanup-on-failure`` codemod's documentation and example."""

DOCS = """\
## What it does
Finds a resource acquired at the top level of a function (a temporary
directory, a file, a socket, `super().create()` …) followed by steps that can
fail, and makes those steps release it on failure:

- **scoped** (the function releases it itself later): the steps between the
  acquire and the release go into `try:` … `finally: <release>`, or into
  `with open(...) as f:` when the object is its own context manager and the
  release is a plain `.close()`;
- **escaping** (the function hands the resource to its caller: a local that
  is returned, or the object itself, as in an overriding `create()` that
  calls `super().create()`): the remaining steps go into `try:` and the
  handler releases the resource and re-raises the original error. Where the
  module already imports `oslo_utils.excutils` the handler is
  `except Exception:` + `with excutils.save_and_reraise_exception():`,
  otherwise `except BaseException:` … `raise`. A release that fails itself
  is logged with `.exception()` on the module's logger (a module-level
  `X = ….getLogger(...)`; without one, `logging.getLogger(__name__)` and
  `import logging`) and never replaces the original error. It is logged, not
  swallowed silently: the leftover resource needs an operator's attention;
- **multi-step acquire**: the `try` starts right after the first acquire, so
  later steps of the acquisition are protected too.

Moved lines are re-indented; whole-line comments that would pass 79 columns
are re-wrapped, and a needed import is put in the standard-library group.

## Why is this bad?
If a step after the acquisition raises, the resource is left behind: a
half-configured network namespace, a temporary directory, an open file
descriptor (CWE-664, improper control of a resource through its lifetime;
CWE-703, improper handling of exceptional conditions).

## Fix safety
Safe only when the acquisition certainly creates a new resource
(`tempfile.mkdtemp`, `open`, `socket.socket`, `tempfile.*TemporaryFile`,
`os.open`), so releasing it cannot remove anything that existed before the
call. Everything else is review-level and the reason says what to check:
`super().create()` of a namespace is exists-ok (Neutron's
`Namespace.create()` uses `ensure_namespace`), so cleanup on failure could
delete a namespace that existed before the call; `ensure_*()` calls and
`exist_ok=True` are treated the same, and so are configured pairs not marked
`(new)`. In the scoped `try/finally` shape a release that fails while an
error propagates raises its own error, with the original attached as
`__context__` (standard Python chaining); the success path is unchanged.

## Refuses
- a resource that is a parameter (the caller owns it): not-applicable;
- a `return` between the acquire and a later release (the early return would
  now release too: the success path would change), or a `yield` anywhere
  after the acquire: not-applicable;
- a resource name that is rebound before its release, or released on only
  some paths already: advice only;
- `self.create()` without a later `self.delete()` (that release tears down
  the whole object, not only what this call made): advice only;
- a resource kept in an attribute (`self.sock = socket.socket()`): releasing
  it on failure leaves a released object on `self`, a design decision:
  advice only (not-applicable when another method of the class releases it);
- code already protected (the acquire is followed by a `try` whose handler
  or `finally` releases it, or the release is registered as a cleanup:
  `self.addCleanup(shutil.rmtree, d)`, `atexit.register(sock.close)`):
  already-fixed;
- a rewrite that would push a code line past 79 columns in a file that keeps
  to 79: advice only.

Method pairs apply to `super()` and `self`; `x.create()` on other objects
(database objects, whose transaction rolls back, or helpers) is left alone.
Only acquisitions at the top level of a function body are rewritten.

With a report pointing at the function it also says when an acquisition
sits inside a nested block, when a local resource is neither released nor
handed back, when the function has no pair at all, and, for teardown loops
like Neutron's `FipNamespace._delete()` (one failing unplug aborts the
remaining steps and the final `super().delete()`), gives advice only:
continuing the teardown and raising the first error changes error handling
and needs a reviewer.

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
Built in: `tempfile.mkdtemp -> shutil.rmtree`, `open`/`io.open`/
`socket.socket`/`socket.create_connection`/`tempfile.NamedTemporaryFile`/
`tempfile.TemporaryFile -> .close`, `tempfile.TemporaryDirectory -> .cleanup`,
`os.open -> os.close` (all new), and `.create -> .delete` (review).
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
