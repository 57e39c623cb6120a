# case: unsafe
# case: project tripleo_artifacts tripleo_ansible/ansible_plugins/modules/tripleo_deploy_artifacts.py
# case: refuses the tests assert the exact arguments of this call (tripleo_ansible/tests/modules/test_tripleo_deploy_artifacts.py, lines 14, 21): convert them together with the call
"""Shaped like tripleo-ansible 6.0.0's tripleo_deploy_artifacts.py: the argument lists would
be right, but the project's test asserts each run's exact command string and shell=True,
and would fail after the fix."""
import os
import subprocess


def deploy_rpm(filename):
    rpm_filename = filename + '.rpm'
    cmd = "dnf install -y " + rpm_filename
    try:
        os.rename(filename, rpm_filename)
        _ = subprocess.run(cmd, shell=True, check=True, stderr=subprocess.PIPE,
                           universal_newlines=True)
    except Exception as e:
        raise Exception('Unable to install rpm: %s' % e)
    finally:
        if os.path.exists(rpm_filename):
            os.unlink(rpm_filename)


def deploy_targz(filename):
    cmd = "tar xvz -C / -f " + filename
    try:
        _ = subprocess.run(cmd, shell=True, check=True, stderr=subprocess.PIPE,
                           universal_newlines=True)
    except Exception as e:
        raise Exception('Unable to install tar.gz: %s' % e)
    finally:
        if os.path.exists(filename):
            os.unlink(filename)
