# case: ignores create() on other objects (database objects, helpers) has no known owner here; their transaction or caller cleans up
def add_binding(context, port_id, host):
    binding = PortBinding(context, port_id=port_id, host=host)
    binding.create()
    notify(context, binding)
