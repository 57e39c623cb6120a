"""kit.ansible: an Ansible collection is a project of its own, with ansible-test's rules.

The ``ansible`` package ships its collections under a setup.cfg that speaks
for the controller (Python 3.11); the modules run on each managed host's
Python, 2.7 for community.general 11.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cwemod.codemods.kit.project import load_project
from cwemod.engine import FixRequest, plan

MODULE = """\
import hashlib


def fingerprint(key):
    return hashlib.md5(key).hexdigest()
"""


def collection(tmp_path: Path, runtime: str = ">=2.16.0", config: str | None = None) -> Path:
    """community.general inside the ``ansible`` package's sdist."""
    (tmp_path / "setup.cfg").write_text("[options]\npython_requires = >=3.11\n")
    root = tmp_path / "ansible_collections" / "community" / "general"
    (root / "meta").mkdir(parents=True)
    (root / "meta" / "runtime.yml").write_text(f"---\nrequires_ansible: '{runtime}'\n")
    (root / "MANIFEST.json").write_text("{}\n")
    if config is not None:
        (root / "tests").mkdir()
        (root / "tests" / "config.yml").write_text(f"modules:\n  python_requires: {config}\n")
    (root / "plugins" / "modules").mkdir(parents=True)
    (root / "plugins" / "modules" / "ipa_user.py").write_text(MODULE)
    return root


@pytest.mark.parametrize(
    ("runtime", "config", "python"),
    [
        (">=2.16.0", None, (2, 7)),
        (">=2.15.0", "default", (2, 7)),
        (">=2.17.0", None, (3, 7)),
        (">=2.18.0", None, (3, 8)),
        (">=2.15.0", "'>=3.10'", (3, 10)),  # netbox.netbox's
    ],
)
def test_the_modules_python_is_the_collections(tmp_path, runtime, config, python):
    project = load_project(collection(tmp_path, runtime, config))
    assert (project.line_length, project.oldest_python) == (160, python)


def test_a_collections_own_flake8_length_counts(tmp_path):
    root = collection(tmp_path)
    (root / "tox.ini").write_text("[flake8]\nmax-line-length = 120\n")
    assert load_project(root).line_length == 120


def test_a_module_in_the_ansible_package_gets_advice_for_python_27(tmp_path):
    root = collection(tmp_path)
    request = FixRequest([tmp_path], [("hash-not-for-security", {})], allow_review=True, jobs=1)
    [result] = plan(request)
    assert result.path == root / "plugins" / "modules" / "ipa_user.py"
    assert not result.changed
    [refusal] = result.refusals
    assert "supports Python 2.7" in refusal.reason


def test_a_collection_without_requirements_declares_no_defusedxml(tmp_path):
    root = collection(tmp_path)
    module = root / "plugins" / "modules" / "jenkins_job.py"
    module.write_text(
        "import xml.etree.ElementTree as ET\n\n\ndef parse(text):\n    return ET.fromstring(text)\n"
    )
    request = FixRequest([module], [("defusedxml", {})], allow_review=True, jobs=1)
    [result] = plan(request)
    assert not result.changed
    [refusal] = result.refusals
    assert "defusedxml is not in the project's requirements" in refusal.reason
