"""hash-not-for-security: the marked digests are unchanged, and security digests are refused."""

from __future__ import annotations

import ast
import hashlib
import json
import textwrap

import pycodestyle
import pytest

from codemod_support import finding_on_every_line, run_module
from conftest import cli
from cwemod.codemods import LineRange, RefusalKind
from cwemod.codemods._hash_survey import passes_it_unguarded
from cwemod.codemods.hash_not_for_security import HashNotForSecurity
from cwemod.codemods.kit.growth import opens_a_bracket
from cwemod.codemods.kit.project import Project
from cwemod.engine import transform_source

CODEMOD = [("hash-not-for-security", {})]


def rewrite(source: str, **kwargs) -> tuple[str, object]:
    outcome = transform_source(textwrap.dedent(source), CODEMOD, allow_review=True, **kwargs)
    return outcome.text, outcome


def everywhere(source: str) -> dict[str, list[LineRange]]:
    return finding_on_every_line("hash-not-for-security", "B324", source)


def style_errors(text: str, tmp_path, max_line_length: int = 79) -> int:
    path = tmp_path / "rewritten.py"
    path.write_text(text, encoding="utf-8")
    style = pycodestyle.StyleGuide(quiet=True, max_line_length=max_line_length)
    return style.check_files([str(path)]).total_errors


# -- behaviour: the digests are the same, only marked -------------------------------

DIGESTS = """
    import hashlib
    from hashlib import md5 as _md5


    def cache_key(value):
        return hashlib.md5(value).hexdigest()


    def short_id(value):
        return _md5(value).hexdigest()[:8]


    def etag(value):
        return hashlib.sha1(value).hexdigest()


    def chunk_sum(chunks):
        running = hashlib.new('MD5')
        for chunk in chunks:
            running.update(chunk)
        return running.hexdigest()


    def by_name(value):
        return hashlib.new(name='sha1', data=value).hexdigest()
    """


def test_every_weak_digest_is_marked():
    text, outcome = rewrite(DIGESTS)
    assert len(outcome.fixes) == 5
    assert text.count("usedforsecurity=False") == 5


def test_marked_digests_equal_the_original_digests():
    value = b"volume-0001"
    namespace = run_module(rewrite(DIGESTS)[0])
    assert namespace["cache_key"](value) == hashlib.md5(value).hexdigest()  # noqa: S324
    assert namespace["short_id"](value) == hashlib.md5(value).hexdigest()[:8]  # noqa: S324
    assert namespace["etag"](value) == hashlib.sha1(value).hexdigest()  # noqa: S324
    assert namespace["chunk_sum"]([b"a", b"b"]) == hashlib.md5(b"ab").hexdigest()  # noqa: S324
    assert namespace["by_name"](value) == hashlib.sha1(value).hexdigest()  # noqa: S324


def test_a_long_line_is_wrapped_under_the_first_argument(tmp_path):
    source = """\
        import hashlib


        def names(name1, hashlen):
            crc1 = hashlib.md5(name1.encode('utf-8')).hexdigest()[:hashlen] + 'abc'
            return crc1
        """
    text, outcome = rewrite(source)
    assert (
        "    crc1 = hashlib.md5(name1.encode('utf-8'),\n"
        "                       usedforsecurity=False).hexdigest()[:hashlen] + 'abc'\n"
    ) in text
    assert style_errors(text, tmp_path) == 0


def test_the_project_line_length_decides_where_the_keyword_goes(tmp_path):
    source = "import hashlib\n\ncrc = hashlib.md5(name.encode('utf-8')).hexdigest()[:8]\n"
    wide = transform_source(source, CODEMOD, allow_review=True, project=Project(line_length=99))
    assert "hashlib.md5(name.encode('utf-8'), usedforsecurity=False)" in wide.text
    assert style_errors(wide.text, tmp_path, 99) == 0


def test_a_keyword_that_cannot_fit_is_refused():
    source = "import hashlib\n\nx = f(hashlib.md5(v).hexdigest(), g(1,\n" + " " * 34 + "2))\n"
    text, outcome = rewrite(source)
    assert text == source
    assert "would not fit" in outcome.refusals[0].reason


