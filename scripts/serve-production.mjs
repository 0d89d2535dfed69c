// Serves a production build the way it is deployed: Debian's nginx with
// deploy/nginx.conf (its SET lines filled in for this machine) in front,
// and the mock API server behind /api. Used by the Playwright 'production'
// project and by the Lighthouse bench.
//   node scripts/serve-production.mjs --dist dist-prod --port 8088 --api-port 8787
//   … --tls   # HTTPS with HTTP/2 as deployed, on a self-signed certificate
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { nginxPath, opensslPath } from './machine.mjs';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist-prod' },
    port: { type: 'string', default: '8088' },
    'api-port': { type: 'string', default: '8787' },
    tls: { type: 'boolean', default: false },
  },
});
const root = path.resolve(import.meta.dirname, '..');
const dist = path.resolve(root, values.dist);
const work = path.join(root, '.nginx', values.port);
mkdirSync(path.join(work, 'logs'), { recursive: true });

// A certificate for 127.0.0.1 made for this run; browsers are told to take it.
function selfSignedCertificate() {
  const cert = path.join(work, 'cert.pem');
  const key = path.join(work, 'key.pem');
  execFileSync(
    opensslPath() ?? 'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { cert, key };
}

// The deployed configuration without the redirect from port 80, on this
// machine's port: over TLS with HTTP/2, or plain HTTP/1.1 for tests.
const deployed = readFileSync(path.join(root, 'deploy/nginx.conf'), 'utf8');
const block = deployed.replace(/^server \{\n *listen 80;[^}]*\}\n/m, '');
const tls = values.tls ? selfSignedCertificate() : null;
const server = (
  tls
    ? block
        .replace(
          /listen \d+ ssl http2;/,
          `listen 127.0.0.1:${values.port} ssl http2;`,
        )
        .replace(/ssl_certificate [^;]+;/, `ssl_certificate ${tls.cert};`)
        .replace(
          /ssl_certificate_key [^;]+;/,
          `ssl_certificate_key ${tls.key};`,
        )
    : block
        .replace(/listen \d+ ssl http2;/, `listen 127.0.0.1:${values.port};`)
        .replace(/^ *ssl_.*\n/gm, '')
)
  .replace(/root [^;]+;/, `root ${dist};`)
  .replace(/include [^;]+\/csp\.conf;/, `include ${dist}/csp.conf;`)
  .replace(
    /proxy_pass http:\/\/127\.0\.0\.1:\d+;/,
    `proxy_pass http://127.0.0.1:${values['api-port']};`,
  );

// Started as root, nginx would run its workers as `nobody`, who cannot read a
// checkout under /root; they run as the user who started it instead.
const user = process.getuid?.() === 0 ? `user ${userInfo().username};\n` : '';

writeFileSync(
  path.join(work, 'nginx.conf'),
  `${user}daemon off;
pid ${work}/nginx.pid;
error_log ${work}/logs/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${work}/body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
${server}
}
`,
);

const children = [
  spawn(process.execPath, [path.join(root, 'scripts/serve-mock-api.mjs')], {
    env: { ...process.env, MOCK_API_PORT: values['api-port'] },
    stdio: 'inherit',
  }),
  spawn(
    nginxPath() ?? 'nginx',
    ['-p', work, '-c', path.join(work, 'nginx.conf')],
    {
      stdio: 'inherit',
    },
  ),
];
process.stdout.write(
  `production build at ${tls ? 'https' : 'http'}://127.0.0.1:${values.port}\n`,
);

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) {
  child.on('exit', (code) => {
    if (code) {
      process.stderr.write(
        `a server of serve-production exited with ${code}\n`,
      );
      stop();
    }
  });
}
