"""bioblend's bioblend/_tests/TestGalaxyDatasetCollections.py: a test class on the project's
own base class (a unittest.TestCase subclass in a sibling module), in a module not named
test_*.py: test code all the same, where a failing test's leaked directory harms nothing."""
# case: ignores test code: a Test* class with test_* methods, whatever its base and module name
import os
import tempfile

from . import GalaxyTestBase


class TestGalaxyDatasetCollections(GalaxyTestBase.GalaxyTestBase):
    def test_download_dataset_collection(self):
        collection_id = self._create_pair_in_history()["id"]
        tempdir = tempfile.mkdtemp(prefix="bioblend_test_dataset_collection_download_")
        archive_path = os.path.join(tempdir, "dataset_collection")
        self.gi.dataset_collections.download_dataset_collection(
            collection_id, file_path=archive_path
        )
        extract_dir_path = os.path.join(tempdir, "extracted_files")
        os.mkdir(extract_dir_path)
        with open(archive_path) as f:
            assert f.read()
