package dev.safespeak.moderation.training;

import static dev.safespeak.moderation.Attribute.IDENTITY_ATTACK;
import static dev.safespeak.moderation.Attribute.INSULT;
import static dev.safespeak.moderation.Attribute.PROFANITY;
import static dev.safespeak.moderation.Attribute.SEVERE_TOXICITY;
import static dev.safespeak.moderation.Attribute.THREAT;
import static dev.safespeak.moderation.Attribute.TOXICITY;

import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.training.LabelledText.Split;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the public training sets under the shared data directory into {@link LabelledText}s, mapping
 * each set's labels to SafeSpeak's attributes as DATA.md describes, and splitting sets that lack an
 * official split with a fixed seed.
 *
 * <p>SEVERE_TOXICITY is derived: a text is severely toxic when it is toxic and an identity attack or a
 * threat; it is labelled only in sets that label identity attacks or threats.
 */
public final class DataSets {

    /** Seed of every split cut here (stratified 10% test and 10% dev parts). */
    public static final long SPLIT_SEED = 20261128L;

    /** Davidson's labels carry a documented dialect bias, so its examples count less. */
    static final double DAVIDSON_WEIGHT = 0.3;

    private final Path dir;
    private final List<LabelledText> out = new ArrayList<>();
    private final Map<String, String> checksums = new TreeMap<>();

    private DataSets(Path dir) {
        this.dir = dir;
    }

    /** The loaded examples and the SHA-256 of every file read, keyed by path relative to the data dir. */
    public record Loaded(List<LabelledText> examples, Map<String, String> checksums) {
    }

