"""One long-lived process answering the later steps of a test file (a Python start costs more CPU than a call).

stdin: one JSON line per request, {"env": {...}, "cwd": DIR, ...}; each is answered with exactly that
environment and working directory, as a step's own process would run. stdout: one JSON line per request,
the answer, or {"failed": TEXT} when the request raised.
"""
import json
import os
import sys


def serve(answer):
    # Answers go to a copy of stdout; anything else that writes to file descriptor 1 lands on stderr.
    answers = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    for line in sys.stdin:
        request = json.loads(line)
        os.environ.clear()
        os.environ.update(request["env"])
        os.chdir(request["cwd"])
        try:
            result = answer(request)
        except Exception as error:  # the request's failure, not the process's: report it and go on
            result = {"failed": f"{type(error).__name__}: {error}"}
        answers.write(json.dumps(result) + "\n")
        answers.flush()
