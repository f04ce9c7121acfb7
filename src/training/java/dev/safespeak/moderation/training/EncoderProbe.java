package dev.safespeak.moderation.training;

import dev.safespeak.moderation.engine.OnnxTextModel;
import java.util.ArrayList;
import java.util.List;

/** Prints the encoder's word pieces and its speed on short texts; a quick check, not a benchmark. */
public final class EncoderProbe {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        OnnxTextModel m = OnnxTextModel.fromClasspath("bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json", 1);
        System.out.println("load ms " + (System.nanoTime() - t0) / 1e6);
        System.out.println(m.tokenizer().pieces("Héllo, I'm gonna kill you tonight!! unaffable 你好"));
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            texts.add("this is sentence number " + i + " and you are a complete idiot, honestly");
        }
        for (int round = 0; round < 3; round++) {
            long s = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                m.embed(List.of(texts.get(i)));
            }
            System.out.println("single ms/text " + (System.nanoTime() - s) / 1e6 / 100);
            s = System.nanoTime();
            for (int i = 0; i < 256; i += 32) {
                m.embed(texts.subList(i, i + 32));
            }
            System.out.println("batch32 ms/text " + (System.nanoTime() - s) / 1e6 / 256);
        }
        float[][] e = m.embed(List.of("I hate you", "I love you", "The weather is nice"));
        System.out.printf("cos(hate,love)=%.3f cos(hate,weather)=%.3f%n", dot(e[0], e[1]), dot(e[0], e[2]));
    }
    static double dot(float[] a, float[] b) { double s = 0; for (int i = 0; i < a.length; i++) s += a[i] * b[i]; return s; }
}
