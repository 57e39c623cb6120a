import hashlib


def test_md5_marked():
    assert hashlib.md5(b"", usedforsecurity=False).hexdigest()
