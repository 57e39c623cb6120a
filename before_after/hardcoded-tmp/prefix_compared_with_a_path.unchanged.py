# case: refuses only compared with a path (startswith(), ==, in) or put in a message
"""Shaped like awxkit's UnifiedJob.controller_dir: the job's private data directory
on the controller, looked for among a job's volume mounts, never made."""


def check(job_id, arg2):
    expected_prefix = '/tmp/awx_{}'.format(job_id)
    if not arg2.startswith(expected_prefix):
        raise ValueError('{} does not start with {}'.format(arg2, expected_prefix))
