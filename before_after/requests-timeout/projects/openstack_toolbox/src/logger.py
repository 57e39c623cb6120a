import logging


class ColoredFormatter(logging.Formatter):
    COLORS = {"ERROR": "\033[31m", "RESET": "\033[0m"}

    def format(self, record):
        log_color = self.COLORS.get(record.levelname, self.COLORS["RESET"])
        record.levelname = f"{log_color}{record.levelname}{self.COLORS['RESET']}"
        return super().format(record)
