"""hardcoded-tmp: advice for fixed /tmp names; a dropped dir="/tmp" still creates in /tmp."""

from __future__ import annotations

import os
import tempfile
import textwrap
import types
from pathlib import Path

import pytest

from cwemod.codemods import RefusalKind
from cwemod.codemods.records import LineRange
from cwemod.engine import transform_source

SCRATCH = """\
import tempfile


def scratch():
    return tempfile.mkdtemp(dir="/tmp", prefix="cwemod-test-")
"""


def rewrite(source: str, *, unsafe: bool = True, module_path: str = ""):
    return transform_source(
        textwrap.dedent(source),
        [("hardcoded-tmp", {})],
        allow_review=unsafe,
        module_path=module_path,
    )


def load(text: str) -> types.ModuleType:
    module = types.ModuleType("rewritten")
    exec(compile(text, "rewritten", "exec"), module.__dict__)
    return module


def test_without_dir_the_directory_lands_where_gettempdir_says(tmp_path, monkeypatch):
    outcome = rewrite(SCRATCH)
    assert 'tempfile.mkdtemp(prefix="cwemod-test-")' in outcome.text
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    created = load(outcome.text).scratch()
    assert os.path.dirname(created) == str(tmp_path)
    assert os.path.basename(created).startswith("cwemod-test-")


def test_with_no_tmpdir_setting_it_is_the_same_directory_as_before(monkeypatch):
    for variable in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(tempfile, "tempdir", None)
    if tempfile.gettempdir() != "/tmp":
        pytest.skip("this platform's default temporary directory is not /tmp")
    created = load(rewrite(SCRATCH).text).scratch()
    try:
        assert os.path.dirname(created) == "/tmp"
    finally:
        os.rmdir(created)


def test_a_fixed_name_is_advice_only_with_the_reason():
    outcome = rewrite('open("/tmp/state.json", "w")\nlog = f"/var/tmp/{name}.log"\n')
    assert outcome.text.startswith('open("/tmp/state.json"')
    assert [r.kind for r in outcome.refusals] == [RefusalKind.ADVICE_ONLY] * 2
    assert all("mkstemp" in r.reason for r in outcome.refusals)


@pytest.mark.parametrize(
    ("source", "logger"),
    [
        ('log = logging.getLogger(__name__)\nopen("/tmp/x.log", "a")\n', "log"),
        ('logger = logging.getLogger(__name__)\nopen("/tmp/x.log")\n', None),  # read
        ('logger = logging.getLogger(__name__)\nopen("/tmp/x.json", "w")\n', None),
        ('open("/tmp/x.log", "w")\n', None),  # no logger in the module
    ],
)
def test_a_fixed_log_written_beside_a_module_logger_may_go_through_it(source, logger):
    """parliament's cli.py writes /tmp/parliament.log, beside its module logger: a name
    from mkstemp() would be a debug log no one finds."""
    [refusal] = rewrite("import logging\n" + source).refusals
    said = f"or write it through the module's logger ({logger})"
    assert (said in refusal.reason) if logger else ("logger" not in refusal.reason)


def test_test_code_stays_quiet_in_a_whole_tree_run():
    outcome = rewrite('PATH = "/tmp/fixture"\n', module_path="pkg/tests/test_x.py")
    assert not outcome.refusals and not outcome.fixes


def test_a_tempfile_dir_in_test_code_is_kept():
    # Neutron's fullstack puts dnsmasq configs in /tmp on purpose: tox's TMPDIR is private.
    outcome = rewrite(SCRATCH, module_path="neutron/tests/fullstack/resources/config.py")
    assert outcome.text == SCRATCH and not outcome.fixes


def test_the_defaults_of_settings_are_configuration_defaults():
    """fsspec's, pyinfra's...: /tmp on a remote server, the default of a setting."""
    case = Path(__file__).resolve().parent.parent / "before_after" / "hardcoded-tmp"
    source = (case / "setting_defaults.unchanged.py").read_text()
    outcome = transform_source(source, [("hardcoded-tmp", {})], allow_review=True)
    assert len(outcome.refusals) == 9
    assert all("a configuration default" in refusal.reason for refusal in outcome.refusals)


