package dev.safespeak.modelregistry;

/**
 * What a registered artifact is. One version of each kind is active at a time: the fast n-gram model scores every
 * request; the encoder heads and the bring-your-own classifier make up the accurate engine (modes accurate and
 * balanced).
 */
public enum ModelKind {
    /** The fast n-gram model (Tribuo-format artifact). */
    NGRAM,
    /** The accurate engine's trained heads over the sentence encoders ({@code encoder-heads.json}). */
    ENCODER_HEADS,
    /** A bring-your-own ONNX classifier: a descriptor with the ONNX and tokenizer paths and their checksums. */
    BYO
}
