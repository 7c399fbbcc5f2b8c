import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { LineCounter, isNode, parseDocument } from 'yaml';
import { KamenError, loadPolicy, type Policy } from '@kamen/core';
import { EXIT } from '../exit-codes.js';
import { checkPolicy, keyNeeds, type PolicyIssue } from '../policy/check-policy.js';
import { UsageError } from './detect.js';

export const POLICY_HELP = `kamen policy validate FILE|BUILTIN [--strict]

Checks a masking policy (YAML) before it is used, without reading any data:
  - YAML syntax and the policy JSON Schema (rules/policy.schema.json)
  - every operator exists and its params are valid for each type it applies to
  - no unkeyed hash (KM-01), no fpe on a domain under 10^6 values (KM-04)
  - mostRestrictive names a role
Built-in names: support, migration, analytics, admin.
Errors print FILE:LINE:COLUMN and exit 4. Warnings (keep as the policy or a role default, fpe on a type without
a fixed length, a most restrictive role that keeps or reverses values) print FILE:LINE:COLUMN to stderr and do
not fail, unless --strict is given.
On success prints a summary of the roles: operators per entity, field overrides, which need a key.`;

const SUBCOMMANDS = 'validate';

function summary(policy: Policy, file: string): string {
  const lines = [`${file}: valid policy '${policy.name}'${policy.description ? ` — ${policy.description}` : ''}`];
  lines.push(`  default: ${policy.default.operator}; unknown or missing roles get '${policy.mostRestrictive}'`);
  for (const [name, role] of Object.entries(policy.roles)) {
    const entities = Object.entries(role.entities ?? {});
    const fields = Object.keys(role.fields ?? {});
    const { keyed, reversible } = keyNeeds(policy, name);
    const byOp = new Map<string, number>();
    for (const [, c] of entities) byOp.set(c.operator, (byOp.get(c.operator) ?? 0) + 1);
    const ops = [...byOp].map(([op, n]) => `${op} ×${n}`).join(', ');
    lines.push(
      `  role ${name}: default ${role.default?.operator ?? policy.default.operator}; ${entities.length} entity rules${ops ? ` (${ops})` : ''}; ${fields.length} field overrides`,
    );
    lines.push(
      `    needs a key: ${keyed.length > 0 ? keyed.join(', ') : 'no'}; reversible by key holders: ${reversible.length > 0 ? reversible.join(', ') : 'nothing'}`,
    );
  }
  const tenants = Object.keys(policy.tenants ?? {});
  if (tenants.length > 0) lines.push(`  tenants: ${tenants.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function where(file: string, err: KamenError): string {
  const { line, column } = err.context;
  return line === undefined ? file : `${err.context.file ?? file}:${line}${column !== undefined ? `:${column}` : ''}`;
}

/** FILE:LINE:COLUMN of a policy path (/roles/x/entities/Y), found in the YAML source. */
function locate(file: string, path: string): string {
  try {
    const lines = new LineCounter();
    const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines });
    const node = doc.getIn(path.split('/').slice(1), true);
    if (isNode(node) && node.range) {
      const pos = lines.linePos(node.range[0]);
      return `${file}:${pos.line}:${pos.col}`;
    }
  } catch {
    // the policy loaded, so the file parses; fall back to the bare name
  }
  return file;
}

const issueLine = (file: string, i: PolicyIssue): string =>
  `${locate(file, i.path)}: ${i.level}: ${i.message} (at ${i.path})\n`;

/** `kamen policy validate`: exit 0 when valid, 4 (CONFIG) with FILE:LINE:COLUMN when not. */
export function policyCommand(
  argv: string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): number {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout.write(`${POLICY_HELP}\n`);
    return EXIT.OK;
  }
  if (sub !== 'validate') throw new UsageError(`policy needs a subcommand (${SUBCOMMANDS})`);
  const { values, positionals } = parseArgs({
    args: rest,
    options: { strict: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout.write(`${POLICY_HELP}\n`);
    return EXIT.OK;
  }
  if (positionals.length !== 1) throw new UsageError('policy validate needs one FILE or built-in policy name');
  const file = positionals[0] as string;
  let policy: Policy;
  try {
    policy = loadPolicy(file);
  } catch (err) {
    if (!(err instanceof KamenError)) throw err;
    io.stderr.write(`${where(file, err)}: ${err.code}: ${err.message}\n`);
    return EXIT.CONFIG;
  }
  const issues = checkPolicy(policy);
  for (const i of issues) io.stderr.write(issueLine(policy.file ?? file, i));
  const failing = issues.filter((i) => i.level === 'error' || values.strict === true);
  if (failing.length > 0) {
    io.stderr.write(`kamen: ${file}: ${failing.length} problem${failing.length === 1 ? '' : 's'}: not valid\n`);
    return EXIT.CONFIG;
  }
  io.stdout.write(summary(policy, file));
  return EXIT.OK;
}
