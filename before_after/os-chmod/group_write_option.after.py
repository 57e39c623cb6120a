# case: unsafe
# case: option drop=0o002
import os


def publish(path):
    os.chmod(path, 0o775)
    os.chmod(path, 0o664)
