# case: unsafe
import os


def mount(share, mount_options):
    os.system('mount %s "%s" /mnt' % (mount_options, share))
