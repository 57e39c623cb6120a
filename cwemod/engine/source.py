"""Reading and re-encoding Python source byte-faithfully.

A file is decoded the way Python itself decodes it (BOM, then PEP 263
coding cookie, else UTF-8) and encoded back with the same codec, so every
untouched byte stays as it was. Newline style is kept by LibCST, which
reuses the file's own line endings.
"""

from __future__ import annotations

import io
import tokenize
from dataclasses import dataclass


class SourceError(Exception):
    """The file cannot be decoded as Python source."""


@dataclass(frozen=True)
class Source:
    raw: bytes
    encoding: str  # codec name as Python reports it; "utf-8-sig" means a BOM
    text: str

    def encode(self, text: str) -> bytes:
        return text.encode(self.encoding)


def decode_source(raw: bytes) -> Source:
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
        text = raw.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError) as error:
        raise SourceError(f"cannot decode: {error}") from None
    if text.encode(encoding) != raw:
        raise SourceError(f"does not round-trip through {encoding}")
    return Source(raw, encoding, text)
