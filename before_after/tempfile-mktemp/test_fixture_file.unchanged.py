# case: unsafe
# case: ignores test code: the file is the test's own, made and removed in one run; rewriting it is churn
import os
import tempfile


def test_reads_back_what_it_wrote():
    path = tempfile.mktemp(suffix='.txt')
    with open(path, 'w') as handle:
        handle.write('spam')
    try:
        with open(path) as handle:
            assert handle.read() == 'spam'
    finally:
        os.remove(path)
