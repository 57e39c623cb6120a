"""The names a module's logger conventionally has, without LibCST (a survey reads them)."""

# Module-level names that conventionally hold the module's logger, most usual first.
LOGGER_NAMES = ("LOG", "LOGGER", "logger", "log", "_LOG", "_LOGGER", "_logger", "_log")
