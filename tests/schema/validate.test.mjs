// Every assessment document the project shows or writes validates against the published JSON
// Schema (ajv, draft 2020-12): README's example, the test fixtures, the CLI's exports; and the
// schema is where `$schema` says (the site's schema/ beside index.html, the package's copy).
// The browser suite validates every JSON export it downloads (tests/e2e/helpers.mjs exportAs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA, schemaErrors } from './schema.mjs';

const CLI = process.env.SOC2_CLI ?? 'target/release/soc2-readiness';
const fixtures = ['tests/oscal/fixture.json'];

test('README\'s assessment example validates', () => {
  const blocks = [...readFileSync('README.md', 'utf8').matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
  const docs = blocks.filter((b) => b.version === 1 && b.profile);
  assert.ok(docs.length >= 1, 'README shows an assessment document');
  for (const d of docs) assert.deepEqual(schemaErrors(d), []);
});

test('the fixtures validate, and the schema rejects what import rejects', () => {
  for (const f of fixtures) assert.deepEqual(schemaErrors(readFileSync(f, 'utf8')), [], f);
  const doc = JSON.parse(readFileSync(fixtures[0], 'utf8'));
  const broken = structuredClone(doc);
  broken.profile.observationMonths = 5;
  assert.notDeepEqual(schemaErrors(broken), [], 'an observation window of 5 months');
  const typo = structuredClone(doc);
  typo.answers['access.mfa-admin'] = { status: 'yes' };
  assert.notDeepEqual(schemaErrors(typo), [], 'an unknown status');
});

test('the CLI\'s exports validate and name the schema at its site-relative path', { skip: !existsSync(CLI) && `${CLI} is not built (cargo build --release)` }, () => {
  for (const f of fixtures) {
    for (const args of [['assess', f], ['report', f, '--format', 'json']]) {
      const out = JSON.parse(execFileSync(CLI, args, { encoding: 'utf8' }));
      assert.deepEqual(schemaErrors(out), [], args.join(' '));
      assert.equal(out.$schema, 'schema/assessment.schema.json');
      assert.ok(out.readiness && out.gaps, 'an export with results');
    }
  }
});

test('the site serves the schema beside index.html and the package carries it, both the committed schema', { skip: !existsSync('www/pkg/package.json') && 'www/pkg is not built (make build)' }, () => {
  for (const copy of ['www/schema/assessment.schema.json', 'www/pkg/schema/assessment.schema.json']) {
    assert.deepEqual(JSON.parse(readFileSync(copy, 'utf8')), SCHEMA, copy);
  }
  assert.ok(existsSync(join('www', 'index.html')));
});
