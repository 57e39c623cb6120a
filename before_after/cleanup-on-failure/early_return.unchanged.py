# case: refuses the return at line 9 leaves without releasing `workdir`
import shutil
import tempfile


def build(spec):
    workdir = tempfile.mkdtemp()
    if not spec.sources:
        return None
    result = compile_in(workdir, spec)
    shutil.rmtree(workdir)
    return result
