"""Shaped like setuptools' bdist_egg: a noqa for the rule the with statement satisfies."""
import marshal


def scan_module(filename):
    skip = 16  # skip magic & reserved? & date & file size
    f = open(filename, 'rb')  # noqa: SIM115 # handle managed explicitly
    f.read(skip)
    code = marshal.load(f)
    f.close()
    return code


def read_header(filename):
    f = open(filename, 'rb')  # noqa: SIM115, E501
    header = f.read(16)
    f.close()
    return header


def read_all(filename):
    f = open(filename)  # pylint: disable=consider-using-with
    text = f.read()
    f.close()
    return text
