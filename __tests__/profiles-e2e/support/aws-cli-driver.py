"""The AWS CLI v2 as later steps run it, many calls in one process: its own driver, the code /usr/bin/aws runs.

stdin lines {"env", "cwd", "aws": [ARGS]} (see serve_requests.py); stdout one line each, {"code", "stdout",
"stderr"}. Not in one process with boto3: the CLI makes `import botocore` its own copy of botocore.
"""
import contextlib
import io
import os

from serve_requests import serve


def aws(request):
    given = os.environ.get("AWS_DATA_PATH")
    import awscli  # imported once, on the first call
    from awscli.clidriver import create_clidriver

    # What the CLI's import does to its process's environment (its children inherit it): its data path last.
    data = os.path.join(os.path.dirname(os.path.abspath(awscli.__file__)), "data")
    os.environ["AWS_DATA_PATH"] = os.pathsep.join([*given.split(os.pathsep), data] if given else [data])
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = create_clidriver().main(request["aws"])
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else int(exit.code is not None)
    return {"code": code, "stdout": out.getvalue(), "stderr": err.getvalue()}


serve(aws)
