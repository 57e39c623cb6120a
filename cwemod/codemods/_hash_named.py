"""A public method named for the algorithm it returns: its name makes the algorithm its API.

paramiko-ng's ``PKey.get_fingerprint_md5()`` ("Nothing secret is revealed", a 16-byte
``bytes``) returns the MD5 its name promises; the SHA-256 fingerprint is another method
beside it, ``get_fingerprint_sha256_b64()``. "Use SHA-256" cannot be done in that method,
and where only the class's name says security, whether the digest is for security is the
callers' business: a class names the object its methods describe (a key), not what each
digest is for. A module's name does (pysaml2's ``sigver.py``, which checks signatures, and
its ``sha1_digest()``), and a function nested in another is no API (ncclient's
``openssh_fingerprint_md5`` inside ``check_host()``, whose digest decides on the host).
"""

from __future__ import annotations

import re

import libcst as cst

from cwemod.codemods._secret_flow import ParentOf
from cwemod.codemods.kit.parents import ancestors

# The parts of a name: ``get_fingerprint_md5`` and ``getFingerprintMD5`` -> get, fingerprint, md5
_PARTS = re.compile(r"[A-Z]+(?![a-z])\d*|[A-Z]?[a-z]+\d*|\d+")
_STRONGER = re.compile(r"sha(?:224|256|384|512|3\w*)|blake2\w*")


def public_api_named_for(
    function: cst.FunctionDef, algorithm: str, parent_of: ParentOf
) -> cst.ClassDef | None:
    """The class whose public method ``function`` is, where its name names ``algorithm``
    (``get_fingerprint_md5``, ``md5_hex``); None where it does not, or where it is private
    (``_md5``) or no method of a class."""
    name = function.name.value
    if name.startswith("_") or algorithm not in _parts(name):
        return None
    owner = next(
        (node for node in ancestors(function, parent_of) if not _passes_through(node)), None
    )
    return owner if isinstance(owner, cst.ClassDef) else None


def stronger_sibling(function: cst.FunctionDef, algorithm: str, owner: cst.ClassDef) -> str | None:
    """A method of ``owner`` that shares a word of ``function``'s name and names a stronger
    hash instead (``get_fingerprint_sha256_b64`` beside ``get_fingerprint_md5``)."""
    words = set(_parts(function.name.value)) - {algorithm}
    for statement in owner.body.body:
        if isinstance(statement, cst.FunctionDef) and statement is not function:
            parts = _parts(statement.name.value)
            if words & set(parts) and any(_STRONGER.fullmatch(part) for part in parts):
                return statement.name.value
    return None


def _parts(name: str) -> list[str]:
    return [part.lower() for part in _PARTS.findall(name)]


def _passes_through(node: cst.CSTNode) -> bool:
    """The blocks between a method and its class."""
    return isinstance(node, (cst.IndentedBlock, cst.If, cst.Else, cst.Try, cst.ExceptHandler))
