# case: refuses no log line fits the project's line length here
# case: option line-length=40
# case: unsafe
import logging

LOG = logging.getLogger(__name__)


class Agent:
    def report_state(self):
        if self.enabled:
            for server in self.servers:
                try:
                    server.report(self.state)
                except Exception:
                    pass
