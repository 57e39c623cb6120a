# case: refuses check that nothing else looks for the file in /tmp
import tempfile

workdir = tempfile.mkdtemp(dir="/tmp")