    /**
     * Loads every set.
     *
     * @throws IllegalArgumentException if the directory is missing
     */
    public static Loaded load(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException("data directory " + dataDir.toAbsolutePath() + " does not exist");
        }
        DataSets sets = new DataSets(dataDir);
        sets.loadAll();
        List<LabelledText> withSevere = new ArrayList<>(sets.out.size());
        for (LabelledText t : sets.out) {
            withSevere.add(deriveSevere(t));
        }
        return new Loaded(withSevere, sets.checksums);
    }

    static LabelledText deriveSevere(LabelledText t) {
        Map<Attribute, Boolean> labels = t.labels();
        if (labels.containsKey(SEVERE_TOXICITY)
                || !(labels.containsKey(IDENTITY_ATTACK) || labels.containsKey(THREAT))) {
            return t;
        }
        boolean toxic = labels.getOrDefault(TOXICITY, true);
        boolean severe = toxic && (labels.getOrDefault(IDENTITY_ATTACK, false) || labels.getOrDefault(THREAT, false));
        Map<Attribute, Boolean> copy = new EnumMap<>(labels);
        copy.put(SEVERE_TOXICITY, severe);
        return new LabelledText(t.dataset(), t.language(), t.split(), t.text(), copy, t.weight());
    }

    private void loadAll() throws IOException {
        davidson();
        olid();
        hateval();
        toxicSpans();
        implicitHate();
        gab();
        stormfront();
        waseemHovy();
        hasoc("en", "english_dataset/english_dataset.tsv", "english_dataset/hasoc2019_en_test-2919.tsv");
        hasoc("de", "german_dataset/german_dataset.tsv", "german_dataset/hasoc_de_test_gold.tsv");
        hasoc("hi", "hindi_dataset/hindi_dataset.tsv", "hindi_dataset/hasoc2019_hi_test_gold_2919.tsv");
        germeval();
        offensevalAr();
        lhsab();
        mlma();
        offensevalTr();
        offensevalSimple("offenseval2020_da", "da", "offenseval-da-training-v1.tsv", "test.tsv", "danish-goldlabels.csv");
        offensevalSimple("offenseval2020_el", "el", "offenseval-greek-training-v1.tsv", "test.tsv", "greek-goldlabels.csv");
        toldBr();
        banPl();
        korHate();
        kmhas();
        cold();
        swsr();
        vihsd();
        vihos();
        russeDetox();
    }

    // ---------------------------------------------------------------- helpers

    private Path file(String relative) throws IOException {
        Path p = dir.resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("data file " + p + " is missing");
        }
        checksums.put(relative, sha256(p));
        return p;
    }

    static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int r;
            while ((r = in.read(buf)) > 0) {
                md.update(buf, 0, r);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<Attribute, Boolean> labels(Object... pairs) {
        Map<Attribute, Boolean> m = new EnumMap<>(Attribute.class);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Attribute) pairs[i], (Boolean) pairs[i + 1]);
        }
        return m;
    }

    /** A row waiting for a seeded split. */
    private record Pending(String language, String text, Map<Attribute, Boolean> labels) {
    }

    private void add(String dataset, String language, Split split, String text, Map<Attribute, Boolean> labels) {
        if (text == null || text.isBlank()) {
            return;
        }
        double weight = dataset.equals("davidson") ? DAVIDSON_WEIGHT : 1.0;
        out.add(new LabelledText(dataset, language, split, text, labels, weight));
    }

    /**
     * Splits rows with the fixed seed, stratified by their label pattern: 10% test (if cutTest), 10% dev
     * (if cutDev), the rest train.
     */
    private void seeded(String dataset, List<Pending> rows, boolean cutTest, boolean cutDev) {
        Map<String, List<Integer>> strata = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            strata.computeIfAbsent(rows.get(i).labels().toString(), k -> new ArrayList<>()).add(i);
        }
        Split[] assigned = new Split[rows.size()];
        for (List<Integer> stratum : strata.values()) {
            stratum.sort(Comparator.comparingLong(i -> mix(SPLIT_SEED ^ dataset.hashCode() * 31L + i)));
            int tenth = (int) Math.round(stratum.size() * 0.1);
            int k = 0;
            for (int idx : stratum) {
                Split s = Split.TRAIN;
                if (cutTest && k < tenth) {
                    s = Split.TEST;
                } else if (cutDev && k < (cutTest ? 2 * tenth : tenth)) {
                    s = Split.DEV;
                }
                assigned[idx] = s;
                k++;
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            Pending p = rows.get(i);
            add(dataset, p.language(), assigned[i], p.text(), p.labels());
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private static int col(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].trim().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("column " + name + " not found in header " + String.join("|", header));
    }

    private static String at(String[] row, int i) {
        return i < row.length ? row[i] : "";
    }

    private static Map<String, String> idLabels(Path file) throws IOException {
        Map<String, String> m = new HashMap<>();
        for (String[] r : Csv.readQuoted(file, ',')) {
            if (r.length >= 2) {
                m.put(r[0].trim(), r[1].trim());
            }
        }
        return m;
    }

    // ---------------------------------------------------------------- English

    private void davidson() throws IOException {
        List<String[]> rows = Csv.readQuoted(file("davidson/labeled_data.csv"), ',');
        int cls = col(rows.get(0), "class");
        int tweet = col(rows.get(0), "tweet");
        List<Pending> p = new ArrayList<>();
        for (String[] r : rows.subList(1, rows.size())) {
            String c = at(r, cls).trim();
            p.add(new Pending("en", at(r, tweet), labels(TOXICITY, !c.equals("2"), IDENTITY_ATTACK, c.equals("0"))));
        }
        seeded("davidson", p, true, true);
    }

    private void olid() throws IOException {
        List<String[]> rows = Csv.readPlain(file("olid/olid-training-v1.0.tsv"), '\t');
        List<Pending> p = new ArrayList<>();
        for (String[] r : rows.subList(1, rows.size())) {
            p.add(new Pending("en", at(r, 1), olidLabels(at(r, 2), at(r, 3), at(r, 4))));
        }
        seeded("olid", p, false, true);
        Map<String, String> a = idLabels(file("olid/labels-levela.csv"));
        Map<String, String> b = idLabels(file("olid/labels-levelb.csv"));
        Map<String, String> c = idLabels(file("olid/labels-levelc.csv"));
        for (String[] r : skipHeader(Csv.readPlain(file("olid/testset-levela.tsv"), '\t'))) {
            String id = r[0].trim();
            add("olid", "en", Split.TEST, at(r, 1), olidLabels(a.get(id), b.getOrDefault(id, "NULL"), c.getOrDefault(id, "NULL")));
        }
    }

    private static Map<Attribute, Boolean> olidLabels(String a, String b, String c) {
        boolean off = "OFF".equals(a);
        return labels(TOXICITY, off, INSULT, off && "TIN".equals(b) && "IND".equals(c));
    }

    private void hateval() throws IOException {
        for (String lang : List.of("en", "es")) {
            List<Pending> train = new ArrayList<>();
            for (String[] r : skipHeader(Csv.readPlain(file("hateval_official_splits/train_" + lang + ".tsv"), '\t'))) {
                train.add(new Pending(lang, at(r, 1), hatevalLabels(at(r, 2))));
            }
            for (String[] r : skipHeader(Csv.readPlain(file("hateval_official_splits/dev_" + lang + ".tsv"), '\t'))) {
                add("hateval", lang, Split.DEV, at(r, 1), hatevalLabels(at(r, 2)));
            }
            // English has its official test set; Spanish has none here, so a seeded 10% is cut from train.
            seeded("hateval", train, lang.equals("es"), false);
        }
        List<String[]> test = Csv.readQuoted(file("hateval_en/hateval2019_en_test.csv"), ',');
        for (String[] r : skipHeader(test)) {
            add("hateval", "en", Split.TEST, at(r, 1), hatevalLabels(at(r, 2)));
        }
    }

    private static Map<Attribute, Boolean> hatevalLabels(String hs) {
        boolean hate = "1".equals(hs.trim());
        return labels(IDENTITY_ATTACK, hate);
    }

    private static List<String[]> skipHeader(List<String[]> rows) {
        return rows.isEmpty() ? rows : rows.subList(1, rows.size());
    }

    private void toxicSpans() throws IOException {
        Set<String> testTexts = new HashSet<>();
        for (String[] r : skipHeader(Csv.readQuoted(file("toxic_spans/tsd_test.csv"), ','))) {
            testTexts.add(at(r, 1));
        }
        Set<String> devTexts = new HashSet<>();
        for (String[] r : skipHeader(Csv.readQuoted(file("toxic_spans/tsd_trial.csv"), ','))) {
            devTexts.add(at(r, 1));
        }
        Map<String, String> comments = new HashMap<>();
        for (String[] r : skipHeader(Csv.readQuoted(file("toxic_spans/comments.csv"), ','))) {
            comments.put(at(r, 0), at(r, 1));
        }
        Map<String, String> annotationComment = new HashMap<>();
        Map<String, Integer> annotators = new HashMap<>();
        Map<String, Integer> toxicVotes = new HashMap<>();
        for (String[] r : skipHeader(Csv.readQuoted(file("toxic_spans/annotations.csv"), ','))) {
            annotationComment.put(at(r, 0), at(r, 1));
            annotators.merge(at(r, 1), 1, Integer::sum);
            if (!"True".equals(at(r, 5))) {
                toxicVotes.merge(at(r, 1), 1, Integer::sum);
            }
        }
        Map<String, Map<String, Set<String>>> typeVoters = new HashMap<>();
        for (String[] r : skipHeader(Csv.readQuoted(file("toxic_spans/spans.csv"), ','))) {
            String comment = annotationComment.get(at(r, 0));
            if (comment != null) {
                typeVoters.computeIfAbsent(comment, k -> new HashMap<>())
                        .computeIfAbsent(at(r, 1), k -> new HashSet<>()).add(at(r, 0));
            }
        }
        List<Pending> rest = new ArrayList<>();
        for (Map.Entry<String, String> c : comments.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            int n = annotators.getOrDefault(c.getKey(), 0);
            if (n == 0) {
                continue;
            }
            Map<Attribute, Boolean> l = new EnumMap<>(Attribute.class);
            l.put(TOXICITY, toxicVotes.getOrDefault(c.getKey(), 0) * 2 > n);
            Map<String, Set<String>> types = typeVoters.getOrDefault(c.getKey(), Map.of());
            spanType(l, INSULT, types.get("Insult"), n);
            spanType(l, PROFANITY, types.get("Profane"), n);
            spanType(l, IDENTITY_ATTACK, types.get("Identity attack"), n);
            spanType(l, THREAT, types.get("Threat"), n);
            String text = c.getValue();
            if (testTexts.contains(text)) {
                add("toxic_spans", "en", Split.TEST, text, l);
            } else if (devTexts.contains(text)) {
                add("toxic_spans", "en", Split.DEV, text, l);
            } else {
                rest.add(new Pending("en", text, l));
            }
        }
        seeded("toxic_spans", rest, false, true);
    }

    /** A span type counts when at least half of the annotators marked it; none marking it is a negative. */
    private static void spanType(Map<Attribute, Boolean> l, Attribute a, Set<String> voters, int annotators) {
        int votes = voters == null ? 0 : voters.size();
        if (votes * 2 >= annotators) {
            l.put(a, votes > 0);
        } else if (votes == 0) {
            l.put(a, false);
        }
    }

    private void implicitHate() throws IOException {
        Map<String, String> stg2 = new HashMap<>();
        for (String[] r : skipHeader(Csv.readQuoted(file("implicit_hate/implicit_hate_v1_stg2_posts.tsv"), '\t'))) {
            stg2.put(at(r, 0), at(r, 1) + "," + at(r, 2));
        }
        List<Pending> p = new ArrayList<>();
        for (String[] r : skipHeader(Csv.readQuoted(file("implicit_hate/implicit_hate_v1_stg1_posts.tsv"), '\t'))) {
            String cls = at(r, 1).trim();
            boolean hate = cls.equals("implicit_hate") || cls.equals("explicit_hate");
            Map<Attribute, Boolean> l = labels(TOXICITY, hate, IDENTITY_ATTACK, hate);
            String sub = stg2.get(at(r, 0));
            if (!hate) {
                l.put(THREAT, false);
            } else if (sub != null) {
                l.put(THREAT, sub.contains("threatening") || sub.contains("incitement"));
            }
            p.add(new Pending("en", at(r, 0), l));
        }
        seeded("implicit_hate", p, true, true);
    }

    private void gab() throws IOException {
        List<Pending> train = new ArrayList<>();
        for (String[] r : skipHeader(Csv.readQuoted(file("gab_hate_corpus/ghc_train.tsv"), '\t'))) {
            train.add(new Pending("en", at(r, 0), gabLabels(r)));
        }
        seeded("gab_hate_corpus", train, false, true);
        for (String[] r : skipHeader(Csv.readQuoted(file("gab_hate_corpus/ghc_test.tsv"), '\t'))) {
            add("gab_hate_corpus", "en", Split.TEST, at(r, 0), gabLabels(r));
        }
    }

    private static Map<Attribute, Boolean> gabLabels(String[] r) {
        boolean hd = "1".equals(at(r, 1).trim());
        boolean cv = "1".equals(at(r, 2).trim());
        boolean vo = "1".equals(at(r, 3).trim());
        return labels(TOXICITY, hd || cv || vo, IDENTITY_ATTACK, hd, THREAT, cv, PROFANITY, vo);
    }

    private void stormfront() throws IOException {
        List<String[]> rows = Csv.readQuoted(file("stormfront/stormfront_sentences.csv"), ',');
        int text = col(rows.get(0), "text");
        int label = col(rows.get(0), "label");
        List<Pending> p = new ArrayList<>();
        for (String[] r : skipHeader(rows)) {
            String l = at(r, label).trim();
            if (l.equals("hate") || l.equals("noHate")) {
                boolean hate = l.equals("hate");
                p.add(new Pending("en", at(r, text), labels(TOXICITY, hate, IDENTITY_ATTACK, hate)));
            }
        }
        seeded("stormfront", p, true, true);
    }

    private void waseemHovy() throws IOException {
        List<Pending> p = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String[] r : skipHeader(Csv.readPlain(file("waseem_hovy/wassem_hovy_naacl.csv"), '\t'))) {
            String label = at(r, 4).trim();
            if (seen.add(at(r, 3))) {
                boolean hate = label.equals("sexism") || label.equals("racism");
                p.add(new Pending("en", at(r, 3), labels(TOXICITY, hate, IDENTITY_ATTACK, hate)));
            }
        }
        for (String[] r : skipHeader(Csv.readPlain(file("waseem_hovy/wassem_css.csv"), '\t'))) {
            String label = at(r, 4).trim();
            if (seen.add(at(r, 3))) {
                boolean hate = !label.equals("neither");
                p.add(new Pending("en", at(r, 3), labels(TOXICITY, hate, IDENTITY_ATTACK, hate)));
            }
        }
        seeded("waseem_hovy", p, true, true);
    }

    private void hasoc(String lang, String train, String test) throws IOException {
        List<Pending> p = new ArrayList<>();
        for (String[] r : skipHeader(Csv.readPlain(file("hasoc/" + train), '\t'))) {
            p.add(new Pending(lang, at(r, 1), hasocLabels(r)));
        }
        seeded("hasoc_" + lang, p, false, true);
        for (String[] r : skipHeader(Csv.readPlain(file("hasoc/" + test), '\t'))) {
            add("hasoc_" + lang, lang, Split.TEST, at(r, 1), hasocLabels(r));
        }
    }

    private static Map<Attribute, Boolean> hasocLabels(String[] r) {
        boolean hof = "HOF".equals(at(r, 2).trim());
        String t2 = at(r, 3).trim();
        return labels(TOXICITY, hof, IDENTITY_ATTACK, t2.equals("HATE"), PROFANITY, t2.equals("PRFN"));
    }

    // ---------------------------------------------------------------- other languages

    private void germeval() throws IOException {
        List<Pending> p = new ArrayList<>();
        for (String[] r : Csv.readPlain(file("germeval2018/germeval2018.training.txt"), '\t')) {
            p.add(new Pending("de", at(r, 0), germevalLabels(r)));
        }
        seeded("germeval2018", p, false, true);
        for (String[] r : Csv.readPlain(file("germeval2018/germeval2018.test.txt"), '\t')) {
            add("germeval2018", "de", Split.TEST, at(r, 0), germevalLabels(r));
        }
    }

    private static Map<Attribute, Boolean> germevalLabels(String[] r) {
        String fine = at(r, 2).trim();
        return labels(TOXICITY, "OFFENSE".equals(at(r, 1).trim()), INSULT, fine.equals("INSULT"),
                PROFANITY, fine.equals("PROFANITY"));
    }

    private void offensevalAr() throws IOException {
        Map<String, String> hate = new HashMap<>();
        for (String name : List.of("OSACT2020-sharedTask-train.txt", "OSACT2020-sharedTask-dev.txt")) {
            for (String[] r : Csv.readPlain(file("offenseval2020_ar/" + name), '\t')) {
                hate.put(at(r, 0), at(r, 2).trim());
            }
        }
        List<Pending> train = new ArrayList<>();
        for (String[] r : skipHeader(Csv.readPlain(file("offenseval2020_ar/offenseval-ar-training-v1.tsv"), '\t'))) {
            train.add(new Pending("ar", at(r, 1), arLabels(at(r, 2), hate.get(at(r, 1)))));
        }
        seeded("offenseval2020_ar", train, false, false);
        for (String[] r : skipHeader(Csv.readPlain(file("offenseval2020_ar/offenseval-ar-dev-v1.tsv"), '\t'))) {
            add("offenseval2020_ar", "ar", Split.DEV, at(r, 1), arLabels(at(r, 2), hate.get(at(r, 1))));
        }
        Map<String, String> gold = idLabels(file("offenseval2020_ar/jak_gold/arabic-goldlabels.csv"));
        for (String[] r : skipHeader(Csv.readPlain(file("offenseval2020_ar/jak_gold/test.tsv"), '\t'))) {
            String g = gold.get(r[0].trim());
            if (g != null) {
                add("offenseval2020_ar", "ar", Split.TEST, at(r, 1), labels(TOXICITY, g.equals("OFF")));
            }
        }
    }

    private static Map<Attribute, Boolean> arLabels(String off, String hs) {
        Map<Attribute, Boolean> l = labels(TOXICITY, "OFF".equals(off.trim()));
        if (hs != null) {
            l.put(IDENTITY_ATTACK, hs.equals("HS"));
        }
        return l;
    }

    private void lhsab() throws IOException {
        List<Pending> p = new ArrayList<>();
        for (String[] r : skipHeader(Csv.readPlain(file("l_hsab/L-HSAB"), '\t'))) {
            String c = at(r, 1).trim();
            p.add(new Pending("ar", at(r, 0), labels(TOXICITY, !c.equals("normal"), IDENTITY_ATTACK, c.equals("hate"))));
        }
        seeded("l_hsab", p, true, true);
    }

    private void mlma() throws IOException {
        for (String lang : List.of("en", "fr", "ar")) {
            List<String[]> rows = Csv.readQuoted(file("mlma/hate_speech_mlma/" + lang + "_dataset.csv"), ',');
            int tweet = col(rows.get(0), "tweet");
            int sentiment = col(rows.get(0), "sentiment");
            List<Pending> p = new ArrayList<>();
            for (String[] r : skipHeader(rows)) {
                String s = at(r, sentiment);
                boolean toxic = s.contains("offensive") || s.contains("hateful") || s.contains("abusive")
                        || s.contains("disrespectful");
                p.add(new Pending(lang, at(r, tweet), labels(TOXICITY, toxic, IDENTITY_ATTACK, s.contains("hateful"))));
            }
            seeded("mlma_" + lang, p, true, true);
        }
    }

    private void offensevalTr() throws IOException {
        List<Pending> p = new ArrayList<>();
        for (String[] r : Csv.readPlain(file("offenseval2020_tr/offenseval-tr-training-v1.tsv"), '\t')) {
            if (r.length >= 3 && !r[0].equals("id")) {
                p.add(new Pending("tr", at(r, 1), labels(TOXICITY, "OFF".equals(at(r, 2).trim()))));
            }
        }
        seeded("offenseval2020_tr", p, false, true);
        Map<String, String> gold = idLabels(file("offenseval2020_tr/offenseval-tr-labela-v1.tsv"));
        for (String[] r : Csv.readPlain(file("offenseval2020_tr/offenseval-tr-testset-v1.tsv"), '\t')) {
            String g = gold.get(r[0].trim());
            if (g != null) {
                add("offenseval2020_tr", "tr", Split.TEST, at(r, 1), labels(TOXICITY, g.equals("OFF")));
            }
        }
    }

    private void offensevalSimple(String folder, String lang, String train, String test, String goldFile)
            throws IOException {
        List<Pending> p = new ArrayList<>();
        for (String[] r : skipHeader(Csv.readPlain(file(folder + "/" + train), '\t'))) {
            p.add(new Pending(lang, at(r, 1), labels(TOXICITY, "OFF".equals(at(r, 2).trim()))));
        }
        seeded(folder, p, false, true);
        Map<String, String> gold = idLabels(file(folder + "/" + goldFile));
        for (String[] r : skipHeader(Csv.readPlain(file(folder + "/" + test), '\t'))) {
            String g = gold.get(r[0].trim());
            if (g != null) {
                add(folder, lang, Split.TEST, at(r, 1), labels(TOXICITY, g.equals("OFF")));
            }
        }
    }

    private void toldBr() throws IOException {
        List<String[]> rows = Csv.readQuoted(file("told_br/ToLD-BR.csv"), ',');
        List<Pending> p = new ArrayList<>();
        for (String[] r : skipHeader(rows)) {
            if (r.length < 7) {
                continue;
            }
            double homophobia = num(r[1]);
            double obscene = num(r[2]);
            double insult = num(r[3]);
            double racism = num(r[4]);
            double misogyny = num(r[5]);
            double xenophobia = num(r[6]);
            double identity = Math.max(Math.max(homophobia, racism), Math.max(misogyny, xenophobia));
            boolean toxic = Math.max(identity, Math.max(obscene, insult)) >= 1;
            p.add(new Pending("pt", r[0], labels(TOXICITY, toxic, IDENTITY_ATTACK, identity >= 2,
                    INSULT, insult >= 2, PROFANITY, obscene >= 2)));
        }
        seeded("told_br", p, true, true);
    }

    private static double num(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void banPl() throws IOException {
        List<String[]> rows = Csv.readQuoted(file("ban_pl/BAN-PL_2__BAN-PL.csv"), ',');
        int text = col(rows.get(0), "Text");
        int cls = col(rows.get(0), "Class");
        List<Pending> p = new ArrayList<>();
        for (String[] r : skipHeader(rows)) {
            p.add(new Pending("pl", at(r, text), labels(TOXICITY, "1".equals(at(r, cls).trim()))));
        }
        seeded("ban_pl", p, true, true);
    }

    private void korHate() throws IOException {
        List<Pending> p = new ArrayList<>();
        for (String[] r : skipHeader(Csv.readPlain(file("kor_hate/train.tsv"), '\t'))) {
            p.add(new Pending("ko", at(r, 0), korLabels(at(r, 3))));
        }
        seeded("kor_hate", p, true, false);
        for (String[] r : skipHeader(Csv.readPlain(file("kor_hate/dev.tsv"), '\t'))) {
            add("kor_hate", "ko", Split.DEV, at(r, 0), korLabels(at(r, 3)));
        }
    }

    private static Map<Attribute, Boolean> korLabels(String hate) {
        String h = hate.trim();
        return labels(TOXICITY, !h.equals("none"), IDENTITY_ATTACK, h.equals("hate"));
    }

    private void kmhas() throws IOException {
        List<Pending> p = new ArrayList<>();
        for (String name : List.of("kmhas/kmhas_valid.txt", "kmhas/kmhas_test.txt")) {
            for (String[] r : skipHeader(Csv.readPlain(file(name), '\t'))) {
                Set<String> ids = Set.of(at(r, 1).replace("\"", "").trim().split("\\s*,\\s*"));
                boolean clean = ids.contains("8");
                boolean profanity = ids.contains("3");
                boolean identity = Stream.of("0", "1", "2", "4", "5", "6", "7").anyMatch(ids::contains);
                p.add(new Pending("ko", at(r, 0), labels(TOXICITY, !clean, IDENTITY_ATTACK, identity,
                        PROFANITY, profanity)));
            }
        }
        seeded("kmhas", p, true, true);
    }

    private void cold() throws IOException {
        for (String split : List.of("train", "dev", "test")) {
            List<String[]> rows = Csv.readQuoted(file("cold/" + split + ".csv"), ',');
            int text = col(rows.get(0), "TEXT");
            int label = col(rows.get(0), "label");
            Split s = Split.valueOf(split.toUpperCase(Locale.ROOT));
            for (String[] r : skipHeader(rows)) {
                add("cold", "zh", s, at(r, text), labels(TOXICITY, "1".equals(at(r, label).trim())));
            }
        }
    }

    private void swsr() throws IOException {
        List<String[]> rows = Csv.readQuoted(file("swsr/SexComment.csv"), ',');
        int text = col(rows.get(0), "comment_text");
        int label = col(rows.get(0), "label");
        List<Pending> p = new ArrayList<>();
        for (String[] r : skipHeader(rows)) {
            boolean sexist = "1".equals(at(r, label).trim());
            p.add(new Pending("zh", at(r, text), labels(TOXICITY, sexist, IDENTITY_ATTACK, sexist)));
        }
        seeded("swsr", p, true, true);
    }

    private void vihsd() throws IOException {
        for (String split : List.of("train", "dev", "test")) {
            List<String[]> rows = Csv.readQuoted(file("vihsd/vihsd/" + split + ".csv"), ',');
            Split s = Split.valueOf(split.toUpperCase(Locale.ROOT));
            for (String[] r : skipHeader(rows)) {
                String l = at(r, 1).trim();
                add("vihsd", "vi", s, at(r, 0), labels(TOXICITY, !l.equals("0"), IDENTITY_ATTACK, l.equals("2")));
            }
        }
    }

    private void vihos() throws IOException {
        for (String split : List.of("train", "dev", "test")) {
            List<String[]> rows = Csv.readQuoted(file("vihos/" + split + ".csv"), ',');
            Split s = Split.valueOf(split.toUpperCase(Locale.ROOT));
            for (String[] r : skipHeader(rows)) {
                String spans = at(r, 2).trim();
                add("vihos", "vi", s, at(r, 1), labels(TOXICITY, !(spans.isEmpty() || spans.equals("[]"))));
            }
        }
    }

    private void russeDetox() throws IOException {
        for (String split : List.of("train", "dev", "test")) {
            List<String[]> rows = Csv.readPlain(file("russe_detox/" + split + ".tsv"), '\t');
            Split s = Split.valueOf(split.toUpperCase(Locale.ROOT));
            int first = split.equals("train") ? 1 : 0;
            for (String[] r : skipHeader(rows)) {
                add("russe_detox", "ru", s, at(r, first), labels(TOXICITY, true));
                for (int k = first + 1; k < r.length; k++) {
                    add("russe_detox", "ru", s, r[k], labels(TOXICITY, false));
                }
            }
        }
    }

    /** Rethrows IO failures of lambdas. */
    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
