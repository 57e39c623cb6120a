# case: unsafe
# case: project inherited_instance_logger pkg/driver/aws/endpoint.py
"""Shaped like zuul 14.3.0's zuul/driver/aws/awsendpoint.py: EbsSnapshotUploader inherits
self.log from ImageUploader.__init__ (zuul/driver/util.py), which the endpoint hands its own
logger; the module's other classes log through self.endpoint.log, which made the handler
"log through self.endpoint.log by hand" while its Azure twin logged with self.log."""
import logging

from pkg.driver.util import ImageUploader


class AwsImageUploadJob:
    def __init__(self, endpoint, image_name):
        self.endpoint = endpoint
        self.image_name = image_name

    def run(self):
        self.endpoint.log.debug(f"Uploading image {self.image_name}")


class EbsSnapshotUploader(ImageUploader):
    def finishUpload(self):
        return self.size, self.snapshot_id

    def abortUpload(self):
        try:
            self.finishUpload()
        except Exception:
            self.log.debug(
                "Ignoring exception in EbsSnapshotUploader.abortUpload()",
                exc_info=True)
        snapshot_id = getattr(self, 'snapshot_id', None)
        if snapshot_id:
            self.endpoint.delete_snapshot(snapshot_id)


class AwsProviderEndpoint:
    def __init__(self, name):
        self.log = logging.getLogger(f"zuul.aws.{name}")

    def upload(self, filename, image_name):
        uploader = EbsSnapshotUploader(self, self.log, filename, image_name)
        self.log.debug(f"Importing {image_name} as EBS snapshot")
        return uploader.upload()
