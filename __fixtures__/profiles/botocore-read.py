"""Reads shared-file pairs with botocore, as the AWS CLI does: one process for a whole batch.

stdin: JSON list of {"credentials": path, "config": path, "resolve": [profile names]}
stdout: JSON list of {"credentials": {...} | {"error": str}, "config": {...} | {"error": str},
                      "resolved": {name: [access_key, secret_key, token] | {"error": str}}}
"""
import json
import os
import sys

import botocore.session
from botocore.configloader import build_profile_map, raw_config_parse
from botocore.exceptions import ConfigNotFound


def parse(path):
    try:
        return raw_config_parse(path)
    except ConfigNotFound:
        return {}
    except Exception as error:  # a parse error is a result to report, not a crash
        return {"error": f"{type(error).__name__}: {error}"}


def resolve(name):
    try:
        credentials = botocore.session.Session(profile=name).get_credentials()
        if credentials is None:
            return None
        frozen = credentials.get_frozen_credentials()
        return [frozen.access_key, frozen.secret_key, frozen.token]
    except Exception as error:
        return {"error": f"{type(error).__name__}: {error}"}


results = []
for case in json.load(sys.stdin):
    config = parse(case["config"])
    if "error" not in config:
        config = build_profile_map(config)
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = case["credentials"]
    os.environ["AWS_CONFIG_FILE"] = case["config"]
    results.append({
        "credentials": parse(case["credentials"]),
        "config": config,
        "resolved": {name: resolve(name) for name in case.get("resolve", [])},
    })
json.dump(results, sys.stdout)
