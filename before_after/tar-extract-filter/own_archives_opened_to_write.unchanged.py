# case: unsafe
# case: refuses the module writes tar archives too (line 9)
"""Shaped like snakemake's workflow.py: the module packs sources into an archive it opens
to write (no arcname=), and unpacks such archives again."""
import tarfile


def pack_sources(path, files):
    with tarfile.open(path, "w:xz") as archive:
        for f in files:
            archive.add(f)


def unpack_sources(path):
    with tarfile.open(path, "r") as tar:
        tar.extractall()
