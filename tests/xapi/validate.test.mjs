// The class report's xAPI statements (`class_report::xapi`), as `examples/xapi_sample.rs`
// prints them for two sample classes, checked statement by statement with Learning Locker's
// validator (@learninglocker/xapi-validation, the one its LRS runs on every statement it
// receives). Fails if the example fails, prints nothing, or any statement is invalid.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import validation from '@learninglocker/xapi-validation';

// A CommonJS module built from TypeScript: the function is its `default` export.
const validate = validation.default;
const ROOT = new URL('../..', import.meta.url).pathname;
const VERB = 'http://adlnet.gov/expapi/verbs/';

let statements;
before(() => {
  // Built by `cargo test` (it builds the examples), so this only runs it.
  const run = spawnSync('cargo', ['run', '--quiet', '--locked', '--example', 'xapi_sample'], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20,
  });
  assert.equal(run.status, 0, `the example failed:\n${run.stderr}`);
  assert.notEqual(run.stdout.trim(), '', 'the example printed nothing');
  statements = JSON.parse(run.stdout);
});

test('the validator is the real one: it refuses a statement without an actor', () => {
  assert.equal(typeof validate, 'function');
  const statement = {
    actor: { objectType: 'Agent', account: { homePage: 'https://school.example', name: 'A' } },
    verb: { id: `${VERB}completed` },
    object: { id: 'https://school.example/xapi/session/1' },
  };
  assert.deepEqual(validate(statement), []);
  const { actor, ...withoutActor } = statement;
  assert.ok(actor);
  assert.notDeepEqual(validate(withoutActor), []);
});

test('the sample has answered statements of every interaction type and one completed per student', () => {
  assert.ok(Array.isArray(statements) && statements.length > 0, 'no statements');
  const types = new Set(statements.map((s) => s.object?.definition?.interactionType).filter(Boolean));
  assert.deepEqual([...types].sort(), ['choice', 'matching', 'sequencing', 'true-false']);
  const completed = statements.filter((s) => s.verb?.id === `${VERB}completed`).map((s) => s.actor?.name);
  const students = new Set(statements.map((s) => s.actor?.name));
  assert.ok(students.size >= 4, `${students.size} students`);
  assert.deepEqual(completed.sort(), [...students].sort());
  assert.equal(new Set(statements.map((s) => s.id)).size, statements.length, 'statement ids are distinct');
  assert.ok(statements.some((s) => s.context?.language === 'ar'), 'the Arabic-only class says so');
  assert.ok(statements.some((s) => s.timestamp), 'the row with times has timestamps');
});

test('every statement is valid xAPI', () => {
  const invalid = statements
    .map((s, i) => ({ i, id: s.id, warnings: validate(s).map((w) => `${w.name} at ${w.path?.join('.')}`) }))
    .filter((r) => r.warnings.length > 0);
  assert.deepEqual(invalid, [], `${invalid.length} of ${statements.length} statements are invalid`);
});
