# case: unsafe
# case: ignores 0o755, 0o770 and 0o664 let no other user write; a variable is not evaluated
import os


def install(path, mode):
    os.chmod(path, 0o755)
    os.chmod(path, 0o770)
    os.chmod(path, 0o664)
    os.chmod(path, mode)
