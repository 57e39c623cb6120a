# case: unsafe
# case: oldest-python 2.6
# case: refuses the project supports Python 2.6, which has no secrets module
"""Shaped like youtube-dl's nexx extractor (Python 2.6 on): a token over two lines."""
import random
import time


class NexxIE(object):
    def _real_extract(self, video):
        if not video:
            token = '%d:%d:%d%d' % (
                random.randint(1, 4), int(time.time()),
                random.randint(1e4, 99999), random.randint(1, 9))
            return token
