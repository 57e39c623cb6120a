"""secure-random: rewritten calls draw the same kinds of values; only secrets are touched."""

from __future__ import annotations

import ast
import random
import string
import textwrap
from pathlib import Path
from unittest import mock

import pytest

from codemod_support import finding_on_every_line, run_module
from cwemod.codemods import LineRange, RefusalKind
from cwemod.codemods._secret_flow import secret_word, words_of
from cwemod.codemods.kit.project import Project
from cwemod.codemods.secure_random import SECRET_WORDS, SecureRandom
from cwemod.engine import transform_source

CODEMOD = [("secure-random", {})]


def rewrite(source: str, **kwargs) -> tuple[str, object]:
    outcome = transform_source(textwrap.dedent(source), CODEMOD, allow_review=True, **kwargs)
    return outcome.text, outcome


def everywhere(source: str) -> dict[str, list[LineRange]]:
    """A report finding on every line, as a Bandit report on every B311 site gives."""
    return finding_on_every_line("secure-random", "B311", source)


# -- behaviour: the rewritten code runs and draws the same kinds of values --------------

DRAWS = """
    import random
    import string


    def new_password(length=12):
        return ''.join(random.choice(string.ascii_letters) for _ in range(length))


    def new_pin_key(digits):
        key = random.randint(0, 10 ** digits - 1)
        return key


    def new_otp_code():
        otp = random.randint(100000, 999999)
        return otp


    def new_session_id():
        session_id = random.getrandbits(64)
        return session_id


    def new_csrf_token():
        csrf_token = random.randrange(1000)
        return csrf_token


    def new_salt():
        salt = random.randbytes(16)
        return salt


    def new_nonces():
        nonces = random.sample(range(100), 5)
        return nonces
    """


def test_every_draw_is_rewritten_and_import_random_goes():
    text, outcome = rewrite(DRAWS)
    assert len(outcome.fixes) == 7
    assert "random." not in text.replace("SystemRandom", "")
    assert "import random\n" not in text
    assert "import secrets\nimport string\n" in text
    assert "secrets.randbelow(10 ** digits)" in text  # randint(0, n - 1)


def test_rewritten_draws_return_the_same_kinds_of_values():
    namespace = run_module(rewrite(DRAWS)[0])
    password = namespace["new_password"]()
    assert len(password) == 12 and set(password) <= set(string.ascii_letters)
    assert {namespace["new_pin_key"](1) for _ in range(300)} == set(range(10))
    assert all(100000 <= namespace["new_otp_code"]() <= 999999 for _ in range(100))
    assert all(0 <= namespace["new_session_id"]() < 2**64 for _ in range(100))
    assert {namespace["new_csrf_token"]() for _ in range(3000)} <= set(range(1000))
    salt = namespace["new_salt"]()
    assert isinstance(salt, bytes) and len(salt) == 16
    nonces = namespace["new_nonces"]()
    assert len(set(nonces)) == 5 and set(nonces) <= set(range(100))


def test_rewritten_draws_no_longer_follow_random_or_its_seed():
    namespace = run_module(rewrite(DRAWS)[0])
    random.seed(7)
    first = [namespace["new_session_id"]() for _ in range(3)]
    random.seed(7)
    again = [namespace["new_session_id"]() for _ in range(3)]
    assert first != again
    with mock.patch("random.choice", return_value="x"):
        assert namespace["new_password"]() != "x" * 12


# -- where the value goes decides ---------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "token = make(length=random.randint(8, 12))\n",  # the nearest name is a length
        "items.sort(key=lambda item: random.random())\n",  # a sort key, through a lambda
        "token = 'a' if random.random() < 0.5 else 'b'\n",  # a condition
        "a, token = random.random(), 1\n",  # a tuple target names nothing
        "d[random.choice(keys)] = token\n",  # the call is in the target
        "rng = random.Random()\nkey = rng.random()\n",  # an instance's method
    ],
)
def test_values_that_feed_no_secret_are_left_alone(source):
    text, outcome = rewrite("import random\n" + source)
    assert text == "import random\n" + source
    assert not outcome.fixes


def test_a_report_gets_the_reason_for_every_site_left_alone():
    source = """\
        import random

        rng = random.Random()
        delay = random.uniform(1, 2)
        random.shuffle(hosts)
        """
    _, outcome = rewrite(source, targets=everywhere(source))
    reasons = {refusal.line: refusal for refusal in outcome.refusals}
    assert "seedable generator" in reasons[3].reason
    assert "goes to `delay`, which does not name a secret" in reasons[4].reason
    assert {refusal.kind for refusal in outcome.refusals} == {RefusalKind.NOT_APPLICABLE}
    assert 5 not in reasons  # shuffle is no B311 finding


