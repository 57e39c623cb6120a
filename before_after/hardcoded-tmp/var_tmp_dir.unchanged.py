# case: unsafe
# case: refuses tempfile makes a random name in /var/tmp, a directory chosen on purpose
import tempfile

# /var/tmp survives a reboot: gettempdir() is not the same directory.
workdir = tempfile.mkdtemp(dir="/var/tmp")
