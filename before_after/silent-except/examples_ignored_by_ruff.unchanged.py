# case: unsafe
# case: project examples_ignored_by_ruff examples/shares.py
# case: refuses the project's ruff configuration turns this scanner rule off for this file (per-file-ignores)
"""Shaped like openstacksdk 4.22.0's examples/shared_file_system/shares.py: its pyproject
turns ruff's S rules off for examples/*, so the project accepts the swallow there; no advice
to import the package's private logging module (openstack._log) into an example."""


def unmanage_share(conn, share_id):
    conn.share.unmanage_share(share_id)

    try:
        # Getting the share will raise an exception as it has been unmanaged
        conn.share.get_share(share_id)
    except Exception:
        pass
