# case: unsafe
# case: refuses a configuration default under a shared directory
"""Shaped like barman's Config.DEFAULTS: every setting's default, in one table."""


class Config:
    DEFAULTS = {
        "backup_method": "rsync",
        "cloud_staging_directory": "/tmp/barman/cloud-staging",
    }
