"""command-argv: the rewritten commands really run without a shell, and the edges of the rewrite."""

from __future__ import annotations

import json
import os
import shlex
import sys
import textwrap
from pathlib import Path

import libcst as cst
import pytest

from codemod_support import style_errors
from cwemod.codemods import LineRange, RefusalKind
from cwemod.codemods._command_apis import converted_text
from cwemod.codemods._shell_read import read_template
from cwemod.codemods._shell_split import split_shell
from cwemod.codemods._shell_template import TemplateError
from cwemod.codemods.command_argv import CommandArgv
from cwemod.codemods.kit.project import Project
from cwemod.engine import transform_source

CODEMOD = [("command-argv", {})]
HOSTILE = "x'; touch pwned; echo '"  # closes the quotes around it


def rewrite(source: str, **kwargs) -> tuple[str, object]:
    outcome = transform_source(textwrap.dedent(source), CODEMOD, **kwargs)
    return outcome.text, outcome


# -- behaviour: a hostile value stays one argument -----------------------------

# Each module defines greet(name), which runs printf through a shell string.
# printf prints every argument after the format inside brackets.
SHELL_STRING_MODULES = {
    "percent tuple, subprocess": """
        import subprocess

        def greet(name):
            subprocess.call("printf '[%%s]\\\\n' %s '%s'" % ('hello', name), shell=True)
        """,
    "f-string, os.system": """
        import os

        def greet(name):
            os.system(f"printf '[%s]\\\\n' hello '{name}'")
        """,
    "format, traced variable": """
        import subprocess

        def greet(name):
            command = "printf '[%s]\\\\n' hello '{}'".format(name)
            subprocess.check_call(command, shell=True)
        """,
    "concatenation": """
        import subprocess

        def greet(name):
            subprocess.run("printf '[%s]\\\\n' hello '" + name + "'", shell=True)
        """,
    "os.popen().read()": """
        import os
        import sys

        def greet(name):
            sys.stdout.write(os.popen("printf '[%%s]\\\\n' hello '%s'" % name).read())
            sys.stdout.flush()
        """,
}


def call_greet(source: str, name: str) -> None:
    namespace: dict = {}
    exec(compile(source, "<greet>", "exec"), namespace)  # noqa: S102 - the module under test
    namespace["greet"](name)


@pytest.mark.parametrize("style", sorted(SHELL_STRING_MODULES))
def test_hostile_value_arrives_as_one_argument(style, tmp_path, monkeypatch, capfd):
    original = textwrap.dedent(SHELL_STRING_MODULES[style])
    rewritten, outcome = rewrite(original, allow_review=True)
    assert rewritten != original and outcome.fixes, outcome.refusals
    monkeypatch.chdir(tmp_path)

    # The original really is injectable: the shell runs the second command.
    call_greet(original, HOSTILE)
    assert (tmp_path / "pwned").exists()
    (tmp_path / "pwned").unlink()
    capfd.readouterr()

    call_greet(rewritten, HOSTILE)
    printed = capfd.readouterr().out
    assert not (tmp_path / "pwned").exists()
    assert printed.splitlines() == ["[hello]", f"[{HOSTILE}]"]


SHLEX_QUOTED = """
    import os
    import shlex

    def greet(name):
        os.system("printf '[%%s]\\\\n' hello %s" % shlex.quote(name))
    """


def test_shlex_quoted_command_keeps_its_output_without_the_shell(tmp_path, monkeypatch, capfd):
    original = textwrap.dedent(SHLEX_QUOTED)
    rewritten, outcome = rewrite(original)
    assert "shlex" not in rewritten and [fix.applicability.value for fix in outcome.fixes] == [
        "safe"
    ]
    monkeypatch.chdir(tmp_path)
    call_greet(original, HOSTILE)
    before = capfd.readouterr().out
    call_greet(rewritten, HOSTILE)
    assert capfd.readouterr().out == before == f"[hello]\n[{HOSTILE}]\n"
    assert not (tmp_path / "pwned").exists()


