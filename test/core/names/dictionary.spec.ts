import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getNameDictionary, kanaToRomaji, RULES_DATA_DIR } from '@kamen/core';

const dict = getNameDictionary();

describe('name dictionary', () => {
  it('is a singleton', () => expect(getNameDictionary()).toBe(dict));

  it('holds IPADIC surnames and given names with readings', () => {
    expect(dict.surnames.length).toBeGreaterThan(13_000);
    expect(dict.givenNames.length).toBeGreaterThan(18_000);
    expect(dict.isSurname('山田')).toBe(true);
    expect(dict.isGivenName('太郎')).toBe(true);
    expect(dict.readingsOf('佐藤', 'surname')[0]).toBe('サトウ');
    expect(dict.readingsOf('太郎', 'given')).toContain('タロウ');
    expect(dict.readingsOf('存在しない', 'surname')).toEqual([]);
  });

  it.each(['髙橋', '山﨑', '渡邉', '渡邊', '齋藤', '齊藤', '濱田'])('knows the itaiji spelling %s', (s) => {
    expect(dict.isSurname(s)).toBe(true);
  });

  it('lists itaiji spellings as entries for consumers that write names', () => {
    const kanji = new Set(dict.surnames.map((e) => e.kanji));
    for (const s of ['髙橋', '山﨑', '渡邉', '齋藤']) expect(kanji.has(s)).toBe(true);
  });

  it('flags surnames that are also words and does not list plain words as surnames', () => {
    for (const w of ['日本', '中央', '会議', '本日']) expect(dict.isSurname(w)).toBe(false);
    expect(dict.surnameInfo('山田')?.word).toBe(true);
    expect(dict.surnameInfo('佐々木')?.word).toBe(false);
  });

  it('answers reading questions in hiragana or katakana', () => {
    expect(dict.isSurnameReading('ヤマダ')).toBe(true);
    expect(dict.isSurnameReading('やまだ')).toBe(true);
    expect(dict.isGivenNameReading('はなこ')).toBe(true);
    expect(dict.isGivenNameReading('テーブル')).toBe(false);
  });

  it('matches romaji in passport, OH and long spellings', () => {
    for (const t of ['YAMADA', 'Ohno', 'ONO', 'Oono', 'Satoh', 'SATO']) expect(dict.isSurnameRomaji(t)).toBe(true);
    for (const t of ['Taro', 'TAROU', 'Hanako']) expect(dict.isGivenNameRomaji(t)).toBe(true);
    expect(dict.isSurnameRomaji('Xyzzy')).toBe(false);
  });

  it('knows English names and which are also common words', () => {
    expect(dict.isEnglishFirstName('Emily')).toBe(true);
    expect(dict.isEnglishLastName('Johnson')).toBe(true);
    expect(dict.englishFirstName('will')).toBe('word');
    expect(dict.englishFirstName('Emily')).toBe('name');
    expect(dict.isEnglishFirstName('Payroll')).toBe(false);
  });

  it('knows common English words, case-insensitively, and not invented surnames', () => {
    for (const w of ['support', 'Payroll', 'REPORTED', 'please']) expect(dict.isEnglishWord(w), w).toBe(true);
    for (const w of ['Kilback', 'Vrabelova', 'Tokyo']) expect(dict.isEnglishWord(w), w).toBe(false);
  });

  it('every entry romanises its own primary reading and is found by its own kind', () => {
    const surname = fc.constantFrom(...dict.surnames.slice(0, 3000));
    const given = fc.constantFrom(...dict.givenNames.slice(0, 3000));
    fc.assert(fc.property(surname, (e) => e.romaji === kanaToRomaji(e.kana) && dict.isSurname(e.kanji)));
    fc.assert(fc.property(given, (e) => e.romaji === kanaToRomaji(e.kana) && dict.isGivenName(e.kanji)));
  });

  it('ships its licences and stays a few MB', () => {
    const dir = join(RULES_DATA_DIR, 'names');
    const ipadic = readFileSync(join(dir, 'LICENSE-IPADIC'), 'utf8');
    expect(ipadic).toContain('Nara Institute of Science');
    expect(ipadic).toContain('NO WARRANTY');
    expect(readFileSync(join(dir, 'LICENSE-humannames'), 'utf8')).toContain('MIT');
    expect(readFileSync(join(dir, 'LICENSE-stdlib'), 'utf8')).toContain('Apache License');
    expect(readFileSync(join(dir, 'LICENSE-scowl'), 'utf8')).toContain('Kevin Atkinson');
    const total = readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
    expect(total).toBeLessThan(4 * 1024 * 1024);
  });
});
