# case: unsafe
# case: refuses create it with tempfile.mkstemp()/mkdtemp()
import tempfile

# /var/tmp survives a reboot: gettempdir() is not the same directory.
workdir = tempfile.mkdtemp(dir="/var/tmp")