def test_test_code_is_left_alone_with_a_reason():
    source = "import random\n\npassword = str(random.getrandbits(32))\n"
    text, outcome = rewrite(
        source, module_path="neutron/tests/unit/test_auth.py", targets=everywhere(source)
    )
    assert text == source
    assert outcome.refusals[0].reason == "test code: random test data is not a secret"


def test_without_unsafe_the_fix_is_only_announced():
    outcome = transform_source("import random\n\ntoken = random.random()\n", CODEMOD)
    assert not outcome.fixes
    assert "`token` names a secret (token)" in outcome.skipped_review[0].reason


def test_secrets_goes_into_a_new_stdlib_group_before_third_party_imports():
    text, _ = rewrite(
        """\
        from random import choice

        from oslo_utils import uuidutils


        def new_token(alphabet):
            return choice(alphabet)
        """
    )
    assert text.startswith("import secrets\n\nfrom oslo_utils import uuidutils\n")
    assert "return secrets.choice(alphabet)" in text


def test_an_import_of_random_that_was_unused_before_stays():
    text, _ = rewrite("import random\nfrom random import choice\n\ntoken = choice('ab')\n")
    assert text == "import random\nimport secrets\n\ntoken = secrets.choice('ab')\n"


# -- names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("identifier", "word"),
    [
        ("sessionId", "sessionid"),
        ("session_id", "sessionid"),
        ("API_KEYS", "key"),
        ("make_password", "password"),
        ("_random_AES_passphrase", "passphrase"),
        ("gateway_name", None),
        ("bypass", None),
        ("monkey", None),
        ("key-spaces-id", None),
        ("keySpace", None),
        ("key_space_token", "token"),
    ],
)
def test_secret_words(identifier, word):
    assert secret_word([identifier], SECRET_WORDS) == word


SEEDED = """
    import os
    import random
    import secrets
    import time
    from os import urandom

    random.seed({seed})


    def make_token():
        token = random.randrange(0, 0xFFFFFFFF)
        return token
"""


@pytest.mark.parametrize(
    ("seed", "replays"),
    [
        ("", False),
        ("None", False),
        ("a=None", False),
        ("os.urandom(16)", False),
        ("urandom(16).hex()", False),
        ('int.from_bytes(os.urandom(8), "big")', False),
        ("secrets.randbits(64)", False),
        ("int(time.time() * 1000)", False),
        ("time.time_ns()", False),
        ("42", True),
        ('"fixture"', True),
        ("SEED", True),
        ("a=options.seed", True),
        ("int(os.environ['SEED'])", True),
        ("options.seed or time.time()", True),
        ("os.urandom(16) if fresh else 7", True),
        ("*args", True),
    ],
)
def test_only_a_seed_that_may_replay_the_sequence_keeps_the_draw(seed, replays):
    """snmpsim's random.seed() reseeds from the OS: nothing there is meant to be replayed."""
    text, _ = rewrite(SEEDED.format(seed=seed))
    assert ("secrets.SystemRandom().randrange" not in text) is replays


def test_words_of_splits_snake_and_camel_case():
    assert words_of("newHTTPToken_v2") == ["new", "http", "token", "v"]


def test_gate_closes_without_an_import_of_random():
    assert not SecureRandom.might_change(ast.parse("token = random()\n"), {})
    assert SecureRandom.might_change(
        ast.parse("from random import choice\ntoken = choice(x)\n"), {}
    )


@pytest.mark.parametrize(
    "source",
    [
        "import random\n\nhosts = random.sample(agents, count)\n",  # Neutron's schedulers
        "from random import choice\n\nchoice(x)\n",
        "import random\n\nif random.random() > token:\n    pass\n",
    ],
)
def test_gate_closes_where_no_secret_is_named(source):
    assert not SecureRandom.might_change(ast.parse(source), {})
    assert rewrite(source)[1].refusals == [] and rewrite(source)[0] == source


@pytest.mark.parametrize(
    "source",
    [
        "import random\n\ndata['api_key'] = random.getrandbits(64)\n",
        "import random\n\nsend(nonce=random.randint(0, 9) + 1)\n",
        "import random\n\n\ndef new_password():\n    return ''.join(random.choice(ABC) for _ in range(8))\n",
        "import random as r\n\nself.session_ids += [r.random()]\n",
    ],
)
def test_gate_is_open_where_the_value_names_a_secret(source):
    assert SecureRandom.might_change(ast.parse(source), {})
    _, outcome = rewrite(source)
    assert outcome.fixes or outcome.refusals


