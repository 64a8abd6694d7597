#!/usr/bin/env node
// The `casus` command. Runs the compiled library when it has been built (npm install runs
// `prepare`), and otherwise the TypeScript sources through tsx, so a fresh checkout works too.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const compiled = path.join(root, 'dist', 'cli', 'main.js');
const useSources = process.env.CASUS_FROM_SOURCE === '1' || !existsSync(compiled);
if (useSources) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(root, 'src', 'cli', 'main.ts')).href);
} else {
  await import(pathToFileURL(compiled).href);
}
