package dev.safespeak.ops;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.text.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ICU4J calls of the engine's {@code Normaliser} and {@code FeatureExtractor} (NFKC case folding, the root word
 * break iterator, scripts, default-ignorable code points) and of the UI's {@code Messages} (MessageFormat with plurals
 * and numbers), made through a class loader of one's choice: the results of the production jar's slimmed ICU4J
 * (decision 098) must equal those of the whole library.
 */
final class IcuProbe {

    /** Texts in the engine's 15 languages and in the scripts whose word breaks need ICU's dictionaries. */
    static final List<String> TEXTS = List.of(
            "You are an absolute idiot and nobody likes you.", "Du bist so ein dummer Vollidiot, halt die Klappe.",
            "Ferme ta gueule, espèce de crétin.", "¿Quieres venir a cenar con nosotros el sábado?",
            "Você é um idiota completo, cala a boca.", "Jesteś kompletnym idiotą, zamknij się.",
            "Du er en fuldstændig idiot, hold din kæft.", "İstanbul'da hava bugün çok güzeldi, Işık ve Ömer geldi.",
            "Ты полный идиот, заткнись уже наконец.", "Αύριο θα πάμε στη θάλασσα. ΣΟΦΊΑ ΟΔΥΣΣΕΎΣ",
            "أنت غبي جدا ولا أحد يحبك، اصمت.", "तुम पूरे बेवकूफ हो, चुप रहो।", "너는 정말 바보 같은 놈이야, 입 닥쳐.",
            "你这个白痴，闭嘴吧，没有人喜欢你。滾開，你這個混蛋。", "Mày đúng là đồ ngu, câm miệng lại đi.",
            "お前は本当に馬鹿だな、黙れ。カタカナ", "คุณเป็นคนโง่มาก หุบปากไปเลย", "អ្នកឆ្កួតណាស់", "ເຈົ້າໂງ່ຫຼາຍ",
            "မင်းက အရူးပဲ", "ＦＵＣＫ　ＹＯＵ ｉｄｉｏｔ ①② ﬁne ẞ Straße", "i\u200bd\u200bi\u200bo\u200bt s\u00adtupid",
            "you 🤡🤡 clown 👍🏽 🇩🇪 👨‍👩‍👧", "y0u 4r3 4n 1d10t, $tup1d", "ide\u0301ot Ǆemal ΐ אתה אידיוט",
            "visit https://example.org/x?q=1 or me@example.com #tag @user €1,234.50");

    /** Numbers for every argument of a message: zero, one, many, large, fractions. */
    private static final List<Object> ARGUMENTS = List.of(0, 1, 2, 1234567, 0.25, 3.5);

    private IcuProbe() {
    }

    /**
     * What ICU4J loaded by {@code loader} answers for {@link #TEXTS} and for {@code patterns} formatted in
     * {@code locales}: one line per text and call, one per pattern, locale and argument.
     */
    static List<String> run(ClassLoader loader, List<String> patterns, List<Locale> locales)
            throws ReflectiveOperationException {
        List<String> out = new ArrayList<>();
        Class<?> normalizer2 = loader.loadClass("com.ibm.icu.text.Normalizer2");
        Object nfkcCasefold = normalizer2.getMethod("getNFKCCasefoldInstance").invoke(null);
        Method normalize = normalizer2.getMethod("normalize", CharSequence.class);
        Class<?> uLocale = loader.loadClass("com.ibm.icu.util.ULocale");
        Class<?> breakIterator = loader.loadClass("com.ibm.icu.text.BreakIterator");
        Method setText = breakIterator.getMethod("setText", String.class);
        Method next = breakIterator.getMethod("next");
        Method ruleStatus = breakIterator.getMethod("getRuleStatus");
        Method getScript = loader.loadClass("com.ibm.icu.lang.UScript").getMethod("getScript", int.class);
        Class<?> uCharacter = loader.loadClass("com.ibm.icu.lang.UCharacter");
        Method hasBinaryProperty = uCharacter.getMethod("hasBinaryProperty", int.class, int.class);
        int defaultIgnorable = loader.loadClass("com.ibm.icu.lang.UProperty")
                .getField("DEFAULT_IGNORABLE_CODE_POINT").getInt(null);
        for (String text : TEXTS) {
            out.add("nfkc_cf " + normalize.invoke(nfkcCasefold, text));
            Object words = breakIterator.getMethod("getWordInstance", uLocale)
                    .invoke(null, uLocale.getField("ROOT").get(null));
            setText.invoke(words, text);
            StringBuilder breaks = new StringBuilder("words");
            for (int end = (int) next.invoke(words); end != -1; end = (int) next.invoke(words)) {
                breaks.append(' ').append(end).append('/').append(ruleStatus.invoke(words));
            }
            out.add(breaks.toString());
            StringBuilder scripts = new StringBuilder("scripts");
            text.codePoints().forEach(cp -> {
                try {
                    scripts.append(' ').append(getScript.invoke(null, cp))
                            .append(hasBinaryProperty.invoke(null, cp, defaultIgnorable).equals(true) ? "i" : "");
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
            out.add(scripts.toString());
        }
        Constructor<?> messageFormat = loader.loadClass("com.ibm.icu.text.MessageFormat")
                .getConstructor(String.class, Locale.class);
        for (Locale locale : locales) {
            for (String pattern : patterns) {
                for (Object argument : ARGUMENTS) {
                    Object[] arguments = {argument, argument, argument, argument, argument, argument};
                    out.add(locale + " " + ((Format) messageFormat.newInstance(pattern, locale)).format(arguments));
                }
            }
        }
        return out;
    }
}
