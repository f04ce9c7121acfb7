/**
 * The scoring core as plain Java: normaliser, language identification, features, classifiers, spans and the
 * offline scorer. No Spring, Vaadin or JPA type appears here (ModularityTest checks the whole package), so the
 * REST API, the console, the {@code score} command and the Flink job share one code path.
 */
package dev.safespeak.moderation.engine;