def test_a_shared_directory_in_a_list_of_directories_names_no_file():
    """rpmlint's STANDARD_DIRS: forty FHS names a package must not own, /tmp among them."""
    outcome = rewrite("STANDARD_DIRS = ('/', '/etc', '/tmp', '/usr', '/var/tmp')\n")
    assert [(r.kind, r.reason) for r in outcome.refusals] == [
        (
            RefusalKind.NOT_APPLICABLE,
            "one of a list of directories with '/etc': no file in it is named",
        )
    ] * 2
    [alone] = rewrite("SOCKET_DIRS = ['/tmp']\n").refusals
    assert alone.kind is RefusalKind.ADVICE_ONLY


def test_a_shared_directory_among_the_keys_of_a_table_of_directories_names_no_file():
    """blivet's mount points mapped to GPT partition types, "/tmp" among them."""
    outcome = rewrite('MAPPING = {"/": ROOT, "/usr": USR, "/tmp": TMP}\n')
    assert [(r.kind, r.reason) for r in outcome.refusals] == [
        (
            RefusalKind.NOT_APPLICABLE,
            'one of the keys of a table of directories with "/usr": no file in it is named',
        )
    ]
    [value] = rewrite('MOUNTS = {"scratch": "/tmp", "home": "/home"}\n').refusals
    assert value.kind is RefusalKind.ADVICE_ONLY


COMPARED = """\
import logging


def check(job_id, path):
    expected = '/tmp/awx_%s' % job_id
    logging.info(f"looking for {expected}")
    return path.startswith(expected) or path == "/tmp/awx.lock"


def made(job_id):
    expected = '/tmp/awx_{}'.format(job_id)
    if expected in CACHE:
        return expected
    open(expected, "w").close()


PREFIX = "/tmp/awx_"


def at_module_level(path):
    return path.startswith(PREFIX)
"""


def test_a_path_only_compared_or_put_in_a_message_names_no_file():
    """awxkit's expected_prefix, looked for among a job's volume mounts; not one opened too,
    nor a module's name, which code elsewhere may use."""
    outcome = rewrite(COMPARED)
    assert [(r.kind, "only compared" in r.reason) for r in outcome.refusals] == [
        (RefusalKind.NOT_APPLICABLE, True),
        (RefusalKind.NOT_APPLICABLE, True),
        (RefusalKind.ADVICE_ONLY, False),
        (RefusalKind.ADVICE_ONLY, False),
    ]


def test_every_spelling_of_a_fixed_name_under_gettempdir_gets_the_fixed_name_advice():
    """blivet's "%s/storage.state" % tempfile.gettempdir(), a shelve opened there."""
    case = Path(__file__).resolve().parent.parent / "before_after" / "hardcoded-tmp"
    source = (case / "formatted_name_in_gettempdir.unchanged.py").read_text()
    outcome = rewrite(source)
    assert [(r.kind, r.reason) for r in outcome.refusals] == [
        (RefusalKind.ADVICE_ONLY, outcome.refusals[0].reason)
    ] * 3
    assert "a fixed name" in outcome.refusals[0].reason
    quiet = rewrite(
        "import tempfile\n"
        "a = '%s' % tempfile.gettempdir()\n"
        "b = '{}/'.format(tempfile.gettempdir(), name)\n"
        "c = tempfile.gettempdir() + os.sep\n"
        "d = '{}/x'.format(other, tempfile.gettempdir())\n"
    )
    assert not quiet.refusals


def test_a_name_with_a_random_part_is_not_called_fixed():
    """awxkit's '/tmp/inventory{}.ini'.format(random_title()); a name's own words do not count."""
    case = Path(__file__).resolve().parent.parent / "before_after" / "hardcoded-tmp"
    outcome = rewrite((case / "random_part_in_name.unchanged.py").read_text())
    assert [r.reason.startswith("a name with a random part") for r in outcome.refusals] == [
        True
    ] * 3
    [named] = rewrite("path = '/tmp/random_{}.log'.format(name)\n").refusals
    assert named.reason.startswith("a name with a part filled in from name, not a fixed name")


