# case: unsafe
# case: refuses an optional entry: the try only sets one item of OVERRIDES
"""Shaped like oci-cli's rename_command(): the try records the new name in the module's
OVERRIDES for generated tests; where the key cannot be made (no service found, no
callback), the entry is left out. Nothing is read into a value with a default."""
import logging
import re

LOG = logging.getLogger(__name__)

OVERRIDES = {}


def rename_command(cli_package, parent_group, command, new_name):
    for package_command in dir(cli_package):
        if package_command.endswith("_root_group"):
            service_name = re.sub("_root_group$", "", package_command)

    # This is helpful for generated tests which rely on oci_cli.cli_util.override(
    try:
        # callback.__name__ is something like blockstorage_root_group
        OVERRIDES[service_name + "." + command.callback.__name__ + ".command_name"] = new_name
    except Exception:
        pass

    command.name = new_name
    if parent_group:
        parent_group.add_command(command)