# -- what says security -------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "named"),
    [
        ("stored = hashlib.md5(password).hexdigest()\n", "`password`"),
        ("signature = hashlib.sha1(body).hexdigest()\n", "`signature`"),
        ("def login_digest(u):\n    return hashlib.md5(u).hexdigest()\n", "`login_digest`"),
        ("class HmacSigner:\n    x = hashlib.md5(b'x')\n", "`HmacSigner`"),
        ("h = hashlib.md5(self._auth_token.encode())\n", "`_auth_token`"),
        ("if name in ['X-Auth-Token']:\n    h = hashlib.sha1(value)\n", "`X-Auth-Token`"),
        (
            "def name(device_id, obfuscate=False):\n    if obfuscate:\n"
            "        return hashlib.sha1(device_id).hexdigest()\n",
            "`obfuscate`",
        ),
        (
            "def digest(p, secret):\n    padded = secret.ljust(16)\n    body = p + padded\n"
            "    return hashlib.md5(body).digest()\n",
            "`secret`",
        ),
    ],
)
def test_security_names_are_refused_with_advice(source, named):
    text, outcome = rewrite("import hashlib\n\n" + source)
    assert "usedforsecurity" not in text
    refusal = outcome.refusals[0]
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert refusal.reason.startswith(named) and "use SHA-256 or better" in refusal.reason


def test_a_cache_key_is_no_secret():
    text, _ = rewrite("import hashlib\n\ncache_key = hashlib.md5(url).hexdigest()\n")
    assert "usedforsecurity=False" in text


def test_a_value_built_from_names_of_no_secret_is_marked():
    source = "def key(url, query):\n    raw = url + '?' + query\n    return hashlib.md5(raw).hexdigest()\n"
    text, _ = rewrite("import hashlib\n\n" + source)
    assert "usedforsecurity=False" in text


def test_a_report_gets_a_reason_for_declared_and_reviewed_calls():
    source = """\
        import hashlib

        a = hashlib.md5(data, usedforsecurity=False)
        b = hashlib.new('md5')  # nosec
        c = hashlib.md5(data, usedforsecurity=flag)
        """
    text, outcome = rewrite(source, targets=everywhere(source))
    assert text == textwrap.dedent(source)
    kinds = {refusal.line: refusal.kind for refusal in outcome.refusals}
    assert kinds == {
        3: RefusalKind.ALREADY_FIXED,
        4: RefusalKind.NOT_APPLICABLE,
        5: RefusalKind.NOT_APPLICABLE,
    }


def test_weak_crypt_methods_get_advice_and_strong_ones_nothing():
    source = """\
        import crypt

        weak = crypt.crypt(word, crypt.METHOD_BLOWFISH)
        strong = crypt.crypt(word, crypt.METHOD_SHA512)
        """
    _, outcome = rewrite(source, targets=everywhere(source))
    assert [refusal.line for refusal in outcome.refusals] == [3]
    assert "crypt.METHOD_BLOWFISH is a weak password hash" in outcome.refusals[0].reason


def test_strong_and_unknown_algorithms_are_not_its_business():
    source = "import hashlib\n\na = hashlib.new('sha256')\nb = hashlib.new(algo)\n"
    text, outcome = rewrite(source, targets=everywhere(source))
    assert text == source
    assert not outcome.refusals and not outcome.fixes


# -- helpers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rest", "opens"),
    [
        (").hexdigest()", False),
        (").hexdigest(), g(1,", True),
        ("), '(' + x", False),
        (")  # (", False),
        (").hexdigest()[", False),  # datasette's: a hanging bracket, aligned to nothing
        (").hexdigest()[  # the first six", False),
        ("), g(1, [", False),
        ("), g([1,", True),
    ],
)
def test_opens_a_bracket(rest, opens):
    assert opens_a_bracket(rest) is opens


def test_gate_closes_without_hashlib_or_crypt():
    assert not HashNotForSecurity.might_change(ast.parse("md5(x)\n"), {})
    assert HashNotForSecurity.might_change(ast.parse("from hashlib import md5\nmd5(x)\n"), {})


def test_test_code_is_left_alone_and_says_why_only_when_asked():
    source = "import hashlib\n\n\ndef etag(body):\n    return hashlib.md5(body).hexdigest()\n"
    module_path = "cinder/tests/unit/test_etag.py"

    quiet, _ = rewrite(source, module_path=module_path)
    text, asked = rewrite(source, module_path=module_path, targets=everywhere(source))

    assert quiet == text == source
    assert [refusal.reason for refusal in asked.refusals] == [
        "test code: the digest guards nothing"
    ]


