# case: refuses best-effort cleanup: ignoring a failed release or teardown is deliberate
"""Shaped like logbook's MailHandler: smtplib, ftplib and poplib close with quit()."""
import logging

log = logging.getLogger(__name__)


class MailHandler:
    def deliver(self, con, message):
        try:
            con.sendmail(message)
        finally:
            try:
                con.quit()
            except Exception:
                pass
