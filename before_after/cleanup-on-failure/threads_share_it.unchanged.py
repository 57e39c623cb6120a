# case: refuses threading.Thread() starts work that goes on beside this function
"""Shaped like z/VM's FileDownloader.run(): threads write to the open file."""
import threading


class Downloader(object):
    def run(self, ranges):
        self.fd = open(self.target, 'w')
        threads = []
        for start, end in ranges:
            thread = threading.Thread(target=self.download, args=(start, end))
            thread.start()
            threads.append(thread)
        for thread in threads:
            thread.join()
        self.fd.close()
