# case: refuses adds a module logger LOG
import os


def touch(path):
    try:
        os.utime(path)
    except Exception:
        pass