def test_benign_value_prints_the_same_before_and_after(tmp_path, monkeypatch, capfd):
    original = textwrap.dedent(SHELL_STRING_MODULES["percent tuple, subprocess"])
    rewritten, _ = rewrite(original, allow_review=True)
    monkeypatch.chdir(tmp_path)
    call_greet(original, "world")
    before = capfd.readouterr().out
    call_greet(rewritten, "world")
    assert capfd.readouterr().out == before == "[hello]\n[world]\n"


def test_number_placeholder_still_runs(tmp_path, monkeypatch, capfd):
    """A %d value is not a str; subprocess needs one, so the word keeps its formatting."""
    source = """
        import subprocess

        def greet(count):
            subprocess.call("printf '[%%s]\\\\n' %d '%s'" % (count, count), shell=True)
        """
    rewritten, _ = rewrite(source, allow_review=True)
    monkeypatch.chdir(tmp_path)
    call_greet(rewritten, 7)
    assert capfd.readouterr().out == "[7]\n[7]\n"


# -- behaviour: a value the shell split into words ------------------------------


@pytest.fixture
def show_argv(tmp_path, monkeypatch):
    """``show-argv`` on PATH prints the arguments it receives as a JSON list."""
    script = tmp_path / "bin" / "show-argv"
    script.parent.mkdir()
    script.write_text(f"#!{sys.executable}\nimport json, sys\nprint(json.dumps(sys.argv[1:]))\n")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{script.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# Cinder's test_format_inspector builds ``opt`` like this: '' or several words.
CREATE_IMAGE = """
    import subprocess

    def create(fmt, path, size, backing_file=None, options=None):
        opt = ''
        if options:
            opt += '-o ' + ','.join('%s=%s' % item for item in sorted(options.items()))
        if backing_file is not None:
            opt += ' -b %s -F raw' % backing_file
        return subprocess.check_output(
            'show-argv create -f "%s" %s "%s" %d' % (fmt, opt, path, size), shell=True)
    """


def argv_received(source: str, *args, **kwargs) -> list[str]:
    namespace: dict = {}
    exec(compile(source, "<create>", "exec"), namespace)  # noqa: S102 - the module under test
    return json.loads(namespace["create"](*args, **kwargs))


@pytest.mark.parametrize(
    "args, kwargs",
    [
        (("qcow2", "disk.img", 3), {}),  # opt is '': no word at all
        (("qcow2", "my disk.img", 3), {"backing_file": "base.img"}),
        (("", "disk.img", 1), {"options": {"a": "b", "c": "d"}, "backing_file": "b.img"}),
    ],
)
def test_split_value_gives_the_program_the_same_argv(show_argv, args, kwargs):
    original = textwrap.dedent(CREATE_IMAGE)
    rewritten, outcome = rewrite(original, allow_review=True)
    assert "*shlex.split(opt)" in rewritten and "import shlex\n" in rewritten
    [fix] = outcome.fixes
    assert fix.applicability.value == "review" and "globs, $variables and ~" in fix.reason
    assert argv_received(rewritten, *args, **kwargs) == argv_received(original, *args, **kwargs)


def test_shlex_split_expands_no_glob_which_is_what_review_checks(show_argv):
    """The one difference the review reason names: the shell expanded globs in the value."""
    (show_argv / "a.img").write_text("")
    original = textwrap.dedent(CREATE_IMAGE)
    rewritten, _ = rewrite(original, allow_review=True)
    assert "a.img" in argv_received(original, "raw", "x", 1, backing_file="*.img")
    assert "*.img" in argv_received(rewritten, "raw", "x", 1, backing_file="*.img")


@pytest.mark.parametrize(
    "template, values, shape",
    [
        ("'ip link set %s up' % device", "device", "unknown"),
        ("'seq %5d' % count", "count", "padded number"),
        ("'ip -o %s' % args[0]", "args[0]", "unknown subscript"),
    ],
)
def test_bare_value_not_known_to_be_one_word_is_refused(template, values, shape):
    source = f"""
        import subprocess

        def run(device, count, args):
            subprocess.check_call({template}, shell=True)
        """
    text, outcome = rewrite(source, allow_review=True)
    assert text == textwrap.dedent(source), shape
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert f"{values} stood unquoted" in refusal.reason
    assert "cannot tell whether it is one word" in refusal.reason


@pytest.mark.parametrize(
    "assignments, value, expected",
    [
        ("state = 'up'", "state", "state"),  # one plain word: safe as one argument
        ("count = 3", "count", "str(count)"),
        ("length = len(size)", "length", "str(length)"),
    ],
)
def test_value_traced_to_one_word_is_one_argument(assignments, value, expected):
    source = f"""
        import subprocess

        def run(device, size):
            {assignments}
            subprocess.check_call('ip link set "%s" %s' % (device, {value}), shell=True)
        """
    text, outcome = rewrite(source)
    assert f"['ip', 'link', 'set', str(device), {expected}]" in text
    assert [fix.applicability.value for fix in outcome.fixes] == ["safe"]


def test_literal_with_blanks_keeps_the_splitting(show_argv):
    source = """
        import subprocess

        def create():
            mode = '--fast --dry-run'
            return subprocess.check_output('show-argv %s "a b"' % mode, shell=True)
        """
    original = textwrap.dedent(source)
    rewritten, outcome = rewrite(original, allow_review=True)
    assert "*shlex.split(mode)" in rewritten
    assert outcome.fixes[0].applicability.value == "review"
    expected = ["--fast", "--dry-run", "a b"]
    assert argv_received(rewritten) == argv_received(original) == expected


def test_value_named_as_options_keeps_the_splitting_and_says_what_to_check():
    source = """
        import os

        def mount(share, mount_options):
            os.system('mount %s "%s" /mnt' % (mount_options, share))
        """
    text, outcome = rewrite(source, allow_review=True)
    assert "*shlex.split(str(mount_options))" in text
    [fix] = outcome.fixes
    assert fix.applicability.value == "review"
    assert "mount_options" in fix.reason and "globs" in fix.reason


# -- line length ---------------------------------------------------------------

LONG_COMMAND = """
    import subprocess


    class Images(object):
        def convert(self, subformat, source, target):
            subprocess.check_output(
                'qemu-img convert -f raw -O vmdk -o "subformat=%s" -S 0 "%s" "%s"' % (
                    subformat, source, target),
                shell=True, stderr=subprocess.STDOUT)
    """


@pytest.mark.parametrize("limit", [60, 79, 100])
def test_rewritten_lines_fit_the_project_line_length(limit):
    text, outcome = rewrite(LONG_COMMAND, project=Project(line_length=limit))
    assert outcome.fixes and not outcome.refusals
    assert style_errors(text, limit) == []
    compile(text, "<out>", "exec")
    assert "'subformat=%s' % (subformat,)" in text


def test_argument_list_that_cannot_fit_is_refused():
    text, outcome = rewrite(LONG_COMMAND, project=Project(line_length=40))
    assert text == textwrap.dedent(LONG_COMMAND)
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert "cannot be wrapped to fit in 40 columns" in refusal.reason


# -- applicability -------------------------------------------------------------


def test_quoted_placeholders_are_safe_and_bare_ones_are_refused():
    quoted = """
        import subprocess

        def show(path):
            subprocess.call("ls -l '%s'" % path, shell=True)
        """
    bare = quoted.replace("'%s'", "%s")
    text, outcome = rewrite(quoted)
    assert "['ls', '-l', str(path)]" in text.replace('"', "'")
    assert [fix.applicability.value for fix in outcome.fixes] == ["safe"]

    text, outcome = rewrite(bare, allow_review=True)
    assert text == textwrap.dedent(bare)
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert "path stood unquoted" in refusal.reason
    assert "cannot tell whether it is one word" in refusal.reason


# -- report targets: "already an argument list" ------------------------------

ALREADY_A_LIST = """
    from neutron.agent.linux import ip_lib

    def configure(namespace, interface_name):
        ip_wrapper = ip_lib.IPWrapper(namespace=namespace)
        cmd = ['sysctl', '-w', 'net.ipv4.conf.%s.proxy_arp=1' % interface_name]
        ip_wrapper.netns.execute(cmd, check_exit_code=False)
    """


def test_list_under_a_finding_is_not_applicable():
    targets = {"command-argv": [LineRange(3, 7, "finding-1")]}
    text, outcome = rewrite(ALREADY_A_LIST, targets=targets)
    assert text == textwrap.dedent(ALREADY_A_LIST)
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.NOT_APPLICABLE
    assert "already an argument list" in refusal.reason
    assert refusal.findings == ("finding-1",)


def test_list_in_a_whole_tree_run_records_nothing():
    _, outcome = rewrite(ALREADY_A_LIST)
    assert not outcome.refusals and not outcome.fixes


def test_call_outside_the_findings_is_left_alone():
    source = """
        import subprocess

        def one(path):
            subprocess.call("ls '%s'" % path, shell=True)

        def two(path):
            subprocess.call("ls '%s'" % path, shell=True)
        """
    text, outcome = rewrite(source, targets={"command-argv": [LineRange(7, 8)]})
    assert [fix.line for fix in outcome.fixes] == [8]
    assert text.count("shell=True") == 1


def test_seed_create_gateway_port_is_already_an_argument_list(neutron_fip_namespace):
    source = neutron_fip_namespace.read_text()
    lines = source.splitlines()
    start = next(i for i, line in enumerate(lines, 1) if "def _create_gateway_port" in line)
    end = (
        next(i for i, line in enumerate(lines[start:], start + 1) if line.startswith("    def "))
        - 1
    )
    outcome = transform_source(
        source, CODEMOD, targets={"command-argv": [LineRange(start, end, "CWE-707")]}
    )
    assert outcome.text == source
    assert outcome.refusals
    assert all(r.kind is RefusalKind.NOT_APPLICABLE for r in outcome.refusals)
    assert all("already an argument list" in r.reason for r in outcome.refusals)


# -- imports -------------------------------------------------------------------


def test_os_import_kept_while_still_used_and_from_import_removed():
    source = """
        import os
        from os import system

        def run(path):
            system("ls '%s'" % path)
            return os.getcwd()
        """
    text, _ = rewrite(source)
    assert "from os import system" not in text
    assert "import os\n" in text and "import subprocess\n" in text
    assert "subprocess.call(" in text
    compile(text, "<out>", "exec")


def test_create_subprocess_shell_from_import():
    source = """
        from asyncio import create_subprocess_shell

        async def fetch(url):
            return await create_subprocess_shell("curl '%s'" % url)
        """
    text, _ = rewrite(source)
    assert "from asyncio import create_subprocess_exec" in text
    assert "create_subprocess_shell" not in text
    assert 'create_subprocess_exec("curl", str(url))' in text.replace("'", '"')


def test_example_in_docs_is_changed():
    _, outcome = rewrite(CommandArgv.example)
    assert outcome.fixes and not outcome.refusals


# -- the template reader and the shell splitter ------------------------------


def words_of(command: str) -> list[str | None]:
    template = read_template(cst.parse_expression(repr(command)), lambda call: False)
    return [word.text for word in split_shell(template.pieces)]


@pytest.mark.parametrize(
    "command",
    [
        "ls -l /tmp",
        "echo 'a b' \"c d\" e'f g'h",
        "printf '' x",
        "grep -e 'a|b' -- \"$(not here)\"".replace('"$(not here)"', "'$(quoted)'"),
        "  spaced\targs  ",
        "echo 'it''s'",
        "[ -d /x ]",  # the test command, no glob: bifrost's check_for_root()
        "test [ ] ]] [[",
    ],
)
def test_constant_words_match_shlex(command):
    assert words_of(command) == shlex.split(command)


@pytest.mark.parametrize(
    "command, reason",
    [
        ("ls | wc", "a pipe"),
        ("echo 'open", "unterminated quote"),
        ('echo "$HOME"', "inside double quotes"),
        ("ls #x", "comment"),
        ("", "empty"),
        ("ls [ab]", "a glob"),
        ("ls x]", "a glob"),
        ("ls [[x", "a glob"),
        ("ls []", "a glob"),
    ],
)
def test_shell_syntax_is_refused(command, reason):
    with pytest.raises(TemplateError, match=reason):
        words = words_of(command)
        if not words:
            raise TemplateError("the command is empty")


def test_mixed_word_keeps_its_text_and_placeholder_together():
    template = read_template(
        cst.parse_expression("'sysctl -w net.ipv4.conf.%s.proxy_arp=1' % name"),
        lambda call: False,
    )
    words = split_shell(template.pieces)
    assert [word.text for word in words[:2]] == ["sysctl", "-w"]
    [mixed] = words[2:]
    assert [segment if isinstance(segment, str) else "<name>" for segment in mixed.segments] == [
        "net.ipv4.conf.",
        "<name>",
        ".proxy_arp=1",
    ]
    assert mixed.bare == mixed.placeholders


def test_unknown_function_with_shell_under_a_finding_says_why():
    source = """
        def Popen(*args, **kwargs):
            return args

        Popen('/bin/gcc --version', shell=True)
        """
    text, outcome = rewrite(source, targets={"command-argv": [LineRange(5, 5)]})
    assert text == textwrap.dedent(source)
    [refusal] = outcome.refusals
    assert "Popen() is not a process API the tool knows" in refusal.reason


def test_a_report_on_a_constant_command_gets_no_defect_and_the_reason():
    """glean's: systemctl may be missing, which os.system reports as a status; a list raises."""
    source = "import os\n\nenabled = os.system('systemctl is-enabled systemd-resolved')\n"
    text, outcome = rewrite(source, targets={"command-argv": [LineRange(3, 3)]})
    assert text == source
    [refusal] = outcome.refusals
    assert refusal.kind is RefusalKind.NOT_APPLICABLE
    assert refusal.reason.startswith("the command is constant text")
    assert rewrite(source)[1].refusals == []  # a whole-tree run says nothing


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("constant_shell_syntax", "the command is constant text, so nothing can be injected"),
        ("quoted_pipeline", "every value goes through shlex.quote(), so nothing can be injected"),
        ("manila_split_untraced_template", "split() makes the command an argument list"),
    ],
)
def test_nothing_to_inject_is_said_where_a_report_points(case, reason):
    """bindep's os.system('which brew >/dev/null'), rpmlint's quoted pipeline, manila's
    execute(*(mount_command.split())) of a template it cannot trace."""
    path = (
        Path(__file__).resolve().parents[1]
        / "before_after"
        / "command-argv"
        / f"{case}.unchanged.py"
    )
    source = path.read_text()
    lines = len(source.splitlines())
    text, outcome = rewrite(source, targets={"command-argv": [LineRange(1, lines)]})
    assert text == source
    assert outcome.refusals and all(reason in refusal.reason for refusal in outcome.refusals)


