// Regenerates score-py.ts from score.py (the file a person edits): npx tsx src/core/bundle/score-py.gen.ts
import { readFileSync, writeFileSync } from 'node:fs';

const source = readFileSync(new URL('./score.py', import.meta.url), 'utf8');
const body = `// Generated from score.py by score-py.gen.ts; edit score.py, then rerun the generator (a test checks they agree).\n` +
  `/** The text of the bundle's \`score.py\`: the NumPy reference scorer. */\nexport const SCORE_PY: string = ${JSON.stringify(source)};\n`;
writeFileSync(new URL('./score-py.ts', import.meta.url), body);
