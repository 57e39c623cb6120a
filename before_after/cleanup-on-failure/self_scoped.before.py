# case: unsafe
class Probe:

    def check(self):
        self.create()
        self.measure()
        self.delete()
