import { copyFileSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAuditLog } from '../../packages/proxy/src/audit/audit-log.js';
import { verifyAuditLog } from '../../packages/proxy/src/audit/verify-audit-log.js';
import { entryBody, sha256, type AuditEntry } from '../../packages/proxy/src/audit/audit-entry.js';
import type { AuditEvent } from '../../packages/proxy/src/audit/audit-event.js';

const key = new Uint8Array(randomBytes(32));
const fresh = () => join(mkdtempSync(join(tmpdir(), 'kamen-audit-')), 'audit.jsonl');
const event = (i: number, reason = `ticket work ${i}`): AuditEvent => ({
  type: 'reveal.start',
  outcome: 'allowed',
  subject: `eng-${i % 3}`,
  role: 'support',
  method: 'GET',
  route: 'GET /api/employees/*',
  grant: { jti: `j${i}`, ticket: `SUP-${i}`, reason, expiresAt: '2026-06-01T10:00:00.000Z' },
  fields: ['name'],
  records: [`PSN:EMPLOYEE_ID:k1:${'A'.repeat(22)}${i}`],
});

async function writeLog(path: string, n: number, withKey = true) {
  const log = await createAuditLog({ path, ...(withKey ? { key } : {}) });
  for (let i = 1; i <= n; i++) await log.append(event(i));
  await log.close();
}
const lines = (path: string) => readFileSync(path, 'utf8').split('\n').slice(0, -1);
const rewrite = (path: string, ls: string[]) => writeFileSync(path, ls.map((l) => `${l}\n`).join(''));

describe('audit log: append and chain', () => {
  it('writes one JSON line per event, chained by prev/hash, with macs; verify says OK', async () => {
    const path = fresh();
    await writeLog(path, 5);
    const entries = lines(path).map((l) => JSON.parse(l) as AuditEntry);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0]?.prev).toBe('0'.repeat(64));
    for (let i = 1; i < 5; i++) expect(entries[i]?.prev).toBe(entries[i - 1]?.hash);
    for (const e of entries) expect(e.hash).toBe(sha256(entryBody(e)));
    expect(entries.every((e) => /^[0-9a-f]{64}$/.test(e.mac ?? ''))).toBe(true);
    expect(await verifyAuditLog(path, { key })).toEqual({
      ok: true,
      entries: 5,
      lastHash: entries[4]?.hash,
      macsChecked: true,
    });
  });

  it('continues the chain after a restart', async () => {
    const path = fresh();
    await writeLog(path, 3);
    const log = await createAuditLog({ path, key });
    expect(log.seq).toBe(3);
    const e = await log.append(event(4));
    await log.close();
    expect(e.seq).toBe(4);
    expect(await verifyAuditLog(path, { key })).toMatchObject({ ok: true, entries: 4 });
  });

  it('AL-05: 100 concurrent appends form one linear chain; newlines and ANSI escapes in a reason stay in one line', async () => {
    const path = fresh();
    const log = await createAuditLog({ path, key, fsync: 'never' });
    const evil = 'fix\n{"seq":1,"hash":"x"}\u001b[2J\r';
    const done = await Promise.all(Array.from({ length: 100 }, (_, i) => log.append(event(i, evil))));
    await log.close();
    expect(done.map((e) => e.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const ls = lines(path);
    expect(ls).toHaveLength(100);
    expect(readFileSync(path, 'utf8')).not.toContain('\u001b');
    expect((JSON.parse(ls[7] as string) as AuditEntry).event.grant?.reason).toBe(evil);
    expect(await verifyAuditLog(path, { key })).toMatchObject({ ok: true, entries: 100 });
  });

  it('rejects events outside the schema (AL-02 guard): unknown fields, control characters in ids', async () => {
    const log = await createAuditLog({ path: fresh(), key });
    const bad = [
      { ...event(1), body: 'raw upstream body' },
      { ...event(1), subject: 'eng\u001b[31m' },
      { ...event(1), type: 'anything' },
      { ...event(1), grant: { ...event(1).grant, phone: '090-1234-5678' } },
    ];
    for (const e of bad)
      await expect(log.append(e as unknown as AuditEvent)).rejects.toMatchObject({
        code: 'KAMEN_PROXY_ERR_AUDIT_EVENT',
      });
    expect(log.seq).toBe(0);
    await log.close();
  });
});

