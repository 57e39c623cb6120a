# case: unsafe
# case: ignores a value that flows into no secret's name is left alone
"""Shaped like aim's web/api/runs/utils.py: incompressible padding appended to dict keys."""
import random

# added to progress keys to escape buffering due to gzipping responses
PROGRESS_KEY_SUFFIX = ''.join([str(hash(random.random())) for _ in range(2000)])


def progress_report(sent, progress):
    return {f'progress_{sent}_{PROGRESS_KEY_SUFFIX}': progress}
