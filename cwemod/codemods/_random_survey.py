"""secure-random's survey: what the project's tests patch, as cleanup-on-failure's reads it.

A test that patches the name a module draws with (streamlink's tests set
``streamlink.utils.random.choice``) fails once the call draws from
``secrets``: the fix there is left to a person, who changes the call and
the test together.
"""

from __future__ import annotations

from cwemod.codemods._cleanup_survey import all_patched, patched_in_test
from cwemod.codemods.surveys import Survey

SURVEY = Survey(
    wants=lambda text: "random" in text and ("patch" in text or "setattr" in text),
    summarise=patched_in_test,
    combine=all_patched,
)
