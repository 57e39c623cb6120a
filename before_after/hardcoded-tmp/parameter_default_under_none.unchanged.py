# case: refuses a configuration default under a shared directory
"""Shaped like netmiko's Ciena file transfer: a parameter's default, given where none is."""


class FileTransfer:
    def __init__(self, username, source_file, file_system=None):
        if file_system is None:
            file_system = f"/tmp/users/{username}"
        self.source_file = source_file
        self.file_system = file_system
