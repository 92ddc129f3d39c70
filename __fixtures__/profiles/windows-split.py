# Splits Windows command lines with botocore's own splitter (compat_shell_split(..., 'win32'), the C runtime
# rules) and joins argv with Python's subprocess.list2cmdline, as Popen does on Windows. JSON in, JSON out.
import json
import sys
from subprocess import list2cmdline

from botocore.compat import compat_shell_split

request = json.load(sys.stdin)
print(json.dumps({
    'split': [compat_shell_split(line, 'win32') for line in request['split']],
    'join': [list2cmdline(argv) for argv in request['join']],
}))
