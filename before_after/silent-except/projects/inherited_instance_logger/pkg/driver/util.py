import os


class ImageUploader:
    """A helper class for drivers that upload large images in chunks."""

    def __init__(self, endpoint, log, path, image_name):
        self.endpoint = endpoint
        self.log = log
        self.path = path
        self.size = os.path.getsize(path)
        self.image_name = image_name

    def upload(self):
        try:
            self.startUpload()
            self.finishUpload()
        except Exception:
            self.log.exception("Error uploading image:")
            self.abortUpload()
            raise

    def startUpload(self):
        pass

    def finishUpload(self):
        pass

    def abortUpload(self):
        pass