def test_a_reviewed_line_is_left_alone():
    source = "import random\n\ntoken = random.random()  # noqa: S311\n"
    text, outcome = rewrite(source, targets=everywhere(source))
    assert text == source
    assert "the project has reviewed this call" in outcome.refusals[0].reason


@pytest.mark.parametrize(("oldest", "fixed"), [((2, 7), False), ((3, 5), False), ((3, 6), True)])
def test_a_project_on_a_python_before_3_6_gets_advice(oldest, fixed):
    """The secrets module came in Python 3.6."""
    source = "import random\n\ntoken = random.randint(0, 10 ** 6)\n"
    outcome = transform_source(
        source, CODEMOD, allow_review=True, project=Project(oldest_python=oldest)
    )
    assert ("secrets" in outcome.text) is fixed
    if not fixed:
        (refusal,) = outcome.refusals
        assert refusal.kind is RefusalKind.ADVICE_ONLY and "3.6" in refusal.reason


# lorax 0.94.86's config_file.py: secrets' choice where the Python has it, random's before.
_CHOICE_FROM_SECRETS = """\
import string
try:
    from secrets import choice
except ImportError:
    from random import choice

password = ''.join(choice(string.ascii_letters) for _ in range(12))
"""


@pytest.mark.parametrize("oldest", [(3, 8), (3, 4), None])
def test_a_name_imported_from_secrets_is_never_rewritten(oldest):
    outcome = transform_source(
        _CHOICE_FROM_SECRETS,
        CODEMOD,
        allow_review=True,
        project=Project(oldest_python=oldest),
        targets=everywhere(_CHOICE_FROM_SECRETS),
    )
    assert outcome.text == _CHOICE_FROM_SECRETS
    (refusal,) = outcome.refusals
    assert "has no secrets module" not in refusal.reason
    if oldest == (3, 4):
        assert refusal.kind is RefusalKind.ADVICE_ONLY
        assert "`choice` is random.choice (line 5)" in refusal.reason
    else:
        assert refusal.kind is RefusalKind.ALREADY_FIXED
        assert "`choice` is secrets.choice on every Python the project supports" in refusal.reason


def test_a_function_that_disclaims_security_keeps_random_saying_why():
    """community.docker's generate_insecure_key(), asked about by a report."""
    source = (
        (Path(__file__).parent.parent / "before_after" / "secure-random")
        .joinpath("insecure_on_purpose.unchanged.py")
        .read_text()
    )
    text, outcome = rewrite(source, targets=everywhere(source))
    assert text == source
    reasons = [refusal.reason for refusal in outcome.refusals]
    assert reasons == [
        "generate_insecure_key() says it is insecure on purpose: its value is no secret",
        "scramble_token()'s docstring says it is not for security: no secret",
    ]


def test_a_key_that_only_indexes_a_dict_is_no_secret_saying_why():
    """testcloud's _generate_key(): its callers store commands under it in a dict."""
    source = (
        (Path(__file__).parent.parent / "before_after" / "secure-random")
        .joinpath("key_that_indexes_a_dict.unchanged.py")
        .read_text()
    )
    text, outcome = rewrite(source, targets=everywhere(source))
    assert text == source
    [refusal] = outcome.refusals
    assert refusal.kind == RefusalKind.NOT_APPLICABLE
    assert "_generate_key()'s callers use what it returns only to index a mapping" in (
        refusal.reason
    )


@pytest.mark.parametrize(
    "caller",
    [
        "key = _make_key()\n    store[key] = user\n    return key\n",  # handed out too
        "return {_make_key(): user}\n",  # a dict display's key: no subscript
        "callbacks.append(_make_key)\n",  # called where it cannot be seen
    ],
)
def test_a_key_used_as_more_than_an_index_is_still_rewritten(caller):
    source = (
        "import random\n\n\ndef _make_key():\n    return random.getrandbits(64)\n\n\n"
        f"def add(store, callbacks, user):\n    {caller}"
    )
    text, outcome = rewrite(source)
    assert "secrets.randbits(64)" in text, outcome.refusals


def test_a_token_that_only_starts_a_counter_is_no_secret_saying_why():
    """nicotine-plus's initial_token() and its callers' increment_token(); aiocoap's _token."""
    folder = Path(__file__).parent.parent / "before_after" / "secure-random"
    reasons = []
    for case in ("token_that_starts_a_counter", "counter_start"):
        source = folder.joinpath(f"{case}.unchanged.py").read_text()
        text, outcome = rewrite(source, targets=everywhere(source))
        assert text == source
        reasons += [refusal.reason for refusal in outcome.refusals]
    assert [reason.split(" only starts")[0] for reason in reasons] == [
        "initial_token()'s docstring says its value is there to 'prevent conflicting',"
        " not to stay unguessable: no secret",
        "what _initial_token() returns",
        "`self._token`",
        "`token`",
    ]


