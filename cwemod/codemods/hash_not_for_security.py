"""MD5 and SHA-1 that protect nothing -> ``usedforsecurity=False`` (CWE-327, CWE-328)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping
from pathlib import PurePosixPath
from typing import Any

import libcst as cst
from libcst.metadata import PositionProvider, ScopeProvider

from cwemod.codemods._hash_cipher import keyed_cipher
from cwemod.codemods._hash_clock import clock_read
from cwemod.codemods._hash_compared import checked_against
from cwemod.codemods._hash_docs import DOCS, EXAMPLE
from cwemod.codemods._hash_keyword import KeywordPlacer
from cwemod.codemods._hash_logged import only_logged, shown_beside_itself
from cwemod.codemods._hash_lookup import (
    digest_made_a_name,
    digest_names_a_key,
    hashes_a_path,
    query_lookup,
)
from cwemod.codemods._hash_named import public_api_named_for, stronger_sibling
from cwemod.codemods._hash_protocol import KEY_EXCHANGE_WORDS, protocol_choice
from cwemod.codemods._hash_verified import checked_by_equality
from cwemod.codemods._secret_flow import (
    ParentOf,
    enclosing_definition_names,
    feeding_names,
    names_a_lookup_key,
    secret_word,
    sink_names,
    words_of,
)
from cwemod.codemods.base import Codemod, nodes_of_type
from cwemod.codemods.kit.calls import argument, calls_by_name, filled_parameters, keyword_arg
from cwemod.codemods.kit.growth import LineGrowth
from cwemod.codemods.kit.handlers import caught_classes
from cwemod.codemods.kit.names import QualifiedNames
from cwemod.codemods.kit.parents import ParentProvider, ancestors, enclosing_function
from cwemod.codemods.kit.project import Project, dotted_module
from cwemod.codemods.kit.python_versions import branch_python
from cwemod.codemods.kit.requirements import only_versions
from cwemod.codemods.kit.scanner_marks import MARKED, silenced
from cwemod.codemods.kit.source import code_of, module_code
from cwemod.codemods.kit.syntax import calls_module_function
from cwemod.codemods.records import Applicability, Refusal, RefusalKind

WEAK_HASHES = frozenset({"md4", "md5", "sha", "sha1"})  # what Bandit's B324 reports
# ``sys.version_info[0] < 3``, ``version_info < (3,)``, ``six.PY2``: a Python 2 branch.
_PYTHON_2_TEST = re.compile(
    r"version_info(?:\[0\]|\.major)?\s*<\s*\(?\s*3\b(?!\s*[,.]\s*0*[1-9])"
    r"|(?:^|\.)PY2\b|version_info\[0\]\s*==\s*2\b"
)
# hashlib, CPython's built-in hashers behind it (angr imports _md5 first), and Python 2's
# md5 and sha modules that old fallbacks import after it.
_HASHLIB_MODULES = frozenset({"hashlib", "_md5", "_sha1", "md5", "sha"})
_RANDOM_BYTES = frozenset({"os.urandom", "secrets.token_bytes"})
_WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
_WEAK_CRYPT_METHODS = frozenset({"METHOD_CRYPT", "METHOD_MD5", "METHOD_BLOWFISH"})
# The oslo.utils releases with oslo_utils.secretutils.md5: 4.7.0 added it, 10.0.0 removed it.
_OSLO_MD5 = ((4, 7, 0), (10, 0, 0))
# Words that say a digest guards something. A bare "key" does not: cache keys are
# the classic harmless MD5.
SECURITY_WORDS = frozenset(
    {
        "password",
        "passwd",
        "pwd",
        "passphrase",
        "secret",
        "token",
        "sign",
        "signed",
        "signer",
        "signing",
        "signature",
        "hmac",
        "auth",
        "authenticate",
        "authentication",
        "authorization",
        "credential",
        "login",
        "pin",  # werkzeug's debugger PIN, hashed into the cookie that unlocks its console
        "salt",
        "nonce",
        "otp",
        "csrf",
        "privatekey",
        "apikey",
        "sessionkey",
        "secretkey",
        "signkey",
        # Key material: impacket's MD5 of the boot key, then RC4 with the digest.
        "bootkey",
        "masterkey",
        "enckey",
        "encryptionkey",
        "keymaterial",
        # A challenge-response login (NTLM's session response, Twisted PB's challenge()).
        "challenge",
        "crypt",
        "encrypt",
        "encrypted",  # you-get's netease encrypted_id(): a remote service's id scheme
        "encryption",
        "decrypt",
        "decrypted",
        "decryption",
        "cipher",
        "entropy",  # dnspython's EntropyPool stirs the randomness of DNS message ids
        "sensitive",  # a client's SENSITIVE_HEADERS: hashed so logs hide a token
        "obfuscate",  # vmware-nsx hides a device id behind its digest when asked
        "obfuscated",
        "anonymize",
        "anonymized",
        # An SSH host key's fingerprint decides whether a host is trusted (ncclient's
        # unknown-host callback takes its MD5); "fingerprint" alone is also a file's checksum.
        "hostkey",
        "pkey",  # paramiko's PKey.get_fingerprint(), which users compare host keys with
        "pubkey",
        "publickey",
        "knownhosts",
        "openssh",
        # A key exchange's hash: paramiko-ng's KexGSSGroup1 makes the SSH exchange hash H,
        # the session id its keys are derived from (KEY_EXCHANGE_WORDS: the protocol fixes it)
        *KEY_EXCHANGE_WORDS,
        # A certificate's digest pins it (pyVmomi's VerifyCertThumbprint compares SHA-1s).
        "cert",
        "certificate",
        "thumbprint",
        "x509",
    }
)

# The words of those that name what anyone may read (a public key, a certificate): its digest
# decides trust where it is compared, but as a query's lookup key it hides nothing.
_PUBLIC_WORDS = frozenset(
    {"hostkey", "pkey", "pubkey", "publickey", "knownhosts", "openssh", "cert", "certificate"}
    | {"thumbprint", "x509"}
)

# What a module's name says beyond those words: pysaml2's signature checks live in sigver.py,
# paste's session.py hashes the time and a random number into its session ids, and
# dnspython's dnssec.py makes the DS digests that chain DNS keys to their parents.
_SECURITY_MODULE_WORDS = frozenset(
    {"security", "crypto", "cryptography", "sigver", "session", "dnssec"}
)


def _literal_words(call: cst.Call) -> list[str]:
    """The text the call hashes: werkzeug's ``f"{pin} added salt"``."""
    texts: list[str | bytes] = []
    for arg in call.args:
        texts += [node.evaluated_value for node in nodes_of_type(arg.value, cst.SimpleString)]
        texts += [node.value for node in nodes_of_type(arg.value, cst.FormattedStringText)]
    return [(text if isinstance(text, str) else text.decode("latin-1")).strip() for text in texts]


