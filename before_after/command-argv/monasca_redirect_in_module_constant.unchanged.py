# case: refuses shell syntax outside quotes: a redirection (the template is _POSTFIX_CHECK_COMMAND, line 11)
"""Shaped like monasca-agent's detection/plugins/postfix.py: a module constant made of a
literal and another constant, formatted at the call; its > /dev/null is the shell's to do."""
import logging
import os

log = logging.getLogger(__name__)

_POSTFIX_PROC_NAME = 'postfix'
_POSTFIX_DIRECTORY = """/var/spool/postfix"""
_POSTFIX_CHECK_COMMAND = ('sudo -l -U {0} find %s/incoming '
                          '-type f > /dev/null' % _POSTFIX_DIRECTORY)
"""Command to verify if user running monasca-agent
 has sudo permission to access postfix directory"""


class Postfix(object):
    @staticmethod
    def _has_sudoers(agent_user):
        test_sudo = os.system(_POSTFIX_CHECK_COMMAND.format(agent_user))
        return test_sudo == 0
