# case: refuses adds a module logger LOG
import os


def remove(path):
    try:
        os.unlink(path)
    except Exception:
        pass
