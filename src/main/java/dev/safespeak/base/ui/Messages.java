package dev.safespeak.base.ui;

import com.ibm.icu.text.MessageFormat;
import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The words of the UI: keys in {@code vaadin-i18n/translations*.properties}, formatted with ICU's MessageFormat so
 * that plurals follow each language's rules ({@code {0, plural, one {# comment} other {# comments}}}).
 *
 * <p>English is the only language today; another one is a {@code translations_xx.properties} file next to it plus
 * its locale in {@link #LOCALES}. Keys are dotted lower case ({@code board.comments}); the label of an enum constant
 * is the key {@code Type.CONSTANT} ({@code ItemStatus.DONE}, {@code EvidenceAlert.Kind.DRIFT}), see {@link #label(Enum)}. A missing key shows
 * as {@code !key!} and is logged once per call; {@code MessageBundleTest} keeps code and bundle in step.
 */
public final class Messages {

    /** Where the bundle lives on the class path; the name Vaadin's own provider would also read. */
    public static final String BUNDLE = "vaadin-i18n/translations";

    /** The languages we have words for; the first is the default. */
    public static final List<Locale> LOCALES = List.of(Locale.ENGLISH);

    private static final Logger LOG = LoggerFactory.getLogger(Messages.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** The text for {@code key} in the current UI's language (English outside a UI), with {@code args} filled in. */
    public static String get(String key, Object... args) {
        return format(currentLocale(), key, args);
    }

    /** The text for {@code key} without arguments, or empty when the bundle has no such key (for open-ended keys). */
    public static Optional<String> find(String key) {
        ResourceBundle bundle = bundle(currentLocale());
        return bundle.containsKey(key) ? Optional.of(formatPattern(currentLocale(), bundle.getString(key)))
                : Optional.empty();
    }

    /** The language of the current UI, English outside a UI: for numbers and dates formatted next to the texts. */
    public static Locale locale() {
        return currentLocale();
    }

    /** The label of an enum constant, under the key {@code Type.CONSTANT} (nested types dotted: {@code Outer.Inner.X}). */
    public static String label(Enum<?> value) {
        return get(enumKey(value));
    }

    /** The text for {@code key} in {@code locale}, with {@code args} filled in by ICU MessageFormat. */
    public static String format(Locale locale, String key, Object... args) {
        if (key == null) {
            throw new IllegalArgumentException("message key is null");
        }
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            LOG.warn("No text for message key '{}' in {}", key, BUNDLE);
            return "!" + key + "!";
        }
        return formatPattern(locale, pattern, args);
    }

    static String formatPattern(Locale locale, String pattern, Object... args) {
        return new MessageFormat(pattern, localeOrDefault(locale)).format(args == null ? new Object[0] : args);
    }

    /** A moment as people read it, in UTC like every time on the pages: "Dec 5, 2026, 9:14:03 PM UTC". */
    public static String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        Locale locale = currentLocale();
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(ZoneOffset.UTC)
                .format(instant) + " UTC";
    }

    /** A day as people read it: "Dec 19, 2026". */
    public static String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(currentLocale())
                .format(date);
    }

    static String enumKey(Enum<?> value) {
        Class<?> type = value.getDeclaringClass();
        return enumTypeName(type) + "." + value.name();
    }

    /** {@code ItemStatus}, or {@code EvidenceAlert.Kind} for an enum nested in a class. */
    static String enumTypeName(Class<?> type) {
        return type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
    }

    /** Every key of the default bundle, for the test that keeps code and bundle in step. */
    static Set<String> keys() {
        return Collections.unmodifiableSet(new TreeSet<>(bundle(LOCALES.get(0)).keySet()));
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, localeOrDefault(locale), Messages.class.getClassLoader(),
                NO_FALLBACK);
    }

    private static Locale localeOrDefault(Locale locale) {
        return locale == null ? LOCALES.get(0) : locale;
    }

    private static Locale currentLocale() {
        UI ui = UI.getCurrent();
        return ui == null ? LOCALES.get(0) : ui.getLocale();
    }
}
