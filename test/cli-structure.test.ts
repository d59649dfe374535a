// The command line's code in small functions (issue 16): no function over 80 lines in cli/, and
// the batch command's main file holding the command, with its output, input and worker pool apart.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

describe('cli structure', () => {
  it('has no function over 80 lines (oxlint max-lines-per-function)', () => {
    const bin = join(ROOT, 'node_modules', '.bin', 'oxlint');
    // Throws, with the functions listed, when oxlint reports any.
    expect(execFileSync(bin, ['-c', '.oxlintrc.json', '--format', 'unix', 'cli'], { cwd: ROOT, encoding: 'utf8' })).not.toMatch(/max-lines-per-function/);
  });

  it('keeps cli/batch.ts to the command itself: at most 500 lines', () => {
    expect(readFileSync(join(ROOT, 'cli', 'batch.ts'), 'utf8').split('\n').length).toBeLessThanOrEqual(500);
  });
});
