# case: option pairs=lab.reserve -> .release (new); .start -> .stop
import lab


def measure(sample):
    slot = lab.reserve(sample)
    try:
        value = slot.read()
    finally:
        slot.release()
    return value
