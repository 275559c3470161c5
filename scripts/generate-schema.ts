// Writes schemas/govreportrc.schema.json from the rule registry (npm run schema).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configJsonSchema } from '../server/src/config/config';
import { ruleInfo } from '../server/src/rules';

writeFileSync(join(__dirname, '..', 'schemas', 'govreportrc.schema.json'), JSON.stringify(configJsonSchema(ruleInfo), null, 2) + '\n');