@pytest.mark.parametrize(
    ("code", "inside"),
    [
        ("str(cmd)", "cmd"),
        ("os.fsdecode(cmd)", "cmd"),
        ("procutil.tonativestr(cmd)", "cmd"),
        ("pycompat.to_text(self.cmd)", "self.cmd"),
        ("x.str(cmd)", None),  # a method named str, not the builtin
        ("str(cmd, 'utf-8')", None),  # decodes bytes: not one argument
        ("str(*parts)", None),
        ("quote(cmd)", None),
    ],
)
def test_a_text_conversion_is_looked_through_for_the_reason(code, inside):
    found = converted_text(cst.parse_expression(code))
    assert (None if found is None else cst.Module([]).code_for_node(found)) == inside


def test_a_command_line_from_git_config_is_said_where_a_report_points():
    """nbdime's git filter: git runs a filter's clean command through sh, and so does nbdime."""
    path = Path(__file__).resolve().parents[1] / "before_after/command-argv/git_config_command"
    source = path.with_suffix(".unchanged.py").read_text()
    lines = [number for number, line in enumerate(source.splitlines(), 1) if "shell=True" in line]
    targets = {"command-argv": [LineRange(number, number) for number in lines]}
    text, outcome = rewrite(source, targets=targets)
    assert text == source
    assert [refusal.line for refusal in outcome.refusals] == lines
    assert all(
        refusal.kind is RefusalKind.NOT_APPLICABLE and "read from git config" in refusal.reason
        for refusal in outcome.refusals
    )


