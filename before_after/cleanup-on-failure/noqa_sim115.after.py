"""Shaped like setuptools' bdist_egg: a noqa for the rule the with statement satisfies."""
import marshal


def scan_module(filename):
    skip = 16  # skip magic & reserved? & date & file size
    with open(filename, 'rb') as f:
        f.read(skip)
        code = marshal.load(f)
    return code


def read_header(filename):
    with open(filename, 'rb') as f:  # noqa: E501
        header = f.read(16)
    return header


def read_all(filename):
    with open(filename) as f:
        text = f.read()
    return text
