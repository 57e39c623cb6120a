# case: refuses the name is not opened for writing or made a directory in the next statement
import subprocess
import tempfile


def create_image(size):
    path = tempfile.mktemp(suffix=".qcow2")
    subprocess.check_call(["qemu-img", "create", path, str(size)])
    return path
