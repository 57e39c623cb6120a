# case: unsafe
# case: oldest-python 3.6
# case: refuses the project supports Python 3.6, whose tarfile takes no filter=
"""rasa's model.py writes the archives it unpacks, on Python 3.6: no filter= there at all,
not even the filter='tar' that a module reading its own archives back may want."""

import tarfile


def unpack(path, destination):
    with tarfile.open(path, mode="r:gz") as tar:
        tar.extractall(destination)


def pack(output, source):
    with tarfile.open(output, "w:gz") as tar:
        tar.add(source, arcname="model")
