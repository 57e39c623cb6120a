# case: ignores a bind mount of the directory itself ({'bind': ...}, as docker's volumes take): no file in it is named
"""Shaped like trove's guest agent: /tmp bound into the backup container."""


def create_backup(app, context, backup_info):
    volumes_mapping = {
        '/etc/mysql': {'bind': '/etc/mysql', 'mode': 'ro'},
        '/tmp': {'bind': '/tmp', 'mode': 'rw'}
    }
    app.create_backup(context, backup_info, volumes_mapping=volumes_mapping)
