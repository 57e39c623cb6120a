# case: project oslo_policy_remote oslo_policy/_checks.py
# case: ignores an oslo.config option True by default, or one the project does not define, is an operator's choice that verifies unless turned off: advice only where a report points
"""A verify= read off oslo.config options that are not False by default: one the project
defines True by default (opts.py), and one it does not define at all."""
import requests


def check(conf, url):
    return requests.get(url, verify=conf.oslo_policy.enforce_new_defaults, timeout=10)


def other(conf, url):
    verify = conf.other_group.verify_ssl
    if conf.other_group.ca_file:
        verify = conf.other_group.ca_file
    return requests.get(url, verify=verify, timeout=10)
