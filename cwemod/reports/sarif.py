"""SARIF 2.1.0 from any tool (ruff, semgrep, CodeQL, ...).

Every field is read through :mod:`cwemod.reports._shape`, whose docstring
states what a wrong shape gets.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urlparse

from cwemod.reports._shape import EMPTY, Node, cwe_name, line_span, shown
from cwemod.reports.model import Finding, MalformedReport

_CWE = re.compile(r"\bcwe[-_/ :]*0*(\d+)\b", re.I)
_RULE_NAMED_BY_CWE = re.compile(r"cwe-\d+", re.I)
_SKIPPED_KINDS = {"pass", "notApplicable"}  # the tool says there is nothing here
_PLACEHOLDER = re.compile(r"\{(\d{1,6})\}")
_MAX_MESSAGE = 10_000  # characters of a message built from a template and its arguments
_CWE_PROPERTIES = ("cwe", "CWE", "cwes")  # tool-defined property-bag keys that may name CWEs


def looks_like_sarif(document: Any) -> bool:
    if not isinstance(document, dict):
        return False
    schema = document.get("$schema")
    if isinstance(schema, str) and "sarif" in schema.lower():
        return True
    return "runs" in document and "version" in document


def parse_sarif(document: dict, report: str) -> list[Finding]:
    version = document.get("version")
    if version != "2.1.0":
        raise MalformedReport(f"SARIF version {shown(version)} is not supported (expected '2.1.0')")
    findings: list[Finding] = []
    number = 0
    for run in Node(document, "").get_objects("runs", required=True):
        reader = _Run(run)
        for result in run.get_objects("results"):
            number += 1
            finding = reader.finding(result, f"{report}#{number}", report)
            if finding is not None:
                findings.append(finding)
    return findings


class _Run:
    def __init__(self, run: Node) -> None:
        self.run = run
        tool = run.get_object("tool", required=True)
        driver = tool.get_object("driver", required=True)
        self.tool = driver.get_str("name") or "sarif"
        self.rules: list[Node] = driver.get_objects("rules")
        for extension in tool.get_objects("extensions"):
            self.rules += extension.get_objects("rules")
        self.rules_by_id: dict[str, Node] = {}
        for rule in self.rules:
            rule_id = rule.get_str("id")
            if rule_id:
                self.rules_by_id[rule_id] = rule
        self.taxa = self._taxa()
        bases = run.get_object_map("originalUriBaseIds")
        self.base_uris = {name: base.get_str("uri") or "" for name, base in bases.items()}

    def finding(self, result: Node, finding_id: str, report: str) -> Finding | None:
        if result.get_str("kind") in _SKIPPED_KINDS or _suppressed(result):
            return None
        reference = result.get_object("rule") or EMPTY
        rule = self._rule(result, reference)
        rule_id = result.get_str("ruleId") or reference.get_str("id") or rule.get_str("id")
        path, lines, symbols = self._location(result)
        fingerprints = result.get_str_map("partialFingerprints") or result.get_str_map(
            "fingerprints"
        )
        return Finding(
            id=finding_id,
            tool=self.tool,
            message=self._message(result, rule),
            cwe=self._cwe(result, rule, rule_id or ""),
            rule=rule_id or None,
            title=_text(rule.get_object("shortDescription")) or rule.get_str("name"),
            path=path,
            lines=lines,
            symbols=symbols,
            report=report,
            fingerprint=min(fingerprints.values(), default=None),
        )

    # -- pieces -----------------------------------------------------------------

    def _rule(self, result: Node, reference: Node) -> Node:
        index = result.get_int("ruleIndex")
        if index is None:
            index = reference.get_int("index")
        if index is not None and 0 <= index < len(self.rules):
            return self.rules[index]
        rule_id = result.get_str("ruleId") or reference.get_str("id")
        return self.rules_by_id.get(rule_id or "", EMPTY)

    def _message(self, result: Node, rule: Node) -> str:
        message = result.get_object("message") or EMPTY
        text = message.get_str("text") or message.get_str("markdown")
        message_id = message.get_str("id")
        if not text and message_id:
            template = _text(rule.get_object_map("messageStrings").get(message_id)) or ""
            text = _fill(template, message.get_strs("arguments"))
        return " ".join((text or "").split())

    def _location(self, result: Node) -> tuple[str | None, tuple[int, ...], tuple[str, ...]]:
        locations = result.get_objects("locations")
        if not locations:
            return None, (), ()
        location = locations[0]
        physical = location.get_object("physicalLocation") or EMPTY
        path = self._path(physical.get_object("artifactLocation") or EMPTY)
        lines = _lines(physical.get_object("region") or EMPTY)
        symbols: tuple[str, ...] = ()
        if not lines:
            # Without a region, a logical location (function or method) is the only hint.
            names = (
                logical.get_str("fullyQualifiedName") or logical.get_str("name")
                for logical in location.get_objects("logicalLocations")
            )
            symbols = tuple(name for name in names if name)
        return path, lines, symbols

    def _path(self, artifact: Node) -> str | None:
        uri = artifact.get_str("uri")
        index = artifact.get_int("index")
        if not uri and index is not None:
            artifacts = self.run.get_list("artifacts") or []
            if 0 <= index < len(artifacts):
                listed = Node.of(artifacts[index], f"{self.run.field('artifacts')}[{index}]")
                artifact = listed.get_object("location") or EMPTY
                uri = artifact.get_str("uri")
        if not uri:
            return None
        base = self.base_uris.get(artifact.get_str("uriBaseId") or "", "")
        return _uri_to_path(uri, base)

    def _cwe(self, result: Node, rule: Node, rule_id: str) -> tuple[str, ...]:
        found: list[str] = []
        for reference in [*result.get_objects("taxa"), *_relationship_targets(rule)]:
            found += self._taxon_cwe(reference)
        for holder in (result, rule):
            found += _property_cwes(holder.get_object("properties") or EMPTY)
        if _RULE_NAMED_BY_CWE.fullmatch(rule_id):
            found += _cwe_in(rule_id)  # a rule whose id is its CWE: "CWE-772"
        if not found:
            # ruff and others cite the CWE only in the rule's documentation.
            found += _cwe_in(_text(rule.get_object("fullDescription")) or "")
        return tuple(dict.fromkeys(found))

    def _taxon_cwe(self, reference: Node) -> list[str]:
        taxonomy = (reference.get_object("toolComponent") or EMPTY).get_str("name") or ""
        taxon_id = reference.get_str("id")
        index = reference.get_int("index")
        if taxon_id is None and index is not None:
            taxon_id = self.taxa.get((taxonomy, index))
        if taxon_id is None:
            return []
        if taxonomy.upper() == "CWE" and re.fullmatch(r"[0-9]+", taxon_id):
            name = cwe_name(taxon_id)
            return [name] if name else []
        return _cwe_in(taxon_id)

    def _taxa(self) -> dict[tuple[str, int], str]:
        taxa = {}
        for taxonomy in self.run.get_objects("taxonomies"):
            name = taxonomy.get_str("name") or ""
            for index, taxon in enumerate(taxonomy.get_objects("taxa")):
                taxon_id = taxon.get_str("id")
                if taxon_id is not None:
                    taxa[(name, index)] = taxon_id
        return taxa


def _lines(region: Node) -> tuple[int, ...]:
    start = region.get_line("startLine")
    end = region.get_line("endLine")
    if start is None:
        return ()
    return tuple(line_span(start, end if end is not None and end >= start else start))


def _relationship_targets(rule: Node) -> list[Node]:
    targets = (relation.get_object("target") for relation in rule.get_objects("relationships"))
    return [target for target in targets if target is not None]


def _property_cwes(properties: Node) -> list[str]:
    found = [cwe for tag in properties.get_strs("tags") for cwe in _cwe_in(tag)]
    for key in _CWE_PROPERTIES:
        value = properties.value.get(key)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                found += _cwe_in(item)
    return found


def _cwe_in(text: str) -> list[str]:
    names = (cwe_name(number) for number in _CWE.findall(text))
    return [name for name in names if name]


def _suppressed(result: Node) -> bool:
    statuses = (suppression.get_str("status") for suppression in result.get_objects("suppressions"))
    return any((status or "accepted") == "accepted" for status in statuses)


def _text(message: Node | None) -> str | None:
    """The text of a SARIF multiformatMessageString."""
    if message is None:
        return None
    return message.get_str("text") or message.get_str("markdown")


def _fill(template: str, arguments: list[str]) -> str:
    """``template`` with ``{0}``, ``{1}``... replaced, cut at _MAX_MESSAGE characters."""
    parts: list[str] = []
    size = 0
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        number = int(match.group(1))
        argument = arguments[number] if number < len(arguments) else match.group()
        parts += [template[position : match.start()], argument]
        size += match.start() - position + len(argument)
        position = match.end()
        if size > _MAX_MESSAGE:
            break
    else:
        parts.append(template[position:])
    return "".join(parts)[:_MAX_MESSAGE]


def _uri_to_path(uri: str, base: str) -> str:
    if base and not urlparse(uri).scheme:
        uri = base.rstrip("/") + "/" + uri.lstrip("/")
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return unquote(parsed.path)
    if parsed.scheme and len(parsed.scheme) > 1:  # not a Windows drive letter
        return unquote(parsed.path).lstrip("/")
    return unquote(uri)
