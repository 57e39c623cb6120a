# case: unsafe
# case: ignores a mount target, a module constant named for one (noted where a report asks)
"""Shaped like flytekit's core/constants.py: where a shared-memory volume is mounted."""

# Shared memory mount name and path
SHARED_MEMORY_MOUNT_NAME = "flyte-shared-memory"
SHARED_MEMORY_MOUNT_PATH = "/dev/shm"
SCRATCH_MOUNT_POINT = "/tmp/scratch"
