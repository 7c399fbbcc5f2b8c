/**
 * Every regular expression written in kamen's TypeScript sources (regex literals and `new RegExp('literal', …)`),
 * found with the TypeScript compiler's parser rather than by pattern-matching source text. RX-01 checks each one
 * with recheck, like the YAML rule patterns. Regexes built at run time from data (dictionaries) cannot be listed
 * here; they are counted in `dynamic` so the gap stays visible.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export interface SourceRegex {
  /** `path:line`. */
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function* tsFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* tsFiles(p);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) yield p;
  }
}

const literalText = (n: ts.Node | undefined): string | undefined =>
  n !== undefined && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) ? n.text : undefined;

/** Regexes in every .ts file under `dir` (relative to the repository root). */
export function sourceRegexes(dir: string): { regexes: SourceRegex[]; dynamic: string[] } {
  const regexes: SourceRegex[] = [];
  const dynamic: string[] = [];
  for (const file of tsFiles(join(ROOT, dir))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (n: ts.Node): string =>
      `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText(sf);
        const cut = text.lastIndexOf('/');
        regexes.push({ where: where(n), source: text.slice(1, cut), flags: text.slice(cut + 1) });
      } else if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'RegExp') {
        const [src, flags] = [literalText(n.arguments?.[0]), n.arguments?.[1]];
        const flagText = flags === undefined ? '' : literalText(flags);
        if (src !== undefined && flagText !== undefined)
          regexes.push({ where: where(n), source: src, flags: flagText });
        else dynamic.push(where(n));
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { regexes, dynamic };
}
