import shutil
import tempfile


def render(template, values):
    workdir = tempfile.mkdtemp(prefix='render-')
    try:
        # write the inputs, then run the tool over them
        output = write_files(workdir, template, values)
        data = read_result(output)
    finally:
        shutil.rmtree(workdir)
    return data