def _closure_parameters(function: cst.FunctionDef, parent_of: ParentOf) -> list[str]:
    """The parameters of the functions a nested function is defined in: what it serves
    (twisted's ``H()`` inside ``_calculateResponse(..., username, password, realm)``)."""
    outer = [node for node in ancestors(function, parent_of) if isinstance(node, cst.FunctionDef)]
    params = [
        param for node in outer for param in (*node.params.params, *node.params.kwonly_params)
    ]
    return [param.name.value for param in params]


# A password word that ends a word run together with another (pyrad's ``userpwd``)
_PASSWORD_TAIL = re.compile(r"(?<=.)(pwd|passwd|password)s?$")

# The last word of a name for a place: what it ends in says the value is an address.
_LOCATION_WORDS = (["url"], ["uri"], ["endpoint"], ["host"], ["hostname"])


class HashNotForSecurity(Codemod):
    id = "hash-not-for-security"
    title = "Mark MD5/SHA-1 checksums usedforsecurity=False"
    cwe = ("CWE-327", "CWE-328")
    rules = ("B324",)
    applicability = Applicability.REVIEW
    prefilter = ("hashlib", "crypt")
    docs = DOCS
    example = EXAMPLE

    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider, ParentProvider)

    @classmethod
    def might_change(cls, tree: ast.Module, options: Mapping[str, Any]) -> bool:
        """Is there a call of ``hashlib`` or ``crypt`` that may be weak, through its imports?

        Follows ``leave_Call``: a qualified name starts with the module, so a
        callee is ``<module binding>.<function>`` or a name imported from it.
        """
        wanted = WEAK_HASHES | {"new", "crypt", "mksalt"}
        return calls_module_function(tree, {"hashlib", "crypt"}, wanted)

    @classmethod
    def refusals_by_syntax(
        cls, tree: ast.Module, options: Mapping[str, Any], project: Project, module_path: str
    ) -> list[Refusal] | None:
        """In test code a digest is only noted (a report's business): none but crypt's is recorded.

        So a test module that calls neither ``crypt.crypt`` nor ``crypt.mksalt``
        records nothing; one that does is left to LibCST.
        """
        if project.is_test_module(module_path) and not _calls_crypt(tree):
            return []
        return None

    def visit_Module(self, node: cst.Module) -> None:
        self._module = node
        # By call: the two readings a call's refusal and its fix's reason both ask for
        self._security_names: dict[
            cst.Call, tuple[str | None, str | None, tuple[str, str] | None]
        ] = {}
        self._query_lookups: dict[cst.Call, tuple[str, str | None] | None] = {}
        self._names = QualifiedNames(self)
        code = module_code(node)
        self._growth = LineGrowth(code, self.project.line_length)
        self._placer = KeywordPlacer(
            self._growth, self._position, self.project.formatter is not None, node.default_indent
        )
        # Names bound to RFC 6455's GUID (SHA-1 of a key and it is the handshake's accept
        # value); None where the module never writes it
        self._guid_names = (
            frozenset(
                target.target.value
                for assign in nodes_of_type(node, cst.Assign)
                for target in assign.targets
                if isinstance(target.target, cst.Name) and _WEBSOCKET_GUID in code_of(assign.value)
            )
            if _WEBSOCKET_GUID in code
            else None
        )

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        names = self._names.of(original_node.func)
        if names & {"crypt.crypt", "crypt.mksalt"}:
            self._advise_on_crypt(original_node, names)
            return updated_node
        algorithm = self._weak_algorithm(original_node, names)
        if algorithm is None or not self._may_mark(original_node, algorithm):
            return updated_node
        others = sorted(name for name in names if name.rpartition(".")[0] not in _HASHLIB_MODULES)
        if others:
            # dulwich's objects.py: try: from sha1dc import sha1 / except ImportError: hashlib's
            self.refuse(
                original_node,
                RefusalKind.NOT_APPLICABLE,
                f"the name is also bound to {others[0]}, which the module may prefer to"
                " hashlib's: its digests (and whether it takes usedforsecurity) are that"
                " library's; check by hand",
            )
            return updated_node
        updated = self._placer.with_keyword(original_node, updated_node)
        if updated is None:
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                f"usedforsecurity=False would not fit in {self.project.line_length} columns "
                "or would shift an aligned continuation line; add it by hand",
            )
            return updated_node
        reason = (
            f"{algorithm.upper()} here names no secret (a cache key, a name, a checksum?): "
            "check that the digest guards nothing an attacker could collide"
        )
        secret = self._security_name(original_node)[2]
        if secret is not None and self._shown_beside(original_node, secret[0]):
            # zuul's create-auth-token: print("Bearer %s" % auth_token), then its SHA1
            reason = (
                f"the digest of `{secret[0]}` goes only to print() in a function that prints "
                f"`{secret[0]}` itself: a checksum of the command's output, which hides nothing"
            )
        lookup = self._lookup_note(original_node, algorithm)
        if lookup is not None:
            reason = lookup
        if self._hashes_the_websocket_guid(original_node):
            reason = (
                "the WebSocket handshake's accept value (RFC 6455 fixes SHA-1 of the key and"
                " its GUID): it proves the server read the request, and guards no secret"
            )
        floor = self._needs_python_3_9()
        if floor is not None:
            # otcextensions 0.34.8: setup.cfg lists 2.7, common/utils.py passes it unguarded
            reason += (
                f"; the project already passes usedforsecurity= unguarded in {floor}, so it"
                " needs Python 3.9 whatever its metadata says"
            )
        if not self.accept_fix(original_node, Applicability.REVIEW, reason):
            return updated_node
        self._placer.commit()
        return updated

    def _other_branch_marks(self, call: cst.Call, algorithm: str) -> bool:
        """Is ``call`` in one branch of an ``if`` (a version check) whose other branch hashes
        with the same algorithm and ``usedforsecurity`` (jenkins-job-builder's
        ``hashlib.new("md5", usedforsecurity=False)`` beside ``hashlib.md5()``)?"""
        child, parent = call, self.parent_of(call)
        while parent is not None and not isinstance(parent, (cst.FunctionDef, cst.Module)):
            if isinstance(parent, cst.If) and isinstance(parent.orelse, cst.Else):
                if child is parent.body or child is parent.orelse:
                    other = parent.orelse if child is parent.body else parent.body
                    return any(
                        keyword_arg(found, "usedforsecurity") is not None
                        and self._weak_algorithm(found, self._names.of(found.func)) == algorithm
                        for found in nodes_of_type(other, cst.Call)
                    )
            child, parent = parent, self.parent_of(parent)
        return False

    def _noted_old_python_branch(self, call: cst.Call) -> bool:
        """Note a call in a branch that runs only on Pythons whose hashlib takes no
        ``usedforsecurity``: a Python 2 branch (ranger's ``sha1_encode()``: ``if
        version_info[0] < 3:`` hashes the str path itself), or the ``else`` of
        jenkins-job-builder's ``if sys.version_info[:2] >= (3, 6):``, for 3.5."""
        newest = self._old_python_branch(call)
        if (newest is None or newest >= (3, 9)) and any(
            isinstance(node, cst.If) and _PYTHON_2_TEST.search(code_of(node.test))
            for node in self._holding(call)
        ):
            newest = (2, 7)  # six's `if PY2:`
        if newest is None or newest >= (3, 9):
            return False
        if newest[0] == 2:
            reason = (
                "runs only on Python 2, whose hashlib takes no usedforsecurity: the branch"
                " for Python 3 is the one to mark"
            )
        else:
            oldest = self.project.oldest_python
            unsupported = (
                f" (none the project supports: its oldest is {oldest[0]}.{oldest[1]})"
                if oldest is not None and oldest > newest
                else ""
            )
            reason = (
                f"runs only on Python {newest[0]}.{newest[1]} and older{unsupported}, whose "
                "hashlib takes no usedforsecurity (it came in 3.9): the branch for the newer "
                "Pythons is the one to mark"
            )
        self.note(call, RefusalKind.NOT_APPLICABLE, reason)
        return True

    def _old_python_branch(self, call: cst.Call) -> tuple[int, int] | None:
        """The newest Python a branch of an ``if`` around ``call`` in its function runs on,
        where its test of the version bounds it (``else`` of ``if sys.version_info >= (3,
        6):``: 3.5); the oldest of such bounds, None where there is none."""
        bounds = []
        child, parent = call, self.parent_of(call)
        while parent is not None and not isinstance(parent, (cst.FunctionDef, cst.Module)):
            if isinstance(parent, cst.If) and (child is parent.body or child is parent.orelse):
                bound = branch_python(code_of(parent.test), holds=child is parent.body)
                bounds += [bound] if bound is not None else []
            child, parent = parent, self.parent_of(parent)
        return min(bounds, default=None)

    def _may_mark(self, call: cst.Call, algorithm: str) -> bool:
        """Refuse (or note) the sites that must not be marked; True for the others."""
        if self.in_tests:
            # A digest in a test guards nothing, and a test-only patch is churn to a reviewer.
            self.note(call, RefusalKind.NOT_APPLICABLE, "test code: the digest guards nothing")
            return False
        declared = keyword_arg(call, "usedforsecurity")
        if declared is not None:
            self._refuse_declared(call, declared.value)
            return False
        size = self._size_read(call)
        if size is not None:
            # paramiko's hostkeys: salt = os.urandom(sha1().digest_size)
            self.refuse(
                call,
                RefusalKind.NOT_APPLICABLE,
                f"only reads {size} of an empty {algorithm.upper()} object: nothing is hashed",
            )
            return False
        if any(arg.star == "**" for arg in call.args):
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                "**kwargs may already pass usedforsecurity; check by hand",
            )
            return False
        if self._fallback_of_a_marked_try(call):
            # suds' reader.py: try: md5(..., usedforsecurity=False) except TypeError: md5(...)
            self.note(
                call,
                RefusalKind.ALREADY_FIXED,
                "the fallback of the try above it, which passes usedforsecurity=False where"
                " hashlib takes it",
            )
            return False
        if self._other_branch_marks(call, algorithm):
            # aws-sam-cli's _get_md5(): md5(usedforsecurity=False) on 3.9+, else md5()
            self.note(
                call,
                RefusalKind.ALREADY_FIXED,
                "the other branch of the if around it passes usedforsecurity=False, where"
                " hashlib takes it: this one is for the Pythons that do not",
            )
            return False
        attempt = self._fips_attempt(call)
        if attempt is not None and _handler_passes_usedforsecurity(attempt):
            self.note(
                call,
                RefusalKind.NOT_APPLICABLE,
                "this call finds out whether MD5 is allowed (FIPS mode), and the handler "
                "passes usedforsecurity=False itself when it is not",
            )
            return False
        start, end = self.lines_of(call)
        if silenced(self._growth.lines, start, end, self.rules):
            self.note(
                call,
                RefusalKind.NOT_APPLICABLE,
                f"{MARKED}: the project has reviewed this call",
            )
            return False
        random_source = self._random_bytes_only(call)
        if random_source is not None:
            # flask-wtf's and wtforms' CSRF tokens: sha1(os.urandom(64)).hexdigest()
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                f"it hashes only random bytes ({random_source}): the digest adds nothing to "
                "their strength, and no other hash would either; where the hex text is the "
                "point, secrets.token_hex(n) makes it directly (n=20 for the 40 characters of "
                "SHA1, 16 for MD5's 32)",
            )
            return False
        identifier, word, secret = self._security_name(call)
        logged = None if secret is None else self._only_logged(call)
        shown = secret is not None and logged == "print" and self._shown_beside(call, secret[0])
        if secret is not None and logged is not None and not shown:
            # zabbix-api's login(): "md5(...)" of the password, only for its debug log
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                f"`{secret[0]}` says this {algorithm.upper()} digest is for security "
                f"({secret[1]}), and the digest goes only to {logged}(): a digest of a secret "
                "in a log can be cracked offline, whatever the hash; log no function of the "
                "secret at all (a fixed mask such as '***')",
            )
            return False
        clock = clock_read(self._data(call), self._names.of) if word is not None else ""
        if clock:
            # planemo's Galaxy id_secret: md5(str(time.time()).encode("utf-8")).hexdigest()
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                f"`{identifier}` says this {algorithm.upper()} digest is for security "
                f"({word}), and it hashes only the clock ({clock}()): a secret derived from "
                "the time is guessed by trying the moments around it, whatever the hash; make"
                " it random: secrets.token_hex(16)",
            )
            return False
        if word is not None and not shown:
            if secret is None and self._refuse_named_api(call, algorithm, identifier):
                return False
            advice = self._security_advice(call, algorithm, f"`{identifier}`", word)
            self.refuse(call, RefusalKind.ADVICE_ONLY, advice)
            return False
        if self._refuse_kept_in_place(call, algorithm):
            return False
        guard = "except ValueError" if attempt is not None else self._suppressing(call)
        if guard is not None:
            # glanceclient's integrity_iter(): a download fails where MD5 is not allowed;
            # poetry's hash_manager: with suppress(ValueError), no MD5 is sent under FIPS
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                f"the `{guard}` around it decides what happens where FIPS mode "
                f"refuses {algorithm.upper()}: usedforsecurity=False would change that; "
                "decide by hand",
            )
            return False
        if self._refuse_integrity_check(call, algorithm):
            return False
        if self._noted_old_python_branch(call):
            return False
        # Last: a digest for security gets that reason whatever Python the project runs on
        # (pyghmi's IPMI 1.5 password digest, in a project that supports 2.7).
        lookup = self._lookup_note(call, algorithm)
        return self._needs_python_3_9() is not None or not self.refuse_before_python(
            call,
            (3, 9),
            "whose hashlib takes no usedforsecurity (it came in 3.9): mark the call with a "
            f"helper that works there ({self._old_python_helper(algorithm)})"
            + ("" if lookup is None else f"; {lookup}"),
        )

    def _query_lookup(self, call: cst.Call) -> tuple[str, str | None] | None:
        """The query that finds rows by the digest, and the column it is kept in
        (:func:`._hash_lookup.query_lookup`)."""
        if call not in self._query_lookups:
            function = enclosing_function(call, self.parent_of)
            self._query_lookups[call] = (
                None
                if function is None
                else query_lookup(call, function, self._module, self.parent_of)
            )
        return self._query_lookups[call]

    def _lookup_note(self, call: cst.Call, algorithm: str) -> str | None:
        """What a digest that a query finds rows by asks of a reviewer; None for another."""
        found = self._query_lookup(call)
        if found is None:
            return None
        query, column = found
        finds = "it" if column is None else f"`{column}`, where it is stored"
        name = algorithm.upper()
        return (
            f"the {name} digest is a lookup key, not a protection: `{query}` finds rows by "
            f"{finds}, so another hash needs a migration of the digests already stored; where "
            f"one row matches, compare the full value too, or a value with a colliding {name} "
            "finds that row"
        )

    def _security_advice(self, call: cst.Call, algorithm: str, named: str, word: str) -> str:
        """What to do with a digest for security: the protocol's stronger method where a
        peer's protocol picks the algorithm (pg8000's MD5 password authentication), else a
        stronger hash."""
        name = algorithm.upper()
        said = f"{named} says this {name} digest is for security ({word})"
        chosen = protocol_choice(call, algorithm, word, self._holding(call), self.parent_of)
        if chosen is None:
            cipher = keyed_cipher(call, self.parent_of)
            # trove's encrypt_data(): an AES key, md5(key).hexdigest(), for stored ciphertexts
            kept = (
                f"; the digest keys a cipher ({cipher}): keep the {name} derivation to decrypt "
                "data already stored (or version the format), or what was encrypted before "
                "can no longer be read"
                if cipher is not None
                else ""
            )
            return (
                f"{said}: use SHA-256 or better (hashlib.sha256; for passwords a key-derivation "
                f"function such as hashlib.scrypt), not usedforsecurity=False; where a protocol "
                f"the code speaks fixes {name} (a remote service's signature scheme, SNMP's "
                f"HMAC), only that protocol can change it{kept}"
            )
        stronger = (
            f"prefer the protocol's stronger method where it has one ({chosen.example})"
            if chosen.example is not None
            else "prefer the protocol's stronger method where it has one, or a transport that "
            "protects it (TLS)"
        )
        if chosen.signed:
            # dns-lexicon's OVH X-Ovh-Signature, CloudXNS API-HMAC
            return (
                f"{said}, and {chosen.why}: the service's API fixes {name} here (a request "
                "signature it recomputes): only the provider can change it, and "
                "usedforsecurity=False would hide it; prefer the API's stronger method where it"
                " has one, and a digest the API does not fix takes SHA-256 or better"
            )
        if chosen.cited:
            # pyrad's "RADIUS packets (RFC 2865)", ntlm-auth's "[MS-NLMP]"
            return (
                f"{said}, and {chosen.why}: the protocol the code implements fixes {name} "
                "here, so only that protocol can change it and usedforsecurity=False would hide"
                f" it; {stronger}; a digest the protocol does not fix takes SHA-256 or better"
            )
        return (
            f"{said}, and {chosen.why}: the peer's protocol fixes {name} here, so no other "
            f"hash answers it and usedforsecurity=False would hide it; {stronger}, and turn "
            f"{name} off where the peer lets you"
        )

    def _refuse_named_api(self, call: cst.Call, algorithm: str, identifier: str | None) -> bool:
        """Refuse a digest that a public method named for its algorithm returns, where only
        its class's name says security (paramiko-ng's ``PKey.get_fingerprint_md5()``): the
        name makes the algorithm its API (:mod:`._hash_named`)."""
        function = enclosing_function(call, self.parent_of)
        owner = function and public_api_named_for(function, algorithm, self.parent_of)
        if function is None or owner is None or identifier != owner.name.value:
            return False
        project = dotted_module(self.module_path).partition(".")[0].lower()
        hashed = [*_argument_names(call), *_literal_words(call)]
        if _security_evidence(hashed, project, what_is_hashed=True) is not None:
            return False  # `md5(self.signature_header)`: what it hashes says so too
        name, said = algorithm.upper(), function.name.value
        sibling = stronger_sibling(function, algorithm, owner)
        instead = (
            f"`{sibling}` beside it gives a stronger one: point callers there"
            if sibling is not None
            else "a stronger hash belongs in a function of its own"
        )
        self.refuse(
            call,
            RefusalKind.NOT_APPLICABLE,
            f"`{said}` promises {name} by its name: the algorithm is its public API, and "
            f"only `{identifier}` says security, not what it hashes, so whether the digest "
            f"guards anything is its callers' business; {instead}, and deprecate `{said}` by "
            "hand if it should go",
        )
        return True

    def _refuse_kept_in_place(self, call: cst.Call, algorithm: str) -> bool:
        """Refuse a digest an object keeps in place of the value it is made of, its ``__eq__``
        comparing the digest of the other operand with it (sqlobject's HashCol)."""
        checked = checked_by_equality(call, self._module, self.parent_of)
        if checked is None:
            return False
        method, kept = checked
        owner = next(
            (n for n in ancestors(method, self.parent_of) if isinstance(n, cst.ClassDef)), None
        )
        where = f"{owner.name.value}.{method.name.value}" if owner else method.name.value
        self.refuse(
            call,
            RefusalKind.ADVICE_ONLY,
            f"the digest stands in for the value it is made of: `{where}` compares the "
            f"digest of its other operand with `{code_of(kept)}`, which the object keeps; a "
            "one-way stored credential such as a password, not a checksum: hash new values "
            "with a salted key-derivation function (hashlib.pbkdf2_hmac or hashlib.scrypt) "
            f"and keep {algorithm.upper()} only to check the digests already stored",
        )
        return True

    def _refuse_integrity_check(self, call: cst.Call, algorithm: str) -> bool:
        """Refuse a digest compared with the value it must have, where a mismatch raises
        (toil's ``Resource._download()`` before the downloaded code is imported)."""
        function = enclosing_function(call, self.parent_of)
        expected = None if function is None else checked_against(call, function, self.parent_of)
        if expected is None or self._hashes_the_websocket_guid(call):
            return False  # apprise's nostr relay checks the server's Sec-WebSocket-Accept
        name = algorithm.upper()
        self.refuse(
            call,
            RefusalKind.ADVICE_ONLY,
            f"the digest is compared with `{code_of(expected)}` and a mismatch raises: an "
            f"integrity check, which an attacker who can alter the content may pass with "
            f"a colliding {name}; compare SHA-256 digests (hashlib.sha256) on both sides, or,"
            f" where the check only catches corruption of the project's own data, add"
            f" usedforsecurity=False by hand",
        )
        return True

    def _needs_python_3_9(self) -> str | None:
        """Where the project says it supports a Python before 3.9: the module of its own code
        that passes usedforsecurity= to hashlib with no fallback (:mod:`._hash_survey`), which
        only 3.9 and newer take; None where it says no such Python, or no module does."""
        if self.project.python_before((3, 9)) is None:
            return None  # the survey is read only here
        return self.facts if isinstance(self.facts, str) else None

    def _old_python_helper(self, algorithm: str) -> str:
        """A helper that passes usedforsecurity where it exists: oslo's for MD5, where every
        oslo.utils the project admits has it (monasca-agent 10.0.0's oslo.utils>=3.33.0
        does not)."""
        if algorithm == "md5" and only_versions(self.project.root, "oslo.utils", *_OSLO_MD5):
            return "oslo_utils.secretutils.md5, which the oslo.utils it requires has"
        # python-swiftclient requires requests alone
        return "one of the project's own that passes it, and calls without it on TypeError"

    def _random_bytes_only(self, call: cst.Call) -> str | None:
        """``os.urandom(64)`` where it is all the call hashes."""
        if len(call.args) != 1 or call.args[0].keyword is not None or call.args[0].star:
            return None
        value = call.args[0].value
        if isinstance(value, cst.Call) and self._names.of(value.func) & _RANDOM_BYTES:
            return code_of(value)
        return None

    def _size_read(self, call: cst.Call) -> str | None:
        """``digest_size`` in ``sha1().digest_size``: a size read of an object fed nothing."""
        parent = self.parent_of(call)
        if self._fed_nothing(call) and isinstance(parent, cst.Attribute):
            if parent.attr.value in ("digest_size", "block_size", "name"):
                return parent.attr.value
        return None

    def _fed_nothing(self, call: cst.Call) -> bool:
        """Is ``call`` given no data (``hashlib.new`` its name only)?"""
        data = [arg for arg in call.args if arg.keyword is None]
        named_new = "hashlib.new" in self._names.of(call.func)
        return len(data) == (1 if named_new else 0) and not any(
            arg.keyword is not None and arg.keyword.value in ("data", "string") for arg in call.args
        )

    def _fallback_of_a_marked_try(self, call: cst.Call) -> bool:
        """Is ``call`` in a handler of ``TypeError`` (or ``AttributeError``) whose ``try``
        passes ``usedforsecurity`` itself: the fallback where hashlib does not take it?"""
        handler = next(
            (n for n in ancestors(call, self.parent_of) if isinstance(n, cst.ExceptHandler)),
            None,
        )
        attempt = self.parent_of(handler) if handler is not None else None
        if not isinstance(attempt, cst.Try) or not (
            _catches(handler, "TypeError") or _catches(handler, "AttributeError")  # type: ignore[arg-type]
        ):
            return False
        return _passes_usedforsecurity(attempt.body)

    def _fips_attempt(self, call: cst.Call) -> cst.Try | None:
        """The ``try`` whose body holds ``call`` and whose handler passes ``usedforsecurity``
        (s3cmd's ``try: md5() except ValueError:`` wraps md5 for FIPS systems), or whose
        body is that one statement and that handles what FIPS mode raises (``ValueError``);
        None when there is none."""
        attempt = next((node for node in self._holding(call) if isinstance(node, cst.Try)), None)
        if attempt is None or _handler_passes_usedforsecurity(attempt):
            return attempt
        # pysmb's hashlib.new('md4') as a statement of its own: a probe, its result unused
        alone = len(attempt.body.body) == 1 or isinstance(self.parent_of(call), cst.Expr)
        handles = any(
            _catches(handler, "ValueError") and not _catches_bad_data(handler, call)
            for handler in attempt.handlers
        )
        return attempt if alone and handles else None

    def _suppressing(self, call: cst.Call) -> str | None:
        """``suppress(ValueError)`` where a ``with`` of it holds the call alone."""
        block = next((node for node in self._holding(call) if isinstance(node, cst.With)), None)
        if block is None or len(block.body.body) != 1:
            return None
        for item in block.items:
            manager = item.item
            if not (isinstance(manager, cst.Call) and len(manager.args) == 1):
                continue
            caught = code_of(manager.args[0].value)
            if "suppress" in code_of(manager.func) and caught.endswith("ValueError"):
                return f"suppress({caught})"
        return None

    def _holding(self, call: cst.Call) -> Iterator[cst.CSTNode]:
        """The statements whose body holds ``call``, innermost first, within its function."""
        child, parent = call, self.parent_of(call)
        while parent is not None and not isinstance(parent, (cst.FunctionDef, cst.Lambda)):
            if getattr(parent, "body", None) is child:
                yield parent
            child, parent = parent, self.parent_of(parent)

    def _refuse_declared(self, call: cst.Call, value: cst.BaseExpression) -> None:
        if isinstance(value, cst.Name) and value.value == "False":
            self.note(call, RefusalKind.ALREADY_FIXED, "already says usedforsecurity=False")
        elif isinstance(value, cst.Name) and value.value == "True":
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                "usedforsecurity=True says this digest is for security: use SHA-256 or better",
            )
        else:
            self.note(
                call,
                RefusalKind.NOT_APPLICABLE,
                "usedforsecurity is computed here; check its value by hand",
            )

    def _shown_beside(self, call: cst.Call, secret: str) -> bool:
        """Does the digest go only to print() in a function that prints ``secret`` itself?"""
        function = enclosing_function(call, self.parent_of)
        return shown_beside_itself(call, secret, self.parent_of, function)

    def _only_logged(self, call: cst.Call) -> str | None:
        """The logging call that is all the digest goes to (directly or through local names)."""
        return only_logged(call, self.parent_of, enclosing_function(call, self.parent_of))

    def _security_name(
        self, call: cst.Call
    ) -> tuple[str | None, str | None, tuple[str, str] | None]:
        """A name around ``call`` that says security, the word in it, and the hashed name
        that says a secret (with its word) where one does."""
        if call not in self._security_names:
            self._security_names[call] = self._read_security_name(call)
        return self._security_names[call]

    def _read_security_name(
        self, call: cst.Call
    ) -> tuple[str | None, str | None, tuple[str, str] | None]:
        sinks = sink_names(call, self.parent_of) or []
        around = enclosing_definition_names(call, self.parent_of)
        hashed = _argument_names(call)
        hashed += _literal_words(call)
        function = enclosing_function(call, self.parent_of)
        lookup_key = function is not None and names_a_lookup_key(function.name.value)
        if function is not None:
            if lookup_key:
                # botocore's BaseAssumeRoleCredentialFetcher._create_cache_key(): its class
                # says credential, the method says what the digest is, a cache file's name
                around = [function.name.value]
            else:
                around += _closure_parameters(function, self.parent_of)
            if len(sinks) == 1:
                hashed += _fed_names(function, sinks[0])
            hashed += feeding_names(function, hashed)
            around += self._callers_names(function, set(hashed))
            # apprise's PGP controller: `cache_key = sha1(... os.path.abspath(path) ...)` in
            # private_key(), a name in its cache, not the key the method loads
            if digest_names_a_key(call, sinks, function, self.parent_of):
                lookup_key, around = True, []
            elif self._hashes_a_path(call):
                around = []
            elif digest_made_a_name(call, function, set(hashed), SECURITY_WORDS, self.parent_of):
                # asyncssh's expand_kex_algs(): `alg + b'-' + base64(md5(mech))`, RFC 4462's
                # GSS method names: the function's (and the module's) `kex` is what it names
                lookup_key, around = True, []
                sinks = [sink for sink in sinks if sink != function.name.value]
        # A digest of where something is names it (glanceclient's schema cache directory for
        # `if options.os_auth_url:` options.os_auth_url): its "auth" is not a credential.
        if self._hashes_the_websocket_guid(call, hashed):
            # wsproto's and gunicorn's Sec-WebSocket-Accept: RFC 6455 fixes SHA-1 there
            return None, None, None
        inputs = [*hashed, *self._guard_names(call)]
        inputs = [name for name in inputs if words_of(name)[-1:] not in _LOCATION_WORDS]
        project = dotted_module(self.module_path).partition(".")[0].lower()
        if self._query_lookup(call) is not None:
            # refstack's get_pubkey(): the public key's MD5 is the indexed column its row is
            # found by, whatever the function is named; only a hashed secret outranks that
            vocabulary = SECURITY_WORDS - _PUBLIC_WORDS
            secret = _security_evidence(
                inputs, project, what_is_hashed=True, secret_only=True, vocabulary=vocabulary
            )
            return (None, None, None) if secret is None else (*secret, secret)
        # A hashed secret is named first (zabbix-api's `l_password` in login()), then what
        # the digest goes to and is made in, then the other names hashed (`auth_username`)
        secret = _security_evidence(inputs, project, what_is_hashed=True, secret_only=True)
        evidence = (
            secret
            or _security_evidence([*sinks, *around], project)
            or _security_evidence(inputs, project, what_is_hashed=True)
        )
        if evidence is not None:
            return *evidence, secret
        if function is not None and sinks:
            rehashed = self._hashed_again(function, call, sinks)
            if rehashed is not None:
                return *rehashed, None
        if lookup_key or any(_names_a_name(sink) for sink in sinks):
            # ansible's lookup/password.py: lockfile_name = "%s.ansible_lockfile" % sha1(path);
            # botocore's _create_cache_key() in credentials.py; mozilla-django-oidc's
            # default_username_algo() in auth.py: username = b64encode(sha1(email).digest())
            return None, None, None  # a name, whatever the module is for
        module = PurePosixPath(self.module_path).name.partition(".")[0]
        word = secret_word([module], SECURITY_WORDS | _SECURITY_MODULE_WORDS)
        return (module, word, None) if word is not None else (None, None, None)

    def _hashes_a_path(self, call: cst.Call) -> bool:
        """Does ``call`` hash only a file's path (beside literal text at most)?"""
        return hashes_a_path(self._data(call), self._calls_os_path)

    def _data(self, call: cst.Call) -> list[cst.Arg]:
        """The arguments of a hasher that it hashes (not ``hashlib.new``'s name)."""
        data = call.args[1:] if "hashlib.new" in self._names.of(call.func) else call.args
        return [
            arg for arg in data if arg.keyword is None or arg.keyword.value in ("data", "string")
        ]

    def _calls_os_path(self, call: cst.Call) -> bool:
        return any(name.startswith("os.path.") for name in self._names.of(call.func))

    def _hashes_the_websocket_guid(self, call: cst.Call, hashed: list[str] | None = None) -> bool:
        """Does ``call`` hash RFC 6455's GUID, written in it or through a name bound to it?"""
        if self._guid_names is None:
            return False
        if hashed is None:
            function = enclosing_function(call, self.parent_of)
            hashed = _argument_names(call)
            hashed += feeding_names(function, hashed) if function is not None else []
        return bool(self._guid_names.intersection(hashed)) or _WEBSOCKET_GUID in code_of(call)

    def _callers_names(self, function: cst.FunctionDef, hashed: set[str]) -> list[str]:
        """The names a module-level hashing helper is called with in the module, and the
        functions that call it: sqlmap's Firebird ``_sha1(salt, _sha1(user, b":",
        password))`` in ``_srp_client_proof()``, the SRP login's proof and session key.
        An argument counts where it fills a parameter among the ``hashed`` names (or one
        not known), and is no on/off flag: truffleHog's ``find_strings(..., do_entropy)``
        hashes the commits, never ``do_entropy``."""
        if not self._defined_at_module_level(function):
            return []
        names: list[str] = []
        for call in calls_by_name(self._module, function.name.value):
            for arg, param in filled_parameters(call, function.params):
                if param is None or (param in hashed and not _is_flag(param)):
                    names += [name for name in _argument_names(arg) if not _is_flag(name)]
            caller = enclosing_function(call, self.parent_of)
            if caller is not None and caller is not function:
                names.append(caller.name.value)
        return names

    def _defined_at_module_level(self, function: cst.FunctionDef) -> bool:
        """A module-level function, also one defined under a top-level ``try`` or ``if``
        (pysmb's ``try: import hashlib; def MD5(s): return hashlib.md5(s)``)."""
        for around in ancestors(function, self.parent_of):
            if around is self._module:
                return True
            if not isinstance(
                around, (cst.IndentedBlock, cst.Try, cst.If, cst.Else, cst.ExceptHandler)
            ):
                return False
        return False

    def _hashed_again(
        self, function: cst.FunctionDef, call: cst.Call, sinks: list[str]
    ) -> tuple[str, str] | None:
        """The digest, and the security word, where another digest in ``function`` hashes
        this one's value with something secret, or is named for security: pyatv's HTTP
        Digest response, ``ha2 = md5(f"{method}:{uri}")``, then ``md5(f"{ha1}:{nonce}:{ha2}")``.
        What the other hashes is followed through the function's assignments (dns-lexicon's
        NFSN ``hash_items = [..., salt, ..., hashed_body]``, then ``sha1(";".join(hash_items))``
        as ``auth_hash``)."""
        for other in nodes_of_type(function, cst.Call):
            if other is call or self._weak_algorithm(other, self._names.of(other.func)) is None:
                continue
            names = _argument_names(other)
            names += feeding_names(function, names)
            if not set(sinks) & set(names):
                continue
            named = [("with", name) for name in names]
            named += [("into", name) for name in sink_names(other, self.parent_of) or []]
            for how, name in named:
                word = secret_word([name], SECURITY_WORDS)
                if word is not None:
                    return f"{sinks[0]}, hashed again {how} {name},", word
        return None

    def _guard_names(self, call: cst.Call) -> list[str]:
        """The names and strings in the tests of the ``if`` statements whose body holds
        ``call``, in its function (``if name in SENSITIVE_HEADERS:``, muranoclient's
        ``if name in ['X-Auth-Token', 'X-Subject-Token']:``)."""
        names: list[str] = []
        for test in (node.test for node in self._holding(call) if isinstance(node, cst.If)):
            names += [name.value for name in nodes_of_type(test, cst.Name)]
            names += [
                string.evaluated_value
                for string in nodes_of_type(test, cst.SimpleString)
                if isinstance(string.evaluated_value, str)
            ]
        return names

    def _weak_algorithm(self, call: cst.Call, names: set[str]) -> str | None:
        for name in names:
            module, _, function = name.rpartition(".")
            if module != "hashlib":
                continue
            if function in WEAK_HASHES:
                return function
            if function == "new":
                algorithm = argument(call, "name", 0)
                if algorithm is not None and isinstance(algorithm.value, cst.SimpleString):
                    text = algorithm.value.evaluated_value
                    if isinstance(text, str) and text.lower() in WEAK_HASHES:
                        return text.lower()
        return None

    def _advise_on_crypt(self, call: cst.Call, names: set[str]) -> None:
        method = (
            argument(call, "salt", 1) if "crypt.crypt" in names else argument(call, "method", 0)
        )
        if method is None:
            return
        weak = {name.rpartition(".")[2] for name in self._names.of(method.value)}
        weak &= _WEAK_CRYPT_METHODS
        if weak:
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                f"crypt.{min(weak)} is a weak password hash and the crypt module is gone in "
                "Python 3.13: hash passwords with a key-derivation function such as "
                "hashlib.scrypt",
            )

    def _position(self, node: cst.CSTNode):  # noqa: ANN202 - LibCST's CodeRange
        return self.get_metadata(PositionProvider, node)


