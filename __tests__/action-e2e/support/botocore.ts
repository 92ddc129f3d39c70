// botocore (through the system Python, which has it) as the independent judge of issued credentials.
// One Python process per test file answers every request: its start-up (~0.3 s) is paid once, and whether
// it started is what the tests that need it skip on, so no other process has to try importing botocore.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AwsTestServer } from '../../../testing/aws-test-server/index.ts';
import { PYTHON } from '../../../testing/system-tools.ts';

const CLIENT = join(import.meta.dirname, 'sts-client.py');
/** botocore answers from loopback in milliseconds; slower means it is stuck. */
const REQUEST_TIMEOUT_MS = 20_000;
const EXIT_GRACE_MS = 2_000;

export interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

type Call =
  | { op: 'get_caller_identity'; credentials: Keys }
  | { op: 'assume_role'; credentials: Keys; params: Record<string, unknown> };

interface CallResult {
  arn?: string;
  credentials?: Keys;
  error?: string;
}

export interface Botocore {
  /** Why botocore cannot judge here (the tests needing it skip with this), or false once it has loaded. */
  readonly missing: string | false;
  /** For each set of keys, the ARN botocore's GetCallerIdentity returns, or `error:CODE`. */
  callerArns(server: AwsTestServer, keys: readonly Keys[]): Promise<string[]>;
  /** botocore's AssumeRole: session credentials made without the action. */
  assumeRole(
    server: AwsTestServer,
    credentials: Keys,
    params: { RoleArn: string; RoleSessionName: string; DurationSeconds?: number },
  ): Promise<Keys & { arn: string }>;
  close(): Promise<void>;
}

/**
 * Starts the Python client with no trace of any real AWS setup (empty HOME, no config, no IMDS) and waits
 * until it has loaded botocore, or has failed to.
 */
export async function startBotocore(): Promise<Botocore> {
  const home = await mkdtemp(join(tmpdir(), 'action-e2e-botocore-'));
  const child = spawn(PYTHON, [CLIENT], {
    env: {
      PATH: '/usr/bin:/bin',
      HOME: home,
      AWS_CONFIG_FILE: join(home, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const client = new BotocoreProcess(child, home);
  await client.started();
  return client;
}

class BotocoreProcess implements Botocore {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #home: string;
  readonly #waiting: ((line: string | Error) => void)[] = [];
  readonly #exited: Promise<void>;
  #stderr = '';
  #missing: string | false = 'botocore has not started yet';

  constructor(child: ChildProcessWithoutNullStreams, home: string) {
    this.#child = child;
    this.#home = home;
    child.stdin.on('error', () => undefined); // a client that died shows as its exit, below
    child.stderr.on('data', (chunk: Buffer) => {
      this.#stderr += chunk.toString();
    });
    createInterface({ input: child.stdout }).on('line', (line) => this.#waiting.shift()?.(line));
    this.#exited = new Promise((resolve) => {
      const ended = (why: string) => {
        for (const waiter of this.#waiting.splice(0))
          waiter(new Error(`the botocore client ${why}:\n${this.#stderr}`));
        resolve();
      };
      child.on('error', (error) => ended(`failed: ${error.message}`));
      child.on('close', () => ended('exited'));
    });
  }

  get missing(): string | false {
    return this.#missing;
  }

  /** Waits for the client's first line, which it writes once botocore is loaded. */
  async started(): Promise<void> {
    const line = await this.#nextLine();
    this.#missing =
      line instanceof Error ? `needs Debian's python3-botocore at ${PYTHON}: ${line.message}` : false;
  }

  /** The client's next line, or why there is none. */
  #nextLine(request?: string): Promise<string | Error> {
    return new Promise<string | Error>((resolve) => {
      const timer = setTimeout(() => {
        resolve(new Error(`the botocore client did not answer within ${REQUEST_TIMEOUT_MS} ms`));
        this.#child.kill('SIGKILL');
      }, REQUEST_TIMEOUT_MS);
      this.#waiting.push((answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      if (request !== undefined) this.#child.stdin.write(request);
    });
  }

  async #run(server: AwsTestServer, calls: Call[]): Promise<CallResult[]> {
    const line = await this.#nextLine(`${JSON.stringify({ endpoint: server.stsEndpoint, calls })}\n`);
    if (line instanceof Error) throw line;
    return JSON.parse(line) as CallResult[];
  }

  async callerArns(server: AwsTestServer, keys: readonly Keys[]): Promise<string[]> {
    const results = await this.#run(
      server,
      keys.map((credentials) => ({ op: 'get_caller_identity', credentials })),
    );
    return results.map((result) => result.arn ?? `error:${result.error}`);
  }

  async assumeRole(
    server: AwsTestServer,
    credentials: Keys,
    params: { RoleArn: string; RoleSessionName: string; DurationSeconds?: number },
  ): Promise<Keys & { arn: string }> {
    const [result] = await this.#run(server, [{ op: 'assume_role', credentials, params }]);
    if (!result?.credentials || !result.arn)
      throw new Error(`botocore AssumeRole failed: ${result?.error ?? 'no result'}`);
    return { ...result.credentials, arn: result.arn };
  }

  async close(): Promise<void> {
    this.#child.stdin.end(); // the client exits at the end of its input
    const killer = setTimeout(() => this.#child.kill('SIGKILL'), EXIT_GRACE_MS);
    await this.#exited;
    clearTimeout(killer);
    await rm(this.#home, { recursive: true, force: true });
  }
}
