"""Whether a review item states that there is no defect.

Reviewers say "nothing found" in many ways: "there doesn't seem to be an
obvious incorrect calculation", "no incorrect calculation was identified",
"appears safe", "not applicable here", "cannot be determined without more
context". A real finding often contains "no" or "not" too: "no validation of
the input", "the lock is not released on failure", "the input doesn't seem to
be validated". The two are told apart by what is said not to exist: a
negation counts only when the thing denied is a defect ("issue",
"vulnerability", "incorrect calculation"), never when it is a protection
("validation", "cleanup"), since a missing protection is the defect.

A sentence that states no defect is cancelled by a contrast later in it ("appears
safe, but ...") or by a later sentence that opens with one ("However, `run()`
..."). Every pattern here has bounded repetition, so reading stays linear.
"""

from __future__ import annotations

import re

from cwemod.reports._review_text import normalise_quotes

# Words that name a defect, or qualify a noun as one ("incorrect calculation").
_DEFECT_WORD = (
    r"(?:defects?|issues?|vulnerabilit(?:y|ies)|vulnerable|problems?|problematic"
    r"|weakness(?:es)?|flaws?|bugs?|risks?|concerns?|concerning|implications?"
    r"|incorrect|improper|insufficient|inadequate|unsafe|insecure|dangerous"
    r"|exploitable|injection|leaks?|overflows?|misuse|violations?|wrong|suspicious"
    r"|findings?)"
)
# A defect word followed by one of these names a protection: "no leak protection".
_PROTECTION = re.compile(
    r"^\s*(?:protection|handling|checks?|checking|validation|mitigation|guards?"
    r"|prevention|controls?|detection|tracking)\b",
)
# Words that end the noun phrase after a denial: "no check for injection" denies a check.
_PHRASE_ENDS = re.compile(
    r"\b(?:for|of|against|to|on|in|from|that|which|when|if|with|by|about|is|are|was"
    r"|were|be|been|has|have|can|could|may|might|will|would|so|and|or|but|because|since)\b",
)
# Nouns that deny nothing by themselves: "no evidence of injection" states no
# defect, "no evidence of input validation" reports one.
_CONTAINER_OF = re.compile(
    r"^(?:[\w-]+\s+)?(?:evidence|signs?|indications?|instances?|occurrences?|cases?|traces?)"
    r"\s+of\s+",
)
# "there is no", "I did not find any", "no": what introduces a denied noun phrase.
_DENIAL = (
    r"(?:\bthere\s+(?:is|are|was|were|seems?\s+to\s+be|appears?\s+to\s+be)\s+no"
    r"|\bthere\s+(?:isn't|is\s+not|aren't|are\s+not|wasn't|was\s+not|weren't|were\s+not)"
    r"|\bthere\s+(?:doesn't|does\s+not|don't|do\s+not)\s+(?:seem|appear)\s+to\s+be"
    r"|\b(?:didn't|did\s+not|couldn't|could\s+not|cannot|can't|can\s+not|was\s+unable\s+to"
    r"|were\s+unable\s+to|unable\s+to)\s+(?:find|identify|detect|see|spot|observe|locate)"
    r"|\b(?:don't|do\s+not)\s+(?:see|find|spot)"
    r"|\b(?:found|identified|detected|observed|saw|see)\s+no"
    r"|\b(?:does|do)\s+not\s+(?:introduce|contain|have|exhibit|present|pose|show)"
    r"|\b(?:doesn't|don't)\s+(?:introduce|contain|have|exhibit|present|pose|show)"
    r"|\b(?:is|are)\s+free\s+(?:of|from)"
    r"|\bno)"
)
# The denial, up to five words, and the first defect word: the words between are
# checked by _denies_a_defect, as a pattern that did it would be slow.
_DENIED_DEFECT = re.compile(_DENIAL + r"\s+(?P<between>(?:[\w-]+\s+){0,5}?)" + _DEFECT_WORD + r"\b")
# Phrases that say it alone, whatever follows.
_SAID_ALONE = re.compile(
    r"\bnothing\s+(?:(?:was|has\s+been|is)\s+)?(?:found|identified|detected|observed|flagged"
    r"|to\s+(?:report|fix|flag)|of\s+(?:note|concern)|stands\s+out|suspicious|concerning"
    r"|problematic|wrong|insecure|unsafe)"
    r"|\bnone\s+(?:(?:was|were)\s+)?(?:found|identified|detected|observed|apparent)"
    r"|\b(?:appears?|seems?|looks?)\s+(?:to\s+be\s+)?(?:(?!not\b)\w+\s+)?"
    r"(?:safe|fine|good|correct|ok|okay|secure|sound|benign|harmless)\b"
    r"|\b(?:handles?|manages?|uses?|releases?|closes?"
    r"|validates?|escapes?|quotes?)\s+(?:[\w-]+\s+){0,2}(?:correctly|properly|safely)\b"
    r"|\bunlikely\s+to\s+be\s+(?:an?\s+)?(?:exploitable|vulnerable|issue|problem|concern|risk)\b"
    r"|\b(?:is|are)\s+(?:handled|used|done|validated|escaped|quoted|released|closed)\s+"
    r"(?:safely|correctly|properly)\b"
    r"|\b(?:doesn't|does\s+not|don't|do\s+not)\s+(?:seem\s+to\s+|appear\s+to\s+)?apply\b"
    r"|\bnot\s+(?:applicable|relevant|exploitable|affected)\b"
    r"|\b(?:isn't|aren't|is\s+not|are\s+not)\s+(?:a\s+|an\s+)?(?:\w+\s+)?"
    r"(?:vulnerable|issue|concern|problem|risk|defect|vulnerability)\b"
    r"|\b(?:insufficient|not\s+enough|too\s+little)\s+(?:context|information|code)\b"
    r"|\b(?:doesn't|does\s+not|don't|do\s+not)\s+(?:seem|appear)\s+to\s+(?:be\s+)?"
    r"(?:an?\s+)?(?:vulnerable|exploitable|affected|issue|problem|concern|defect|risk)\b"
    r"|\b(?:cannot|can't|can\s+not|could\s+not|couldn't)\s+be\s+(?:determined|assessed"
    r"|identified|evaluated|confirmed|judged)\b",
)
# Before a phrase, these turn it around: "does not appear safe", "never handles it
# correctly". Checked apart from the patterns, as a lookbehind at every position is slow.
_NEGATED_BEFORE = re.compile(r"\b(?:not|n't|never)\s+$")
# A sentence that is nothing but "None." or "N/A".
_BARE = re.compile(r"^\W*(?:none|n/a|nothing)\W*$")
# Advice after a "but" takes nothing back: "cannot be determined, but it's essential to ...".
_ADVICE = (
    r"(?:it(?:'s|\s+is)\s+(?:still\s+)?"
    r"(?:essential|important|recommended|advisable|worth|good|best)"
    r"|(?:always\s+)?(?:ensure|make\s+sure|consider|remember|keep|note|review)\b)"
)
_CONTRAST = re.compile(
    r"\b(?:but|however|although|though|yet|except|nevertheless|nonetheless)\b"
    + rf"(?!,?\s+{_ADVICE})"
    r"|,\s*so\b|\bwhich\s+(?:could|can|may|might|would|will|allows?|lets?|leads?)\b"
    r"|\b(?:leading|allowing)\s+to\b",
)
_OPENS_WITH_CONTRAST = re.compile(
    r"^\W*(?:but|however|although|though|yet|that\s+said|nevertheless|nonetheless|still)\b",
)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")


