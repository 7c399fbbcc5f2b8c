/**
 * `npm run bench`: detection throughput (MB/s, single thread) of kamen and its JavaScript peers on the same
 * Japanese, English and mixed HR free text, their strict recall on the evaluation corpus, and the operator
 * section; prints markdown and rewrites bench/README.md.
 *
 * Flags: --only=<library> (e.g. --only=kamen, for profiling; with --only or --lang the README is not written), --mb=<n> input per
 * language (default 5), --runs=<n> timed passes (default 5), --lang=ja,en,mixed (throughput inputs), --no-write.
 *
 * Operators: the section is a before/after table (bench/operators.ts). With --baseline=<dir> (or the environment
 * variable KAMEN_BENCH_BASELINE=<dir>, which passes through `npm run bench`) and optionally --baseline-label=<text>,
 * it is measured again against the tree at <dir> and rendered by the same operatorSection(); without one, the
 * section and its notes (`<!-- operators-bench -->`, `<!-- operators-notes -->`) are kept as they are, so a run
 * without a baseline never replaces the comparison with a table of this tree alone.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from '../test/eval/corpus.js';
import { EVAL_SEED, FULL_SIZE } from '../test/eval/harness.js';
import { buildInputs } from './inputs.js';
import { measure, type ThroughputRow } from './measure.js';
import { compareOperators, quoteArgs } from './operators.js';
import { CONTENDERS, REGEX_BASELINE } from './peers.js';
import { measureRecall, type RecallRow } from './recall.js';
import { markedBlocks, operatorSection, renderMarkdown, type BenchResults } from './report.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = process.argv[i] as string;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : process.argv[i + 1];
};

/** Shown in place of the operator section when the README has none and no baseline was given. */
const NO_OPERATORS = `## Operators (bench/operators.ts)

Not measured: \`npx tsx bench/operators.ts --baseline=<dir> --write\` writes this section (see bench/operators.ts).`;

const NOTES = `## Method

- Input: the labelled evaluation corpus (\`test/eval/corpus.ts\`, texts with and without PII) shuffled with a seed and
  joined by newlines into ~2 KB documents, ≥ 5 MB (UTF-8) per language; "mixed" interleaves Japanese and English
  texts. Every library gets the same documents and is called once per document, as its README shows
  (\`detect(text)\` for kamen with the options of \`npm run eval\`, \`new SyncRedactor().redact(text)\`,
  \`new Redactor().redact(text)\`, \`await new OpenRedaction({ redactionMode: 'placeholder' }).detect(text)\`).
- Throughput: UTF-8 bytes / second, median of the timed passes after three warm-up passes, one thread, one process.
  A library too slow to run all of the input in a few seconds is timed on the first documents of it (marked
  "sample"); its MB/s is still bytes / seconds on identical text.
- The baseline row is a single \`text.replace(/\\d{4}/g, '####')\` per document: the cost of one trivial regex pass.
- Strict recall: on the positive texts of the corpus (seed ${EVAL_SEED}, ${FULL_SIZE} per language, as in \`npm run eval\`), a labelled value counts as
  caught only if no fragment of it (name parts, either side of an e-mail, every 4+ digit group; compared after NFKC, Latin/digit fragments as whole words)
  survives in the library's output. For kamen the output is the text with every finding replaced by █.
- Negatives changed: texts without PII that the library altered (peers: output ≠ input; kamen: any finding).
- Operators: before/after of this tree against another revision, measured in one process; \`npm run bench\` keeps
  that section unless \`KAMEN_BENCH_BASELINE=<dir>\` names the other tree (see bench/operators.ts).
- Reproduce: \`npm run bench\`; profile kamen alone with
  \`npm run build && node --cpu-prof --cpu-prof-dir=bench/out --import tsx bench/run.ts --only=kamen\`.
`;

async function main(): Promise<void> {
  const only = arg('only');
  const minBytes = Number(arg('mb') ?? 5) * 1e6;
  const runs = Number(arg('runs') ?? 5);
  const contenders = [...CONTENDERS, REGEX_BASELINE].filter((c) => only === undefined || c.name === only);
  if (contenders.length === 0) throw new Error(`unknown library for --only: ${only}`);

  const file = fileURLToPath(new URL('./README.md', import.meta.url));
  const readBlocks = (): Map<string, string> => markedBlocks(existsSync(file) ? readFileSync(file, 'utf8') : '');
  const blocks = readBlocks();
  const baseline = arg('baseline') ?? process.env.KAMEN_BENCH_BASELINE;
  const label = arg('baseline-label');
  const via = arg('baseline') === undefined ? `KAMEN_BENCH_BASELINE=${baseline} ` : '';
  // Operators first: a wrong baseline directory fails now, not after the long detection runs.
  const fresh =
    baseline === undefined || only !== undefined
      ? undefined
      : operatorSection(
          await compareOperators({
            dir: baseline,
            ...(label === undefined ? {} : { label }),
            command: `${via}npx tsx bench/run.ts ${quoteArgs(process.argv.slice(2))}`.trimEnd(),
          }),
        );

  const langs = arg('lang')?.split(',');
  const inputs = buildInputs({ seed: 7, minBytes }).filter((i) => langs === undefined || langs.includes(i.lang));
  for (const i of inputs)
    console.error(`input ${i.lang}: ${(i.bytes / 1e6).toFixed(2)} MB in ${i.docs.length} documents`);

  const throughput: ThroughputRow[] = [];
  for (const c of contenders)
    for (const input of inputs) {
      const row = await measure(c, input, { runs, passSeconds: 6 });
      console.error(`${row.library} ${row.lang}: ${row.mbPerSecond.toFixed(2)} MB/s (${row.bytesTimed} bytes)`);
      throughput.push(row);
    }

  const corpus = generateCorpus({ seed: EVAL_SEED, perLanguage: FULL_SIZE });
  const recall: RecallRow[] = [];
  for (const c of contenders) recall.push(...(await measureRecall(c, corpus)));

  const notes = blocks.get('operators-notes');
  const section = fresh ?? blocks.get('operators-bench') ?? NO_OPERATORS;
  const operators = notes === undefined ? section : `${section}\n\n${notes}`;
  const results: BenchResults = {
    command: 'npm run bench',
    date: new Date(),
    throughput,
    recall,
    operators,
    corpusNote: `Input per language: ${inputs
      .map((i) => `${i.lang} ${(i.bytes / 1e6).toFixed(2)} MB (${i.docs.length} documents)`)
      .join(
        ', ',
      )}. Recall on ${corpus.positives.length} labelled texts, negatives on ${corpus.negatives.length} texts without PII (both languages).`,
  };
  const md = renderMarkdown(results, NOTES);
  console.log(md);
  if (only === undefined && langs === undefined && !process.argv.includes('--no-write')) {
    // Sections other benchmarks own (e.g. <!-- proxy-bench --> from bench/proxy.ts) survive the rewrite, in order.
    const kept = [...readBlocks()].filter(([name]) => !name.startsWith('operators-')).map(([, block]) => block);
    writeFileSync(file, [md.trimEnd(), ...kept].join('\n\n') + '\n');
  }
}

await main();
