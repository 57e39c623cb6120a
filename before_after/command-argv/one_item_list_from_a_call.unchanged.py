# case: refuses command, is the whole shell line, as a string would be, and it comes from get_mailcap_entry(), a call
"""Shaped like tuir's terminal.py (and rtv's): the shell line comes from a mailcap lookup the
method makes itself, unpacked from what the call returns; no caller passes it."""
import subprocess


class Terminal:
    def open_link(self, url):
        command, entry = self.get_mailcap_entry(url)
        if 'needsterminal' in entry:
            p = subprocess.Popen(
                [command], stderr=subprocess.PIPE,
                universal_newlines=True, shell=True)
            p.communicate()

    def get_mailcap_entry(self, url):
        return 'mpv %s' % url, {}