def states_no_defect(text: str) -> bool:
    """True when ``text`` says there is nothing to fix, and nothing after takes it back."""
    return no_defect_statement(text) is not None


def no_defect_statement(text: str) -> str | None:
    """The sentence of ``text`` that states no defect, unless a later one takes it back."""
    said = None
    for sentence in _SENTENCE_END.split(text):
        # Lower case once: the patterns are written in lower case, and faster without re.I.
        lowered = normalise_quotes(sentence).lower()
        if _sentence_states_no_defect(lowered):
            said = said or sentence
        elif said and _OPENS_WITH_CONTRAST.match(lowered):
            said = None
    return said


def _sentence_states_no_defect(sentence: str) -> bool:
    if _BARE.match(sentence):
        return True
    for match in (*_DENIED_DEFECT.finditer(sentence), *_SAID_ALONE.finditer(sentence)):
        before, rest = sentence[max(0, match.start() - 8) : match.start()], sentence[match.end() :]
        if _NEGATED_BEFORE.search(before):
            continue
        if match.re is _DENIED_DEFECT and not _denies_a_defect(match["between"], rest):
            continue
        if not _CONTRAST.search(rest):
            return True
    return False


def _denies_a_defect(between: str, rest: str) -> bool:
    """Whether the words between a denial and a defect word keep one noun phrase.

    "no obvious incorrect calculation" and "no evidence of injection" do; "no
    check for injection" and "no leak protection" deny a protection instead.
    """
    container = _CONTAINER_OF.match(between)
    if container:
        between = between[container.end() :]
    return not _PHRASE_ENDS.search(between) and not _PROTECTION.match(rest)
