# case: refuses other users and the group lose write access
import os


def publish(path):
    os.chmod(path, 0o777)
