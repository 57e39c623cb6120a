"""What to do about the scanner findings that have no mechanical fix.

Each entry is a Bandit test id (ruff's ``S`` rules keep its numbers) whose
right fix depends on what the code is for, so no codemod may rewrite it:
triage answers such a finding ``advice-only`` with this advice. A codemod
that declares one of these ids in its ``rules`` would contradict the table
(tests/test_routing.py checks that none does).
"""

from __future__ import annotations

_BY_HAND = "no mechanical fix exists"

ADVICE: dict[str, str] = {
    "B101": "assert is removed under python -O: where it guards a security decision,"
    " raise an exception instead; elsewhere (tests, invariants) leave it",
    "B102": "exec runs arbitrary code: replace it with the operation it performs,"
    " or make sure its input can never come from a user",
    "B104": "a server bound to 0.0.0.0 or :: listens on every interface: where this"
    " address is one to listen on, take it from configuration, with the loopback or the"
    " service's own address as default; where it is none (a placeholder for an unknown"
    " peer's address), mark it {mark}",
    "B105": "a hard-coded password: read it from configuration or a secret store;"
    " if the string is no password (a name, a placeholder), mark it {mark}",
    "B106": "a hard-coded password argument: read it from configuration or a secret"
    " store; if it is no password, mark it {mark}",
    "B107": "a hard-coded password default: default to None and read the value from"
    " configuration or a secret store; if it is no password, mark it {mark}",
    "B201": "Flask's debugger runs code sent to it: take debug from configuration, off by default",
    "B301": "unpickling data from outside runs code: use JSON or another data-only"
    " format, or sign the data (hmac) and check it before loading",
    "B302": "unmarshalling data from outside is unsafe: use JSON or another"
    " data-only format for data that crosses a trust boundary",
    "B303": "MD5 and SHA-1 are broken for security: where the digest protects"
    " something (a signature, a password, an integrity check), use SHA-256 or better",
    "B304": "a broken cipher: move to AES (or ChaCha20) with an authenticated mode;"
    " data encrypted the old way must be migrated",
    "B305": "ECB mode leaks patterns: use an authenticated mode (GCM) with a fresh"
    " nonce; data encrypted the old way must be migrated",
    "B307": "eval runs arbitrary code: use ast.literal_eval for literals, or parse"
    " the input explicitly",
    "B308": "mark_safe turns off escaping: escape the parts that come from users"
    " (format_html) before marking the result safe",
    "B310": "urlopen also opens file:// and custom schemes: check that the URL's"
    " scheme is http or https before opening it",
    "B312": "telnet sends everything in clear text: use SSH (paramiko) instead",
    "B321": "FTP sends credentials in clear text: use SFTP or FTPS instead",
    "B401": "telnet sends everything in clear text: use SSH (paramiko) instead",
    "B402": "FTP sends credentials in clear text: use SFTP or FTPS instead",
    "B403": "unpickling data from outside runs code: keep pickle to data this"
    " process wrote itself, or use JSON",
    "B404": "a reminder that subprocess runs commands: check each call's arguments"
    " and that no shell is involved",
    "B412": "httpoxy: CGI handlers must not trust the Proxy header; upgrade or"
    " filter it out in the web server",
    "B413": "pyCrypto is unmaintained: move to pyca/cryptography",
    "B415": "IPMI with pyghmi sends credentials weakly protected: restrict it to a"
    " management network",
    "B505": "a short key: generate keys of at least 2048 bits (RSA, DSA) or use a"
    " curve of at least 224 bits; existing keys must be rotated",
    "B508": "SNMP v1 and v2c send the community in clear text: use SNMPv3",
    "B509": "SNMPv3 without authentication and privacy: configure both (authPriv)",
    "B601": "paramiko's exec_command runs a shell on the remote host: quote every"
    " argument that comes from outside (shlex.quote)",
    "B603": "a command without a shell: check that its arguments cannot come from"
    " an untrusted source",
    "B606": "a process started without a shell: check that the program and its"
    " arguments cannot come from an untrusted source",
    "B610": "Django's extra() takes raw SQL: use query expressions, or pass values through params",
    "B611": "RawSQL takes raw SQL: pass values through params, never by formatting",
    "B612": "logging.config.listen runs configuration sent over the network: use a"
    " verify function, or do not listen",
    "B613": "bidirectional control characters can hide code: remove them, or write them as escapes",
    "B614": "torch.load unpickles: pass weights_only=True where the file holds only"
    " weights, or load only trusted files",
    "B615": "a model downloaded without a pinned revision can change under you:"
    " pin revision= to a commit hash",
    "B702": "Mako does not escape by default: set default_filters=['h'] and check"
    " each template that relies on raw output",
    "B703": "mark_safe turns off escaping: escape the parts that come from users"
    " (format_html) before marking the result safe",
    "B704": "Markup() trusts its argument: escape the parts that come from users"
    " (markupsafe.escape) first",
}


def advice_for(rule: str | None) -> str | None:
    """The advice for a Bandit id, or its ruff twin (S101 is B101); None when there is none."""
    if not rule or len(rule) != 4 or rule[0] not in "BS":
        return None
    found = ADVICE.get("B" + rule[1:])
    if not found:
        return None
    # The scanner's own mark: ruff ignores # nosec, and Bandit reads no # noqa (jeepney's S105)
    mark = f"# noqa: {rule}" if rule[0] == "S" else f"# nosec {rule}"
    return f"{found.format(mark=mark)} ({_BY_HAND})"
