def format_size(size_bytes):
    units = [("To", 1000000000000), ("Go", 1000000000), ("Mo", 1000000), ("Ko", 1000)]
    for unit, factor in units:
        if size_bytes >= factor:
            return f"{size_bytes / factor:.2f} {unit}"
    return f"{size_bytes} octets"
