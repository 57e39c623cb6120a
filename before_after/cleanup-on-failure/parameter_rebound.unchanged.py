# case: ignores a parameter name rebound to a new database object is a local receiver, not the caller's
def create_scope(context, scope):
    fields = scope['scope']
    scope = AddressScope(context, **fields)
    scope.create()
    return make_dict(scope)
