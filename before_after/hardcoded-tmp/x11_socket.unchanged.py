# case: ignores the X server's well-known socket directory (noted where a report asks)
"""Shaped like asyncssh's X11 forwarding: the client connects to the local display."""
import socket


def connect_display(dpynum):
    sock = socket.socket(socket.AF_UNIX)
    sock.connect('/tmp/.X11-unix/X' + dpynum)
    return sock
