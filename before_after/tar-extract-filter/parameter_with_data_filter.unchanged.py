# case: refuses already extracts with the data filter
import tarfile
from pathlib import Path


def safe_extractall(tar: tarfile.TarFile, path: Path) -> None:
    # tox's: the parameter cannot be proven a TarFile, but filter= says it is one.
    if hasattr(tarfile, "data_filter"):
        tar.extractall(path=str(path), filter="data")
    else:
        tar.extractall(path=str(path))  # noqa: S202
