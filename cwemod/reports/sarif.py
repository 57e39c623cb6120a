"""SARIF 2.1.0 from any tool (ruff, semgrep, CodeQL, ...)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urlparse

from cwemod.reports.model import Finding, MalformedReport

_CWE = re.compile(r"\bcwe[-_/ :]*0*(\d+)\b", re.I)
_SKIPPED_KINDS = {"pass", "notApplicable"}  # the tool says there is nothing here


def looks_like_sarif(document: Any) -> bool:
    return isinstance(document, dict) and (
        "sarif" in str(document.get("$schema", "")).lower() or ("runs" in document and "version" in document)
    )


def parse_sarif(document: dict, report: str) -> list[Finding]:
    version = document.get("version")
    if version != "2.1.0":
        raise MalformedReport(f"SARIF version {version!r} is not supported (expected '2.1.0')")
    runs = document.get("runs")
    if not isinstance(runs, list):
        raise MalformedReport("runs is not a list")
    findings: list[Finding] = []
    number = 0
    for run_index, run in enumerate(runs):
        if not isinstance(run, dict):
            raise MalformedReport(f"runs[{run_index}] is not an object")
        reader = _Run(run, f"runs[{run_index}]")
        for result_index, result in enumerate(reader.results()):
            number += 1
            finding = reader.finding(result, f"runs[{run_index}].results[{result_index}]", f"{report}#{number}", report)
            if finding is not None:
                findings.append(finding)
    return findings


class _Run:
    def __init__(self, run: dict, where: str) -> None:
        self.run = run
        self.where = where
        driver = _object(_object(run.get("tool"), f"{where}.tool").get("driver"), f"{where}.tool.driver")
        self.tool = str(driver.get("name") or "sarif")
        self.rules: list[dict] = [rule for rule in driver.get("rules") or [] if isinstance(rule, dict)]
        for extension in _object(run.get("tool"), "tool").get("extensions") or []:
            if isinstance(extension, dict):
                self.rules += [rule for rule in extension.get("rules") or [] if isinstance(rule, dict)]
        self.rules_by_id = {rule.get("id"): rule for rule in self.rules if rule.get("id")}
        self.taxa = self._taxa()
        self.base_uris = {
            name: value.get("uri", "")
            for name, value in (run.get("originalUriBaseIds") or {}).items()
            if isinstance(value, dict)
        }

    def results(self) -> list:
        results = self.run.get("results") or []
        if not isinstance(results, list):
            raise MalformedReport(f"{self.where}.results is not a list")
        return results

    def finding(self, result: Any, where: str, finding_id: str, report: str) -> Finding | None:
        result = _object(result, where)
        if result.get("kind") in _SKIPPED_KINDS or _suppressed(result):
            return None
        rule = self._rule(result)
        rule_id = result.get("ruleId") or _object(result.get("rule") or {}, where).get("id") or rule.get("id")
        path, lines, symbols = self._location(result, where)
        fingerprints = result.get("partialFingerprints") or result.get("fingerprints") or {}
        return Finding(
            id=finding_id,
            tool=self.tool,
            message=self._message(result, rule, where),
            cwe=self._cwe(result, rule),
            rule=str(rule_id) if rule_id else None,
            title=_text(rule.get("shortDescription")) or rule.get("name"),
            path=path,
            lines=lines,
            symbols=symbols,
            report=report,
            fingerprint=next(iter(sorted(fingerprints.values())), None) if isinstance(fingerprints, dict) else None,
        )

    # -- pieces -----------------------------------------------------------------

    def _rule(self, result: dict) -> dict:
        reference = result.get("rule") if isinstance(result.get("rule"), dict) else {}
        index = result.get("ruleIndex", reference.get("index"))
        if isinstance(index, int) and 0 <= index < len(self.rules):
            return self.rules[index]
        return self.rules_by_id.get(result.get("ruleId") or reference.get("id"), {})

    def _message(self, result: dict, rule: dict, where: str) -> str:
        message = _object(result.get("message") or {}, f"{where}.message")
        text = message.get("text") or message.get("markdown")
        if not text and message.get("id"):
            template = (rule.get("messageStrings") or {}).get(message["id"], {})
            text = _text(template) or ""
            for position, argument in enumerate(message.get("arguments") or []):
                text = text.replace(f"{{{position}}}", str(argument))
        return " ".join(str(text or "").split())

    def _location(self, result: dict, where: str) -> tuple[str | None, tuple[int, ...], tuple[str, ...]]:
        locations = result.get("locations") or []
        if not isinstance(locations, list):
            raise MalformedReport(f"{where}.locations is not a list")
        if not locations:
            return None, (), ()
        location = _object(locations[0], f"{where}.locations[0]")
        physical = _object(location.get("physicalLocation") or {}, f"{where}.locations[0].physicalLocation")
        path = self._path(physical.get("artifactLocation") or {})
        region = _object(physical.get("region") or {}, f"{where}.locations[0].physicalLocation.region")
        start = region.get("startLine")
        if start is not None and not (isinstance(start, int) and start >= 1):
            raise MalformedReport(f"{where}: region.startLine is not a positive integer")
        end = region.get("endLine", start)
        if not isinstance(end, int) or end is None or start is None or end < start:
            end = start
        lines = tuple(range(start, min(end, start + 200) + 1)) if start else ()
        symbols = ()
        if not lines:
            # Without a region, a logical location (function or method) is the only hint.
            symbols = tuple(
                logical.get("fullyQualifiedName") or logical.get("name")
                for logical in location.get("logicalLocations") or []
                if isinstance(logical, dict) and (logical.get("fullyQualifiedName") or logical.get("name"))
            )
        return path, lines, symbols

    def _path(self, artifact: dict) -> str | None:
        uri = artifact.get("uri")
        index = artifact.get("index")
        if not uri and isinstance(index, int):
            artifacts = self.run.get("artifacts") or []
            if 0 <= index < len(artifacts) and isinstance(artifacts[index], dict):
                artifact = artifacts[index].get("location") or {}
                uri = artifact.get("uri")
        if not uri:
            return None
        base = self.base_uris.get(artifact.get("uriBaseId"), "")
        return _uri_to_path(str(uri), str(base))

    def _cwe(self, result: dict, rule: dict) -> tuple[str, ...]:
        found: list[str] = []
        for reference in [*(result.get("taxa") or []), *_relationship_targets(rule)]:
            if isinstance(reference, dict):
                found += self._taxon_cwe(reference)
        for holder in (result, rule):
            properties = holder.get("properties") or {}
            for key in ("tags", "cwe", "CWE", "cwes"):
                value = properties.get(key)
                for item in value if isinstance(value, list) else [value] if value else []:
                    found += _cwe_in(str(item))
        if not found:
            # ruff and others cite the CWE only in the rule's documentation.
            found += _cwe_in(_text(rule.get("fullDescription")) or "")
        return tuple(dict.fromkeys(found))

    def _taxon_cwe(self, reference: dict) -> list[str]:
        component = reference.get("toolComponent") or {}
        taxonomy = str(component.get("name", "")) if isinstance(component, dict) else ""
        taxon_id = reference.get("id")
        if taxon_id is None and isinstance(reference.get("index"), int):
            taxon_id = self.taxa.get((taxonomy, reference["index"]))
        if taxon_id is None:
            return []
        if taxonomy.upper() == "CWE" and str(taxon_id).isdigit():
            return [f"CWE-{int(taxon_id)}"]
        return _cwe_in(str(taxon_id))

    def _taxa(self) -> dict[tuple[str, int], str]:
        taxa = {}
        for taxonomy in self.run.get("taxonomies") or []:
            if isinstance(taxonomy, dict):
                for index, taxon in enumerate(taxonomy.get("taxa") or []):
                    if isinstance(taxon, dict) and taxon.get("id") is not None:
                        taxa[(str(taxonomy.get("name", "")), index)] = str(taxon["id"])
        return taxa


def _relationship_targets(rule: dict) -> list:
    return [relation.get("target") for relation in rule.get("relationships") or [] if isinstance(relation, dict)]


def _cwe_in(text: str) -> list[str]:
    return [f"CWE-{int(number)}" for number in _CWE.findall(text)]


def _suppressed(result: dict) -> bool:
    suppressions = result.get("suppressions") or []
    return any(isinstance(s, dict) and s.get("status", "accepted") == "accepted" for s in suppressions)


def _text(message: Any) -> str | None:
    if isinstance(message, dict):
        return message.get("text") or message.get("markdown")
    return None


def _object(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise MalformedReport(f"{where} is not an object")
    return value


def _uri_to_path(uri: str, base: str) -> str:
    if base and not urlparse(uri).scheme:
        uri = base.rstrip("/") + "/" + uri.lstrip("/")
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return unquote(parsed.path)
    if parsed.scheme and len(parsed.scheme) > 1:  # not a Windows drive letter
        return unquote(parsed.path).lstrip("/")
    return unquote(uri)
