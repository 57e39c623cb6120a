# case: unsafe
# case: refuses `added salt` says this SHA1 digest is for security (salt)
# case: refuses `get_pin_and_cookie_name` says this SHA1 digest is for security (pin)
"""Shaped like werkzeug's debugger: its PIN and the cookie that unlocks its console."""
import hashlib


def remember(code):
    return hashlib.sha1(f"{code} added salt".encode()).hexdigest()[:12]


def get_pin_and_cookie_name(app):
    h = hashlib.sha1()
    h.update(b"cookiesalt")
    h.update(repr(app).encode())
    return h.hexdigest()[:20]
