# case: option pairs=lab.reserve -> .release (new); .start -> .stop
import lab


def measure(sample):
    slot = lab.reserve(sample)
    value = slot.read()
    slot.release()
    return value
