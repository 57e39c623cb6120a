# case: unsafe
# case: refuses best-effort cleanup
"""Shaped like freezer-web-ui's update_session_jobs() (freezer_ui/sessions/workflows/create.py):
one loop adds the jobs the user selected, another removes those deselected. Removing what
the user deselected is the operation asked for, like the adding, not the undo of something
the function made: both get their log line. A removal with no adding twin in its function
(cinder's replication teardown removes the group it is given), closing the connections the
object holds, the descriptors a child inherits, and deleting what the function made before
it failed are still best-effort cleanup."""
import logging
import os

LOG = logging.getLogger(__name__)


def update_session_jobs(api, session_id, selected_job_ids):
    current_job_ids = set(api.get(session_id).get('jobs', {}))
    selected_job_ids = set(selected_job_ids or [])

    for job_id in selected_job_ids - current_job_ids:
        try:
            api.add_job(session_id, job_id)
        except Exception:
            pass

    for job_id in current_job_ids - selected_job_ids:
        try:
            api.remove_job(session_id, job_id)
        except Exception:
            pass


def remove_selected(api, group_id, selected):
    for member in selected:
        try:
            api.remove_member(group_id, member.id)
        except Exception:
            pass


def delete_session(api, session_id):
    try:
        api.delete(session_id)
    except Exception:
        pass


class Pool(object):
    def __init__(self):
        self._conns = []

    def reset(self):
        for conn in self._conns:
            try:
                conn.close()
            except Exception:
                pass
        self._conns = []


def create_all(api, names):
    made = []
    try:
        for name in names:
            made.append(api.create(name))
    except Exception:
        for item in made:
            try:
                api.delete(item)
            except Exception:
                pass
        raise
    return made


def spawn(argv):
    pid = os.fork()
    if pid == 0:
        for fd in range(3, 256):
            try:
                os.close(fd)
            except Exception:
                pass
        os.execvp(argv[0], argv)
    return pid
