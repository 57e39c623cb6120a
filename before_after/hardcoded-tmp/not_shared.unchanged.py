# case: ignores none of these is a shared temporary directory
paths = ["/abc/tmp", "/tmpfs/data", "/var/lib/tmp/x", "tmp/relative"]
