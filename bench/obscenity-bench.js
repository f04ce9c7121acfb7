// Runs the obscenity lexicon filter (npm package "obscenity", English dataset) over the benchmark's texts,
// one JSON string per line, and prints texts/s per file. Usage: node obscenity-bench.js <texts-dir> <seconds>
const fs = require('fs');
const path = require('path');
const { RegExpMatcher, englishDataset, englishRecommendedTransformers } = require('obscenity');

const dir = process.argv[2];
const seconds = Number(process.argv[3] || 5);
const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
for (const name of ['short', 'medium', 'long']) {
  const texts = fs.readFileSync(path.join(dir, name + '.txt'), 'utf8').split('\n').filter(Boolean).map(JSON.parse);
  const run = (budget) => {
    const deadline = process.hrtime.bigint() + BigInt(Math.round(budget * 1e9));
    const start = process.hrtime.bigint();
    let n = 0;
    while (process.hrtime.bigint() < deadline) {
      matcher.hasMatch(texts[n % texts.length]);
      n++;
    }
    return n / (Number(process.hrtime.bigint() - start) / 1e9);
  };
  run(seconds / 3);
  console.log(`| ${name} | obscenity (1 thread) | ${Math.round(run(seconds)).toLocaleString('en')} |`);
}
