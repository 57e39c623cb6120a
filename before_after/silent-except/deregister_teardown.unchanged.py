# case: refuses best-effort cleanup: ignoring a failed release or teardown is deliberate
"""Shaped like localstack's CloudFormation fixture: after the yield, the fixture
deregisters every version of the types it registered; deregistering the default
version fails every time, which is why the try is there."""
import logging

LOG = logging.getLogger(__name__)


def register_extension(client):
    extension_arns = []

    def _register(name):
        response = client.register_type(TypeName=name)
        extension_arns.append(response["TypeArn"])
        return response

    yield _register

    for arn in extension_arns:
        for version in client.list_type_versions(Arn=arn)["TypeVersionSummaries"]:
            try:
                client.deregister_type(Arn=version["Arn"])
            except Exception:
                pass
        client.deregister_type(Arn=arn)
