package dev.safespeak.flink;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Generates a JSONL file of texts in several languages, clean and abusive, with a fixed seed. */
final class Corpus {

    private static final String[] CLEAN = {
        "thanks for the quick reply", "the meeting moved to thursday", "great photo of the harbour",
        "danke für die schnelle antwort", "das treffen ist am donnerstag", "merci pour ton aide",
        "la réunion est reportée à jeudi", "gracias por la respuesta", "nos vemos el jueves en la oficina",
        "grazie per il messaggio", "obrigado pela ajuda", "bedankt voor je hulp", "dziękuję za pomoc"
    };
    private static final String[] ABUSIVE = {
        "you are a stupid idiot", "shut up you moron", "I will kill you", "what a fucking loser",
        "du bist ein dummer idiot", "halt die klappe du arschloch", "t'es vraiment un connard",
        "eres un idiota estúpido", "sei un cretino", "you people are disgusting animals"
    };
    private static final String[] NOISE = {"", "!", "!!", " :)", " lol", " 2day", " ...", " y0u"};

    private Corpus() {
    }

    /** {@code Corpus FILE [TEXTS]}: writes the corpus the tests use (100,000 texts by default), for bench/flink.sh. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 100_000, false);
    }

    /**
     * Writes {@code texts} records; one in four has no id (its line number is the id), one in four a string id.
     * When {@code withBadRecords} is set, a few bad lines are mixed in at fixed places (they are not counted).
     */
    static void write(Path file, int texts, boolean withBadRecords) throws IOException {
        Random random = new Random(20261204L);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < texts; i++) {
                if (withBadRecords && i % 20_000 == 7) {
                    out.write(badRecord(i / 20_000));
                }
                String[] pool = random.nextInt(4) == 0 ? ABUSIVE : CLEAN;
                String text = pool[random.nextInt(pool.length)] + NOISE[random.nextInt(NOISE.length)];
                if (random.nextInt(3) == 0) {
                    text = text + ", " + CLEAN[random.nextInt(CLEAN.length)];
                }
                String line = switch (i % 4) {
                    case 0 -> "{\"text\":" + quote(text) + "}";
                    case 1 -> "{\"id\":\"m-" + i + "\",\"text\":" + quote(text) + "}";
                    default -> "{\"id\":" + i + ",\"text\":" + quote(text) + ",\"extra\":true}";
                };
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static byte[] badRecord(int which) {
        return switch (which % 5) {
            case 0 -> "{\"id\": 1, \"text\": \n".getBytes(StandardCharsets.UTF_8);
            case 1 -> "{\"id\": \"no-text\"}\n".getBytes(StandardCharsets.UTF_8);
            case 2 -> "{\"id\": \"blank\", \"text\": \"   \"}\n".getBytes(StandardCharsets.UTF_8);
            case 3 -> new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}',
                '\n'};
            default -> "[1, 2]\n".getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
