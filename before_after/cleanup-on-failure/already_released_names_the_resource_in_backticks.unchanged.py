"""orange3 3.40.0 setup.py:180: write_version_py() opens its version file into `a`."""
# case: refuses a failure after `a` from open() already releases it (try at the next statement)


def write_version_py(filename, cnt, version):
    a = open(filename, 'w')
    try:
        a.write(cnt % {'version': version})
    finally:
        a.close()
