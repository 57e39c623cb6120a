# case: refuses the digest is compared with `self.contentHash` and a mismatch raises: an integrity check
# case: refuses the digest is compared with `self.checksum_to_verify` and a mismatch raises
"""Shaped like toil's resource.py and lib/pipes.py: a worker downloads the user's code and
checks it against the MD5 the leader recorded before it imports it; a job store's file is
checked against its SHA-1 as it is read."""

import hashlib
from contextlib import closing
from urllib.request import urlopen


class Resource:
    def _download(self, dstFile):
        with closing(urlopen(self.url)) as content:
            buf = content.read()
        contentHash = hashlib.md5(buf)
        if contentHash.hexdigest() != self.contentHash:
            raise RuntimeError("The Resource's contents is incorrect.")
        dstFile.write(buf)


class ChecksumError(Exception):
    pass


class HashingPipe:
    def transform(self, readable, writable):
        hash_object = hashlib.sha1()
        contents = readable.read(1024 * 1024)
        while contents != b"":
            hash_object.update(contents)
            writable.write(contents)
            contents = readable.read(1024 * 1024)
        final_computed_checksum = f"sha1${hash_object.hexdigest()}"
        if not self.checksum_to_verify == final_computed_checksum:
            raise ChecksumError(
                f"Checksum mismatch. Expected: {self.checksum_to_verify} Actual: {final_computed_checksum}"
            )
