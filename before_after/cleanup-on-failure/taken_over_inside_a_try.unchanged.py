# case: refuses the steps before it can fail: release fd by hand if they do
"""in-toto's runlib: the opens in the with header before os.fdopen() can fail, and
leave the descriptor open; the try around them releases only the path."""
import os
import tempfile


def two():
    fd, name = tempfile.mkstemp()
    try:
        os.stat(name)
        with os.fdopen(fd, "w") as writer:
            writer.write("x")
    finally:
        os.remove(name)


def three():
    fd, name = tempfile.mkstemp()
    try:
        with open(name) as reader, os.fdopen(fd, "w") as writer:
            writer.write(reader.read())
    finally:
        os.remove(name)