@pytest.mark.parametrize(("oldest", "marked"), [((3, 8), False), ((2, 6), False), ((3, 9), True)])
def test_a_project_on_a_python_before_3_9_gets_advice(oldest, marked):
    """hashlib takes usedforsecurity from Python 3.9: before it the call raises TypeError."""
    source = "import hashlib\n\ncrc = hashlib.md5(name).hexdigest()\n"
    project = Project(oldest_python=oldest)
    outcome = transform_source(source, CODEMOD, allow_review=True, project=project)
    assert ("usedforsecurity=False" in outcome.text) is marked
    if not marked:
        (refusal,) = outcome.refusals
        assert refusal.kind is RefusalKind.ADVICE_ONLY and "Python" in refusal.reason


def test_a_project_whose_own_code_passes_the_keyword_unguarded_runs_on_3_9():
    """otcextensions 0.34.8: setup.cfg lists 2.7, common/utils.py calls md5(usedforsecurity=
    False) with no fallback; the fix says which module shows it (the survey's facts)."""
    source = "import hashlib\n\ncrc = hashlib.md5(name).hexdigest()\n"
    facts = {"hash-not-for-security": "otcextensions/common/utils.py"}
    project = Project(oldest_python=(2, 7), facts=facts)
    outcome = transform_source(source, CODEMOD, allow_review=True, project=project)
    assert "usedforsecurity=False" in outcome.text and not outcome.refusals
    (fix,) = outcome.fixes
    assert fix.reason.endswith(
        "the project already passes usedforsecurity= unguarded in otcextensions/common/utils.py,"
        " so it needs Python 3.9 whatever its metadata says"
    )


@pytest.mark.parametrize(
    ("path", "text", "counts"),
    [
        ("pkg/utils.py", "import hashlib\nh = hashlib.md5(usedforsecurity=False)\n", True),
        (
            "pkg/utils.py",
            "from hashlib import sha1 as s\nh = s(b'', usedforsecurity=False)\n",
            True,
        ),
        ("pkg/utils.py", "import hmac\nh = hmac.new(b'', usedforsecurity=False)\n", False),
        ("tests/test_utils.py", "import hashlib\nh = hashlib.md5(usedforsecurity=False)\n", False),
        ("docs/conf.py", "import hashlib\nh = hashlib.md5(usedforsecurity=False)\n", False),
        (
            "pkg/utils.py",
            "import hashlib\ntry:\n    h = hashlib.md5(usedforsecurity=False)\n"
            "except (ValueError, TypeError):\n    h = hashlib.md5()\n",
            False,
        ),
        (
            "pkg/utils.py",
            "import hashlib\ntry:\n    h = hashlib.md5(usedforsecurity=False)\n"
            "except ValueError:\n    h = None\n",
            True,
        ),
        (
            "pkg/utils.py",
            "import hashlib\nh = hashlib.md5(usedforsecurity=False) if PY39 else hashlib.md5()\n",
            False,
        ),
    ],
)
def test_the_survey_counts_only_the_keyword_passed_unguarded_in_the_package(path, text, counts):
    assert passes_it_unguarded(path, text) is counts


def test_a_probe_for_fips_mode_is_left_to_its_handler():
    """s3cmd calls md5() to learn whether FIPS forbids it, and wraps md5 when it does."""
    source = textwrap.dedent(
        """\
        import functools
        from hashlib import md5

        try:
            md5()
        except ValueError:
            md5 = functools.partial(md5, usedforsecurity=False)


        def etag(data):
            return md5(data).hexdigest()
        """
    )
    text, _ = rewrite(source)
    assert text.count("usedforsecurity=False") == 2  # the handler's, and etag()'s
    assert "    md5()\n" in text


def test_a_digest_made_a_name_is_no_secret_whatever_the_module_is_for():
    """ansible's lookup/password.py names its lock file after the path's SHA-1."""
    source = (
        "from hashlib import sha1\n\n\ndef lock_for(b_path):\n"
        "    lockfile_name = '%s.lock' % sha1(b_path).hexdigest()\n"
        "    return lockfile_name\n"
    )
    text, _ = rewrite(source, module_path="lib/ansible/plugins/lookup/password.py")
    assert "sha1(b_path, usedforsecurity=False)" in text
    kept, outcome = rewrite(
        source.replace("lockfile_name", "salted"),
        module_path="lib/ansible/plugins/lookup/password.py",
    )
    assert "(password)" in outcome.refusals[0].reason


def test_a_function_named_for_a_cache_key_outranks_its_module():
    """botocore's ``_create_cache_key()`` in credentials.py: a file name, not a credential."""
    source = (
        "from hashlib import sha1\n\n\nclass Fetcher:\n"
        "    def _create_cache_key(self, args):\n"
        "        argument_hash = sha1(args.encode('utf-8')).hexdigest()\n"
        "        return self._make_file_safe(argument_hash)\n"
    )
    text, _ = rewrite(source, module_path="botocore/credentials.py")
    assert "usedforsecurity=False" in text
    kept, outcome = rewrite(
        source.replace("_create_cache_key", "_fetch"), module_path="botocore/credentials.py"
    )
    assert "(credential)" in outcome.refusals[0].reason