def _handler_passes_usedforsecurity(attempt: cst.Try) -> bool:
    return any(_passes_usedforsecurity(handler) for handler in attempt.handlers)


def _passes_usedforsecurity(node: cst.CSTNode) -> bool:
    """Does a call under ``node`` pass ``usedforsecurity``?"""
    return any(
        keyword_arg(inner, "usedforsecurity") is not None for inner in nodes_of_type(node, cst.Call)
    )


def _catches(handler: cst.ExceptHandler, name: str) -> bool:
    """Does ``handler`` name the exception class ``name`` (alone or in a tuple)?"""
    return any(
        isinstance(each, cst.Name) and each.value == name for each in caught_classes(handler)
    )


def _catches_bad_data(handler: cst.ExceptHandler, call: cst.Call) -> bool:
    """Does ``handler`` catch ``TypeError`` too, where ``call`` hashes what another call
    makes (snakemake's ``md5(json.dumps(config).encode())`` in ``except (TypeError,
    ValueError)``): that call's errors, a value it cannot take, and no FIPS probe?"""
    return _catches(handler, "TypeError") and any(
        not (isinstance(inner.func, cst.Attribute) and inner.func.attr.value == "encode")
        for arg in call.args
        for inner in nodes_of_type(arg.value, cst.Call)
    )


