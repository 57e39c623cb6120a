# case: unsafe
# case: refuses a comment beside dir="/tmp" says why it is there
from tempfile import mkdtemp


class DockerTask:
    def run(self, task_id):
        # luigi's docker_runner: the directory is bind-mounted into a container.
        # create a tmp_dir, NOTE: /tmp needs to be specified for it to work on
        # macOS, despite what the python documentation says
        self.host_tmp_dir = mkdtemp(suffix=task_id, prefix="docker-tmp-dir-", dir="/tmp")
        return ["{0}:{1}".format(self.host_tmp_dir, "/tmp/luigi")]
