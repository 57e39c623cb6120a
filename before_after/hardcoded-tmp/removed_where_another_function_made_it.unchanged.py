"""ironic 39.0.0's drivers/modules/redfish/firmware_utils.py: download_to_temp() makes
gettempdir()/<node uuid> and writes the firmware in it; cleanup() names the same path
again only to rmtree() it. The advice belongs where the directory is made (one record),
not at the removal, where "create it with mkdtemp()" would make no sense."""
# case: unsafe
# case: refuses a name in the shared temporary directory that another user can guess
import os
import shutil
import tempfile

from oslo_log import log

LOG = log.getLogger(__name__)


def download_to_temp(node, url, download):
    tempdir = os.path.join(tempfile.gettempdir(), node.uuid)
    os.makedirs(tempdir, exist_ok=True)
    temp_file = os.path.join(tempdir, os.path.basename(url))
    with open(temp_file, 'wb') as tf:
        download(url, tf)
    return temp_file


def cleanup(node):
    temp_dir = os.path.join(tempfile.gettempdir(), node.uuid)
    LOG.debug('For node %(node)s cleaning up temporary files, if any, from '
              '%(temp_dir)s.', {'node': node.uuid, 'temp_dir': temp_dir})
    shutil.rmtree(temp_dir, ignore_errors=True)
