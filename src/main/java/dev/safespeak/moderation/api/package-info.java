/**
 * The REST API of the moderation service: SafeSpeak's own versioned endpoints, drop-in Perspective and OpenAI
 * moderation endpoints, tenant lists and feedback, behind a stateless API-key security chain, with every error
 * as RFC 9457 problem+json. Nothing imports this package.
 */
package dev.safespeak.moderation.api;
