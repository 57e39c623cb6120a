"""Shaped like otcextensions 0.34.8's common/utils.py: md5(usedforsecurity=False) with no
fallback, so the package runs on Python 3.9 and newer only, whatever setup.cfg says."""
import hashlib


def _calculate_data_hashes(data):
    _md5 = hashlib.md5(usedforsecurity=False)

    if hasattr(data, "read"):
        for chunk in iter(lambda: data.read(8192), b""):
            _md5.update(chunk)
    else:
        _md5.update(data)
    return _md5.hexdigest()
