"""Shaped like tap-as-a-service 18.0.0's neutron_taas/services/taas/drivers/linux/sriov_nic_utils.py:
vf_num stays None when the search fails, and the `if vf_num is None:` right after the try logs a
warning, then raises: no default is kept, the failure surfaces as that error."""

# case: unsafe
# case: refuses the code after the try raises taas_exc.PciDeviceNotFoundById when this way fails
import glob
import logging
import os
import re

LOG = logging.getLogger(__name__)


def get_vf_num_by_pci_address(pci_addr):
    VIRTFN_RE = re.compile(r"virtfn(\d+)")
    virtfns_path = "/sys/bus/pci/devices/%s/physfn/virtfn*" % (pci_addr)
    vf_num = None
    try:
        for vf_path in glob.iglob(virtfns_path):
            if re.search(pci_addr, os.readlink(vf_path)):
                t = VIRTFN_RE.search(vf_path)
                vf_num = t.group(1)
                break
    except Exception:
        pass
    if vf_num is None:
        LOG.warning("TaaS: No net device was found for pci %(pci)s", {"pci": pci_addr})
        raise taas_exc.PciDeviceNotFoundById(id=pci_addr)
    return vf_num
