# case: unsafe
# case: refuses an optional value that keeps its default when it cannot be read
"""Shaped like ncclient's transport package: a session class only where it imports."""
import sys

__all__ = ['Session']

if sys.platform != 'win32':
    try:
        from transport.unix_socket import UnixSocketSession
        __all__.append('UnixSocketSession')
    except Exception:
        pass
