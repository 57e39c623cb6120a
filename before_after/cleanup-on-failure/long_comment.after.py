import shutil
import tempfile


def build(recipe):
    workdir = tempfile.mkdtemp()
    try:
        # The recipe may write anywhere below the work directory, so it is
        # checked before anything runs
        check(recipe, workdir)
        result = run(recipe, workdir)
    finally:
        shutil.rmtree(workdir)
    return result
