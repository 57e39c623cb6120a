# case: unsafe
# case: oldest-python 3.10
# case: refuses a comment in its block names tarfile's filter argument
"""Shaped like chalice 1.34.0's utils.py: the project (python_requires='>=3.10') checks the
members itself before extractall(), for the Pythons whose tarfile takes no filter=."""
import os
import tarfile
import zipfile


class OSUtils:
    def extract_zipfile(self, zipfile_path: str, unpack_dir: str) -> None:
        with zipfile.ZipFile(zipfile_path, 'r') as z:
            z.extractall(unpack_dir)

    def extract_tarfile(self, tarfile_path: str, unpack_dir: str) -> None:
        with tarfile.open(tarfile_path, 'r:*') as tar:
            # In Python 3.12+, there's a `filter` arg where passing a
            # 'data' value will handle this behavior for us.  To support older
            # versions of Python we handle this ourselves.  We do a separate
            # validation pass first to ensure there's no files that try
            # to extract outside of the provided `unpack_dir`.
            self._validate_safe_extract(tar, unpack_dir)
            tar.extractall(unpack_dir)

    def _validate_safe_extract(self, tar: tarfile.TarFile, unpack_dir: str) -> None:
        dest_path = os.path.realpath(unpack_dir)
        for member in tar:
            target = os.path.realpath(os.path.join(unpack_dir, member.name))
            if os.path.commonpath([dest_path, target]) != dest_path:
                raise RuntimeError(f"Tar file member escapes {unpack_dir}: {member.name}")
