#!/usr/bin/env node
// The `casus` command. Runs the compiled library (npm install builds dist/ through `prepare`),
// unless it is missing or older than the sources, or CASUS_FROM_SOURCE=1: then the TypeScript
// sources run through tsx, so a checkout being edited never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const compiled = path.join(root, 'dist', 'cli', 'main.js');

/** The newest modification time of the TypeScript sources (a few hundred stats: milliseconds). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

const stale = () => !existsSync(compiled) || (existsSync(path.join(root, 'src')) && newestSource(path.join(root, 'src')) > statSync(compiled).mtimeMs);
if (process.env.CASUS_FROM_SOURCE === '1' || stale()) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(root, 'src', 'cli', 'main.ts')).href);
} else {
  await import(pathToFileURL(compiled).href);
}
