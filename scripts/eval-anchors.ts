/**
 * Highlight re-anchoring on real article texts edited as sites edit them.
 * Usage: npm run eval:anchors [-- --highlights 2000 --seed 1]
 */
import { GROUND_TRUTH, loadZyteArticles } from '../tests/anchoring/sim/corpus';
import { formatReport, runEval } from '../tests/anchoring/sim/harness';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const articles = loadZyteArticles();
if (!articles) {
  console.log(`eval:anchors skipped: ${GROUND_TRUTH} not found (the shared corpus sits beside the project).`);
  process.exit(0);
}
const highlights = option('highlights', 2000);
const seed = option('seed', 1);
const started = performance.now();
const report = runEval({ articles, highlights, seed });
console.log(`${highlights} highlights on ${articles.length} Zyte articles, seed ${seed}; each kind of edit applied separately:\n`);
console.log(formatReport(report));
const { overall } = report;
const exactShare = overall.exact / overall.survived;
console.log(`\ntargets: exact ≥ 97% of survivors (${(100 * exactShare).toFixed(1)}%), 0 wrong (${overall.survivedWrong + overall.goneWrong})`);
for (const w of report.wrongExamples) console.log('WRONG', JSON.stringify(w));
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
process.exitCode = exactShare >= 0.97 && overall.survivedWrong + overall.goneWrong === 0 ? 0 : 1;
