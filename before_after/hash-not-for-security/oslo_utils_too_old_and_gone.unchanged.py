# case: unsafe
# case: project monasca_agent monasca_agent/common/emitter.py
# case: refuses the project supports Python 3.6, whose hashlib takes no usedforsecurity (it came in 3.9): mark the call with a helper that works there (one of the project's own that passes it
"""Shaped like monasca-agent 10.0.0's common/emitter.py: the project supports Python 3.6 and
requires oslo.utils>=3.33.0, older than oslo_utils.secretutils.md5 (added in 4.7.0), which
oslo.utils 10.0.0 removed: the advice names no helper the project may not have."""

from hashlib import md5


def post_headers(payload):
    return {
        'User-Agent': 'Mon/Agent',
        'Content-Type': 'application/json',
        'Accept': 'text/html, */*',
        'Content-MD5': md5(payload).hexdigest()
    }
