# case: ignores a command line read from git config, which git runs through sh (noted where a report asks)
"""Shaped like nbdime's vcs/git/filter_integration.py: a git filter's clean command, which
git itself runs through sh, run the same way."""
from subprocess import STDOUT, CalledProcessError, check_output


def get_clean_filter_cmd(filter_attr):
    """Given a filter attribute, look up its driver in git config."""
    try:
        spec = check_output(["git", "config", "--get", "-z", "filter.%s.clean" % filter_attr])
        return spec.split(b"\x00")[0].decode("utf8", "replace") or None
    except CalledProcessError:
        return None


def apply_possible_filter(path, filter_attr):
    filter_cmd = get_clean_filter_cmd(filter_attr)
    if not filter_cmd:
        return path
    with open(path, encoding="utf8") as f:
        return check_output(filter_cmd, stdin=f, stderr=STDOUT, shell=True)


def run_merge_driver():
    driver = check_output(("git", "config", "merge.nbdime.driver"), text=True).strip()
    return check_output(driver, shell=True)
