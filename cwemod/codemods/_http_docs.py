"""The ``requests-timeout`` codemod's documentation and example."""

DOCS = """\
## What it does
Adds `timeout=60` (or the number the code around it gives:
see Options) to `requests.get/post/put/patch/delete/head/options/request(...)`
calls that pass no timeout (and to those methods of a `requests.Session()`
the code makes itself, and to its `send()` of a prepared request, as
osprofiler's Log Insight client sends, not to any other object's `send()`); an explicit `timeout=None`, in those calls and in
`httpx.get(...)` ..., `httpx.stream`, `httpx.Client(...)` and
`httpx.AsyncClient(...)`, gets advice (see Refuses). Works through import aliases and
`from requests import get`, and on a copy of requests vendored in another
package (`<package>._vendor.requests`, `.vendored.requests`,
`.packages.requests`: oci-cli's `from oci._vendor import requests`, pip's
`pip._vendor.requests`), which takes `timeout=` the same. The keyword follows the arguments' layout;
where arguments that hang on one line below the call have no room left,
it takes a line of its own below them; where they follow the opening bracket,
aligned under the first (pycodestyle's visual indent, python-freezerclient's
`requests.get(url, headers=...,` with `params=..., verify=...)` below it), or
on the bracket's line alone where no formatter gates the project, it takes a
line of its own aligned under the first argument, the closing bracket and the
rest of the line moving with it. On a line of its own above a closing
bracket on its own line, it ends with a comma where black or `ruff format`
gates the project (their magic trailing comma); there, beside a lone argument
on a line of its own between the brackets, it joins that line where it fits,
as those formatters write it, and arguments hugged on a line between the
brackets with no room left there go one per line, with the magic comma
(sewer's `requests.patch(\n    url, data=..., headers=...\n)`).

## Why is this bad?
requests waits for an answer forever unless it is given a timeout, and
`timeout=None` does the same in httpx: a server that accepts the connection
and never answers hangs the worker, and enough of them make a denial of
service (CWE-400).

## Fix safety Review: a call that used to wait forever now raises
`requests.Timeout` (`httpx.TimeoutException`) after the timeout; check that
the value suits the endpoint (a slow upload, a long poll, a server that
waits on work of its own before it answers) and that the
caller handles the exception. The timeout bounds each wait (to connect, for
each read and each send), not the whole request: an upload that keeps moving
never trips it however large, but the server's wait before it answers does,
and one that processes the upload first (a document converted, scanned) may
take longer for a larger file; such a call with no retry around it still
gets the fix, since a slow answer fails as any slow endpoint's does (see
Refuses for one a retry sends again). Unit tests that assert the call's
exact arguments need the new keyword too. In a coroutine
(jupyterhub-nativeauthenticator's `async def post()` of a Tornado handler)
the blocking call holds up the event loop for as long as the timeout, and
the reason says so: give it a short one, or use an async client.

Safe: none.

## Refuses
- A call that would wait forever, marked `# nosec` (or `# pylint:
  disable=missing-timeout`, tobiko's above an image download), or in a
  project whose pylint configuration turns `missing-timeout` off (horizon's
  `.pylintrc`, which its pep8 gate runs): the project accepted it as it is.
- A call in a `try` whose handlers catch network failures
  (`ConnectionError`, `URLError`...) but no `Timeout` (nor
  `RequestException`, `OSError`, `Exception`): the `ReadTimeout` the
  keyword brings would escape them (sopel's URL titles, errbot's version
  check; requests' `ConnectionError` covers a connect timeout, its
  `ConnectTimeout`, but not a read one: repo2docker's Software Heritage
  retry), or around a call of the function in the same module (flit's
  classifier download, caught one call up), a method's call through `self`
  or `cls`, or the call of the parameter a function of the module fills
  with it (python-freeipa's `login()` hands `self._login` to
  `_wrap_in_dns_discovery()`, whose loop over the hosts catches
  `ConnectionError` around `function(*args)`): advice to add it to the handler
  with the keyword, naming every caller whose `try` misses it, before any
  advice to pass a setting of the project's
  (see below), which it then names too. A handler of
  `SSLError` alone is a fallback (nikola retries over http), not one; nor is
  one of requests' `HTTPError`, which only `raise_for_status()` raises
  (keystone-rxt's `except requests.HTTPError` for bad credentials), or any
  `HTTPError` handler that reads the `response` of the exception it binds
  (`e.response.status_code`): it handles the server's answer, and a Timeout
  added there would meet a `response` of None. An `HTTPError` the codemod
  cannot tell for requests' (urllib's, urllib3's) stays a network failure.
  Where no other handler is
  about the network (airbyte-cdk's session-token check catches that alone),
  the call gets the fix: a Timeout escapes the `try` as a `ConnectionError`
  already does. So too where the handler only logs (a logger's level
  method) and ends with a bare `raise` (kuryr-kubernetes' CNI runner's
  `LOG.exception('... cannot be reached ...')`): nothing recovers there, and
  adding a Timeout to it would only make its message name another failure.
- Any call without a timeout in a project that replaces requests'
  `HTTPAdapter.send` in a module that mentions a timeout (pretix's
  `monkeypatch_requests_timeout()`, which gives such a request 30 s): not
  applicable, the patch gives it one. One that mentions none (osprofiler's
  profiling `send`, which hands on the request's arguments as they are)
  gives none, and the calls get the fix.
- A streamed response (`stream=True`, or any value but False or None, as a
  keyword or a key of a `**mapping` it passes: of the dict literal the
  mapping is bound to, or one the code adds, under an `if` or not, by key,
  `setdefault` or `update`, as icinga2api's `request_args['stream'] = True`
  does; for a `self.` attribute, in its class) that is handed on (returned, yielded, stored, passed to a call) or read with
  `iter_lines()`: requests bounds every read of a stream by the timeout, so
  a read timeout ends a feed that stays quiet longer than it (salt-pepper's
  `req_stream()`, salt-api's `/events`); advice to give it a connect timeout
  only, `timeout=(10, None)`, or a bound its idle time allows, or, where it is
  read in chunks (`iter_content(n)`, `.raw.read(n)`: glance_store's HTTP
  store hands its image download on to a reader of `.raw`), a finite bound,
  `timeout=(10, 60)`: a read timeout fires only where the server sends
  nothing for that long. Which it is, the codemod cannot see where the
  response is handed on, so it advises on both. A download
  read in the same function (`iter_content()`, or a local name bound to it
  that the function iterates or gives to a call, as solum's size-capped
  `reader = resp.iter_content(...)`; `.raw` given to a call,
  `.raw.stream()` iterated, `.raw.read()`, `.content`), or in a
  module-level function it is passed to (by position or keyword) that hands
  it on no further (orange3's `save_response_content(response,
  destination)` loops over `iter_content()`; not a `self.` method), gets
  the fix: a stalled one should fail. But not one read through `.raw`
  (there too) in a `try`
  whose handlers expect an `OSError` (it, requests' errors, `TimeoutError`)
  and not urllib3's errors: a read timeout there raises
  `urllib3.exceptions.ReadTimeoutError`, which is none (rpmdeplint's
  repodata download tries the next mirror on `OSError`); advice to add the
  timeout and catch that error too, or read with `iter_content()`, which
  raises requests' `ConnectionError`, an `OSError`.
- A call that uploads a stream, a parameter annotated with an IO class
  (`IOBase`, `BinaryIO`, `IO[bytes]`), as `data=` or as a file of `files=`
  (in a dict literal there, or the one a name passed is bound to), in a
  function a retry decorator wraps (`backoff.on_exception`,
  `tenacity.retry`, `retrying.retry`, any whose name says retry or
  backoff) or that such a function of the module calls passing it a
  parameter of its own: the retry sends the stream again from where the
  last try left it, at its end, so a read timeout the server's processing
  of the upload outlasts is retried with an empty body (airbyte-cdk's
  Unstructured API upload, hi-res OCR of a large PDF, retried by backoff
  with the same handle); advice to rewind it in each try first. A file the
  retried function opens itself is opened again in each try: the fix.
- A call that passes `**kwargs`: the timeout may be in it, and is where
  the function sets `kwargs['timeout']` (or `setdefault`s it) first:
  cinderclient's client setting (advice only, before the asserting tests'
  advice, which would pass the keyword twice); a number there (prowler's
  `kwargs.setdefault("timeout", 30)`, or a class's `self.kwargs['timeout'] =
  30`) is the fix already, and so is a
  mapping made as a dict literal with a timeout other than None (octoprint's
  `params = {..., "timeout": 3.0}`, at most set again to a number), or a
  `self.` attribute the class binds only to such a dict, or to what a
  method of its returns, a name bound there only to one and changed only by
  other keys (networking-odl's `self._req_params =
  self._get_req_params(params)`), where the module uses it in no other way
  than below (the record names the timeout's line). But
  a mapping bound only to dict literals of string keys, none `timeout`,
  and changed only by such keys (bugsnag's `req_options = {'data': ...,
  'headers': ...}`) holds none: the call gets the fix, where the project
  runs on Python 3.5 or newer (a keyword after `**mapping`). So does a
  `self.` attribute the class binds only so and changes only by such keys
  (bugwarrior's `self.kwargs = {}`, then `self.kwargs['auth'] = ...` in
  `__init__`), where the module uses it in no other way (updated, handed
  out, set on another object; a read by key or an `in` test is no change)
  and the class body binds no such name.
  So does the function's own `**kwargs`, never rebound and changed only
  by such keys (git-review's `run_http_exc(klazz, url, **env)`, which sets
  `env['verify']` and `env['auth']`), where the function is private or
  nested, its name is used in the module only to call it, and none of
  those calls passes `timeout=` or a `*args` or `**mapping` of its own.
  Where one passes `timeout=`, advice naming it; where the function is
  public (git-review's), advice naming its calls in the module, since other
  modules may pass one: either way a `timeout=` in the call would be given
  twice (a TypeError), and `kwargs.setdefault('timeout', 60)` keeps the
  caller's (with the asserting tests' lines, where they assert the call).
  Where the project may run on an older Python (salt-pepper's 2.7, whose
  `params` dicts hold no timeout), advice naming the mapping: add
  `'timeout'` to it where it is made (to the call, before `**kwargs`, for
  the function's own). The other reasons name the mapping
  as the call writes it (`**params`, `**self.kwargs`).
- A call in a module that has a timeout of the project's at hand: a
  module-level name that says timeout, imported or assigned (mlflow's
  `MLFLOW_SCORING_SERVER_REQUEST_TIMEOUT`, which users raise for slow
  models), or an attribute, constant or module-level name other calls are
  given as `timeout=` (`api_config.timeout`; solum's `http_req_timeout`,
  which its httplib2 client gets; albert's `_VALIDATE_EMAIL_TIMEOUT`, named before
  its `DEFAULT_LOGIN_TIMEOUT`; not a call named for what it keeps or waits
  for, nor a method that keeps a value for a time or waits in the process,
  `set`, `add`, `get_or_set`, `touch`, `set_many`, `set_cookie`, `acquire`,
  `join`, `wait`, `result`, `communicate`: shuup's `cache.set(...,
  timeout=SECONDS_IN_DAY)`; nor a function the module defines, or a `self.`
  method of its class, whose `timeout` parameter goes to no call, mapping
  or name: ephemeris's `galaxy_wait(timeout=options.timeout)` counts its
  polling rounds against it, 0 for ever), or a setting they read by key (pywb's
  `params.get('_timeout')`; with a default, as adal's
  `self._call_context.get('timeout', None)`; or `context['timeout']`), or a
  `self.` attribute bound to a setting read by a key that says timeout, as
  it is or through `int()` or `float()`, whatever its default (monasca-agent's
  `self.connection_timeout = int(init_config.get('connection_timeout',
  DEFAULT_TIMEOUT))`, named before `DEFAULT_TIMEOUT`, which would ignore the
  operator's setting), or one a class's `__init__` binds to a parameter of its
  own named `timeout` or `*_timeout` and the class binds nowhere else:
  advice to pass it, not a fixed 60 s. Not a name
  that says it waits for something else (a task, a job, a lock, a
  process, a database: pulpcore's `TASK_TIMEOUT`, the 30 minutes its tests
  poll a task for), or how long something is kept (a cache, a token, a
  cookie: calibre-web's `_CACHE_TIMEOUT`, 23 hours), or a remote call's
  deadline (rpc, grpc, deadline, execution: flytekit's
  `DEFAULT_SYNC_EXECUTION_RPC_TIMEOUT`), nor a module-level name whose value
  the module shows and which is no number of seconds (a number, `int(...)`,
  a pair, or a name bound to one) nor a setting read from an object (solum's
  oslo.config `CONF.api.http_request_timeout`, `settings.X`,
  `config.get('timeout')`, `getint`, `getfloat`): not flytekit's
  `timedelta(seconds=60)`, which requests rejects, nor the environment's
  strings (`os.environ.get(...)`, `os.getenv(...)`) or configparser's
  `get(section, option)`; nor a name the module binds to an hour or more
  (`60 * 60 * 24`: no request waits that long), nor `self.timeout`
  where no `self` is at hand (pymisp's module-level `register_user()`)
  or the call's class (and the bases the module gives it) never uses
  that attribute (zuul's `AzureAuth` gets 60 s: only `AzureCloud`, its
  neighbour, has `TIMEOUT = 60` for `self.TIMEOUT`),
  nor a setting read through a name of another function, out of the call's
  reach (ephemeris's `options`, a parameter of `main()`).
  Where that setting is None by default (pymisp's `__init__(...,
  timeout=None)`, or a `.get()` with no default or None), the advice says
  to give it a number there too.
- A call in a function that takes a timeout (a parameter named `timeout`,
  `*_timeout` or `timeout_*`, not a task's or a lock's) and never uses it
  (pyexchange's `send(self, body, ..., timeout=30)`): the fix passes that
  parameter, `timeout=timeout`, not a fixed number that would override the
  caller's; but where its default is None (the call would still wait
  forever by default), or the function takes several (`connect_timeout`
  and `read_timeout`) or one in other units (`timeout_ms`): advice only.
- A call in a method of a class that keeps its caller's timeout: its
  `__init__` takes one parameter named `timeout` or `*_timeout` (not a
  task's, nor in other units), a number of seconds under an hour by
  default, and binds it to a `self.` attribute nothing else in the class
  binds (proliantutils' `RIBCLOperations(host, ..., timeout=60)`, given the
  operator's timeout by `IloClient`, keeps `self.timeout`): the fix passes
  `timeout=self.timeout`, and advice about the call (its `**kwargs`, its
  asserting tests) names it too. Where that default is None, advice only,
  as above.
- A call of requests that passes by position, where it takes something
  else, a name or attribute that says timeout (monasca-agent's
  `requests.get(self.cadvisor_url, self.connection_timeout)`: requests.get's
  second parameter is `params`, the query string): advice to pass it as
  `timeout=` instead, by hand.
- An explicit `timeout=None`: the call is meant to wait as long as the
  server takes, or httpx's 5-second default is turned off on purpose
  (gradio's startup events run the user's model on every example, and a
  bound taken from its health checks' 3 s failed `launch()`); advice to
  give it a bound by hand where one is known.
- A call whose line would run past the project's line length and that has
  no room below either (the line holding a comment that would move, or no
  room on the new line), or where the new argument would move a bracket that a
  continuation line is aligned under (advice only; the reason says which).
  A line past the length already takes it (aim's
  117-column `requests.post(...)`): flake8 reports a long line once however
  long it is; but not a line of arguments hugged between the brackets under
  black or `ruff format` (sewer's 91 columns past 88), whose `--check` would
  fail it: they go one per line, and where one of them does not fit its
  line either, the call is left alone.
- A call that already passes a timeout other than `None` (already fixed),
  but a parameter whose default is `None`, or an attribute `__init__()`
  sets from one (metabase-api's `httpx.AsyncClient(timeout=self.timeout)`
  after `__init__(..., timeout=None)`), also in a call of a session the code
  makes (see below), or that a class takes from its caller else makes
  (pyzabbix's `self.session = session or Session()`), or a setting read with
  a literal None as its default, whose name says timeout
  (mozilla-django-oidc's `self.get_settings("OIDC_TIMEOUT", None)`;
  `getattr(settings, "NAME", None)`, `X.get("key", None)`, a getter named
  for a setting, config or option given `default=None`): the call waits
  forever unless the caller says otherwise; advice to give it a number by
  default. Not a
  parameter the function gives a value first (archivebox's `timeout =
  timeout or TIMEOUT`), nor one passed only where an `if` around the call
  says it is set (`if X:`, `if X is not None:`, the `else` of `if not X:`
  or `if X is None:`): manila's HPE Alletra rest client passes
  `timeout=self.timeout` under `if self.timeout:`, never None. Its
  `else:` branch, which makes the same call without a timeout where the
  setting is unset, gets that advice (give `__init__()`'s `timeout` a
  number by default) instead of a fixed number.
- httpx calls without a timeout: httpx applies 5 seconds by default.
- Methods of a `requests.Session` the code did not make there, or of an
  `httpx.Client` (whose timeout lives on the object): the receiver is not
  known by its call alone. A stock `requests.Session` has no timeout, so
  one the code makes (a local name, or a `self.` attribute, bound to
  `requests.Session()` and nothing else, as tqdm's Telegram and Discord
  senders are, or to `None` until then, as dns-lexicon's providers are,
  or to what a method of the class returns where that is only the
  attribute itself or `requests.Session()`, as pyexchange's
  `self.session = self.build_session()` is;
  by the class or by base classes the module defines for it, as etesync's
  `BaseManager` is for its managers, in their methods or in their bodies,
  as keystone-rxt's `session = requests.Session()` is, where nothing
  assigns it through `cls` or another name) and calls without a timeout waits
  forever too: those calls get the fix, unless the code replaces its
  `request`, or (any class of that chain) mounts an adapter on it that may
  set a default timeout in its `send()`: advice naming the adapter, to check
  it or pass `timeout=` by hand. requests' own `HTTPAdapter`, mounted for
  its retries, sets none, nor does a subclass of it the module defines, at
  its top level and through classes of the module alike, none of them
  decorated, defining `send` or mentioning a timeout (awscurl's
  `_TLSAdapter`, mounted for its TLS versions, builds only an SSL context):
  those calls get the fix, as do those of a session whose other adapters are
  mounted only for string literal prefixes that no http(s) URL starts with
  (openstack-flavor-manager's `FileAdapter`, for `file://`: an http(s)
  request still goes through requests' own adapter). Any other adapter (of
  another module, or one whose `send()` or `__init__` has a timeout, mounted
  for `http://`, `https://`, `''`, a prefix of those, or a prefix the code
  does not spell out) gets the advice.
- A call of a name or `self.` attribute bound to the caller's session or
  the requests module itself (premailer's `self.session = session or
  requests`, or `session = session or requests` of a parameter): without a
  session it is `requests.get(...)`, which waits forever, but a timeout
  written there would override one the caller's session sets through its
  adapter: advice to give it one by hand where no caller relies on that.
  So for one bound to the caller's session or a stock `requests.Session()`
  (requests-oauth2client's `session = session or requests.Session()`, or
  `session = requests.Session()` right under `if session is None:` of a
  parameter; python-cas's `self.session = session or
  requests.sessions.Session()`): without one the call waits forever, but a
  timeout written there would override the caller's: the same advice.
- Code in tests, where the HTTP layer is mocked, and a pytest plugin the
  project registers (a `pytest11` entry point: pulpcore's `pytest_plugin.py`,
  fixtures that call its own test server).
- Where more of the project's modules give their HTTP calls a setting of
  its own than anything else (duplicity's `timeout=config.timeout`, its
  `--timeout` option; adal's `self._call_context.get('timeout', None)`, a
  setting read by key from an object its classes keep): advice to pass
  that (with `timeout = "auto"`), in a module that has it at hand (imports
  `config`; for adal's, a method of a class, or of a base the module gives
  it, that uses `self._call_context`); not in soco's examples, which import
  none of the library's settings. Not `self.timeout`, nor a local mapping's
  `params.get('timeout')`: each class's, each function's own. Nor, whatever
  the count, in a module that imports, under the name another module's
  HTTP calls read it through, the project's module that setting is read
  off (arjun's exporter.py and requester.py both `import arjun.core.config
  as mem`, and requester.py passes `timeout=mem.var['timeout']`, its `-T`
  option, where one other module passes 10): advice naming that module and
  the setting (an import relative in this module is not matched).
- A call of a module whose unit tests assert the exact arguments of a
  mocked call of the same function (`requests.post(...)` under
  `mock_post`, `post_mock` or `mock_requests.post.assert_called_with(...)`,
  ...): the call and the assertion must change together (advice only,
  naming the test modules and the lines of their assertions, up to three
  modules: metalsmith's sources.py downloads a checksum file whose
  `requests.get` test_provisioner.py asserts, not test_sources.py; a test
  counts for every module it imports, so check which call it asserts).
  The function is read off the mock's name: python-freezerclient's tests
  assert only `mock_requests.get`, so its managers' `requests.post(...)`
  calls get the fix. A test asserting `request` (`mock_request`,
  `mock_requests.request`), which every verb of requests calls, makes
  every call of the module advice. A test module asserting such a mock
  counts whether or not it names requests or httpx: oslo.vmware's
  test_service.py replaces `transport.session.get` and asserts its
  exact arguments, and imports requests only for another test. Not a
  mock the test puts in place of a method of an object it makes of a
  class whose module defines that method: manila's rest client tests
  assign `self.client.request = mock.Mock(...)`, after `self.client =
  rest_client.HpeAlletraRestClient(...)`, and assert the arguments of the
  client's own `request()`, not of the `requests.request(...)` in it. Or off what the mock patches, whatever
  its name: aodh's `with mock.patch.object(requests.Session, 'post') as
  poster:`, then `poster.assert_called_with(action, data=mock.ANY,
  headers=mock.ANY)`; a `mock.patch('pkg.mod.requests.post')` or
  `patch.object(...)` decorator (the one nearest the function hands the
  first parameter after `self`), or `self.poster = mock.patch(...).start()`,
  too. Where a patch of an HTTP function binds the mock, what it patches
  decides, not the name: proliantutils' `request_mock`, bound by
  `mock.patch.object(requests, 'get')`, asserts that get, not `request`
  (every verb), so the module's posts get the fix. A patch of another
  class's method binds a mock that asserts no HTTP call, whatever its
  name (python-cinderclient's `mock_request` of
  `keystoneauth1.adapter.LegacyJsonAdapter.request`; under ddt the
  patches hand the last parameters); one of the package's own
  `requests.request`, as `mock.patch.object(requests, "request")` or the
  name given as its replacement (`mock_request`), pins only
  `requests.request(...)`: `requests.get` calls requests.api's `request`,
  so its call gets the fix (`requests.api.request` or a session's
  `request` pins every verb). Where the call passes a dict literal as `**kwargs` (aodh's rest
  notifier), the advice is to add `'timeout'` to that dict; where it
  passes the function's own `**kwargs`, to the call.

## Options
- `timeout` (default `auto`): the number of seconds written into the
  call (but a timeout parameter its function drops goes first: see
  Refuses); `auto` takes the one number given as `timeout=` to the clients
  whose settings the call passes (`headers=`, `auth=`, `cookies=`,
  `proxies=`, `verify=`, `cert=` read from a name bound to a call: tuir's
  link check sends the headers of its `praw.Reddit(..., timeout=10)`; not a
  subprocess's or a lock's) and to the requests and httpx calls of its
  function, where they give one; else the one number the module's requests
  and httpx calls give (aim's transport client's `timeout=10`), counting the
  calls of a `requests.Session()` it makes, there or where each of the
  module's calls of their function hands it in as the parameter they are
  called on (monasca-api's grafana-init `login(session, user)`, whose
  `session.post(..., timeout=5)` gives main()'s calls of that session 5;
  not a queue's `jobs.get(timeout=1)`); else the
  number most of the project's modules give their HTTP calls, where two
  modules or more give it (cinder's `timeout=30`); else 60. Where the calls
  weighed give two numbers, or one gives a setting or a pair, they give
  none. The fix's reason says whose number it is.
"""

EXAMPLE = """\
import requests


def fetch_status(url):
    return requests.get(url).status_code
"""
