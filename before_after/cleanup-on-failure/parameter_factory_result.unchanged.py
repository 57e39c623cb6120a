# case: ignores what create() on a parameter returns, used or stored by the function, is a new object, which no pair releases; the parameter is not the resource
"""Shaped like nova's virt/block_device.py (volume_api.create(), a new Cinder volume) and
virt/vmwareapi/vm_util.py (client_factory.create(), a SOAP data object)."""


def make_volume(ctx, volume_api, size):
    vol = volume_api.create(ctx, size)
    attachment = volume_api.attachment_create(ctx, vol['id'])
    return vol['id'], attachment['id']


def spec(client_factory, name):
    s = client_factory.create('ns0:SearchSpec')
    s.details = client_factory.create('ns0:FileQueryFlags')
    s.matchPattern = [pattern_of(name)]
    return s
