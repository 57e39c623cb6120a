"""Shaped like tripleo-ansible 6.0.0's test_tripleo_deploy_artifacts.py: it patches
subprocess.run and asserts the exact command string of deploy_rpm's and deploy_targz's
runs, shell=True with it."""
from unittest import mock

from tripleo_ansible.ansible_plugins.modules import tripleo_deploy_artifacts


class TestTripleoDeployArtifacts:
    @mock.patch('os.rename')
    @mock.patch('subprocess.run')
    def test_deploy_rpm(self, mock_run, mock_rename):
        tripleo_deploy_artifacts.deploy_rpm('foo')
        mock_run.assert_called_once_with('dnf install -y foo.rpm', check=True,
                                         shell=True, stderr=-1,
                                         universal_newlines=True)

    @mock.patch('subprocess.run')
    def test_deploy_targz(self, mock_run):
        tripleo_deploy_artifacts.deploy_targz('foo')
        mock_run.assert_called_once_with('tar xvz -C / -f foo', check=True,
                                         shell=True, stderr=-1,
                                         universal_newlines=True)
