// XML bodies shaped like real STS responses.
import type { Reply } from './reply.ts';
import type { StsError } from './sts-error.ts';

const NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** An element's content: text, or child elements in order (undefined children are left out). */
export type XmlContent = string | number | { [name: string]: XmlContent | undefined };

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`,
  );
}

function render(content: XmlContent): string {
  if (typeof content !== 'object') return escapeXml(String(content));
  return Object.entries(content)
    .filter(([, child]) => child !== undefined)
    .map(([name, child]) => `<${name}>${render(child as XmlContent)}</${name}>`)
    .join('');
}

export function renderResult(action: string, result: XmlContent, requestId: string): string {
  return (
    `<${action}Response xmlns="${NAMESPACE}">\n` +
    `  <${action}Result>${render(result)}</${action}Result>\n` +
    `  <ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>\n` +
    `</${action}Response>\n`
  );
}

export function renderError(error: StsError, requestId: string): string {
  const body = render({ Type: error.type, Code: error.code, Message: error.message });
  return (
    `<ErrorResponse xmlns="${NAMESPACE}">\n` +
    `  <Error>${body}</Error>\n` +
    `  <RequestId>${requestId}</RequestId>\n` +
    `</ErrorResponse>\n`
  );
}

export function stsErrorReply(error: StsError, requestId: string): Reply {
  return {
    status: error.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: renderError(error, requestId),
    errorCode: error.code,
  };
}

export function stsResultReply(action: string, result: XmlContent, requestId: string): Reply {
  return {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: renderResult(action, result, requestId),
  };
}