def _security_evidence(
    identifiers: list[str],
    project: str,
    *,
    what_is_hashed: bool = False,
    secret_only: bool = False,
    vocabulary: frozenset[str] = SECURITY_WORDS,
) -> tuple[str, str] | None:
    """The first of ``identifiers`` with a security word, and the word; None when none says
    security. Of what is hashed, the first whose last word says it (``auth_token``: token)
    comes before the others (``auth_username``: auth; dns-lexicon's CloudXNS hashes both):
    a secret beside a user name. With ``secret_only``, only such a secret counts."""
    found = []
    for identifier in identifiers:
        # python3-saml's class OneLogin_Saml2_Utils: the project's name says no "login"
        named = "_".join(part for part in identifier.split("_") if part.lower() != project)
        word = secret_word([named], vocabulary) or _run_together_password(named)
        if word is None:
            continue
        if not what_is_hashed:
            return identifier, word
        last = words_of(named)[-2:]
        # token, not encryption_key's key; pyrad's `userpwd`, a password run together
        tail = secret_word([last[-1]], vocabulary) or _run_together_password(last[-1])
        # `login` hashed is a user's login name (dns-lexicon's wedos: `login + passhash`)
        whole = secret_word(["".join(last)], vocabulary)
        if tail != "login" and (tail is not None or whole is not None):
            return identifier, tail or word
        found.append((identifier, word))
    return found[0] if found and not secret_only else None