def test_a_name_joined_to_gettempdir_gets_the_advice_its_kind_asks():
    """pyroma's os.path.join(tempdir, filename), tempdir = tempfile.gettempdir(): a name from
    a URL is guessable; a literal is a fixed name; a random part is the random-part advice."""
    case = Path(__file__).resolve().parent.parent / "before_after" / "hardcoded-tmp"
    outcome = rewrite((case / "joined_to_gettempdir.unchanged.py").read_text())
    assert [(r.line, r.reason.split(" in ")[0]) for r in outcome.refusals] == [
        (22, "a name"),
        (31, "a fixed name"),
        (35, "a name"),
        (39, "a fixed name"),
    ]
    # tripleo-ansible's join: saying that joining gettempdir() would hide it is no advice
    assert not any("gettempdir() would" in r.reason for r in outcome.refusals)
    [random] = rewrite(
        "import os\nimport tempfile\nimport uuid\n\n"
        "path = os.path.join(tempfile.gettempdir(), str(uuid.uuid4()))\n"
    ).refusals
    assert random.reason.startswith("a name with a random part")


def test_a_fixed_name_formatted_into_a_gettempdir_name_gets_the_advice_too():
    """``tmp = tempfile.gettempdir()``, then ``"%s/name" % tmp``, ``.format()``, ``+`` or an
    f-string: the same fixed name as with the call written in place."""
    case = Path(__file__).resolve().parent.parent / "before_after" / "hardcoded-tmp"
    outcome = rewrite((case / "formatted_name_in_a_gettempdir_name.unchanged.py").read_text())
    assert [(r.line, r.reason.startswith("a fixed name")) for r in outcome.refusals] == [
        (10, True),
        (15, True),
        (20, True),
        (25, True),
    ]
    other = rewrite("import tempfile\ntmp = tempfile.gettempdir()\ntmp = '/srv'\np = tmp + '/x'\n")
    assert not other.refusals


def test_a_module_constant_used_otherwise_too_keeps_its_advice():
    """rpmdeplint's REPO_CACHE_DIR is only mkdtemp()'s dir=; joined to a name too, it is not."""
    outcome = rewrite(
        "import os\nfrom tempfile import mkdtemp\n\nCACHE = '/var/tmp'\n\n\n"
        "def make(name):\n    return mkdtemp(dir=CACHE)\n\n\n"
        "def fixed():\n    return os.path.join(CACHE, 'cache')\n"
    )
    assert [r.kind for r in outcome.refusals] == [RefusalKind.ADVICE_ONLY]


LAMBDA_MODULE = """\
import os
import tempfile


def load_project(name):
    folder = "/tmp/{0!s}".format(name)
    cache = os.path.join(tempfile.gettempdir(), "cache")
    spool = "/var/tmp/spool"
    return folder, cache, spool


def lambda_handler(event, context):
    return load_project(event["name"])
"""


def test_aws_lambda_s_tmp_is_the_function_s_own_where_a_report_asks():
    # zappa's handler.py: the project unpacked into /tmp on a cold start, found on a warm one
    outcome = rewrite(LAMBDA_MODULE)
    assert [r.line for r in outcome.refusals] == [8]  # /var/tmp is no Lambda's own
    targets = {"hardcoded-tmp": [LineRange(n, n) for n in (6, 7, 8)]}
    asked = transform_source(LAMBDA_MODULE, [("hardcoded-tmp", {})], targets=targets)
    assert [(r.line, r.kind) for r in asked.refusals] == [
        (6, RefusalKind.NOT_APPLICABLE),
        (7, RefusalKind.NOT_APPLICABLE),
        (8, RefusalKind.ADVICE_ONLY),
    ]
    assert "AWS Lambda" in asked.refusals[0].reason


