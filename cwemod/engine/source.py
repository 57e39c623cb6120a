"""Reading and re-encoding Python source byte-faithfully.

A file is decoded the way Python itself decodes it (BOM, then PEP 263
coding cookie, else UTF-8) and encoded back with the same codec, so every
untouched byte stays as it was. Newline style is kept by LibCST, which
reuses the file's own line endings, with one exception handled here: its
code generation drops a final lone CR (it takes that CR and the LF its
grammar appends as one CRLF, then strips it). So a file whose lines all end
in CR is handed to LibCST with LF endings and turned back on encoding, and
a file of mixed endings that ends in a lone CR is refused a change.

Python cannot run a source that holds a NUL byte, nor one in UTF-16 or
UTF-32 (its tokenizer reads ASCII-compatible encodings only): such files
are refused with the reason before anything parses them.
"""

from __future__ import annotations

import codecs
import io
import tokenize
from dataclasses import dataclass

# Longest first: the UTF-32 LE BOM begins with the UTF-16 LE one.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


class SourceError(Exception):
    """The file cannot be decoded as Python source, or a change to it cannot be kept faithful."""


@dataclass(frozen=True)
class Source:
    raw: bytes
    encoding: str  # codec name as Python reports it; "utf-8-sig" means a BOM
    text: str  # the text LibCST is given: a CR-only file has LF endings here
    cr_only: bool = False  # every line of the file ends in a lone CR

    def encode(self, text: str) -> bytes:
        """The bytes of ``text``, a version of :attr:`text`, in the file's codec and newlines."""
        if self.cr_only:
            text = text.replace("\n", "\r")
        elif self.text.endswith("\r"):
            raise SourceError(
                "mixed line endings and a lone CR at the end: the final newline would be lost;"
                " file left as it was"
            )
        return text.encode(self.encoding)


def decode_source(raw: bytes) -> Source:
    for bom, name in _WIDE_BOMS:
        if raw.startswith(bom):
            raise SourceError(
                f"cannot decode: {name} text (it starts with a {name} byte order mark);"
                " Python reads source only in ASCII-compatible encodings; file left as it was"
            )
    nul = raw.find(b"\0")
    if nul >= 0:
        line = len(raw[: nul + 1].splitlines())  # at LF, CRLF or CR, as Python counts them
        raise SourceError(
            f"a NUL byte on line {line}: Python cannot run this file; file left as it was"
        )
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
        text = raw.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError) as error:
        said = str(error)
        if raw.startswith(codecs.BOM_UTF8) and said.startswith("encoding problem"):
            # autopep8's test data: a UTF-8 byte order mark, then `# coding: utf8`
            said += " with a UTF-8 byte order mark (its coding line must say utf-8)"
        raise SourceError(f"cannot decode: {said}") from None
    if text.encode(encoding) != raw:
        raise SourceError(f"does not round-trip through {encoding}")
    if "\r" in text and "\n" not in text:
        # One character for one: offsets and line numbers stay the same.
        return Source(raw, encoding, text.replace("\r", "\n"), cr_only=True)
    return Source(raw, encoding, text)
