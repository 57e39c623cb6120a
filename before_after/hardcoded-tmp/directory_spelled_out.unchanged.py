# case: refuses spells out the directory /var/tmp itself: no file in it is named
"""Shaped like duplicity's tempdir: is the user's temporary directory the system's?"""
import os


def defaults_to_tmp(path):
    sys_temps = [
        os.path.realpath("/tmp"),
        os.path.realpath("/var/tmp"),
    ]
    user_temp = os.path.realpath(path)
    return any(user_temp.startswith(sys_temp) for sys_temp in sys_temps)
