# case: refuses self.delete() would tear down the whole object
class Gateway(Resource):
    """Its base, elsewhere, may define delete()."""

    def plug(self, port):
        self.create()
        self.driver.plug(port)
