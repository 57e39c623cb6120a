# case: unsafe
# case: ignores the tokens are a lexer's (tokenize), not secrets (noted where a report asks)
"""Shaped like yt-dlp's format parser: a prefix that keeps digits apart for tokenize."""
import io
import random
import re
import string
import tokenize


def parse(spec):
    prefix = ''.join(random.choices(string.ascii_letters, k=8))
    stream = io.BytesIO(re.sub(r'\d[_\d]*', rf'{prefix}\g<0>', spec).encode())
    tokens = list(
        token._replace(string=token.string.replace(prefix, ''))
        for token in tokenize.tokenize(stream.readline)
    )
    return tokens
