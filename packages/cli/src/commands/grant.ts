import { closeSync, openSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { KamenError, loadKeyRing } from '@kamen/core';
import { issueGrant, parseDuration } from '@kamen/proxy';
import { EXIT } from '../exit-codes.js';
import { UsageError } from './detect.js';

export const GRANT_HELP = `kamen grant --key-file TENANT_KEYS --subject WHO --routes 'METHOD /path' [--routes …]
            (--records ID[,ID…] | --all-records) (--fields NAME[,NAME…] | --entities TYPE[,TYPE…])
            --reason TEXT --ticket ID [--tenant T] [--ttl 15m] [--max-ttl 1h] [--uses 1] [--record-key id] [--out FILE]

Issues a reveal grant: a customer-signed, short-lived permission for one support engineer (--subject, as the
proxy authenticates them) to see clear values of exactly the named fields or entity types, in exactly the named
records, on exactly the named routes. The token goes to stdout (or --out FILE, mode 0600, never overwritten);
the engineer sends it in the proxy's grant header (default x-kamen-grant).

  --key-file     the tenant's key file (kamen keygen); the grant is signed with an HMAC key derived from it
  --tenant       tenant id the grant is for (as the proxy resolves it); omit in single-tenant deployments
  --routes       'GET /api/employees/*' (method upper case or *; :name = one segment; trailing * = the rest); repeatable
  --records      record ids (values of --record-key, default 'id'); or --all-records for every record on the routes
  --fields       field names or paths to reveal (JSON paths, CSV columns, XML paths or bare names)
  --entities     entity types to reveal wherever they occur in those records (PHONE, EMAIL, …)
  --reason       why (written to the audit log with any PII in it replaced by its type)
  --ticket       ticket id (letters, digits and . _ : # / -)
  --ttl          lifetime (s, m, h, d); default 15m, at most --max-ttl (default 1h; the proxy has its own maximum)
  --uses         how many requests may use it (default 1: single use)

The token is signed, not encrypted: whoever holds it can read its scope (record ids included) and use it until
it expires or is used up. Every use and every refusal is written to the proxy's audit log.`;

const list = (v: string | undefined) =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');

export async function grantCommand(
  argv: string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'key-file': { type: 'string' },
      tenant: { type: 'string' },
      subject: { type: 'string' },
      routes: { type: 'string', multiple: true },
      records: { type: 'string' },
      'all-records': { type: 'boolean' },
      'record-key': { type: 'string' },
      fields: { type: 'string' },
      entities: { type: 'string' },
      reason: { type: 'string' },
      ticket: { type: 'string' },
      ttl: { type: 'string' },
      'max-ttl': { type: 'string' },
      uses: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout.write(`${GRANT_HELP}\n`);
    return EXIT.OK;
  }
  for (const required of ['key-file', 'subject', 'routes', 'reason', 'ticket'] as const)
    if (values[required] === undefined) throw new UsageError(`grant needs --${required}`);
  const ttlSec = parseDuration(values.ttl ?? '15m');
  if (ttlSec === undefined) throw new UsageError('--ttl must be a duration like 90s, 15m or 1h');
  const maxTtlSec = parseDuration(values['max-ttl'] ?? '1h');
  if (maxTtlSec === undefined) throw new UsageError('--max-ttl must be a duration like 15m or 1h');
  const uses = values.uses === undefined ? 1 : Number(values.uses);
  if (!Number.isSafeInteger(uses)) throw new UsageError('--uses must be a whole number');

  const keys = loadKeyRing(values['key-file'] as string);
  let issued;
  try {
    const records = list(values.records);
    const fields = list(values.fields);
    const entities = list(values.entities);
    issued = await issueGrant({
      keys,
      subject: values.subject as string,
      routes: values.routes as string[],
      reason: values.reason as string,
      ticket: values.ticket as string,
      ttlSec,
      maxTtlSec,
      uses,
      ...(values.tenant !== undefined ? { tenant: values.tenant } : {}),
      ...(records !== undefined ? { records } : {}),
      ...(values['all-records'] === true ? { allRecords: true } : {}),
      ...(values['record-key'] !== undefined ? { recordKey: values['record-key'] } : {}),
      ...(fields !== undefined ? { fields } : {}),
      ...(entities !== undefined ? { entities } : {}),
    });
  } catch (err) {
    // Bad scope options are usage errors: the message names the option, never its value.
    if (err instanceof KamenError && err.code === 'KAMEN_PROXY_ERR_GRANT_ISSUE')
      throw new UsageError(`grant ${err.message}`);
    throw err;
  }
  if (values.out !== undefined) {
    const fd = openSync(values.out, 'wx', 0o600);
    try {
      writeSync(fd, `${issued.token}\n`);
    } finally {
      closeSync(fd);
    }
  } else io.stdout.write(`${issued.token}\n`);
  const c = issued.claims;
  const scope = [
    `${c.routes.length} route(s)`,
    c.records === undefined ? 'all records' : `${c.records.length} record(s)`,
    c.fields.length > 0 ? `fields ${c.fields.join(',')}` : undefined,
    c.entities.length > 0 ? `entities ${c.entities.join(',')}` : undefined,
    `${c.uses} use(s)`,
  ].filter((s) => s !== undefined);
  io.stderr.write(
    `kamen: grant ${issued.jti} for ${c.sub}${c.tenant === undefined ? '' : ` (tenant ${c.tenant})`} until ` +
      `${issued.expiresAt.toISOString()}: ${scope.join(', ')}${values.out === undefined ? '' : `; written to ${values.out}`}\n`,
  );
  return EXIT.OK;
}
