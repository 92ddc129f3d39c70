"""botocore, a client nobody on this project wrote, checking credentials against the local test server.

Says {"ready": true} once botocore is loaded, then serves one request per line on stdin, {"endpoint": URL, "calls": [...]}, answering each with one line:
a JSON list with one result per call, {"arn": ...} for get_caller_identity, {"arn", "credentials"} for
assume_role, or {"error": CODE}. Exits at the end of stdin.
"""
import json
import sys

import botocore.session
from botocore.config import Config
from botocore.exceptions import ClientError

NO_RETRIES = Config(retries={"max_attempts": 1}, connect_timeout=5, read_timeout=5)
SESSION = botocore.session.get_session()


def client(endpoint, credentials):
    return SESSION.create_client(
        "sts",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=credentials["accessKeyId"],
        aws_secret_access_key=credentials["secretAccessKey"],
        aws_session_token=credentials.get("sessionToken") or None,
        config=NO_RETRIES,
    )


def run(endpoint, call):
    sts = client(endpoint, call["credentials"])
    if call["op"] == "get_caller_identity":
        return {"arn": sts.get_caller_identity()["Arn"]}
    if call["op"] == "assume_role":
        out = sts.assume_role(**call["params"])
        c = out["Credentials"]
        return {
            "arn": out["AssumedRoleUser"]["Arn"],
            "credentials": {
                "accessKeyId": c["AccessKeyId"],
                "secretAccessKey": c["SecretAccessKey"],
                "sessionToken": c["SessionToken"],
            },
        }
    raise ValueError("unknown op " + call["op"])


def answer(request):
    results = []
    for call in request["calls"]:
        try:
            results.append(run(request["endpoint"], call))
        except ClientError as error:
            results.append({"error": error.response["Error"]["Code"]})
    return results


sys.stdout.write(json.dumps({"ready": True}) + "\n")
sys.stdout.flush()
for line in sys.stdin:
    sys.stdout.write(json.dumps(answer(json.loads(line))) + "\n")
    sys.stdout.flush()
