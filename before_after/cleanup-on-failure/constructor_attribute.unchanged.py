# case: unsafe
# case: refuses when __init__() fails after self.output_fd is made, the caller gets no object to release it with
"""Shaped like ryu's BMPStation, given a close() for its files: the second open() failing
orphans the first file, which the class otherwise closes (without close(), see
constructor_file_never_closed)."""


class BMPStation:
    def __init__(self, output_file, failed_dump):
        self.output_fd = open(output_file, 'w')
        self.failed_dump_fd = open(failed_dump, 'w')
        self.failed_pkt_count = 0

    def close(self):
        self.output_fd.close()
        self.failed_dump_fd.close()
