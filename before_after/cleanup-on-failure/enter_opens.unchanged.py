# case: refuses which does not run when __enter__() itself fails after it
"""Shaped like Octavia's NetworkNamespace: __exit__ closes what __enter__ opened."""


class NetworkNamespace:
    def __init__(self, current, target, set_netns):
        self.current = current
        self.target = target
        self.set_netns = set_netns

    def __enter__(self):
        self.current_fd = open(self.current, encoding="utf-8")
        with open(self.target, encoding="utf-8") as fd:
            self.set_netns(fd.fileno())

    def __exit__(self, *args):
        self.current_fd.close()
