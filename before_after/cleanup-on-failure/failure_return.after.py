# case: unsafe
"""Shaped like rpkg's _get_rpm_package_name(): the return in the handler is the failure's
way out, where the descriptor leaked; the release joins the try as its finally."""
import os


def package_name(ts, rpm_file, error):
    fdno = os.open(rpm_file, os.O_RDONLY)
    try:
        hdr = ts.hdrFromFdno(fdno)
    except error:
        return None
    finally:
        os.close(fdno)
    return hdr['name']
