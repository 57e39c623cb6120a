# case: unsafe
# case: refuses a fixed name in the shared temporary directory, which another user can create first
"""Shaped like tripleo-ansible's tripleo_push_artifacts.py: a fixed directory already joined
to tempfile.gettempdir(), so the advice must not say that joining it would hide the finding."""
import os
import tempfile

import requests


class ActionModule:
    def _get_url(self, url):
        """Run file download operation."""

        path_path = os.path.join(tempfile.gettempdir(), 'artifacts')
        os.makedirs(path_path)
        package_name = os.path.join(
            path_path,
            os.path.basename(url)
        )
        with requests.get(url, stream=True, timeout=60) as r:
            r.raise_for_status()
            with open(package_name, 'wb') as f:
                for chunk in r.iter_content(chunk_size=8192):
                    f.write(chunk)
        return package_name