# -- the survey of tests asserting a subprocess function's arguments ------------------------


def _asserted(test_text, module="pkg.tool"):
    """Where command-argv's survey finds ``subprocess.run``/``Popen`` asserted for ``module``."""
    from cwemod.codemods.surveys import survey_of

    survey = survey_of("command-argv")
    text = textwrap.dedent(test_text)
    facts = survey.run([("tests/test_tool.py", text)] if survey.wants(text) else [])
    return facts.assertions(module, "subprocess.run"), facts.assertions(module, "subprocess.Popen")


def test_survey_finds_mocks_by_name_and_by_patch():
    by_name = """\
        from pkg import tool
        def test_a(mock_popen):
            tool.go()
            mock_popen.assert_called_once_with('ls')
        """
    by_patch = """\
        from unittest import mock
        import subprocess
        from pkg import tool
        @mock.patch.object(subprocess, 'run')
        def test_a(runner):
            tool.go()
            runner.assert_called_with(['ls'])
        """
    assert _asserted(by_name) == ("", "tests/test_tool.py, line 4")
    assert _asserted(by_patch) == ("tests/test_tool.py, line 7", "")


def test_survey_leaves_other_mocks_and_other_modules():
    other_run = """\
        from unittest import mock
        from pkg import tool
        @mock.patch.object(tool.Runner, 'run')
        def test_a(runner):
            tool.go()
            runner.assert_called_with('x')
            self.runner.run.assert_called_with('y')
        """
    other_module = """\
        from other import tool
        def test_a(mock_run):
            mock_run.assert_called_once_with('ls')
        """
    assert _asserted(other_run) == ("", "")
    assert _asserted(other_module) == ("", "")


def test_survey_reads_subprocess_patches_through_the_http_rules():
    """The http survey's readings (ddt's data first, a name given as the replacement) hold for
    subprocess's patches too, and its class-owner rule does not: ``Popen`` is subprocess's."""
    dotted = """\
        from unittest import mock
        import ddt
        from pkg import tool
        @ddt.ddt
        class TestTool:
            @ddt.data('ls')
            @mock.patch('pkg.tool.subprocess.Popen')
            def test_a(self, command, spawner):
                tool.go(command)
                spawner.assert_called_once_with([command])
        """
    given = """\
        from unittest import mock
        import subprocess
        from pkg import tool
        def test_a():
            runner = mock.Mock()
            with mock.patch.object(subprocess, 'run', runner):
                tool.go()
            runner.assert_called_with(['ls'])
        """
    assert _asserted(dotted) == ("", "tests/test_tool.py, line 10")
    assert _asserted(given) == ("tests/test_tool.py, line 8", "")
