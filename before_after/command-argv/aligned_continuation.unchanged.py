# case: refuses without shifting an aligned continuation line
import subprocess


def listing(name):
    # The list is shorter: the bracket the next line is aligned under moves.
    return subprocess.call("ls -l '%s'" % name, shell=True).bit_length([None,
                                                                        False])
