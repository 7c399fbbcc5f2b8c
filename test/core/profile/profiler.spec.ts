import { describe, expect, it } from 'vitest';
import { createCsvDecoder, createJsonDecoder, createProfiler, createXmlDecoder, type Profile } from '@kamen/core';
import { hrTable, leaked, toCsv } from '../../helpers/hr-dataset.js';

function profileCsv(text: string, options: Parameters<typeof createProfiler>[0] = {}): Profile {
  const decoder = createCsvDecoder({});
  const profiler = createProfiler(options);
  for (const unit of [...decoder.write(text), ...decoder.end()]) {
    if (unit.leaves.length > 0) profiler.addRecord(unit.leaves);
  }
  return profiler.finish();
}

describe('createProfiler', () => {
  const table = hrTable(60, 7);
  const profile = profileCsv(toCsv(table));
  const byField = new Map(profile.fields.map((f) => [f.field, f]));

  it('classifies every column of an HR table and counts its records', () => {
    expect(profile.records).toBe(60);
    expect(profile.fields.map((f) => f.field)).toEqual([...table.header]);
    expect(byField.get('氏名')?.classification?.type).toBe('PERSON_NAME');
    expect(byField.get('フリガナ')?.classification?.type).toBe('NAME_KANA');
    expect(byField.get('電話番号')?.classification?.type).toBe('PHONE');
    expect(byField.get('メール')?.classification?.type).toBe('EMAIL');
    expect(byField.get('個人番号')?.classification?.type).toBe('MY_NUMBER');
    expect(byField.get('社員番号')?.classification?.type).toBe('EMPLOYEE_ID');
    expect(byField.get('部署')?.classification).toBeNull();
    expect(byField.get('備考')?.classification?.type).toBe('FREE_TEXT');
  });

  it('reports the PII share: all of a classified column, the values with findings of free text, none of 部署', () => {
    for (const f of ['氏名', '電話番号', '個人番号']) expect(byField.get(f)?.piiShare).toBe(1);
    expect(byField.get('部署')?.piiShare).toBe(0);
    expect(byField.get('部署')?.entities).toEqual([]);
    const notes = byField.get('備考');
    const withPhone = table.rows.filter((r) => r[7]?.startsWith('緊急連絡先')).length;
    // Free-text detection is not perfect (recall of phones in running text is measured by npm run eval).
    const found = notes?.entities.find((e) => e.type === 'PHONE')?.values ?? 0;
    expect(found).toBeGreaterThanOrEqual(Math.floor(withPhone * 0.9));
    expect(found).toBeLessThanOrEqual(withPhone);
    expect(notes?.valuesWithFindings).toBe(found);
    expect(notes?.piiShare).toBeCloseTo(found / 60, 2);
    expect(profile.totals.PHONE).toBe(60 + found);
  });

  it('keeps a few distinct examples per field, never a raw value', () => {
    for (const f of profile.fields) {
      expect(f.examples.length).toBeGreaterThan(0);
      expect(f.examples.length).toBeLessThanOrEqual(3);
      expect(new Set(f.examples).size).toBe(f.examples.length);
    }
    expect(leaked(JSON.stringify(profile), table.pii)).toEqual([]);
    // A column without PII is shown by its shape only.
    expect(byField.get('部署')?.examples.every((e) => /^漢+$/u.test(e))).toBe(true);
    expect(profile.examplesMaskedWith).toEqual({ policy: 'support', role: 'support' });
  });

  it('is deterministic: the same input gives the same profile', () => {
    const again = profileCsv(toCsv(table));
    // Keyed hash examples use a throw-away key per profiler: compare everything else.
    const strip = (p: Profile) => p.fields.map((f) => ({ ...f, examples: f.field === '社員番号' ? [] : f.examples }));
    expect(strip(again)).toEqual(strip(profile));
  });

  it('bounds the number of fields and counts what it could not profile', () => {
    const header = Array.from({ length: 30 }, (_, i) => `c${i}`);
    const text = `${header.join(',')}\n${header.map((_, i) => `v${i}`).join(',')}\n`;
    const p = profileCsv(text, { maxFields: 10, examples: 1 });
    expect(p.fields).toHaveLength(10);
    expect(p.overflow).toEqual({ fields: 20, values: 20 });
  });

  it('profiles JSON fields by [*] path, object keys and XML comments as free text', () => {
    const json = createJsonDecoder({});
    const profiler = createProfiler({ examples: 1 });
    const doc = JSON.stringify({
      employees: table.rows.slice(0, 5).map((r) => ({ name: r[1], tel: [r[3]], 'k.sato@example.com': 'x' })),
    });
    for (const u of [...json.write(doc), ...json.end()]) if (u.leaves.length > 0) profiler.addRecord(u.leaves);
    const p = profiler.finish();
    const fields = new Map(p.fields.map((f) => [f.field, f]));
    expect(fields.get('$.employees[*].name')?.classification?.type).toBe('PERSON_NAME');
    expect(fields.get('$.employees[*].tel[*]')?.classification?.type).toBe('PHONE');
    const keys = fields.get('(object keys)');
    expect(keys?.classification).toBeNull();
    expect(keys?.entities.map((e) => e.type)).toContain('EMAIL');
    // The key is an e-mail address: it is masked wherever it shows, in examples and in the field's own path.
    expect(JSON.stringify(p)).not.toContain('k.sato@example.com');
    const masked = p.fields.find((f) => f.nameMasked === true);
    expect(masked?.field).toMatch(/^\$\.employees\[\*\]\["k\.\*+@example\.com"\]$/u);

    const xml = createXmlDecoder({});
    const xp = createProfiler({ examples: 1 });
    const x = `<r><e id="1"><name>${table.rows[0]?.[1]}</name><!-- 連絡先 ${table.rows[0]?.[3]} --></e></r>`;
    for (const u of [...xml.write(x), ...xml.end()]) if (u.leaves.length > 0) xp.addRecord(u.leaves);
    const xf = new Map(xp.finish().fields.map((f) => [f.field, f]));
    expect(xf.get('/r/e/name')?.classification?.type).toBe('PERSON_NAME');
    expect(xf.get('/r/e/#comment')?.entities.map((e) => e.type)).toEqual(['PHONE']);
  });

  it('rejects a non-positive sample size', () => {
    expect(() => createProfiler({ sampleSize: 0 })).toThrow(RangeError);
  });
});
