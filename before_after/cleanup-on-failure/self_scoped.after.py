# case: unsafe
class Probe:

    def check(self):
        self.create()
        try:
            self.measure()
        finally:
            self.delete()
