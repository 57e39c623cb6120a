"""defusedxml: the rewritten parsers run for real, and the import findings get their verdicts.

The before_after cases show the shapes; these tests run the rewritten code
with defusedxml (when it is installed: it is the target project's
dependency, not cwemod's) and answer Bandit's import findings (B405-B411).
"""

from __future__ import annotations

import textwrap

import pytest

from cwemod.codemods import Applicability, LineRange, RefusalKind
from cwemod.engine import transform_source

CODEMOD = "defusedxml"

PARSERS = textwrap.dedent(
    """\
    import io
    import xml.sax
    from xml.dom import minidom
    from xml.dom import pulldom
    import xml.etree.ElementTree as ET


    class Texts(xml.sax.ContentHandler):
        def __init__(self):
            super().__init__()
            self.texts = []

        def characters(self, content):
            self.texts.append(content)


    def etree_text(document):
        return ET.fromstring(document).text


    def etree_parse_text(document):
        return ET.parse(io.StringIO(document)).getroot().text


    def etree_parser_text(document):
        parser = ET.XMLParser()
        parser.feed(document)
        return parser.close().text


    def minidom_text(document):
        root = minidom.parseString(document).documentElement
        return root.firstChild.data


    def pulldom_text(document):
        for event, node in pulldom.parseString(document):
            if event == pulldom.CHARACTERS:
                return node.data


    def sax_text(document):
        handler = Texts()
        xml.sax.parseString(document.encode(), handler)
        return ''.join(handler.texts)
    """
)
READERS = (
    "etree_text",
    "etree_parse_text",
    "etree_parser_text",
    "minidom_text",
    "pulldom_text",
    "sax_text",
)
PLAIN = "<r>plain</r>"
WITH_ENTITY = '<!DOCTYPE r [<!ENTITY e "expanded">]><r>&e;</r>'


def _fix(text, **kwargs):
    return transform_source(text, [(CODEMOD, {})], allow_review=True, **kwargs)


def _load(text):
    namespace = {"__name__": "rewritten"}
    exec(compile(text, "rewritten.py", "exec"), namespace)
    return namespace


def test_every_stdlib_reader_is_rewritten_and_the_stdlib_imports_it_needs_stay():
    outcome = _fix(PARSERS)
    assert len(outcome.fixes) == 6
    assert {fix.applicability for fix in outcome.fixes} == {Applicability.REVIEW}
    assert all("add defusedxml to the project's requirements" in f.reason for f in outcome.fixes)
    assert "import xml.sax\n" in outcome.text  # still the base of the handler
    assert "from xml.dom import pulldom\n" in outcome.text  # pulldom.CHARACTERS
    assert "from xml.dom import minidom\n" not in outcome.text
    assert "import xml.etree.ElementTree as ET\n" not in outcome.text
    assert "\n\nimport defusedxml.ElementTree\nimport defusedxml.minidom\n" in outcome.text


def test_the_stdlib_readers_expand_entities():
    module = _load(PARSERS)
    for reader in READERS:
        assert module[reader](PLAIN) == "plain", reader
        assert module[reader](WITH_ENTITY) == "expanded", reader


def test_the_rewritten_readers_read_plain_documents_and_refuse_entities():
    defusedxml = pytest.importorskip("defusedxml")
    module = _load(_fix(PARSERS).text)
    for reader in READERS:
        assert module[reader](PLAIN) == "plain", reader
        with pytest.raises(defusedxml.EntitiesForbidden):
            module[reader](WITH_ENTITY)


def test_entities_forbidden_is_a_value_error_not_a_parse_error():
    # What the fix's reason asks the reviewer to check in the callers.
    defusedxml = pytest.importorskip("defusedxml")
    import xml.etree.ElementTree as ET

    assert issubclass(defusedxml.EntitiesForbidden, ValueError)
    assert not issubclass(defusedxml.EntitiesForbidden, ET.ParseError)


def _report(text, *lines):
    return _fix(text, targets={CODEMOD: [LineRange(line, line, f"F{line}") for line in lines]})


ALL_USES_PARSE = (
    "import xml.etree.ElementTree as ET\n\n\ndef read(text):\n    return ET.XML(text)\n"
)


def test_an_import_finding_is_fixed_when_every_use_moves_to_defusedxml():
    outcome = _report(ALL_USES_PARSE, 1)  # Bandit's B405 points at the import only
    assert [(fix.line, fix.findings) for fix in outcome.fixes] == [(1, ("F1",)), (5, ())]
    assert "xml.etree" not in outcome.text
    assert "return defusedxml.ElementTree.XML(text)" in outcome.text


def test_an_import_finding_on_a_module_that_only_builds_xml_is_not_applicable():
    text = "import xml.etree.ElementTree as ET\n\nroot = ET.Element('a')\nET.tostring(root)\n"
    outcome = _report(text, 1)
    assert outcome.text == text
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.NOT_APPLICABLE
    assert "parses no XML here (used for ET.Element, ET.tostring)" in refusal.reason
    assert "Bandit reports the import itself" in refusal.reason