def test_a_handler_that_takes_no_event_and_context_is_no_lambda_s():
    source = LAMBDA_MODULE.replace("(event, context)", "(request)")
    outcome = rewrite(source)
    assert [(r.line, r.kind) for r in outcome.refusals] == [
        (6, RefusalKind.ADVICE_ONLY),
        (7, RefusalKind.ADVICE_ONLY),
        (8, RefusalKind.ADVICE_ONLY),
    ]


@pytest.mark.parametrize(
    "source",
    [
        "def f(h):\n    s = '/tmp/x.sock'\n    call(['ssh', '-N', '-L', s + ':/run/y.sock', h])\n",
        "def f(h):\n    call(['/usr/bin/ssh', '-R', '/tmp/x.sock:/run/y.sock', h])\n",
        "def f(h):\n    s = f'/tmp/x.sock_{h}'\n    system(f'ssh -o A=b -L {s}:/run/y.sock {h}')\n",
    ],
)
def test_a_path_ssh_forwards_is_a_unix_socket_s(source):
    """tobiko's podman tunnel: `ssh -L` binds the path, which mkstemp() would make exist."""
    [socket] = rewrite(source).refusals
    assert socket.reason.startswith("a Unix socket's fixed path")
    assert "$XDG_RUNTIME_DIR" in socket.reason


@pytest.mark.parametrize(
    "source",
    [
        "call(['cp', '-L', '/tmp/x', 'dst'])\n",  # cp's -L follows links
        "def f():\n    p = '/tmp/x'\n    system(f'ls -L {p}')\n",
        "call(['ssh', '-F', '/tmp/ssh_config', 'h'])\n",  # not after -L or -R
    ],
)
def test_a_path_after_another_flag_or_command_is_no_socket(source):
    [fixed] = rewrite(source).refusals
    assert fixed.reason.startswith("a fixed name")


def test_a_remote_path_is_advised_to_be_named_on_the_remote_host():
    """tobiko's remote_tmp, sh.put_file(remote_file=remote_tmp), then installed over ssh:
    a local mkstemp() makes no file on that host."""
    case = Path(__file__).resolve().parent.parent / "before_after" / "hardcoded-tmp"
    outcome = rewrite((case / "path_on_a_remote_host.unchanged.py").read_text())
    assert [(r.line, r.reason.startswith("a path on a remote host")) for r in outcome.refusals] == [
        (14, True),
        (32, True),
        (34, True),
    ]
    assert "mktemp run there" in outcome.refusals[0].reason


def test_a_local_path_beside_a_remote_name_keeps_the_fixed_name_advice():
    outcome = rewrite(
        "def f(sh, dest):\n"
        "    remote_url = upload('/tmp/local.txt')\n"
        "    sh.put_file('/tmp/local.txt', remote_file=dest)\n"
    )
    assert [r.reason.startswith("a fixed name") for r in outcome.refusals] == [True, True]


def test_a_uuid4_part_gets_one_reason_and_no_mkstemp_advice():
    """packstack's drones: '/tmp/drone%s' % uuid.uuid4().hex[:8], a parameter's fallback or
    not, made by `mkdir --mode 0700` on the node; PackstackDrone's is below
    /var/tmp/packstack, a fixed directory `mkdir -p` accepts from whoever made it."""
    case = Path(__file__).resolve().parent.parent / "before_after" / "hardcoded-tmp"
    outcome = rewrite((case / "uuid4_part_made_on_the_node.unchanged.py").read_text())
    reasons = {r.line: r.reason for r in outcome.refusals}
    assert sorted(reasons) == [20, 25, 38, 46]
    assert reasons[20] == reasons[25] == reasons[46]
    assert "which no other user can guess" in reasons[20]
    assert "below a directory of the shared one" in reasons[38]
    assert not any("mkstemp" in reason for reason in reasons.values())


@pytest.mark.parametrize(
    "part",
    ["uuid.uuid4().hex[:4]", "uuid.uuid4().hex[0]", "secrets.token_hex(2)", "uuid.uuid1()"],
)
def test_too_little_of_a_random_part_is_guessable(part):
    [random] = rewrite(f"import secrets\nimport uuid\np = f'/tmp/x-{{{part}}}'\n").refusals
    assert random.reason.startswith("a name with a random part in a directory")
    assert "mkstemp" in random.reason