@pytest.mark.parametrize(
    "docstring",
    [
        "Return a unique, unguessable session token.",  # the purpose is security too
        "Return a new session token.",
    ],
)
def test_a_docstring_of_another_purpose_that_speaks_of_security_is_still_rewritten(docstring):
    source = (
        f'import random\n\n\ndef new_token():\n    """{docstring}"""\n'
        "    return random.getrandbits(64)\n"
    )
    text, outcome = rewrite(source)
    assert "secrets.randbits(64)" in text, outcome.refusals


@pytest.mark.parametrize(
    "step",
    [
        "self._token = increment_token(self._token)\n        self._token = other",  # reset
        "self._token = self._token * 2",
        "pass",  # never stepped
    ],
)
def test_a_token_that_is_not_only_a_counter_is_still_rewritten(step):
    source = (
        "import random\n\n\nclass Client:\n    def __init__(self):\n"
        "        self._token = random.getrandbits(64)\n\n"
        f"    def send(self, other):\n        {step}\n"
    )
    text, outcome = rewrite(source)
    assert "secrets.randbits(64)" in text, outcome.refusals


@pytest.mark.parametrize("name, rewritten", [("_make_key", False), ("make_key", True)])
def test_only_a_private_key_makers_callers_are_all_seen(name, rewritten):
    """A public one's callers in other modules may use the key as one."""
    source = (
        f"import random\n\n\ndef {name}():\n    return random.getrandbits(64)\n\n\n"
        f"def add(store, user):\n    store[{name}()] = user\n"
    )
    text, _ = rewrite(source)
    assert ("secrets.randbits(64)" in text) == rewritten


def test_each_line_of_a_secret_says_its_own_first_blocker_once():
    """youtube-dl's nexx extractor: the project's Python 2.6 blocks every draw, so no line
    blames another's length; two draws on one line with one reason make one record."""
    source = (
        (Path(__file__).parent.parent / "before_after" / "secure-random")
        .joinpath("draws_over_two_lines_before_3_6.unchanged.py")
        .read_text()
    )
    _, outcome = rewrite(source, targets=everywhere(source), project=Project(oldest_python=(2, 6)))
    records = [(refusal.line, refusal.reason.split(",")[0]) for refusal in outcome.refusals]
    assert records == [
        (13, "the project supports Python 2.6"),
        (14, "the project supports Python 2.6"),
    ]


STREAMLINK_RANDOM = """\
from random import choice

CHOICES = "0123456789abcdef"


def random_token(length: int = 32) -> str:
    return "".join(choice(CHOICES) for _ in range(length))
"""
STREAMLINK_TEST = """\
from streamlink.utils.random import random_token


def test_random_token(monkeypatch):
    monkeypatch.setattr("streamlink.utils.random.choice", lambda seq: seq[0])
    assert random_token(2) == "00"
"""


def test_a_draw_the_projects_tests_patch_is_advice():
    """streamlink's tests set streamlink.utils.random.choice: secrets.choice escapes it."""
    from cwemod.codemods.surveys import survey_of

    other_test = (
        'from unittest import mock\n\n\n@mock.patch("random.choice")\ndef test_x(m):\n    pass\n'
    )
    facts = survey_of("secure-random").run(
        [
            ("tests/utils/test_random.py", STREAMLINK_TEST),
            ("tests/test_other.py", other_test),
            ("src/x.py", "import random\n"),
        ]
    )
    assert facts == frozenset({"streamlink.utils.random.choice", "random.choice"})
    project = Project(facts={"secure-random": facts})
    outcome = transform_source(
        STREAMLINK_RANDOM,
        [("secure-random", {})],
        allow_review=True,
        project=project,
        module_path="src/streamlink/utils/random.py",
    )
    assert outcome.text == STREAMLINK_RANDOM
    [refusal] = outcome.refusals
    assert "tests patch streamlink.utils.random.choice" in refusal.reason
    # A test that patches random.choice itself controls no module that can be told.
    elsewhere = transform_source(
        STREAMLINK_RANDOM.replace("from random import choice", "import random").replace(
            "choice(CHOICES)", "random.choice(CHOICES)"
        ),
        [("secure-random", {})],
        allow_review=True,
        project=project,
        module_path="src/streamlink/other.py",
    )
    assert "secrets.choice(CHOICES)" in elsewhere.text
