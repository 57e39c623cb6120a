# case: ignores argument lists without shell=True are already right; a whole-tree run says nothing
import subprocess

from neutron.agent.linux import ip_lib


def configure(namespace, interface_name):
    subprocess.check_call(['ip', 'link', 'set', interface_name, 'up'])
    ip_wrapper = ip_lib.IPWrapper(namespace=namespace)
    cmd = ['sysctl', '-w', 'net.ipv4.conf.%s.proxy_arp=1' % interface_name]
    ip_wrapper.netns.execute(cmd, check_exit_code=False, privsep_exec=True)
    subprocess.Popen('/bin/gcc --version', shell=False)
