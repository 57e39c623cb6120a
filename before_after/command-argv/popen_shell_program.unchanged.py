# case: refuses shell syntax outside quotes: a $ expansion
"""Shaped like pyvisa's cthelper: a shell program, read through the pipe's object."""
import os


def linker_trace(name, output):
    cmd = "$CC -Wl,-t -o " + output + " 2>&1 -l" + name
    pipe = os.popen(cmd)
    trace = pipe.read()
    pipe.close()
    return trace
