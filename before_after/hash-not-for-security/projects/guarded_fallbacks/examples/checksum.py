"""An example beside the package: its Python is the user's, not the package's."""
import hashlib

print(hashlib.md5(b"data", usedforsecurity=False).hexdigest())
