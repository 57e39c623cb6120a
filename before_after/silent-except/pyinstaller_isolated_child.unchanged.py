# case: refuses import_library() runs in a child interpreter
import logging

from PyInstaller import isolated

logger = logging.getLogger(__name__)


def find_binary_dependencies(import_packages):
    def import_library(package):
        try:
            __import__(package)
        except Exception:
            pass

    with isolated.Python() as child:
        for package in import_packages:
            child.call(import_library, package)


@isolated.decorate
def qt_library_info():
    try:
        PyQt5 = load_bindings()
    except Exception:
        pass
    else:
        return PyQt5.__file__
