# case: ignores a local mktemp() is not tempfile's
def mktemp():
    return "name"


path = mktemp()
with open(path, "w") as handle:
    handle.write("x")
