# case: unsafe
# case: ignores a path inside a container the call is given (noted where a report asks)
"""Shaped like testcontainers' Cosmos DB emulator: the certificate is read out of the
container, where no user of this host can reach."""
from testcontainers.core import _grab as grab


class CosmosDBEmulator:
    def _download_cert(self) -> bytes:
        with grab.file(
            self.get_wrapped_container(),
            "/tmp/cosmos/appdata/.system/profiles/Client/AppData/Local/emulator.pem",
        ) as cert:
            return cert.read()

    def _list(self, container):
        return container.exec_run("ls /tmp/cosmos")


def run_job(client, image):
    """mlflow's sandbox: a read-only container with its own /tmp."""
    return client.containers.run(image, read_only=True, tmpfs={"/tmp": ""})


def job_container_environment():
    """mlflow's: the environment of the job's container, whose root is read-only."""
    return {"HOME": "/tmp", "DO_NOT_TRACK": "true"}
