# case: refuses is rebound before it is released
def copy_header(source, target):
    handle = open(source, 'rb')
    header = handle.read(512)
    handle = open(target, 'wb')
    handle.write(header)
    handle.close()
