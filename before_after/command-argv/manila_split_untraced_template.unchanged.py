# case: ignores str.split() or shlex.split() makes an argument list, which runs without a
# shell: the command's template may come from anywhere, no shell parses what it holds
"""Shaped like manila's data/helper.py: the mount command's template comes from the
driver's mount info, is formatted, cut into words and run without a shell."""
import shlex

from manila import utils


def mount_share_instance(mount_info, path, proto_options):
    mount_template = mount_info.get('mount')
    mount_command = mount_template % {'path': path, 'options': proto_options}
    utils.execute(*(mount_command.split()), run_as_root=True)


def unmount_share_instance(unmount_info, path):
    unmount_command = unmount_info['unmount'] % {'path': path}
    utils.execute(*unmount_command.split(), run_as_root=True)
    utils.execute(*shlex.split(unmount_info['cleanup']), run_as_root=True)
