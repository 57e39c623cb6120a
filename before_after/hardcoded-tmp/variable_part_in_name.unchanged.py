# case: refuses a name with a part filled in from job_id, not a fixed name
# case: refuses a fixed name in a directory every user can write
"""A job's log named for its id, put in by %; and a name whose part is a literal."""


def job_log(job_id):
    return open('/tmp/job-%s.log' % job_id, 'a')


def agent_pid():
    return '/tmp/%s.pid' % 'agent'
