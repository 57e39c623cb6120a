# case: unsafe
# case: project bare_python_3 detect_secrets/filters/allowlist.py
# case: refuses names no minor version, so it may support one before 3.9, whose hashlib
"""Shaped like detect-secrets 1.5: its classifiers say only "Python :: 3" (it ran on 3.8),
which names no minor version; the reason must not say the project supports Python 3.0."""
import hashlib


def _get_file_to_index_cache_key(filename):
    return hashlib.sha1(filename.encode('utf-8')).hexdigest()
