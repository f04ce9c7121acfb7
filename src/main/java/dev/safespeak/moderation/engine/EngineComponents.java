package dev.safespeak.moderation.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

/** The engine's normaliser and model loader, in one place so every entry point wires the same ones. */
public final class EngineComponents {

    private static final Normaliser NORMALISER = new Normaliser();

    private EngineComponents() {
    }

    /** The normaliser: original text to tokens with offsets into the original. */
    public static Function<String, AnalysedText> analyser() {
        return NORMALISER::analyse;
    }

    /** Reads the model artifact formats this build knows. */
    public static ModelLoader modelLoader() {
        return new ModelLoader() {
            @Override
            public Classifier load(InputStream in) throws IOException {
                return TribuoClassifier.load(in);
            }

            @Override
            public Classifier loadDefault() {
                return TribuoClassifier.loadDefault();
            }

            @Override
            public String manifestJson(Classifier classifier) {
                return classifier instanceof TribuoClassifier tribuo ? tribuo.manifestJson() : "{}";
            }
        };
    }
}
