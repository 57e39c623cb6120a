# case: unsafe
# case: refuses never released, even when download_sdk() succeeds, so it belongs in a try/finally that calls shutil.rmtree(tmpdir)
"""chalice's awsclient.py: a directory from mkdtemp() that nothing removes, where the
try/finally that would remove it pushes a line past 79 columns."""
import os
import shutil
import tempfile
import zipfile


class TypedAWSClient:

    def download_sdk(self, stream, output_dir, sdk_type='javascript'):
        tmpdir = tempfile.mkdtemp()
        with open(os.path.join(tmpdir, 'sdk.zip'), 'wb') as f:
            f.write(stream.read())
        tmp_extract = os.path.join(tmpdir, 'extracted')
        with zipfile.ZipFile(os.path.join(tmpdir, 'sdk.zip')) as z:
            z.extractall(tmp_extract)
        dirnames = os.listdir(tmp_extract)
        if len(dirnames) == 1:
            full_dirname = os.path.join(tmp_extract, dirnames[0])
            if os.path.isdir(full_dirname):
                final_dirname = 'chalice-%s-sdk' % sdk_type
                full_renamed_name = os.path.join(tmp_extract, final_dirname)
                os.rename(full_dirname, full_renamed_name)
                shutil.move(full_renamed_name, output_dir)
                return
        raise RuntimeError(
            "The downloaded SDK had an unexpected directory structure: %s"
            % (', '.join(dirnames))
        )
