import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  KamenError,
  compilePolicy,
  createTextMasker,
  loadPolicy,
  maskRecord,
  maskText,
  myNumberCheckDigit,
  parsePolicy,
} from '@kamen/core';
import { myNumberArb } from '../../helpers/generators.js';
import { testKeyRing } from '../../helpers/test-keyring.js';

const keys = testKeyRing();
const support = compilePolicy(loadPolicy('support'), 'support', { keys });
const analytics = compilePolicy(loadPolicy('analytics'), 'analytics', { keys });
const migration = compilePolicy(loadPolicy('migration'), 'migration', { keys });

const employee = {
  氏名: '山田 太郎',
  フリガナ: 'ヤマダ タロウ',
  メールアドレス: 'taro.yamada@corp.co.jp',
  携帯電話番号: '090-1234-5678',
  郵便番号: '150-0041',
  住所: '東京都渋谷区神南1-2-3',
  生年月日: '昭和60年4月1日',
  個人番号: '123456789018',
  法人番号: '1234567890123',
};

describe('support policy', () => {
  it('shows the phone tail and the surname only', () => {
    const text = maskText('メール taro.yamada@corp.co.jp までご連絡ください', support);
    expect(text.text).toBe('メール t***.******@corp.co.jp までご連絡ください');
    expect(text.findings.map((f) => f.type)).toEqual(['EMAIL']);
    const out = maskRecord(employee, support);
    expect(out.氏名).toBe('山田 ＊＊');
    expect(out.携帯電話番号).toBe('090-****-5678');
    expect(out.法人番号).toBe(employee.法人番号);
  });

  it('property: My Number never shows a digit in support or analytics', () => {
    fc.assert(
      fc.property(myNumberArb, (n) => {
        for (const plan of [support, analytics]) {
          const text = maskText(`個人番号: ${n}`, plan).text;
          expect(text).not.toMatch(/[0-9\uff10-\uff19]/u);
          const rec = maskRecord({ 個人番号: n, マイナンバー: n }, plan);
          expect(JSON.stringify(rec)).not.toMatch(/[0-9\uff10-\uff19]/u);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('migration policy', () => {
  it('the same person in two files gets the same outputs; 氏名 and フリガナ stay one person', () => {
    const a = maskRecord(employee, migration);
    const b = maskRecord(
      { ...employee, 氏名: '山田太郎' },
      compilePolicy(loadPolicy('migration'), 'migration', { keys }),
    );
    expect(b.フリガナ).toBe(a.フリガナ);
    expect(b.メールアドレス).toBe(a.メールアドレス);
    expect(b.個人番号).toBe(a.個人番号);
    expect(a.氏名).not.toBe(employee.氏名);
    expect(a.フリガナ).toMatch(/^[\u30a0-\u30ff]+ [\u30a0-\u30ff]+$/u);
    expect(a.住所.startsWith('東京都')).toBe(true);
    expect(a.生年月日).toMatch(/^(昭和|平成)\d{1,2}年\d{1,2}月\d{1,2}日$/u);
  });

  it('My Number goes through FPE with a valid check digit', () => {
    const out = maskRecord(employee, migration).個人番号;
    expect(out).toMatch(/^\d{12}$/);
    expect(out).not.toBe(employee.個人番号);
    expect(myNumberCheckDigit(out.slice(0, 11))).toBe(Number(out[11]));
  });

  it('a different key gives different surrogates', () => {
    const other = compilePolicy(loadPolicy('migration'), 'migration', { keys: testKeyRing('other-secret') });
    expect(maskRecord(employee, other).氏名).not.toBe(maskRecord(employee, migration).氏名);
  });
});

describe('tenants', () => {
  const policy = parsePolicy(
    [
      'name: t',
      'mostRestrictive: r',
      'default: { operator: redact }',
      'roles:',
      '  r:',
      '    entities: { PERSON_NAME: { operator: surrogate } }',
      'tenants:',
      '  acme: { keyId: k2 }',
      '  globex: { keyId: k3, entities: { PERSON_NAME: { operator: redact } } }',
    ].join('\n'),
  );
  const ring = testKeyRing('tenant-secret', ['k1', 'k2', 'k3']);

  it('a tenant key gives that tenant its own surrogates; tenant overrides apply', () => {
    const plain = maskText('氏名: 山田 太郎', compilePolicy(policy, 'r', { keys: ring })).text;
    const acme = maskText('氏名: 山田 太郎', compilePolicy(policy, 'r', { keys: ring, tenant: 'acme' })).text;
    expect(acme).not.toBe(plain);
    expect(acme).toBe(maskText('氏名: 山田 太郎', compilePolicy(policy, 'r', { keys: ring, tenant: 'acme' })).text);
    const globex = compilePolicy(policy, 'r', { keys: ring, tenant: 'globex' });
    expect(globex.forType('PERSON_NAME').operator.name).toBe('redact');
  });

  it('a tenant whose key is not on the ring fails at compile time', () => {
    expect(() => compilePolicy(policy, 'r', { keys: testKeyRing('x', ['k1']), tenant: 'acme' })).toThrow();
  });
});

describe('maskRecord', () => {
  it('walks nested records, applies field overrides by JSON path, scans free text', () => {
    const policy = parsePolicy(
      [
        'name: t',
        'mostRestrictive: r',
        'default: { operator: redact }',
        'roles:',
        '  r:',
        '    entities: { CORPORATE_NUMBER: { operator: keep } }',
        '    fields:',
        '      $.staff[*].code: { operator: keep }',
      ].join('\n'),
    );
    const plan = compilePolicy(policy, 'r', { keys });
    const out = maskRecord({ staff: [{ code: 'A-1', 備考: '連絡先 taro@corp.co.jp です' }], count: 3 }, plan);
    expect(out.staff[0]?.code).toBe('A-1');
    expect(out.staff[0]?.備考).not.toContain('taro@');
    expect(out.staff[0]?.備考).toContain('です');
    expect(out.count).toBe(3);
  });

  it('fails closed: an operator that throws fails the whole call', () => {
    const noKeys = compilePolicy(loadPolicy('migration'), 'migration', {});
    expect(() => maskRecord(employee, noKeys)).toThrow(KamenError);
    try {
      maskRecord(employee, noKeys);
      expect.unreachable('maskRecord must throw');
    } catch (err) {
      expect((err as KamenError).code).toBe('KAMEN_ERR_MASK_FAILED');
      expect(String((err as Error).message)).not.toContain('山田');
    }
  });
});

describe('createTextMasker', () => {
  const line = '氏名: 山田 太郎 携帯 090-1234-5678 メール taro@example.co.jp 個人番号 123456789018\n';
  it('property: any chunking gives the same output as maskText', () => {
    const text = line.repeat(150) + 'end';
    const whole = maskText(text, support).text;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 20 }), (sizes) => {
        const masker = createTextMasker(support);
        let out = '';
        let pos = 0;
        for (const size of sizes) {
          out += masker.write(text.slice(pos, pos + size));
          pos += size;
          if (pos >= text.length) break;
        }
        if (pos < text.length) out += masker.write(text.slice(pos));
        out += masker.end();
        expect(out).toBe(whole);
      }),
      { numRuns: 25 },
    );
  });

  it('emits text before the end of the input', () => {
    const masker = createTextMasker(support);
    expect(masker.write(line.repeat(200)).length).toBeGreaterThan(0);
  });
});

describe('maskRecord convenience form', () => {
  it('loads a built-in policy by name and masks a record for a role', () => {
    const keys = testKeyRing();
    const record = { 氏名: '山田 太郎', 携帯電話番号: '090-1234-5678', 個人番号: '123456789018', 部署: '総務部' };
    const out = maskRecord(record, 'support', 'support', { keys });
    expect(out['携帯電話番号']).toBe('090-****-5678');
    expect(out['個人番号']).not.toMatch(/\d/);
    expect(out['部署']).toBe('総務部');
    expect(out['氏名']).toMatch(/^山田 /);
    expect(out['氏名']).not.toContain('太郎');
  });
});
