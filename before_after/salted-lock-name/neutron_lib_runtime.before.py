from neutron_lib.utils import runtime


class ResourceAllocator:
    @runtime.synchronized('resource_allocator', external=True)
    def allocate(self):
        return 1

    @runtime.synchronized('resource_cache')
    def cached(self):
        return 2
