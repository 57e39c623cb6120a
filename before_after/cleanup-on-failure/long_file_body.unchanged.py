# case: ignores a file object closes itself once the error is handled: a with that
# re-indents a long body (ironic-ui's doc/source/conf.py, 50 lines) is churn
import os


def write_index(root, modules):
    index = open(os.path.join(root, "autoindex.rst"), "w")
    index.write("Source Code Index\n")
    index.write("   %s\n" % modules[0])
    index.write("   %s\n" % modules[1])
    index.write("   %s\n" % modules[2])
    index.write("   %s\n" % modules[3])
    index.write("   %s\n" % modules[4])
    index.write("   %s\n" % modules[5])
    index.write("   %s\n" % modules[6])
    index.write("   %s\n" % modules[7])
    index.write("   %s\n" % modules[8])
    index.write("   %s\n" % modules[9])
    index.write("   %s\n" % modules[10])
    index.write("   %s\n" % modules[11])
    index.write("   %s\n" % modules[12])
    index.write("   %s\n" % modules[13])
    index.write("   %s\n" % modules[14])
    index.write("   %s\n" % modules[15])
    index.close()
