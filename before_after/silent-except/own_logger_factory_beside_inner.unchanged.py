# case: unsafe
# case: project own_logger_factory_beside_inner pkg/d.py
# case: refuses the project's modules make their loggers with its own create_logger() (in 3 of them)
"""Shaped like borgbackup 1.4.5: its modules bind `logger = create_logger()`, borg's lazy
logger factory, at module level; one function elsewhere makes a logger of its own
(rc_logger, in helpers/msgpack...), which made the reason say "none at module level"."""


def save(path, data):
    try:
        with open(path, 'wb') as out:
            out.write(data)
    except:
        pass
