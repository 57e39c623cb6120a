# case: unsafe
# case: refuses or would shift an aligned continuation line
import xml.dom.minidom


def first_item(text, tag):
    # A longer name would move the bracket the next line is aligned under.
    return xml.dom.minidom.parseString(text).getElementsByTagName(tag, [None,
                                                                       0])[0]
