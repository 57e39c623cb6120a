# case: refuses a name with a random part from uuid.uuid4() or secrets, which no other user can guess
# case: refuses but below a directory of the shared one whose own name has none
"""Shaped like packstack's installer drones: working directories on the node named with a
uuid4 part, each made there by `mkdir --mode 0700` (no -p) over ssh. A random name is no
setting a deployment relies on, and the uuid4 part leaves only exclusive creation to
check; but PackstackDrone's is below /var/tmp/packstack, which `mkdir -p` accepts from
whoever made it first."""
import os
import secrets
import tempfile
import uuid


class Drone(object):
    def __init__(self, node, resource_dir=None, recipe_dir=None,
                 local_tmpdir=None, remote_tmpdir=None):
        self.node = node
        # working directories on remote host
        self.resource_dir = (resource_dir or
                             '/tmp/drone%s' % uuid.uuid4().hex[:8])
        self.recipe_dir = (recipe_dir or
                           os.path.join(self.resource_dir, 'recipes'))
        # temporary directories
        self.remote_tmpdir = (remote_tmpdir or
                              '/tmp/drone%s' % uuid.uuid4().hex[:8])
        self.local_tmpdir = (local_tmpdir or
                             tempfile.mkdtemp(prefix='drone'))

    def init_node(self, server):
        for i in (self.resource_dir, self.recipe_dir, self.remote_tmpdir):
            server.append('mkdir -p %s' % os.path.dirname(i))
            server.append('mkdir --mode 0700 %s' % i)
        server.execute()


class PackstackDrone(Drone):
    def __init__(self, *args, **kwargs):
        kwargs['resource_dir'] = ('/var/tmp/packstack/drone%s'
                                  % uuid.uuid4().hex[:8])
        kwargs['recipe_dir'] = '%s/manifests' % kwargs['resource_dir']
        kwargs['remote_tmpdir'] = '%s/temp' % kwargs['resource_dir']
        super(PackstackDrone, self).__init__(*args, **kwargs)


def scratch_directory():
    return f"/dev/shm/scratch-{secrets.token_hex()}"
