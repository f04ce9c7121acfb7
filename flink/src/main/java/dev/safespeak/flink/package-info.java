/**
 * The moderation engine as an Apache Flink job: a bounded job that scores JSONL files from a directory into JSONL
 * results, rejected records and a summary, and a streaming job that scores a Kafka topic into a results topic,
 * exactly once, with each tenant's block and allow lists. Both use {@link dev.safespeak.flink.RecordScorer}, which
 * reads, scores and writes records exactly as the {@code score} command does.
 */
package dev.safespeak.flink;
