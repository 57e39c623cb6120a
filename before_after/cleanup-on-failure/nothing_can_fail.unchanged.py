# case: ignores nothing after the acquire can fail, so there is nothing to clean up after
class Bridge:

    def __enter__(self):
        self.create()
        return self


def scratch():
    handle = open('/dev/null')
    handle.close()
