"""An independent IAM Roles Anywhere client, written from the AWS signing-process documentation with Python's
standard library and `cryptography`: it shares no code with the project's signer or the test server.
Reads {url, region, certificate, chain, key, trustAnchorArn, profileArn, roleArn} as JSON on stdin, sends one
CreateSession, prints {status, body} as JSON."""
import base64
import datetime
import hashlib
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa


def der_base64(pem):
    cert = x509.load_pem_x509_certificate(pem.encode())
    return cert, base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode()


def main():
    request = json.load(sys.stdin)
    url = urllib.parse.urlparse(request["url"])
    cert, cert_b64 = der_base64(request["certificate"])
    chain = ",".join(der_base64(pem)[1] for pem in request.get("chain", []))
    key = serialization.load_pem_private_key(request["key"].encode(), password=None)
    if isinstance(key, rsa.RSAPrivateKey):
        algorithm = "AWS4-X509-RSA-SHA256"
    elif isinstance(key, ec.EllipticCurvePrivateKey):
        algorithm = "AWS4-X509-ECDSA-SHA256"
    else:
        raise SystemExit("unsupported key")

    body = json.dumps(
        {
            "durationSeconds": 900,
            "profileArn": request["profileArn"],
            "roleArn": request["roleArn"],
            "trustAnchorArn": request["trustAnchorArn"],
        }
    )
    now = datetime.datetime.now(datetime.timezone.utc)
    amz_date = now.strftime("%Y%m%dT%H%M%SZ")
    headers = {
        "content-type": "application/json",
        "host": url.netloc,
        "x-amz-date": amz_date,
        "x-amz-x509": cert_b64,
    }
    if chain:
        headers["x-amz-x509-chain"] = chain
    names = sorted(headers)
    canonical = "\n".join(
        [
            "POST",
            "/sessions",
            "",
            "".join(f"{name}:{headers[name].strip()}\n" for name in names),
            ";".join(names),
            hashlib.sha256(body.encode()).hexdigest(),
        ]
    )
    scope = f"{amz_date[:8]}/{request['region']}/rolesanywhere/aws4_request"
    to_sign = "\n".join([algorithm, amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    if algorithm.endswith("RSA-SHA256"):
        signature = key.sign(to_sign.encode(), padding.PKCS1v15(), hashes.SHA256())
    else:
        signature = key.sign(to_sign.encode(), ec.ECDSA(hashes.SHA256()))  # DER-encoded
    headers["authorization"] = (
        f"{algorithm} Credential={cert.serial_number}/{scope}, "
        f"SignedHeaders={';'.join(names)}, Signature={signature.hex()}"
    )
    sent = urllib.request.Request(
        f"{request['url'].rstrip('/')}/sessions", data=body.encode(), headers=headers, method="POST"
    )
    try:
        with urllib.request.urlopen(sent, timeout=10) as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode()
    print(json.dumps({"status": status, "body": json.loads(text)}))


main()
