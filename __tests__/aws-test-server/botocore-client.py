"""Drives the local AWS test server with botocore, a client nobody on this project wrote.

Reads {"endpoint": URL, "steps": [...]} as JSON on stdin and prints one JSON result per step.
Each step names an operation; credentials come from the step or from an earlier step's result.
"""
import json
import sys

import botocore.session
from botocore.config import Config
from botocore.credentials import ContainerProvider
from botocore.exceptions import ClientError
from botocore.utils import InstanceMetadataFetcher

NO_RETRIES = Config(retries={"max_attempts": 1})


def sts(endpoint, creds):
    return botocore.session.get_session().create_client(
        "sts",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=creds.get("AccessKeyId"),
        aws_secret_access_key=creds.get("SecretAccessKey"),
        aws_session_token=creds.get("SessionToken"),
        config=NO_RETRIES,
    )


def run(endpoint, step, results):
    creds = step.get("creds") or results[step["credsFrom"]]["Credentials"]
    creds = {**creds, **step.get("override", {})}
    op = step["op"]
    if op == "get_caller_identity":
        out = sts(endpoint, creds).get_caller_identity()
        return {"Arn": out["Arn"], "Account": out["Account"], "UserId": out["UserId"]}
    if op == "assume_role":
        out = sts(endpoint, creds).assume_role(**step["params"])
        c = out["Credentials"]
        return {
            "Credentials": {k: c[k] for k in ("AccessKeyId", "SecretAccessKey", "SessionToken")},
            "Arn": out["AssumedRoleUser"]["Arn"],
        }
    raise ValueError(f"unknown op {op}")


def instance_credentials(endpoint):
    fetcher = InstanceMetadataFetcher(
        timeout=2, num_attempts=1, env={}, config={"ec2_metadata_service_endpoint": endpoint}
    )
    c = fetcher.retrieve_iam_role_credentials()
    return {"Credentials": {"AccessKeyId": c["access_key"], "SecretAccessKey": c["secret_key"],
                            "SessionToken": c["token"]}, "Role": c["role_name"]}


def container_credentials(uri, token):
    c = ContainerProvider(
        environ={"AWS_CONTAINER_CREDENTIALS_FULL_URI": uri, "AWS_CONTAINER_AUTHORIZATION_TOKEN": token}
    ).load().get_frozen_credentials()
    return {"Credentials": {"AccessKeyId": c.access_key, "SecretAccessKey": c.secret_key,
                            "SessionToken": c.token}}


def main():
    request = json.load(sys.stdin)
    endpoint = request["endpoint"]
    results = {}
    for step in request["steps"]:
        name = step["name"]
        try:
            if step["op"] == "instance_credentials":
                results[name] = instance_credentials(step["imdsEndpoint"])
            elif step["op"] == "container_credentials":
                results[name] = container_credentials(step["fullUri"], step["token"])
            else:
                results[name] = run(endpoint, step, results)
        except ClientError as error:
            results[name] = {"Error": error.response["Error"]["Code"], "Message": error.response["Error"]["Message"],
                             "Status": error.response["ResponseMetadata"]["HTTPStatusCode"]}
        except Exception as error:  # credential providers raise their own types
            results[name] = {"Error": type(error).__name__, "Message": str(error)}
    json.dump(results, sys.stdout)


main()
