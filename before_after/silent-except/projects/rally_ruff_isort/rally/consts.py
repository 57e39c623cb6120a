RUNNING = "running"
