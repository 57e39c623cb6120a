# case: unsafe
# case: ignores runs in AWS Lambda, whose /tmp is the function's own (noted where a report asks)
"""Shaped like zappa's handler.py, the entry module of an AWS Lambda function: a warm
start finds the project it unpacked into /tmp on the cold start, under the same name."""
import os
import tarfile


class LambdaHandler:
    def __init__(self, settings):
        self.settings = settings
        os.environ["SERVERTYPE"] = "AWS Lambda"

    def load_remote_project_archive(self, archive):
        project_folder = "/tmp/{0!s}".format(self.settings.PROJECT_NAME)
        if not os.path.isdir(project_folder):
            with tarfile.open(fileobj=archive, mode="r|gz") as t:
                t.extractall(project_folder)
        return project_folder


def lambda_handler(event, context):  # pragma: no cover
    return LambdaHandler.lambda_handler(event, context)
