# case: refuses success path would change
import shutil
import tempfile


def build(spec):
    workdir = tempfile.mkdtemp()
    if not spec.sources:
        return None
    result = compile_in(workdir, spec)
    shutil.rmtree(workdir)
    return result
