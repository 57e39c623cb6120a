# case: refuses already releases it
import shutil
import tempfile


def render(template):
    workdir = tempfile.mkdtemp()
    try:
        return run_tool(workdir, template)
    finally:
        shutil.rmtree(workdir)
