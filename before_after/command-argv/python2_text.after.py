# case: unsafe
# case: oldest-python 2.7
"""Shaped like fedmsg's cowsay_output(): on Python 2 the message is unicode, which str()
would encode as ASCII; '%s' % keeps it text, as the template did."""
import subprocess


def cowsay_output(message):
    command = ['cowsay', '%s' % message]
    process = subprocess.Popen(command, stdout=subprocess.PIPE)
    return process.communicate()
