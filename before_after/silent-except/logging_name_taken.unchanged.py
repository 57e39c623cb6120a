# case: refuses the name logging is taken
# case: unsafe
logging = None


def configure(settings):
    try:
        settings.apply()
    except Exception:
        pass