def test_an_import_finding_on_a_module_that_also_builds_xml_keeps_the_import():
    text = "from xml.etree import ElementTree\n\nElementTree.Element('a')\nElementTree.XML(t)\n"
    outcome = _report(text, 1)
    assert outcome.text == text  # the call's own finding (B314) would rewrite it
    [refusal] = outcome.refusals
    assert "still used for ElementTree.Element: the import stays" in refusal.reason


def test_an_import_finding_whose_parse_call_is_refused_says_why():
    text = "from xml.dom import minidom\n\nminidom.parse(path, parser)\n"
    [refusal] = _report(text, 1).refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert "passes its own parser" in refusal.reason


@pytest.mark.parametrize(
    ("text", "advice"),
    [
        ("import xmlrpc.client\n\nxmlrpc.client.ServerProxy(url)\n", "monkey_patch()"),
        ("from lxml import etree\n\netree.fromstring(text)\n", "defusedxml.lxml is deprecated"),
    ],
)
def test_xmlrpc_and_lxml_findings_get_advice(text, advice):
    outcome = _report(text, 1, 3)
    assert outcome.text == text and outcome.refusals
    assert all(r.kind is RefusalKind.ADVICE_ONLY and advice in r.reason for r in outcome.refusals)


def test_without_unsafe_the_fix_is_only_announced():
    outcome = transform_source(ALL_USES_PARSE, [(CODEMOD, {})])
    assert outcome.text == ALL_USES_PARSE and not outcome.fixes
    assert "EntitiesForbidden" in outcome.skipped_review[0].reason


def test_test_code_is_left_alone_and_said_only_where_asked():
    assert _fix(ALL_USES_PARSE, module_path="tests/unit/test_x.py").text == ALL_USES_PARSE
    outcome = _report(ALL_USES_PARSE, 5)
    assert outcome.fixes
    asked = transform_source(
        ALL_USES_PARSE,
        [(CODEMOD, {})],
        allow_review=True,
        targets={CODEMOD: [LineRange(5, 5)]},
        module_path="neutron/tests/unit/test_x.py",
    )
    assert [r.reason for r in asked.refusals] == ["test code parses its own data"]


LOCAL_ONLY = textwrap.dedent(
    """\
    import xml.etree.ElementTree as ET

    from neutron.common import utils


    def read(text):
        return utils.check(ET.fromstring(text))
    """
)


def test_the_import_goes_before_the_projects_own_group_when_there_is_no_third_party_one():
    text = _fix(LOCAL_ONLY, module_path="neutron/agent/x.py").text
    assert text.startswith("import defusedxml.ElementTree\n\nfrom neutron.common import utils\n")


def test_the_import_joins_the_third_party_group_in_alphabetical_order():
    text = LOCAL_ONLY.replace(
        "\nfrom neutron", "\nfrom oslo_config import cfg\nimport webob\n\nfrom neutron"
    )
    fixed = _fix(text, module_path="neutron/agent/x.py").text
    assert fixed.startswith(
        "import defusedxml.ElementTree\nfrom oslo_config import cfg\nimport webob\n\n"
        "from neutron.common import utils\n"
    )


SCREENED = textwrap.dedent(
    """\
    import xml.etree.ElementTree as ET
    from xml.parsers import expat


    def _forbid(*args):
        raise ValueError("entities are not supported")


    def reject_entities(content):
        parser = expat.ParserCreate()
        parser.StartDoctypeDeclHandler = lambda *args: _forbid()
        parser.Parse(content, True)


    def load(content):
        reject_entities(content)
        return ET.fromstring(content)
    """
)


def test_a_document_screened_by_an_expat_handler_that_raises_is_said_only_where_asked():
    # django-filer's svg.py, with the lambda spelling: dependency-free on purpose
    assert _fix(SCREENED).text == SCREENED and not _fix(SCREENED).refusals
    [refusal] = _report(SCREENED, 17).refusals
    assert refusal.kind is RefusalKind.ALREADY_FIXED
    assert refusal.reason == (
        "content is screened by reject_entities(), whose expat StartDoctypeDeclHandler raises"
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("    reject_entities(content)\n", "    if content:\n        reject_entities(content)\n"),
        ("    reject_entities(content)\n", "    reject_entities(content)\n    content = b''\n"),
        ("    reject_entities(content)\n", "    reject_entities(content[:100])\n"),
        ("    reject_entities(content)\n", "    reject_entities(other)\n"),
        ('raise ValueError("entities are not supported")', "return None"),
        ("lambda *args: _forbid()", "print"),
        ("StartDoctypeDeclHandler", "CommentHandler"),
        (
            "    reject_entities(content)\n    return ET.fromstring(content)\n",
            "    reject_entities(content)\n    for content in more:\n"
            "        ET.fromstring(content)\n",
        ),
    ],
    ids=["conditional", "rebound", "sliced", "other", "no-raise", "builtin", "handler", "loop"],
)
def test_a_document_not_screened_before_the_parse_is_still_rewritten(old, new):
    text = SCREENED.replace(old, new)
    assert text != SCREENED
    assert "defusedxml.ElementTree.fromstring(content)" in _fix(text).text
