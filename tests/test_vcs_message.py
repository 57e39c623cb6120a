"""Commit messages: OpenStack shape, Change-Id format and stability, trailers as git reads them."""

from __future__ import annotations

import re
from pathlib import Path

from cwemod.codemods import Applicability, Fix
from cwemod.reports.model import Finding
from cwemod.vcs.describe import MessageContext, commit_message, docs_section
from cwemod.vcs.groups import FileStage, Group, PlannedFix, Unit
from cwemod.vcs.message import (
    BODY_WIDTH,
    CommitMessage,
    change_id,
    existing_change_ids,
    markdown_blocks,
    paragraph,
    quote,
    summary_line,
    trailers_of,
)
from vcs_support import git

LONG = (
    "FipNamespace._fip_port_lock builds the lock name from a predictable prefix and the "
    "interface name, so any local user who can write to the shared lock directory can "
    "create the lock file first and hold it."
)


def yaml_group(*fixes: Fix) -> Group:
    return Group(
        units=[Unit("codemod", ("yaml-safe-load",))],
        fixes=[PlannedFix("pkg/config.py", fix) for fix in fixes],
        files=[FileStage(Path("pkg/config.py"), "pkg/config.py", b"")],
    )


def test_change_id_has_gerrits_format_and_depends_only_on_its_inputs():
    first = change_id("openstack/neutron", "master", ["codemod yaml-safe-load", "pkg/a.py"])
    assert re.fullmatch(r"I[0-9a-f]{40}", first)
    assert (
        change_id("openstack/neutron.git", "master", ["pkg/a.py", "codemod yaml-safe-load"])
        == first
    )
    assert (
        change_id("openstack/neutron", "stable/2024.1", ["codemod yaml-safe-load", "pkg/a.py"])
        != first
    )
    assert change_id("openstack/nova", "master", ["codemod yaml-safe-load", "pkg/a.py"]) != first
    assert change_id("openstack/neutron", "master", ["finding review.md#1", "pkg/a.py"]) != first


def test_summary_line_is_cut_at_a_word_within_fifty_characters():
    text = summary_line("Use keyed lock names for external oslo.concurrency locks in ipset_manager")
    assert text == "Use keyed lock names for external oslo.concurrency"
    assert summary_line("Use keyed lock names for the external oslo.concurrency locks") == (
        "Use keyed lock names for the external"
    )
    assert summary_line("x" * 60) == "x" * 50
    assert summary_line("Parse YAML with the safe loader.") == "Parse YAML with the safe loader"


def test_paragraphs_and_quotes_wrap_at_72_without_breaking_words():
    for block in (paragraph(LONG), quote(LONG + "\n\nSecond paragraph of the report.")):
        lines = block.splitlines()
        assert len(lines) > 1
        assert all(len(line) <= BODY_WIDTH for line in lines)
    quoted = quote(LONG + "\n\nSecond paragraph of the report.").splitlines()
    assert all(line.startswith(">") for line in quoted)
    assert ">" in quoted  # the paragraph break survives inside the quote
    assert " ".join(line[2:] for line in quoted if line != ">").startswith(LONG)


def test_markdown_bullets_hang_and_code_is_kept():
    blocks = markdown_blocks(
        "Intro text\nwrapped.\n\n- first item " + "word " * 20 + "\n- second\n\n```\nx = 1\n```\n"
    )
    assert blocks[0] == "Intro text wrapped."
    bullets = blocks[1].splitlines()
    assert bullets[0].startswith("- first item") and bullets[1].startswith("  word")
    assert bullets[-1] == "- second"
    assert blocks[2] == "    x = 1"


def test_message_has_the_openstack_shape_and_change_id_last(tmp_path):
    fix = Fix(
        "yaml-safe-load", 5, Applicability.SAFE, "yaml.load can build arbitrary Python objects"
    )
    message = commit_message(yaml_group(fix), MessageContext("openstack/demo", "master")).text()
    lines = message.splitlines()
    assert len(lines[0]) <= 50 and lines[1] == ""
    assert all(len(line) <= BODY_WIDTH for line in lines if " " in line.strip())
    assert "CWE-502 (Deserialization of Untrusted Data)" in " ".join(message.split())
    assert "pkg/config.py:5: yaml.load can build" in message

    git("init", "-q", cwd=tmp_path)
    parsed = git("interpret-trailers", "--parse", cwd=tmp_path, input=message.encode()).splitlines()
    assert parsed[-1].startswith("Change-Id: I") and len(parsed[-1]) == len("Change-Id: I") + 40
    assert parsed[0] == "Cwemod-Group: codemod yaml-safe-load"


