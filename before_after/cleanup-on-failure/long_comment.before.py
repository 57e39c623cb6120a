import shutil
import tempfile


def build(recipe):
    workdir = tempfile.mkdtemp()
    # The recipe may write anywhere below the work directory, so it is checked
    # before anything runs
    check(recipe, workdir)
    result = run(recipe, workdir)
    shutil.rmtree(workdir)
    return result