KEPT_STATE = """\
import json
import pickle

import yaml

PATH = "/tmp/state.json"


def save(data):
    with open(PATH, "w") as f:
        json.dump(data, f)


def load():
    with open(PATH) as f:
        return json.load(f)


def round_trip(data):
    path = "/tmp/cache.pickle"
    with open(path, "wb") as f:
        pickle.dump(data, f)
    return pickle.loads(open(path, "rb").read()), pickle.load(open(path, "rb"))


def config(data):
    with open("/tmp/conf.yaml", "w") as f:
        f.write(data)
    with open("/tmp/conf.yaml") as f:
        return yaml.load(f, Loader=yaml.Loader)


def written_only(data):
    with open("/tmp/out.pickle", "wb") as f:
        pickle.dump(data, f)
"""


def test_a_file_written_and_read_back_is_state_and_unpickled_it_runs_code():
    # vitrage's ACTIVITY_PATH: pickled on save, unpickled when the service starts again
    reasons = {r.line: r.reason for r in rewrite(KEPT_STATE).refusals}
    kept = {line for line, reason in reasons.items() if "state kept across runs" in reason}
    planted = {line: r for line, r in reasons.items() if "a planted file runs code" in r}
    assert kept == {6, 20, 27, 29}
    assert sorted(planted) == [20, 27, 29]  # both spellings of the YAML file
    assert "(pickle.load, CWE-502)" in planted[20]
    assert "(yaml.load, CWE-502)" in planted[29]
    assert not reasons[34].startswith("a file the module writes")  # written, never read


def test_a_path_only_removed_where_another_function_names_it_points_there():
    # ironic's firmware_utils: download_to_temp() makes gettempdir()/<uuid>, cleanup()
    # rmtree()s it; "create it with mkdtemp()" at the rmtree would be advice to a removal
    case = Path(__file__).parent.parent / "before_after" / "hardcoded-tmp"
    source = (case / "removed_where_another_function_made_it.unchanged.py").read_text()
    outcome = transform_source(source, [("hardcoded-tmp", {})], allow_review=True)
    assert [(r.line, r.kind) for r in outcome.refusals] == [(17, RefusalKind.ADVICE_ONLY)]
    targets = {"hardcoded-tmp": [LineRange(26, 26)]}
    asked = transform_source(source, [("hardcoded-tmp", {})], targets=targets)
    assert [(r.line, r.kind) for r in asked.refusals] == [(26, RefusalKind.NOT_APPLICABLE)]
    assert "line 17" in asked.refusals[0].reason


@pytest.mark.parametrize(
    "source",
    [
        # removed, but made nowhere else in the module: the advice stays
        "import os\n\n\ndef f():\n    os.remove('/tmp/x.pid')\n",
        # removed, and written through the same name: the site makes it
        "import os\n\n\ndef f():\n    p = '/tmp/x.pid'\n    open(p, 'w')\n    os.remove(p)\n",
    ],
)
def test_a_removal_keeps_its_advice_where_no_other_site_names_the_path(source):
    assert rewrite(source).refusals[0].kind is RefusalKind.ADVICE_ONLY


@pytest.mark.parametrize(
    "source",
    [
        "import filelock\nlock = filelock.FileLock('/tmp/x.lock')\n",
        "def f():\n    p = '/tmp/x.lock'\n    with InterProcessLock(p):\n        pass\n",
        "def f(name):\n    return lockutils.lock(name, external=True, lock_path='/tmp/locks')\n",
    ],
)
def test_a_path_given_to_a_lock_gets_the_lock_advice(source):
    """glean's systemlock.Lock('/tmp/glean.lock'): every holder must meet at the name."""
    [lock] = rewrite(source).refusals
    assert lock.reason.startswith("a lock file processes meet at")


