# case: unsafe
# case: refuses super().delete() is not the inverse of this call: it skips Bridge.delete(), which tears down what this class adds
class Device:

    def create(self):
        self.link = make_link()

    def delete(self):
        drop_link(self.link)


class Bridge(Device):

    def create(self):
        super().create()
        self.ports = [attach(port) for port in self.wanted]

    def delete(self):
        for port in self.ports:
            detach(port)
        super().delete()