@pytest.mark.parametrize(
    ("requirement", "helper"),
    [
        ("requests>=2.4.0", "one of the project's own that passes it"),
        # 4.7.0 added secretutils.md5, 10.0.0 removed it: the project may have neither
        ("oslo.utils>=4.0", "one of the project's own that passes it"),
        ("oslo.utils>=4.7.0", "one of the project's own that passes it"),
        ("oslo.utils>=4.7.0,<10.0.0", "oslo_utils.secretutils.md5, which the oslo.utils it"),
    ],
)
def test_the_helper_advised_before_python_3_9_is_one_the_project_can_import(
    tmp_path, requirement, helper
):
    (tmp_path / "setup.cfg").write_text("[options]\npython_requires = >=3.7\n")
    (tmp_path / "requirements.txt").write_text(f"{requirement}\n")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg/__init__.py").write_text("")
    (tmp_path / "pkg/etag.py").write_text(
        "import hashlib\n\n\ndef etag(d):\n    return hashlib.md5(d)\n"
    )
    run = cli(
        "fix", "-c", "hash-not-for-security", "--unsafe", "--format", "json", ".", cwd=tmp_path
    )
    [record] = json.loads(run.stdout)["files"]
    [refusal] = record["refusals"]
    assert helper in refusal["reason"]


def test_a_project_whose_own_code_branches_for_python_2_gets_advice(tmp_path):
    """s4cmd 2.1.0: no python_requires, no classifiers, but s4cmd.py imports cStringIO
    ``if IS_PYTHON2:``; usedforsecurity would fail every upload there with TypeError."""
    (tmp_path / "setup.py").write_text("setup(name='s4cmd', py_modules=['s4cmd'])\n")
    (tmp_path / "s4cmd.py").write_text(
        "import hashlib\nimport sys\n\nIS_PYTHON2 = sys.version_info[0] == 2\n\n"
        "if IS_PYTHON2:\n    from cStringIO import StringIO\nelse:\n"
        "    from io import BytesIO as StringIO\n\n\n"
        "def file_hash(filename):\n    return hashlib.md5(open(filename, 'rb').read())\n"
    )
    run = cli(
        "fix", "-c", "hash-not-for-security", "--unsafe", "--format", "json", ".", cwd=tmp_path
    )
    [record] = json.loads(run.stdout)["files"]
    assert not record["fixes"]
    [refusal] = record["refusals"]
    assert "supports Python 2.7" in refusal["reason"]


def test_a_digest_an_object_keeps_and_checks_in_its_equality_is_a_credential():
    """sqlobject's HashCol: ``__eq__`` compares the digest of the other operand with the
    one it keeps; an object compared by a digest it keeps of its own value is not one."""
    source = (
        "from hashlib import md5\n\n\nclass Kept:\n"
        "    def __init__(self, digest):\n        self.digest = digest\n\n"
        "    def __eq__(self, other):\n"
        "        return self.digest == md5(other.encode()).hexdigest()\n"
    )
    kept, outcome = rewrite(source)
    assert "usedforsecurity" not in kept
    assert "`Kept.__eq__` compares the digest of its other operand" in outcome.refusals[0].reason
    own = source.replace("md5(other.encode()).hexdigest()", "other.digest").replace(
        "self.digest = digest", "self.digest = md5(digest).hexdigest()"
    )
    text, _ = rewrite(own)
    assert "md5(digest, usedforsecurity=False)" in text


@pytest.mark.parametrize(
    ("test", "led"),
    [
        ("auth_code == 5", True),
        ("self.auth_type == AUTH_MD5", True),
        ("user_type == 5", False),
    ],
)
def test_a_peer_that_picks_the_hash_leads_the_advice(test, led):
    """pg8000's ``elif auth_code == 5:`` (PostgreSQL's MD5 password authentication)."""
    source = (
        "from hashlib import md5\n\n\ndef reply(self, auth_code, user_type, salt):\n"
        f"    if {test}:\n"
        "        return md5(self.password + salt).digest()\n"
    )
    _, outcome = rewrite(source)
    reason = outcome.refusals[0].reason
    assert ("the peer's protocol fixes MD5 here" in reason) is led
    assert reason.startswith("`password` says this MD5 digest is for security (password)")
