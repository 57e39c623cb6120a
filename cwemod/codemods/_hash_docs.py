"""The ``hash-not-for-security`` codemod's documentation and example."""

DOCS = """\
## What it does
Adds `usedforsecurity=False` to `hashlib.md5(...)`, `hashlib.sha1(...)` and
`hashlib.new('md5' | 'md4' | 'sha1' | 'sha', ...)` (through import aliases
and `from hashlib import md5` too) where nothing around the call says the
digest protects something: a cache key, a short unique name, a checksum.
The keyword goes after the last argument, or on a new line aligned under
the first argument when the line would be too long. Where black or `ruff format`
gates the project, a lone argument on a line of its own between the brackets gets
the keyword beside it where that fits, else below it with their magic trailing comma
(arguments hugged on such a line with no room left go one per line, with it);
and a call on one line with no room left for the keyword is broken after its opening
bracket, as those formatters break it (apprise's `hashlib.sha1(path.encode("utf-8"))`):
the arguments and the keyword together on a line of their own where they fit, else one per
line with the magic comma, the closing bracket below them. A line they would break
elsewhere (an operator before the call, two methods chained after it) keeps the aligned
keyword, which their `--check` reports (`--reformat` lays it out).

## Why is this bad?
MD5 and SHA-1 collide on demand (CWE-327, CWE-328). Where a digest is only
a name or a checksum that is harmless, but scanners cannot tell, and
OpenSSL in FIPS mode refuses the call. `usedforsecurity=False` (Python 3.9
and later) says it is not a security control: Bandit's B324 and ruff's S324
stop reporting it and FIPS systems allow it.

## Fix safety
Review: the digest is unchanged. Check that it really protects nothing an
attacker could exploit with a collision (a signature, a password, a token,
an integrity check of untrusted data). A project that says it supports a
Python before 3.9, where the keyword raises `TypeError`, gets advice
instead.

## Refuses
- A call whose names say security: the value goes to, the function or
  class it is in (and, for a module-level helper, the names it is called
  with in the module and the functions that call it: sqlmap's Firebird
  `_sha1(salt, ...)` in `_srp_client_proof()`, also one defined under a
  top-level `try`, as pysmb's NTLM `MD5()` is; an argument's names count
  only where it fills a parameter whose value the call hashes (directly or
  through the helper's assignments) or one not known (`*args`), and an
  on/off flag's (`do_*`, `use_*`, `enable_*`, `is_*`) never: truffleHog's
  `find_strings(..., do_entropy)` hashes commits; and the parameters of the
  functions a nested function is defined in: twisted's `H()` inside
  `_calculateResponse(..., password, ...)`; not the class where the function
  is named for a cache key or name: botocore's
  `CredentialFetcher._create_cache_key()`, nor the project's own name in a
  class's: python3-saml's `OneLogin_Saml2_Utils` says no "login"; nor any of
  them where the digest is kept under a name for a lookup key or one ending
  in `key` that the function reads only as a container's key (apprise's PGP
  controller: `cache_key = sha1(...)` in `private_key()`, `key` in
  `public_key()` read only in `key in self.__key_lookup` and
  `self.__key_lookup[key]`), or hashes only a file's path, with literal text
  at most (`"prv:" + os.path.abspath(path)`, a name ending in `path`), or is
  made part of a name: written as text (`hexdigest()`, base64), joined by
  `+` or an f-string to another value, with punctuation at most beside it,
  and the name put in a container (`append`, `add`, `insert`) or returned
  from a function named for a name (`gss_kex_name()`), directly or through
  local names: asyncssh's `expand_kex_algs()` appends `alg + suffix`,
  `suffix = b'-' + b2a_base64(md5(mech).digest())[:-1]`, RFC 4462's GSS
  method names; not a digest compared or sent, one put in a container whose
  name says security (`signatures`), nor one joined to what it hashes or to
  a secret (a tag on its message)), or the arguments it hashes (their names,
  and the text of their strings: werkzeug's `f"{pin} added salt"`; or that
  its object's `update()` is fed in the function, or that the function
  assigns to them: pyghmi's `bodydata = password + ...` before
  `md5(bodydata)`, or that they loop over: youtube-dl's Instagram `for
  gis_tmpl in gis_tmpls`, texts that hold the CSRF token), or the `if` it
  runs under (its names and strings: muranoclient's `if name in
  ['X-Auth-Token', ...]`), name a password, secret, token, signature, HMAC,
  login, a PIN, salt, something sensitive or obfuscated, a certificate or
  its thumbprint (pyVmomi's `VerifyCertThumbprint`), an SSH host or public
  key (ncclient's `openssh_fingerprint_md5`, whose digest an unknown-host
  callback decides on), a key exchange (paramiko-ng's `KexGSSGroup1`, whose
  SHA-1 exchange hash `H` is the session id its keys are derived from;
  `kex`, `exchange_hash`), key material (impacket's boot key, `KeyMaterial`)
  or a challenge of a challenge-response login (NTLM's session response,
  Twisted PB's `challenge()`), or something encrypted (you-get's
  `encrypted_id()`); or whose digest another digest of the function hashes
  with such a name (pyatv's HTTP Digest `ha2`, hashed with the nonce), also
  through the function's assignments (dns-lexicon's NFSN body digest, put in
  a list with the salt and joined), or hashes into a digest so named, ...
  (advice only: use SHA-256 or better, and a key-derivation function such as
  `hashlib.scrypt` for passwords, unless a protocol the code speaks fixes
  the algorithm, as yt-dlp's remote signature schemes and SNMP's HMAC do;
  where the digest keys a cipher (it, or what converts it, is passed to a
  call named for AES, a cipher, Fernet, encrypt or decrypt, also through the
  function's names, or its function's name says encrypt or decrypt: trove's
  `encrypt_data()`, whose AES key is `md5(key).hexdigest()` and whose
  ciphertexts are stored), the advice adds: keep the old derivation to
  decrypt the data already stored (or version the format);
  where a literal tag naming the algorithm is joined to the digest (`b"md5"
  + md5(...)`), or an `if` around the call tests an authentication or
  protocol code against a constant (`auth_code == 5`, pyrad's `pkt.code ==
  ACCESS_REQUEST`; `authen` and `authn` say authentication, and a name
  ending in `type` or `method` compared with a constant in capitals is a
  protocol's choice too: tacacs_plus's `authen_type ==
  TAC_PLUS_AUTHEN_TYPE_CHAP`, CHAP being MD5 by RFC 1994), or the name that
  says security says a key exchange, the advice leads with the protocol: the
  peer picks the hash, so prefer the protocol's stronger method, as pg8000's
  PostgreSQL md5 password authentication has SCRAM-SHA-256 (named only where
  the evidence is PostgreSQL's: the `b"md5"` tag, `auth_code == 5`) and
  SSH's SHA-1 key exchanges gss-group14-sha256 (RFC 8732), else a transport
  that protects it (TLS); where the digest goes into a mapping that a call
  in its function sends as `headers=`, `data=`, `json=` or `params=` (a
  value of the dict written there, stored into it as `headers[...] = ...`,
  or through the function's names: dns-lexicon's OVH `X-Ovh-Signature`,
  CloudXNS `API-HMAC`, NFSN `X-NFSN-Authentication`), the advice leads with
  the service's API, which fixes the hash of a request signature it
  recomputes, so only the provider can change it (a digest a helper returns
  to the function that sends it, as WEDOS's `_auth_hash()`, is not
  followed); where the comment above the call (or above the statement before
  it), its function's docstring or the module's cites a specification (`RFC
  2865`, `[MS-NLMP]`: pyrad's "RADIUS packets (RFC 2865)", ntlm-auth's NTLM
  hashes; or an RFC's address, as dnspython's NSEC3 hash cites
  `https://tools.ietf.org/html/rfc5155#section-5`, and
  datatracker.ietf.org's and rfc-editor.org's), the advice leads with the
  protocol the code implements too, and says SHA-256 only for a digest it
  does not fix (a citation words the advice of a digest judged for security,
  and never refuses one); where the digest of a hashed secret goes only to a
  log, a logger's call or `print()`, directly or through the function's
  names, as zabbix-api's `"md5(...)"` of the password for its debug log: log
  no function of the secret at all, for a digest of a password there is
  cracked offline whatever the hash; but a digest that goes only to `print()`
  in a function that prints the secret itself, as zuul's create-auth-token
  prints the token and then its SHA1 "Checksum", is a checksum of a command's
  output that holds the secret anyway, and is marked). The advice names a hashed secret
  before the names around it (zabbix-api's `l_password` in `login()`;
  pyrad's `userpwd`, a password run together with another word, before the
  `challenge` hashed with it; a hashed `login` is a user's name). The
  module's name refuses too (`auth.py`, `crypto.py`, `security.py`,
  pysaml2's `sigver.py`, where signatures are checked, and `session.py`,
  where paste hashes its session ids), unless the digest is made a name or
  path (ansible's `lockfile_name` in `password.py`; mozilla-django-oidc's
  `username` in `auth.py`, a word run together with `name` or `path`), a
  container's key or part of a name as above (asyncssh's `kex.py`). A hashed
  name or tested name ending in `url`, `uri`, `endpoint` or `host` is an
  address, whatever it begins with (glanceclient's cache directory for
  `os_auth_url`).
- (Not refused for the names around it, nor the module's: a digest a database query finds
  rows by, passed to a query's `filter_by()`, `filter()`, `where()`, `get()`,
  `get_or_create()` or `exclude()` as a keyword or compared with a column there, directly
  or through a local name, or stored in an attribute or a keyword that such a query of the
  module names: refstack's `get_pubkey()`, whose MD5 of the public key is "used for the
  query for quicker lookups" of the indexed `md5_hash` column, and `store_pubkey()`'s
  `pubkey.md5_hash = md5(...)`. A hashed secret still refuses (a password's digest looked
  up), but not a public key's or a certificate's name. The reason says that another hash
  needs a migration of the digests already stored, and that where one row matches, the
  full value should be compared too.)
- A public method whose name names the algorithm it returns, where only
  its class's name says security (not what it hashes, nor the method's
  name): paramiko-ng's `PKey.get_fingerprint_md5()`, "Nothing secret is
  revealed", a 16-byte MD5. The name makes MD5 its API, and whether the
  digest guards anything is its callers' business: not applicable, naming
  the method of the class with a stronger hash where there is one
  (`get_fingerprint_sha256_b64()`). A module's name still says security
  (pysaml2's `sigver.sha1_digest()`), and a function nested in another is
  no API (ncclient's `openssh_fingerprint_md5` gets the advice above).
- A name also bound to another library's hasher, which the module may
  prefer (dulwich's `try: from sha1dc import sha1`, collision-detecting,
  `except ImportError:` hashlib's): not applicable, its digests and its
  keywords are that library's. Python 2's `md5` and `sha` modules, tried
  after hashlib, are not another hasher, nor is CPython's own `_md5` or
  `_sha1` (angr's `import _md5 as md5lib`), which takes the keyword too.
- A project whose `requires-python` (or `python_requires`, else its
  classifiers or a universal wheel's 2.7, and a setup.py branch for an older Python that goes
  on, as atomic-reactor's `if sys.version_info[0] < 3:` that adds its `requirements-py2.txt`,
  or such a file; where the packaging says nothing, a branch for Python 2 with code in it
  in its top-level modules, as s4cmd's `IS_PYTHON2`, whose uploads would all raise, or the
  oldest Python its tox env list or shipped CI matrix tests, as openstackinabox's
  `envlist = {py3.6,py3.7,py3.8,py3.9}`; with none of these, a dependency on six, a code
  base for Python 2 and 3, as openstackinabox 0.2's sdist, whose tests ran on 3.8) admits
  a Python before 3.9 (s3cmd's 2.6): advice only,
  to use a helper that works there: `oslo_utils.secretutils.md5` for MD5 where
  every oslo.utils the project's requirements admit has it (a floor of 4.7.0,
  which added it, and a ceiling below 10.0.0, which removed it), else one of its
  own (python-swiftclient requires requests alone; monasca-agent 10.0.0's
  `oslo.utils>=3.33.0` admits releases without it). A bare "Python :: 3" classifier (detect-secrets
  1.5's) names no minor version: the advice says the project may support
  one before 3.9, not that it supports 3.0; six says so too, and a tox env list
  that the project tests on the Python it names. Not where the project's own code
  already passes `usedforsecurity=` to a hashlib constructor with no fallback
  (otcextensions 0.34.8's `common/utils.py`, while its setup.cfg still lists
  2.7): it cannot run before 3.9, and the call is marked, its reason naming
  that module. Such a call counts outside tests, examples, docs, benchmarks
  and vendored or lint-excluded code, and not in a `try` that catches
  `TypeError`, in an `except` handler (s3cmd's FIPS fallback), in a function
  that such a `try` calls (a probe), or under an `if` that tests the Python
  (or a flag named for the keyword or FIPS) or has an `else` where hashlib is
  called without it.
- A call in the body of a `try` whose handler passes `usedforsecurity`
  itself (s3cmd's `try: md5() except ValueError:` wraps `md5` for FIPS
  systems): the call finds out whether MD5 is allowed; said only where a
  report points.
- A call alone in a `try` (or a statement of its own there, its result
  unused: pysmb's `hashlib.new('md4')` probe) whose handler catches `ValueError`, what FIPS
  mode raises, and does something else (glanceclient's `integrity_iter()`
  fails the download), or alone in `with suppress(ValueError):` (poetry's
  upload sends no MD5 where FIPS refuses it): the keyword would change
  what happens there (advice only). Not a handler that catches `TypeError`
  too where the call hashes what another call makes (snakemake's
  `md5(json.dumps(config).encode())`): it is for a value that call cannot
  take, and the call is marked.
- A call in a branch that runs only on Pythons before 3.9, by a test of the
  version around it in its function: a Python 2 branch (`if version_info[0] < 3:`,
  `if six.PY2:`; ranger's `sha1_encode()`), or one for an older Python 3 (the
  `else` of jenkins-job-builder's `if sys.version_info[:2] >= (3, 6):`, for 3.5 and
  older, which the reason says the project no longer supports where its oldest Python
  is newer): no hashlib there takes the keyword; said only where a report points.
- (Not refused, whatever its names say: SHA-1 of a key and RFC 6455's GUID,
  the WebSocket handshake's accept value, as wsproto's
  `generate_accept_token(token)` makes it: the protocol fixes it, and it
  guards no secret.)
- A call that hashes only random bytes (`sha1(os.urandom(64))`, the CSRF
  token of flask-wtf and wtforms): the digest adds nothing to their
  strength; advice naming `secrets.token_hex()`, which makes the hex text
  directly. So is a call whose names say security, as above, that hashes
  only the clock (`time.time()`, `datetime.now()`, beside literal text and
  conversions to text: planemo's Galaxy `id_secret`, the MD5 of
  `str(time.time())`): a secret derived from the time is guessed by trying
  the moments around it, whatever the hash; the advice is
  `secrets.token_hex(16)`, not a stronger hash.
- A digest compared (`==`, `!=`) after the call with another value where a
  mismatch raises (`if digest != expected: raise`, also under `not` or as one
  condition an `and` joins; `assert digest == expected`), directly or through
  the names it is assigned to (toil's `Resource._download()`, which checks the
  user code it downloads against the MD5 the leader recorded before it is
  imported, and its `HashingPipe`'s `f"sha1${hash_object.hexdigest()}"`): an
  integrity check, which an attacker who can alter the content may pass with
  a collision (advice only: compare SHA-256 digests on both sides, or mark a
  check that only catches corruption of the project's own data by hand). Not
  a value that names an S3 ETag, a Content-MD5 or a GCS `md5_hash`, whose
  algorithm the protocol fixes, nor a match that raises (changedetection.io's
  unchanged screenshot), nor the WebSocket handshake's accept value.
- A digest an object keeps in place of the value it is made of: an `__eq__`
  (or `__ne__`) of the module compares the digest of its other operand, made by
  the call or by a function that returns it (a lambda bound to a name, the
  module's functions that return a call of it), with an attribute of the object.
  sqlobject's HashCol keeps `hashMethod(value)` and `DbHash.__eq__` compares
  `hashMethod(other)` with `self.hash`: a one-way stored credential such as a
  password, whatever the names say (advice only: a salted key-derivation
  function, `hashlib.pbkdf2_hmac` or `hashlib.scrypt`, for new values, the old
  hash only to check the digests already stored). A cache key or an ETag is
  compared where it is used, not made an object's equality.
- A call fed nothing whose `digest_size` (or `block_size`, `name`) alone is
  read (paramiko's `os.urandom(sha1().digest_size)`): nothing is hashed.
- `usedforsecurity=True` written out (advice only: the author says it is for
  security); `**kwargs` that may already pass the keyword (advice only).
- `crypt.crypt` / `crypt.mksalt` with `METHOD_CRYPT`, `METHOD_MD5` or
  `METHOD_BLOWFISH` (advice only: a weak password hash, and `crypt` is
  gone in Python 3.13).
- Test code: a digest there guards nothing, and a patch that only marks
  test hashes is churn (said only where a report points).
- A line marked `# nosec` (or `# noqa` naming an S rule): the project has
  reviewed it. Said only where a report points, as is an explicit
  `usedforsecurity=False`.
- The fallback in a `TypeError` handler of a `try` that passes
  `usedforsecurity=False` itself (suds' reader: `md5(name, usedforsecurity=False)`,
  else `md5(name)` where hashlib does not take it): already fixed. So is a
  call in one branch of an `if` whose other branch passes the keyword to
  a hasher of the same algorithm (aws-sam-cli's `_get_md5()`, dagster's
  `non_secure_md5_hash_str()`, jenkins-job-builder's `hashlib.new("md5",
  usedforsecurity=False)` beside `hashlib.md5()`: a version check). Said only
  where a report points.
- A new line that would still exceed the project's line length (advice
  only); a line already past it takes the keyword (gns3-server's 97-column
  digest: flake8 reports it once either way).

## Options
None.
"""

EXAMPLE = """\
import hashlib


def cache_key(url):
    return hashlib.md5(url.encode('utf-8')).hexdigest()
"""
