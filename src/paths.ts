/**
 * Where the project's files are, whether the code runs from src/ (tsx), dist/ (the build) or any
 * other build folder: the package root is found by walking up to casus's package.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'casus') return dir;
      } catch {
        // not ours; keep walking
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`casus: cannot find the package root above ${start}`);
    dir = up;
  }
}

export const PACKAGE_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the package, e.g. fromRoot('data', 'states.yaml'). */
export const fromRoot = (...parts: string[]): string => path.join(PACKAGE_ROOT, ...parts);
