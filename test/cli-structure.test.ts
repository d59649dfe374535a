// The command line's code in small functions (issue 16): no function over 80 lines in cli/, and
// the batch command's main file holding the command, with its output, input and worker pool apart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

describe('cli structure', () => {
  it('keeps cli/batch.ts to the command itself: at most 500 lines', () => {
    expect(readFileSync(join(ROOT, 'cli', 'batch.ts'), 'utf8').split('\n').length).toBeLessThanOrEqual(500);
  });
});
