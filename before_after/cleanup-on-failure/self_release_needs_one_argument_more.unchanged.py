# case: unsafe
# case: refuses DockerDriver.delete() needs force, which is not known here
"""Shaped like zun's zun/container/docker/driver.py: delete(context, container, force) gets
context and the container from what create() is given; only force has no value here."""


class DockerDriver(object):
    def create(self, context, container, image, requested_networks, requested_volumes):
        return container

    def delete(self, context, container, force):
        pass

    def start(self, context, container):
        return container

    def create_capsule(self, context, capsule, image, requested_networks,
                       requested_volumes):
        capsule = self.create(context, capsule, image, requested_networks,
                              requested_volumes)
        self.start(context, capsule)
        return capsule
