package dev.safespeak.moderation;

/** A tenant block- or allowlist term found in a text, after normalisation. */
public record ListMatch(ListKind kind, String term, Attribute attribute, int begin, int end) {

    /** Which list a term comes from. */
    public enum ListKind { BLOCK, ALLOW }
}