describe('audit log: tamper detection (AL-03)', () => {
  const tampered = async (
    mutate: (ls: string[], path: string) => void,
    opts: { withKey?: boolean; head?: boolean } = {},
  ) => {
    const path = fresh();
    await writeLog(path, 6, opts.withKey ?? true);
    const ls = lines(path);
    mutate(ls, path);
    return verifyAuditLog(path, {
      ...((opts.withKey ?? true) ? { key } : {}),
      ...(opts.head === false ? { headFile: false } : {}),
    });
  };

  it('detects an edited entry at its line', async () => {
    const r = await tampered((ls, p) => {
      ls[2] = (ls[2] as string).replace('"role":"support"', '"role":"admin"');
      rewrite(p, ls);
    });
    expect(r).toMatchObject({ ok: false, line: 3, reason: expect.stringContaining('hash') });
  });

  it('detects a deleted entry', async () => {
    expect(
      await tampered((ls, p) =>
        rewrite(
          p,
          ls.filter((_, i) => i !== 3),
        ),
      ),
    ).toMatchObject({ ok: false, line: 4 });
  });

  it('detects an inserted (duplicated) entry', async () => {
    expect(await tampered((ls, p) => rewrite(p, [...ls.slice(0, 2), ls[1] as string, ...ls.slice(2)]))).toMatchObject({
      ok: false,
      line: 3,
    });
  });

  it('detects reordered entries', async () => {
    expect(await tampered((ls, p) => rewrite(p, [ls[0], ls[2], ls[1], ...ls.slice(3)] as string[]))).toMatchObject({
      ok: false,
      line: 2,
    });
  });

  it('detects tail truncation through the head file, and a torn last line', async () => {
    expect(await tampered((ls, p) => rewrite(p, ls.slice(0, 4)))).toMatchObject({
      ok: false,
      line: 5,
      reason: expect.stringContaining('truncated'),
    });
    expect(await tampered((_ls, p) => truncateSync(p, readFileSync(p).length - 10))).toMatchObject({
      ok: false,
      line: 6,
    });
  });

  it('without the head, an exported checkpoint still catches truncation', async () => {
    const path = fresh();
    const log = await createAuditLog({ path, key, headFile: false });
    for (let i = 1; i <= 6; i++) await log.append(event(i));
    const cp = log.checkpoint();
    await log.close();
    rewrite(path, lines(path).slice(0, 5));
    expect(await verifyAuditLog(path, { key, checkpoints: [cp] })).toMatchObject({ ok: false, line: 6 });
    const forged = { ...cp, seq: 3 };
    expect(await verifyAuditLog(path, { key, checkpoints: [forged] })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('mac'),
    });
  });

  it('a re-chained forgery passes the hash chain but not the macs', async () => {
    const path = fresh();
    await writeLog(path, 4);
    // The forger edits entry 2 and recomputes every hash after it (no key, so macs go stale).
    let prev = '0'.repeat(64);
    const forged = lines(path).map((l, i) => {
      const e = JSON.parse(l) as AuditEntry & { event: { role?: string } };
      const event = i === 1 ? { ...e.event, role: 'admin' } : e.event;
      const draft = { v: 1 as const, seq: e.seq, time: e.time, prev, event: event as AuditEvent };
      const hash = sha256(entryBody(draft));
      prev = hash;
      return JSON.stringify({ ...draft, hash, mac: e.mac });
    });
    rewrite(path, forged);
    expect(await verifyAuditLog(path, { key, headFile: false })).toMatchObject({
      ok: false,
      line: 2,
      reason: expect.stringContaining('mac'),
    });
    expect(await verifyAuditLog(path, { headFile: false })).toMatchObject({ ok: true, macsChecked: false });
  });
});

describe('audit log: restart and write failures', () => {
  it('refuses to continue a truncated, torn or edited log', async () => {
    for (const mutate of [
      (p: string) => rewrite(p, lines(p).slice(0, 2)),
      (p: string) => truncateSync(p, readFileSync(p).length - 3),
      (p: string) =>
        rewrite(
          p,
          lines(p).map((l, i) => (i === 3 ? l.replace('GET', 'PUT') : l)),
        ),
    ]) {
      const path = fresh();
      await writeLog(path, 4);
      mutate(path);
      await expect(createAuditLog({ path, key })).rejects.toMatchObject({ code: 'KAMEN_PROXY_ERR_AUDIT_CORRUPT' });
    }
  });

  it('recovers from a crash between the log write and the head write', async () => {
    const path = fresh();
    const log = await createAuditLog({ path, key });
    await log.append(event(1));
    await log.append(event(2));
    copyFileSync(`${path}.head`, `${path}.head.old`);
    await log.append(event(3));
    await log.close();
    copyFileSync(`${path}.head.old`, `${path}.head`);
    const again = await createAuditLog({ path, key });
    expect((await again.append(event(4))).seq).toBe(4);
    await again.close();
    expect(await verifyAuditLog(path, { key })).toMatchObject({ ok: true, entries: 4 });
  });

  it('AL-04: a write that fails (ENOSPC on /dev/full) rejects with KAMEN_PROXY_ERR_AUDIT_WRITE', async () => {
    const log = await createAuditLog({
      path: '/dev/full',
      key,
      headFile: join(mkdtempSync(join(tmpdir(), 'kamen-audit-')), 'h'),
    });
    await expect(log.append(event(1))).rejects.toMatchObject({ code: 'KAMEN_PROXY_ERR_AUDIT_WRITE' });
    await expect(log.append(event(2))).rejects.toMatchObject({ code: 'KAMEN_PROXY_ERR_AUDIT_WRITE' });
    await log.close();
  });

  it('AL-04: an unopenable path, a symlinked path, and appends after close, reject', async () => {
    await expect(createAuditLog({ path: join(fresh(), 'no', 'such', 'dir.jsonl') })).rejects.toMatchObject({
      code: 'KAMEN_PROXY_ERR_AUDIT_WRITE',
    });
    const log = await createAuditLog({ path: fresh(), key });
    await log.close();
    await expect(log.append(event(1))).rejects.toMatchObject({ code: 'KAMEN_PROXY_ERR_AUDIT_WRITE' });
    const link = fresh();
    symlinkSync(fresh(), link);
    await expect(createAuditLog({ path: link, key })).rejects.toMatchObject({ code: 'KAMEN_PROXY_ERR_AUDIT_WRITE' });
  });
});
