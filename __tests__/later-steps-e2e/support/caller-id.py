# GetCallerIdentity through botocore's default chain; the endpoint is argv[1]. Prints the ARN or fails.
import sys

import botocore.session

client = botocore.session.get_session().create_client("sts", region_name="us-east-1", endpoint_url=sys.argv[1])
print(client.get_caller_identity()["Arn"])
