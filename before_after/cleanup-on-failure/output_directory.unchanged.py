# case: unsafe
# case: ignores the directory holds the archive the function makes, whose path it logs for the user; with a report it says so
"""Shaped like insights-core's support collector (insights/client/support.py)."""
import logging
import os
import subprocess
import tempfile

logger = logging.getLogger(__name__)


def collect_support_info(log_dir):
    log_archive_dir = tempfile.mkdtemp(prefix='/var/tmp/')
    tar_file = os.path.join(log_archive_dir, 'insights-client-logs.tar.gz')
    subprocess.call(['tar', 'czfS', tar_file, '-C', log_dir, '.'])
    logger.info('Support information collected in %s', tar_file)
