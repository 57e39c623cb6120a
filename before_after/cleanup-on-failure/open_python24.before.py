# case: oldest-python 2.4
# Shaped like mitogen's debug module: the project declares python_requires='>=2.4',
# and its modules run on the hosts' Python, which may have no with statement.
import sys


def _handler(*_):
    fp = open('/dev/tty', 'w', 1)
    fp.write(sys.version)
    fp.close()
