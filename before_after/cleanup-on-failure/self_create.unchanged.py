# case: refuses self.delete() would tear down the whole object
class Gateway:

    def plug(self, port):
        self.create()
        self.driver.plug(port)
