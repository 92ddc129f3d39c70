"""botocore and boto3, as a later workflow step would use them, reading the profiles the action wrote.

stdin: {"endpoint": STS URL, "profiles": [names], "keys": [{"accessKeyId", "secretAccessKey", "sessionToken"}]}
The shared files are found the way boto3 finds them: HOME, AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE.
With --serve, one process answers many such requests, one JSON line each (see serve_requests.py).
stdout: {
  "parsed": {"credentials": raw_config_parse(...) | {"error"}, "config": build_profile_map(...) | {"error"}},
  "profiles": {name: {"arn", "accessKeyId", "region"} | {"error"}},   # boto3.Session(profile_name=name)
  "keys": [{"arn"} | {"error": CODE}],                                 # GetCallerIdentity with given keys
}
"""
import json
import os
import sys

import boto3
import botocore.session
from botocore.config import Config
from botocore.configloader import build_profile_map, raw_config_parse
from botocore.exceptions import ClientError

NO_RETRIES = Config(retries={"max_attempts": 1}, connect_timeout=5, read_timeout=5)


def path(variable, default):
    return os.path.expanduser(os.environ.get(variable) or default)


def parse(file, build=False):
    try:
        parsed = raw_config_parse(file)
        return build_profile_map(parsed) if build else parsed
    except Exception as error:  # a parse error is a result to report
        return {"error": f"{type(error).__name__}: {error}"}


def profile_identity(endpoint, name):
    try:
        session = boto3.Session(profile_name=name)
        frozen = session.get_credentials().get_frozen_credentials()
        sts = session.client("sts", endpoint_url=endpoint, config=NO_RETRIES)
        arn = sts.get_caller_identity()["Arn"]
        return {"arn": arn, "accessKeyId": frozen.access_key, "region": session.region_name}
    except Exception as error:
        return {"error": f"{type(error).__name__}: {error}"}


def keys_identity(endpoint, keys):
    sts = botocore.session.Session().create_client(
        "sts",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=keys["accessKeyId"],
        aws_secret_access_key=keys["secretAccessKey"],
        aws_session_token=keys.get("sessionToken") or None,
        config=NO_RETRIES,
    )
    try:
        return {"arn": sts.get_caller_identity()["Arn"]}
    except ClientError as error:
        return {"error": error.response["Error"]["Code"]}


def report(request):
    endpoint = request["endpoint"]
    return {
        "parsed": {
            "credentials": parse(path("AWS_SHARED_CREDENTIALS_FILE", "~/.aws/credentials")),
            "config": parse(path("AWS_CONFIG_FILE", "~/.aws/config"), build=True),
        },
        "profiles": {name: profile_identity(endpoint, name) for name in request.get("profiles", [])},
        "keys": [keys_identity(endpoint, keys) for keys in request.get("keys", [])],
    }


def main():
    json.dump(report(json.load(sys.stdin)), sys.stdout)


if __name__ == "__main__":
    if "--serve" in sys.argv[1:]:
        from serve_requests import serve

        serve(report)
    else:
        main()