@pytest.mark.parametrize(
    "source",
    [
        "import subprocess\nsubprocess.run('/tmp/x.sh')\n",
        "def f(client):\n    client.execute('/tmp/x.sh')\n",  # nothing says ssh
        "def f(ssh):\n    ssh.put('/tmp/x.sh')\n",  # not a command
        "def f(ssh, log):\n    ssh.execute('ls', '/tmp/x.log')\n",  # not the command
    ],
)
def test_a_path_run_by_no_ssh_connection_keeps_the_fixed_name_advice(source):
    [fixed] = rewrite(source).refusals
    assert fixed.reason.startswith("a fixed name")


LINKED = """\
import os
import pathlib
import tempfile
import uuid


def linked(src):
    new = os.path.join(tempfile.gettempdir(), str(uuid.uuid4()) + '_fw')
    os.link(src, new)


def symlinked(src):
    new = pathlib.Path(tempfile.gettempdir()) / uuid.uuid4().hex
    new.symlink_to(src)


def read_from(dst):
    old = os.path.join(tempfile.gettempdir(), str(uuid.uuid4()) + '_fw')
    os.link(old, dst)


def fixed(src):
    os.symlink(src, '/tmp/fw.bin')
"""


def test_a_link_made_at_a_uuid4_name_is_created_exclusively():
    """proliantutils' os.link(src, gettempdir()/<uuid4>_<name>): link(2) fails with EEXIST
    and follows no link, so nothing is left to check; at a fixed name it can be first."""
    assert [(r.line, r.reason[:40]) for r in rewrite(LINKED).refusals] == [
        (18, "a name with a random part from uuid.uuid"),
        (23, "a name in the shared temporary directory"),
    ]
    [read, fixed] = rewrite(LINKED).refusals
    assert "what is left to check" in read.reason
    assert "created exclusively (O_EXCL)" in fixed.reason
    targets = {"hardcoded-tmp": [LineRange(n, n) for n in (8, 13)]}
    asked = transform_source(LINKED, [("hardcoded-tmp", {})], targets=targets)
    assert [(r.line, r.kind) for r in asked.refusals] == [
        (8, RefusalKind.NOT_APPLICABLE),
        (13, RefusalKind.NOT_APPLICABLE),
    ]
    assert "os.link()/os.symlink()" in asked.refusals[0].reason


OPTION = """\
import os
import tempfile

from oslo_config import cfg

opts = [cfg.StrOpt('scratch-dir', default='/tmp')]
CONF = cfg.CONF


def scratch():
    return tempfile.mkdtemp(dir=CONF.scratch_dir)
"""


def test_an_option_read_only_as_dir_names_no_file_and_read_otherwise_is_a_default():
    """ec2-api's image_decryption_dir, only mkdtemp(dir=CONF.image_decryption_dir)."""
    [only_dir] = rewrite(OPTION).refusals
    assert only_dir.kind is RefusalKind.NOT_APPLICABLE
    joined = OPTION + "\n\ndef fixed():\n    return os.path.join(CONF.scratch_dir, 'x')\n"
    [default] = rewrite(joined).refusals
    assert default.reason.startswith("a configuration default")


USAGE = """\
import argparse


def parser():
    parser = argparse.ArgumentParser(epilog="/tmp/example.yaml shows the format")
    parser.add_argument("--vars", metavar="/tmp/vars.[json|yaml]", default="/tmp/vars.yaml")
    parser.add_argument("--download", help=("Write the variables to a file: " "/tmp/myvars"))
    return parser
"""


def test_a_path_in_usage_text_names_no_file_where_a_report_asks():
    """validations-libs' metavar="/tmp/my_vars_file.[json|yaml]": shown in --help; a default
    beside it is a path the program uses."""
    [default] = rewrite(USAGE).refusals
    assert (default.line, default.kind) == (6, RefusalKind.ADVICE_ONLY)
    targets = {"hardcoded-tmp": [LineRange(n, n) for n in (5, 6, 7)]}
    asked = transform_source(USAGE, [("hardcoded-tmp", {})], targets=targets)
    noted = [(r.line, r.reason) for r in asked.refusals if r.kind is RefusalKind.NOT_APPLICABLE]
    assert noted == [
        (n, "usage text, no file: an example path shown in help or a usage line") for n in (5, 6, 7)
    ]
