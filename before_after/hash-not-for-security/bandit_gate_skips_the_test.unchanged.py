# case: project monasca_bandit monasca_api/db/fingerprint.py
# case: refuses the project's bandit configuration skips this test
"""Shaped like monasca-api 11.0.0's monasca_api/db/fingerprint.py: its bandit gate skips
B303 (old Bandit's id of hashlib's SHA-1, B324 now), with the reason in tox.ini."""
import hashlib


class Fingerprint(object):
    def __init__(self, schema):
        self.schema_raw = schema
        self.sha256 = hashlib.sha1(self.schema_raw.encode("utf-8")).hexdigest()