def test_gerrits_commit_msg_hook_style_insertion_keeps_our_change_id(tmp_path):
    """Gerrit's hook does nothing when a Change-Id exists: ours must be the one git sees."""
    message = CommitMessage(
        "Fix it", ["Body."], [("Change-Id", "I" + "a" * 40), ("Signed-off-by", "Dev <d@e>")]
    )
    git("init", "-q", cwd=tmp_path)
    result = git(
        "-c",
        "trailer.ifexists=doNothing",
        "interpret-trailers",
        "--trailer",
        "Change-Id: I" + "b" * 40,
        cwd=tmp_path,
        input=message.text().encode(),
    )
    assert result.count("Change-Id:") == 1
    assert result.rstrip().splitlines()[-1] == "Change-Id: I" + "a" * 40


def test_review_fixes_say_what_to_review():
    fix = Fix("yaml-safe-load", 5, Applicability.REVIEW, "the loader was a custom class")
    message = commit_message(yaml_group(fix), MessageContext()).text()
    flat = " ".join(message.split())
    assert "the loader was a custom class (needs review)" in flat
    assert "Please review" in flat


def test_findings_are_quoted_with_cwe_name_and_place():
    finding = Finding(
        id="review.md#1",
        tool="llm-review",
        message=LONG,
        cwe=("CWE-284",),
        title="Improper Access Control",
        path="neutron/agent/l3/dvr_fip_ns.py",
        lines=(110,),
        symbols=("_fip_port_lock",),
    )
    fix = Fix("yaml-safe-load", 5, Applicability.SAFE, "reason", findings=("review.md#1",))
    message = commit_message(
        yaml_group(fix), MessageContext(findings={"review.md#1": finding})
    ).text()
    flat = " ".join(message.split())
    assert "Finding review.md#1 from llm-review reports CWE-284 (Improper Access Control)" in flat
    assert (
        "in _fip_port_lock() of neutron/agent/l3/dvr_fip_ns.py (line 110 of the reviewed revision)"
        in flat
    )
    assert "> FipNamespace._fip_port_lock builds the lock name" in message
    assert message.splitlines()[0] == "Parse YAML with the safe loader in _fip_port_lock"


def test_an_earlier_change_id_for_the_same_group_wins():
    earlier = CommitMessage(
        "Old",
        ["Body."],
        [("Cwemod-Group", "codemod yaml-safe-load"), ("Change-Id", "I" + "c" * 40)],
    )
    ids = existing_change_ids([earlier.text(), "Unrelated\n\nChange-Id: I" + "d" * 40 + "\n"])
    assert ids == {"codemod yaml-safe-load": "I" + "c" * 40}
    fix = Fix("yaml-safe-load", 5, Applicability.SAFE, "reason")
    message = commit_message(yaml_group(fix), MessageContext("p", "master", existing_ids=ids))
    assert dict(trailers_of(message.text()))["Change-Id"] == "I" + "c" * 40


def test_markdown_blocks_follow_the_markdown_structure():
    text = (
        "Intro:\n- a\n- b\n\n1. first\n2. second " + "word " * 14 + "\n\n### Sub heading\n\n"
        "> quoted text\n\n    indented = code\n\n- loose\n\n- items\n"
    )
    assert markdown_blocks(text) == [
        "Intro:\n- a\n- b",  # a paragraph and the list it introduces stay one block
        "1. first\n2. second" + " word" * 12 + "\n   word word",  # numbers hang their lines
        "Sub heading",  # no "#": git would drop the line as a comment
        "> quoted text",
        "    indented = code",
        "- loose",
        "- items",
    ]


def test_docs_sections_are_found_by_heading():
    docs = "## What it does\nA.\n\n## Fix safety\nSafe because.\n\n## Refuses\nB.\n"
    assert docs_section(docs, "Fix safety") == "Safe because."
    assert docs_section(docs, "Options") == ""


def test_a_docs_section_runs_to_the_next_second_level_heading_outside_code():
    docs = "## Fix safety\nSafe.\n```\n## not a heading\n```\n### Detail\nMore.\n## Refuses\nB.\n"
    assert (
        docs_section(docs, "Fix safety") == "Safe.\n```\n## not a heading\n```\n### Detail\nMore."
    )


def test_summary_falls_back_to_the_cwe_ids_when_title_and_file_do_not_fit():
    display = "neutron/agent/linux/ipset_manager.py"
    group = Group(
        units=[Unit("file", (display,))],
        fixes=[
            PlannedFix(display, Fix("salted-lock-name", 87, Applicability.SAFE, "predictable name"))
        ],
        files=[FileStage(Path(display), display, b"")],
    )
    assert (
        commit_message(group, MessageContext()).summary
        == "Fix CWE-284, CWE-693 in ipset_manager.py"
    )
