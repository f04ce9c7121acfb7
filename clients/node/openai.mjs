// Drives SafeSpeak's OpenAI moderation drop-in with OpenAI's own Node client (openai on npm), changing only the
// base URL and the key. Every answer is checked; any mismatch exits non-zero. Started by NodeClientsTest against a
// server whose stub engine scores a text containing "idiot" 0.9 on every attribute and anything else 0.1.
//   SAFESPEAK_URL=http://127.0.0.1:8080 SAFESPEAK_API_KEY=ssk_... SAFESPEAK_LIMITED_KEY=ssk_... \
//   SAFESPEAK_EXPECTED_MODEL=safespeak-... node openai.mjs
import assert from 'node:assert/strict';
import {required} from './env.mjs';
import OpenAI from 'openai';

const base = required('SAFESPEAK_URL');
const model = required('SAFESPEAK_EXPECTED_MODEL');
const client = new OpenAI({apiKey: required('SAFESPEAK_API_KEY'), baseURL: `${base}/v1`, maxRetries: 0});

// The categories SafeSpeak fills (from its attributes) and those it never fills (always false and 0).
const FILLED = ['harassment', 'harassment/threatening', 'hate', 'hate/threatening', 'violence'];
const NOT_FILLED = ['illicit', 'illicit/violent', 'self-harm', 'self-harm/instructions', 'self-harm/intent', 'sexual',
  'sexual/minors', 'violence/graphic'];

function check(result, score) {
  const flagged = score >= 0.5;
  assert.equal(result.flagged, flagged);
  assert.deepEqual(Object.keys(result.categories).sort(), [...FILLED, ...NOT_FILLED].sort());
  for (const category of FILLED) {
    assert.equal(result.categories[category], flagged, category);
    assert.equal(result.category_scores[category], score, category);
    assert.deepEqual(result.category_applied_input_types[category], ['text'], category);
  }
  for (const category of NOT_FILLED) {
    assert.equal(result.categories[category], false, category);
    assert.equal(result.category_scores[category], 0, category);
    assert.deepEqual(result.category_applied_input_types[category], [], category);
  }
}

let res = await client.moderations.create({model: 'omni-moderation-latest', input: 'You are an idiot.'});
assert.match(res.id, /^modr-/);
assert.equal(res.model, model);
assert.equal(res.results.length, 1);
check(res.results[0], 0.9);

res = await client.moderations.create({input: ['You are an idiot.', 'Have a nice day!']});
assert.equal(res.model, model);
assert.equal(res.results.length, 2);
check(res.results[0], 0.9);
check(res.results[1], 0.1);

await assert.rejects(
    new OpenAI({apiKey: 'ssk_not-a-real-key', baseURL: `${base}/v1`, maxRetries: 0}).moderations.create({input: 'hi'}),
    err => err instanceof OpenAI.AuthenticationError && err.status === 401,
    'a wrong key raises AuthenticationError');
// The limited key's quota is one text a day: the first input uses it up.
const limited = new OpenAI({apiKey: required('SAFESPEAK_LIMITED_KEY'), baseURL: `${base}/v1`, maxRetries: 0});
await limited.moderations.create({input: 'one'});
await assert.rejects(
    limited.moderations.create({input: 'two'}),
    err => err instanceof OpenAI.RateLimitError && err.status === 429 && /daily quota/.test(err.message),
    'a key over its quota raises RateLimitError');

console.log('openai: 2 calls and 2 refusals as expected');
