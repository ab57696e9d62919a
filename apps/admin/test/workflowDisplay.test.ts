import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as workflow from '@kader/workflow';
import * as display from '@kader/workflow/display';

const SRC = fileURLToPath(new URL('../../../packages/workflow/src/', import.meta.url));

/** Every package a module loads at run time, following its relative imports (`import type` loads nothing). */
function runtimePackages(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec.endsWith('.ts') ? spec : `${spec}.ts`));
      else packages.add(spec);
    }
  };
  visit(path.join(SRC, entry));
  return packages;
}

describe("@kader/workflow/display, the board's imports (issue 10: the first screen loads without zod and xstate)", () => {
  it('loads neither zod nor xstate, while the index does', () => {
    expect([...runtimePackages('display.ts')]).toEqual([]);
    expect(runtimePackages('index.ts')).toEqual(new Set(['zod', 'xstate']));
  });

  it('exports the same values as the index', () => {
    const all = new Map(Object.entries(workflow));
    for (const [name, value] of Object.entries(display)) expect(all.get(name), name).toBe(value);
  });

  it("leaves the schemas' error map installed by the index: an unnamed issue gets a catalogue id", () => {
    const issue = z.number().safeParse('x').error!.issues[0]!;
    expect(workflow.isMessageId(issue.message)).toBe(true);
  });
});
