"""A digest that keys a cipher: what was encrypted with it is read back with the same key.

trove's ``encrypt_data()`` and ``decrypt_data()`` derive an AES key as
``md5(key).hexdigest()``; the ciphertexts are stored (module contents in the database)
and older guest agents decrypt them. A stronger hash alone makes every stored
ciphertext unreadable: the advice keeps the old derivation to decrypt what is stored,
as sqlobject's HashCol keeps the old hash to check the digests already stored.
"""

from __future__ import annotations

import libcst as cst

from cwemod.codemods._hash_logged import is_read
from cwemod.codemods._secret_flow import ParentOf, words_of
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.parents import enclosing_function
from cwemod.codemods.kit.source import code_of

# The words of a callee that encrypts or decrypts with the key it is given:
# ``AES.new``, ``Cipher``, ``Fernet``, trove's ``_encrypt``.
_CIPHER_WORDS = frozenset({"aes", "cipher", "fernet", "encrypt", "decrypt"})
# The words of a function's name that say it encrypts or decrypts.
_ENCRYPTING_WORDS = frozenset({"encrypt", "decrypt"})
# Expressions that carry the digest itself on: ``.hexdigest()``, ``[:16]``.
_CARRIERS = (cst.Arg, cst.Attribute, cst.Index, cst.Slice, cst.Subscript, cst.SubscriptElement)


def keyed_cipher(call: cst.Call, parent_of: ParentOf) -> str | None:
    """What says the digest of ``call`` keys a cipher: the encrypting call it is passed
    to (``_encrypt()``, directly or through the names of its function it is assigned to,
    and calls that only convert it, as ``safe_encode()``), else the name of its function
    where it says encrypt or decrypt; None otherwise."""
    function = enclosing_function(call, parent_of)
    keyed = _keyed(call, parent_of, function, set())
    if keyed is not None:
        return f"`{code_of(keyed.func)}()`"
    if function is not None and set(words_of(function.name.value)) & _ENCRYPTING_WORDS:
        return f"`{function.name.value}()`"
    return None


def _keyed(
    node: cst.CSTNode, parent_of: ParentOf, function: cst.FunctionDef | None, seen: set[str]
) -> cst.Call | None:
    """The encrypting call the value of ``node`` is passed to, as it is or converted."""
    child, parent = node, parent_of(node)
    while isinstance(parent, (cst.Call, *_CARRIERS)):
        if isinstance(parent, cst.Call) and parent.func is not child:
            if set(words_of(code_of(parent.func))) & _CIPHER_WORDS:
                return parent
        child, parent = parent, parent_of(parent)
    if not (isinstance(parent, cst.Assign) and parent.value is child and function is not None):
        return None
    names = [t.target.value for t in parent.targets if isinstance(t.target, cst.Name)]
    for name in names:
        if name in seen:
            continue
        seen.add(name)
        for read in nodes_of_type(function, cst.Name):
            if read.value == name and is_read(read, parent_of):
                found = _keyed(read, parent_of, function, seen)
                if found is not None:
                    return found
    return None
