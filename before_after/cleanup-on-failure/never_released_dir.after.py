# case: unsafe
"""Shaped like os-brick's remotefs._vzstorage_write_mds_list()."""
import os
import shutil
import tempfile


class Client:
    def _write_mds_list(self, cluster_name, mdss):
        tmp_dir = tempfile.mkdtemp(prefix='vzstorage-')
        try:
            tmp_bs_path = os.path.join(tmp_dir, 'bs_list')
            with open(tmp_bs_path, 'w') as f:
                for mds in mdss:
                    f.write(mds + "\n")

            conf_dir = os.path.join('/etc/pstorage/clusters', cluster_name)
            self._execute('cp', '-rf', tmp_dir, conf_dir,
                          run_as_root=True)
        finally:
            shutil.rmtree(tmp_dir)
