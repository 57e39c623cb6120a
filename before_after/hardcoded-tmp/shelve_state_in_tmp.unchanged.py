# case: refuses a database the module opens there (shelve.open, line 13)
# case: refuses a planted file runs code as the service when it is loaded (shelve.open
"""A shelve of a service's state under a fixed name in /tmp, opened again on each start:
mkstemp() would lose it, and shelve unpickles what a planted file holds."""
import shelve

STATE = "/tmp/queue-runner.state"


class Runner:
    def load(self):
        path = STATE
        with shelve.open(path) as shelf:
            return dict(shelf)
