"""defusedxml: the reference text and the example ``cwemod explain defusedxml`` shows."""

DOCS = """\
## What it does
Rewrites calls of the standard library's XML parsers to defusedxml's
drop-in equivalents:

- `xml.etree.ElementTree` (and `xml.etree.cElementTree`, gone since
  Python 3.9) `parse`, `iterparse`, `fromstring`, `XML`, `XMLParser`:
  `defusedxml.ElementTree`;
- `xml.dom.minidom`, `xml.dom.pulldom`, `xml.dom.expatbuilder` `parse`,
  `parseString`: `defusedxml.minidom`, `.pulldom`, `.expatbuilder`;
- `xml.sax.parse`, `parseString`, `make_parser`: `defusedxml.sax`;
- `xml.sax.expatreader.create_parser`: `defusedxml.expatreader`.

The call is spelt `defusedxml.<module>.<function>(...)` and `import
defusedxml.<module>` goes into the module's third-party import group in
hacking's order; a name the module already imports from defusedxml is
reused. A stdlib import left with no use is removed, and a comment above it
with it, but not a directive (`# pylint: disable=...`, `# isort: off`) nor
the heading of the group it was the first of: those go to the next
statement. A Python 2 era `try: from xml.etree import ElementTree` / `except
ImportError: from elementtree import ElementTree`, at the top of the module
or in a function (python-cas's methods), goes whole once both imports do,
not as a `try: pass`; a block it was all of keeps a `pass`. An import still
used to build XML (`Element`, `SubElement`, `tostring`, `ContentHandler`)
stays: building XML is safe, and Bandit's import findings (B405-B409) on it
remain, since they report the import itself.

## Why is this bad?
The stdlib parsers expand entities declared in the document, so a small
document can expand to gigabytes (billion laughs, quadratic blowup,
CWE-776); only expat 2.4.1 and later bound the blowup. Python before 3.7.1
also resolved external entities in `xml.sax` and `pulldom` (CWE-611).
defusedxml refuses entity declarations and external references whatever
the Python and expat versions.

## Fix safety
Review: defusedxml may be a new dependency of the project: add `defusedxml`
to its requirements (the reason says so only where no requirement file
names it yet and the module does not import it already). Documents that declare entities or reference external
ones now raise `defusedxml.EntitiesForbidden` (or `ExternalReferenceForbidden`,
`DTDForbidden`), which are `ValueError`s, not `xml.etree.ElementTree.ParseError`:
check that the callers handle them. Every other document parses as before.

## Refuses
- A call that passes its own `parser` (or `*args`/`**kwargs`): defusedxml
  uses a given parser as it is, so nothing would be defused.
- A call given a parser class of the same module whose DTD or entity
  handlers raise (trove's `ProtectedExpatParser`): already fixed.
- A document (a name) that a call of a function of the same module screens
  first, in the same function and not bound again before the parse, where
  that function sets an expat parser's `EntityDeclHandler` or
  `StartDoctypeDeclHandler` to a function whose body raises, or a lambda
  calling one (django-filer's dependency-free `reject_entity_declarations(content)`
  before `ET.fromstring(content)`): already fixed, said only where a report
  points. The call must run whenever the parse does (not in an `if` or a
  `try` of its own).
- `xml.sax.make_parser(parser_list)`: defusedxml's `make_parser` ignores the list.
- A call inside a `try` that catches the parser's errors only
  (`SAXException`, `ParseError`, `ExpatError`), and nothing defusedxml's
  refusals are (a `ValueError`): pre-commit-hooks' check-xml reports a file
  it cannot parse and goes on to the next, where `EntitiesForbidden` would
  stop it with a traceback; advice to catch `DefusedXmlException` too.
  Where the requirement below is missing as well (afew's DMARC filter), the
  reason says both.
- A document whose text starts with an element the code writes (docutils'
  `'<stuff %s>%s</stuff>' % (...)`, followed back through the names and
  `.encode()` it was last bound to): no DOCTYPE can follow the first
  element, so it declares no entity; not applicable. So is text the
  standard library's `ElementTree.tostring()` wrote (dnsrecon's
  `minidom.parseString(ElementTree.tostring(elem))`, to pretty-print it),
  which writes no DOCTYPE; lxml's `tostring()` of a tree can. That text
  may follow a literal XML declaration, and be kept on a `self.` attribute
  the class binds only to such text or a literal of no DOCTYPE, and that
  nothing else in the module names (cyclonedx's `self._bom_xml = '<?xml
  version="1.0" ?>\\n' + xml_dumps(...)`, pretty-printed by
  `dom_parseString(self._bom_xml)`). So is the XML description the libvirt
  API returns: a call of `.XMLDesc(...)` (a domain's, a network's, a storage
  pool's) or `.getXMLDesc(...)` (a snapshot's), directly, through the name it
  was last bound to, or through the one function or method of the module of
  that name whose every `return` is such a call (virtualbmc's
  `ET.fromstring(domain.XMLDesc())` and its copy of nova's
  `get_xml_desc(domain)`), or through a parameter of a private function
  (`_name`, its only binding) that every call of it in the module gives such a
  description, by position or keyword, where the module names the function
  nowhere else (sushy-tools' `_process_bios_attributes(domain_xml, ...)`, called
  with `domain.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE)`): the libvirt daemon
  formats it and writes no DOCTYPE.
- `xml.sax.parseString(text, ...)` unless `text` is a bytes literal, an
  `.encode(...)` call or a call named for bytes, or a name last bound to one
  (pywbem's `xml_string = _ensure_bytes(xml_string)`): defusedxml's
  `parseString` reads bytes only (the
  stdlib's takes `str` too), and encoding a `str` could contradict the
  encoding its prolog declares.
- A module whose requirements do not name defusedxml: the project's
  requirement files (requirements.txt, requirements/*.txt, setup.cfg,
  pyproject.toml, setup.py, an sdist's PKG-INFO and egg-info) for a
  module of its packages; for one outside them (a Sphinx extension under
  `doc/`, a script under `tools/`) also a `requirements.txt` in a
  directory above it (`doc/requirements.txt`); for a script with inline
  metadata (PEP 723's `# /// script` block, as cibuildwheel's `bin/`
  scripts have), its own `dependencies`. The module would fail to
  import. Add the requirement, then rerun. (A module that imports
  defusedxml already, or a project with no requirement file, is fixed.)
- A call that would no longer fit the project's line length, or whose
  longer name would move a bracket that a continuation line is aligned under.
- Test code: it parses its own data (said only where a report points).
- A line marked `# nosec` (or `# noqa` naming an S rule): someone accepted
  that parser by hand.
- lxml (`lxml.etree.parse`, `fromstring`, `XML`, `XMLParser`, `iterparse`;
  B320, B410, which Bandit 1.9 no longer reports): `defusedxml.lxml` is
  deprecated; advice only, where a report points.
- An `xmlrpc` import (B411): `defusedxml.xmlrpc.monkey_patch()` patches the
  whole process and belongs in the program's entry point, and Bandit
  reports the import whatever follows it; advice only, where a report points.
- With a report, an import finding (B405-B409) on a module that parses
  nothing there, or that is still used for something else: the import stays.

## Options
None.
"""

EXAMPLE = """\
import xml.etree.ElementTree as ET


def read_inventory(path):
    return ET.parse(path).getroot()
"""
