# case: unsafe
# case: refuses defusedxml's make_parser ignores parser_list
from xml import sax


def reader():
    return sax.make_parser(['xml.sax.drivers2.drv_pyexpat'])
