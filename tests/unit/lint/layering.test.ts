import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'casebook/layering').map((m) => m.message);
}

describe('the layering rule (docs/architecture.md)', () => {
  it.each([
    ['shared/x.ts', "import { Vault } from '../db';"],
    ['shared/a/b.ts', "import { Vault } from '../../db/vault/vault';"],
    ['shared/x.ts', "import fs from 'node:fs';"],
    ['shared/x.ts', "import path from 'path';"],
    ['shared/x.ts', "import { app } from 'electron';"],
    ['db/x.ts', "import { app } from 'electron';"],
    ['db/x.ts', "export * from '../main/cli';"],
    ['renderer/x.ts', "import Database from 'better-sqlite3';"],
    ['renderer/x.ts', "import { Vault } from '../db';"],
    ['renderer/x.ts', "const sodium = require('libsodium-wrappers-sumo');"],
    ['renderer/x.ts', "const m = import('../main/app');"],
    ['main/x.ts', "import { App } from '../renderer/App';"],
  ])('rejects %s: %s', async (file, code) => {
    expect(await layeringErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['shared/x.ts', "import { z } from 'zod';"],
    ['db/x.ts', "import { isRecordId } from '../shared/records';"],
    ['db/x.ts', "import fs from 'node:fs';"],
    ['main/x.ts', "import { Vault } from '../db';"],
    ['renderer/x.ts', "import { isRecordId } from '../shared/records';"],
  ])('allows %s: %s', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });
});
