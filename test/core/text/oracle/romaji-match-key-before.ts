/**
 * romajiMatchKey as it was before its rewrites were gated on includes() (packages/core/src/text/romaji.ts at 6ac01bc):
 * the oracle of the property in test/core/text/romaji-match-key.spec.ts.
 */
export function romajiMatchKeyBefore(romaji: string): string {
  let key = romaji
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '') // ō → o, â → a
    .replace(/[^a-z]/g, '')
    .replace(/m(?=[bmp])/g, 'n')
    .replace(/tch/g, 'cch')
    .replace(/si/g, 'shi')
    .replace(/ti/g, 'chi')
    .replace(/tu/g, 'tsu')
    .replace(/(?<![cs])hu/g, 'fu')
    .replace(/zi/g, 'ji')
    .replace(/sy/g, 'sh')
    .replace(/ty/g, 'ch')
    .replace(/[jz]y/g, 'j')
    .replace(/oh(?![aeiou])/g, 'o');
  // オオウチ is oouchi, ouchi or ohuchi depending on policy: collapse until nothing changes.
  let prev: string;
  do {
    prev = key;
    key = key.replace(/o[ou]/g, 'o').replace(/uu/g, 'u');
  } while (key !== prev);
  return key;
}
