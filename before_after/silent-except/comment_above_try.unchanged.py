# case: refuses a comment above the try documents that the exception is ignored on purpose
# case: unsafe
import logging

LOG = logging.getLogger(__name__)


class RequestContext:
    def authorize(self, target, target_obj):
        # Some objects have a project_id attribute that is not in the dict.
        # The try/except wrappers avoid lazy-load issues when it is missing.
        try:
            target['project_id'] = target_obj.project_id
        except Exception:
            pass
        try:
            target['user_id'] = target_obj.user_id
        except Exception:
            pass
        return target


def start_replication(client, group, already_in_group):
    # Starting replication that is already started again is fine.
    if already_in_group:
        try:
            client.start_remote_copy(group)
        except Exception:
            pass
        return True
    return False


def display(model):
    # For safety, we wrap in try/catch to make sure we don't break log_model
    try:
        model.show()
    except Exception:
        pass
