// The English list loaders as they were before sorted-list.ts (verbatim logic, minus the file reading): a Map of the
// lower-cased names and a Set of the words, built from every non-empty, non-comment line.
export type EnglishNameKind = 'name' | 'word';

const lines = (text: string): string[] => text.split('\n').filter((l) => l.length > 0 && !l.startsWith('#'));

export function loadEnOracle(text: string): Map<string, EnglishNameKind> {
  const map = new Map<string, EnglishNameKind>();
  for (const line of lines(text)) {
    const tab = line.indexOf('\t');
    const name = (tab < 0 ? line : line.slice(0, tab)).toLowerCase();
    map.set(name, tab < 0 ? 'name' : 'word');
  }
  return map;
}

export const loadWordsOracle = (text: string): Set<string> => new Set(lines(text));
