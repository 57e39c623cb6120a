# case: unsafe
# case: refuses shell syntax outside quotes: 2>&1 sends stderr to stdout
# case: refuses the template is held in a variable (line 9) and formatted at the call
"""Shaped like planemo's xml/validation.py: a module constant template, formatted into a
local that runs through the shell."""
import subprocess

XMLLINT_COMMAND = "xmllint --noout --schema {0} {1} 2>&1"
RPM_QUERY = "rpm -qf %s"


def validate(schema_path, target_path):
    command = XMLLINT_COMMAND.format(schema_path, target_path)
    p = subprocess.Popen(command, stdout=subprocess.PIPE, shell=True)
    stdout, _ = p.communicate()
    return p.returncode == 0, stdout


def package_of(path):
    return subprocess.check_output(RPM_QUERY % path, shell=True, text=True)
