# case: refuses the program name itself is interpolated
import subprocess


def run_tool(tool, argument):
    subprocess.call('%s --verbose %s' % (tool, argument), shell=True)
    subprocess.call(f'/usr/bin/{tool} --help', shell=True)
