# case: unsafe
# case: refuses but a failure after that try leaks it: widen the cleanup by hand
"""Shaped like salt's debuild_pkgbuild.build(): only the first step is in the try."""
import shutil
import tempfile


def build(make_src_pkg, run, spec):
    dsc_dir = tempfile.mkdtemp()
    try:
        dscs = make_src_pkg(dsc_dir, spec)
    except Exception:
        shutil.rmtree(dsc_dir)
        return {}
    if run("pbuilder --create") != 0:
        raise RuntimeError("pbuilder create failed")
    results = [run(f"pbuilder --build {dsc}") for dsc in dscs]
    shutil.rmtree(dsc_dir)
    return results