def _run_together_password(identifier: str) -> str | None:
    """The password word a name's last word ends in, run together with another word
    (pyrad's ``userpwd``, ``newpassword``), else None."""
    words = words_of(identifier)
    found = _PASSWORD_TAIL.search(words[-1]) if words else None
    return None if found is None else found.group(1)


def _names_a_name(identifier: str) -> bool:
    """Does ``identifier`` name a name or a path (``lockfile_name``, ``filename``,
    mozilla-django-oidc's ``username``: a word run together with ``name``)?"""
    words = words_of(identifier)
    return bool(words) and words[-1].endswith(("name", "path"))


def _calls_crypt(tree: ast.Module) -> bool:
    return calls_module_function(tree, {"crypt"}, {"crypt", "mksalt"})


def _fed_names(function: cst.FunctionDef, target: str) -> list[str]:
    """The names in what ``function`` feeds ``target = hashlib.md5()`` through
    ``target.update(...)`` (BFD's ``h.update(bfd_bin + auth_data_bin)``)."""
    return [
        name.value
        for update in nodes_of_type(function, cst.Call)
        if isinstance(update.func, cst.Attribute)
        and update.func.attr.value == "update"
        and isinstance(update.func.value, cst.Name)
        and update.func.value.value == target
        for arg in update.args
        for name in nodes_of_type(arg.value, cst.Name)
    ]


def _argument_names(call: cst.Call | cst.Arg) -> list[str]:
    """The names in the call's arguments, in order (``salt``, ``user`` of ``_sha1(salt, user)``),
    or in one argument."""
    args = [call] if isinstance(call, cst.Arg) else call.args
    return [name.value for arg in args for name in nodes_of_type(arg.value, cst.Name)]


def _is_flag(name: str) -> bool:
    """Is ``name`` an on/off flag's (``do_entropy``, ``use_cache``, ``is_admin``)?"""
    return words_of(name)[:1] in (["do"], ["use"], ["enable"], ["is"])
