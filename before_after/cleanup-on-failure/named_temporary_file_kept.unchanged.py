# case: unsafe
# case: refuses NamedTemporaryFile(delete=False) outlives its close()
"""Shaped like certipy's auth.py: the key file is unlinked only when the function ends."""
import os
import tempfile


def ldap_shell(key_pem, connect):
    key_file = tempfile.NamedTemporaryFile(delete=False)
    key_file.write(key_pem)
    key_file.close()

    connection = connect(key_file.name)
    if connection is None:
        return False
    connection.run()

    os.unlink(key_file.name)
    return True
