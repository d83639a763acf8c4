import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { SERVER_NODE_FLAGS } from '../../bench/lib/server.ts';

describe('server node flags', () => {
  it('npm start and npm run dev give the server the flags the benchmarks measure it with', () => {
    const scripts = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const name of ['start', 'dev']) {
      const command = scripts[name] ?? '';
      assert.match(command, /node .*src\/server\.ts/, `${name} starts src/server.ts`);
      for (const flag of SERVER_NODE_FLAGS) assert.ok(command.includes(`node ${SERVER_NODE_FLAGS.join(' ')} `) && command.includes(flag), `${name}: ${command} lacks ${flag}`);
    }
  });
});
