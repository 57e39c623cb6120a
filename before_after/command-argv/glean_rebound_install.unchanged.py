"""Shaped like glean's install.py: cmd is bound twice, and each os.system() runs the template
bound just before it in its own block (a with block, then a loop body), logged in between."""
# case: unsafe
# case: refuses the template repeats, skips or reorders values
# case: refuses target_file stood unquoted
import logging
import os
import sys

log = logging.getLogger(__name__)


def install(source_file, target_file, mode, replacements, res_mgr):
    with res_mgr as script_dir:
        cmd = ('install -D -g root -o root'
               ' -m {mode} {source_file} {target_file}').format(
                   source_file=os.path.join(script_dir, source_file),
                   target_file=target_file,
                   mode=mode)
        log.info(cmd)
        ret = os.system(cmd)
    if ret != 0:
        sys.exit(ret)

    for k, v in replacements.items():
        cmd = 'sed -i "s|%%{k}%%|{v}|g" {target_file}'.format(
            k=k, v=v, target_file=target_file)
        log.info(cmd)
        ret = os.system(cmd)
        if ret != 0:
            sys.exit(ret)
