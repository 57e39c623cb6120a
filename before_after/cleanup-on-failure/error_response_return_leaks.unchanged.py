"""Shaped like kobo's upload view: the checksum-mismatch response leaves the upload's
temporary directory behind; the release after it runs only on success."""
# case: refuses the return at line 19 leaves without releasing `tmp_dir` from tempfile.mkdtemp()
import hashlib
import os
import shutil
import tempfile


def file_upload(upload, chunks):
    tmp_dir = tempfile.mkdtemp()
    tmp_file_name = os.path.join(tmp_dir, upload.name)
    digest = hashlib.sha256()
    with open(tmp_file_name, "wb") as tmp_file:
        for chunk in chunks:
            tmp_file.write(chunk)
            digest.update(chunk)
    if digest.hexdigest() != upload.checksum:
        return "Checksum mismatch."
    shutil.move(tmp_file_name, upload.target_dir)
    shutil.rmtree(tmp_dir)
    return "Upload finished."
