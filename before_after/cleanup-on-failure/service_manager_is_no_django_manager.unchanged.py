# case: unsafe
# case: refuses the release would be self.delete(name), with what create() is given here
"""An OpenStack-style service manager: its create() and delete() are its own, no Django
model manager's, so the reason is not the database row's."""


class VolumeManager:
    def create(self, name):
        return name

    def delete(self, name):
        return name

    def provision(self, name, attach):
        volume = self.create(name)
        attach(volume)
        return volume
