# case: unsafe
# case: project openstackinabox openstackinabox/models/swift/storage.py
# case: refuses the project declares no Python version and depends on six, so it may support one before 3.9, whose hashlib
"""Shaped like openstackinabox 0.2's models/swift/storage.py: its packaging names no Python
(no python_requires, no Python classifier) and installs six, a 2/3-era code base whose tests
ran on 3.8 (usedforsecurity= came in 3.9): the Swift ETags get advice, not the keyword."""
import hashlib

import six


class SwiftStorage(object):

    @staticmethod
    def get_etag(data):
        etag_generator = hashlib.md5()
        etag_generator.update(data)

        return etag_generator.hexdigest()

    @staticmethod
    def get_file_etag(file_name):
        etag_generator = hashlib.md5()
        with open(file_name, 'rb') as input_data:
            for chunk in input_data:
                etag_generator.update(chunk)

        return etag_generator.hexdigest()

    def __init__(self, service_id, model):
        self.__id = service_id
        self.__metadata = {
            key: value for key, value in six.iteritems(model)
        }
