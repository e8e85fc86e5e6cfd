"""Runs a command in a real pseudo-terminal of a given width, for tests of the terminal bot's keys.

Usage: python3 run_in_pty.py COLUMNS COMMAND [ARGS...]
Bytes on this process's stdin are typed into the terminal; what the terminal shows is copied to
stdout. Exits with the command's exit status. Uses only the standard library (pty, termios).
"""
import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios

columns = int(sys.argv[1])
master, slave = pty.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
child = subprocess.Popen(sys.argv[2:], stdin=slave, stdout=slave, stderr=slave, start_new_session=True)
os.close(slave)

typing = True
while True:
    ready, _, _ = select.select([master] + ([0] if typing else []), [], [], 0.2)
    if master in ready:
        try:
            shown = os.read(master, 65536)
        except OSError:  # EIO: the command has exited and closed the terminal
            shown = b""
        if not shown:
            break
        os.write(1, shown)
    if 0 in ready:
        keys = os.read(0, 65536)
        if keys:
            os.write(master, keys)
        else:
            typing = False
sys.exit(child.wait())
