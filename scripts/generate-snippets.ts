// Writes snippets/*.code-snippets from the format definitions (npm run snippets).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { snippetFiles } from '../server/src/rules/snippets';

for (const [name, content] of Object.entries(snippetFiles())) writeFileSync(join(__dirname, '..', 'snippets', name), content);
