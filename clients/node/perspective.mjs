// Drives SafeSpeak's Perspective drop-in with Google's own client: googleapis builds the client from SafeSpeak's
// discovery document (google.discoverAPI), then calls comments.analyze and comments.suggestscore. Every answer is
// checked; any mismatch exits non-zero. Started by NodeClientsTest against a server whose stub engine scores a text
// containing "idiot" 0.9 on every attribute and anything else 0.1, language en.
//   SAFESPEAK_URL=http://127.0.0.1:8080 SAFESPEAK_API_KEY=ssk_... node perspective.mjs
import assert from 'node:assert/strict';
import {required} from './env.mjs';
import {google} from 'googleapis';

const base = required('SAFESPEAK_URL');
const key = required('SAFESPEAK_API_KEY');
const discoveryUrl = `${base}/$discovery/rest?version=v1alpha1`;

const client = await google.discoverAPI(discoveryUrl);
assert.equal(typeof client.comments?.analyze, 'function', 'the discovery document builds comments.analyze');
assert.equal(typeof client.comments?.suggestscore, 'function', 'the discovery document builds comments.suggestscore');

// TOXICITY and INSULT with spans: the span covers "idiot" (characters 13 to 18), languages and clientToken echoed.
const text = 'What kind of idiot name is foo?';
let res = await client.comments.analyze({
  key,
  requestBody: {
    comment: {text, type: 'PLAIN_TEXT'},
    requestedAttributes: {TOXICITY: {}, INSULT: {scoreType: 'PROBABILITY'}},
    languages: ['en'],
    spanAnnotations: true,
    doNotStore: true,
    clientToken: 'node-analyze-1',
  },
});
assert.equal(res.status, 200);
assert.deepEqual(Object.keys(res.data.attributeScores).sort(), ['INSULT', 'TOXICITY']);
for (const attribute of ['TOXICITY', 'INSULT']) {
  const scores = res.data.attributeScores[attribute];
  assert.deepEqual(scores.summaryScore, {value: 0.9, type: 'PROBABILITY'}, `${attribute} summary`);
  assert.deepEqual(scores.spanScores, [{begin: 13, end: 18, score: {value: 0.9, type: 'PROBABILITY'}}],
      `${attribute} spans`);
}
assert.deepEqual(res.data.languages, ['en']);
assert.deepEqual(res.data.detectedLanguages, ['en']);
assert.equal(res.data.clientToken, 'node-analyze-1');

// Without spanAnnotations: one span over the whole comment; a scoreThreshold above the score leaves INSULT out.
res = await client.comments.analyze({
  key,
  resource: {comment: {text: 'Have a nice day'}, requestedAttributes: {TOXICITY: {}, INSULT: {scoreThreshold: 0.5}}},
});
assert.deepEqual(Object.keys(res.data.attributeScores), ['TOXICITY']);
assert.deepEqual(res.data.attributeScores.TOXICITY.summaryScore, {value: 0.1, type: 'PROBABILITY'});
assert.deepEqual(res.data.attributeScores.TOXICITY.spanScores,
    [{begin: 0, end: 15, score: {value: 0.1, type: 'PROBABILITY'}}]);
assert.deepEqual(res.data.detectedLanguages, ['en']);
assert.deepEqual(res.data.languages, ['en'], 'without languages in the request, the detected one is echoed');
assert.equal(res.data.clientToken, undefined);

// suggestscore: stored as feedback, the clientToken comes back.
res = await client.comments.suggestscore({
  key,
  requestBody: {
    comment: {text: 'You absolute legend, that was brilliant.'},
    attributeScores: {TOXICITY: {summaryScore: {value: 0.0}}, INSULT: {summaryScore: {value: 0.05, type: 'PROBABILITY'}}},
    languages: ['en'],
    communityId: 'forum-42',
    clientToken: 'node-suggest-1',
  },
});
assert.equal(res.status, 200);
assert.deepEqual(res.data, {clientToken: 'node-suggest-1'});

// Errors arrive as the client's errors, with Google's status and SafeSpeak's message.
await assert.rejects(
    client.comments.analyze({key: 'ssk_not-a-real-key', resource: {comment: {text}, requestedAttributes: {TOXICITY: {}}}}),
    err => err.status === 400 && err.response.data.error.status === 'INVALID_ARGUMENT'
        && err.response.data.error.details[0].reason === 'API_KEY_INVALID'
        && err.message === 'API key is not valid',
    'a wrong key is refused as Google refuses it: 400 INVALID_ARGUMENT, reason API_KEY_INVALID');
await assert.rejects(
    client.comments.analyze({key, resource: {comment: {text}, requestedAttributes: {FLIRTATION: {}}}}),
    err => err.status === 400 && err.response.data.error.status === 'INVALID_ARGUMENT'
        && /unknown attribute 'FLIRTATION'/.test(err.message),
    'an attribute SafeSpeak does not score is refused with 400 INVALID_ARGUMENT');

console.log('perspective: 3 calls and 2 refusals as expected');
