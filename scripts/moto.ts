import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * moto (https://github.com/getmoto/moto), the independent AWS emulator in the machine
 * image's python3, as a server on a free loopback port: the administrator's side of IAM
 * Identity Center (SSO Admin, Identity Store, Organizations, IAM) for `sso-setup admin`.
 *
 * What moto needs from us (moto 5.x):
 * - MOTO_IAM_LOAD_MANAGED_POLICIES=true: otherwise IAM knows no AWS managed policy and
 *   GetPolicy on `arn:aws:iam::aws:policy/AmazonS3FullAccess` says NoSuchEntity.
 * - Nothing to get an Identity Center instance: moto's SSOAdminBackend creates one ACTIVE
 *   instance (with its identity store `d-…`) for every account and region on first use.
 * - `noInstance`: to see an account without one, the server is started from a two-line
 *   Python wrapper that empties that list when the backend is created (moto has no API to
 *   delete an instance).
 */
export interface Moto {
  url: string;
  stop(): Promise<void>;
}

/** Fails, naming what is missing, when python3 or moto's server is not installed. */
export function requireMoto(): string {
  const probe = spawnSync('python3', ['-c', 'import moto, moto.server, flask; print(moto.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new Error(
      'This needs moto, the AWS emulator, with its server (python3 -m pip install "moto[server]"), which the machine image provides. ' +
        `python3 -c "import moto.server" failed: ${probe.error?.message ?? probe.stderr}`,
    );
  }
  return probe.stdout.trim();
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const NO_INSTANCE = [
  'import sys, moto.ssoadmin.models as m',
  'init = m.SSOAdminBackend.__init__',
  'def without_instance(self, *a, **k):',
  '    init(self, *a, **k)',
  '    self.instances.clear()',
  'm.SSOAdminBackend.__init__ = without_instance',
  'from moto.server import main',
  'main(sys.argv[1:])',
].join('\n');

export async function startMoto(options: { noInstance?: boolean } = {}): Promise<Moto> {
  requireMoto();
  const port = await freePort();
  const args = ['-H', '127.0.0.1', '-p', String(port)];
  const child: ChildProcess = spawn('python3', options.noInstance ? ['-c', NO_INSTANCE, ...args] : ['-m', 'moto.server', ...args], {
    env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`moto's server exited at start: ${stderr}`);
    try {
      const response = await fetch(`${url}/moto-api/`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (i > 150) {
      child.kill();
      throw new Error(`moto's server did not answer on ${url} within 30 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill();
      await exited;
    },
  };
}
