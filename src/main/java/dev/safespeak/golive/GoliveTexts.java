package dev.safespeak.golive;

import dev.safespeak.golive.internal.ItemEntity;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Input rules and entity-to-record conversions the three go-live services share. */
final class GoliveTexts {

    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 4000;
    static final int MAX_LINK = 2000;
    static final int MAX_REASON = 1000;

    private GoliveTexts() {
    }

    static String requireText(String value, String what, int maxChars) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        String clean = value.strip();
        if (clean.length() > maxChars) {
            throw new IllegalArgumentException(what + " has " + clean.length() + " characters, at most " + maxChars
                    + " are allowed");
        }
        return clean;
    }

    static String optionalText(String value, String what, int maxChars) {
        return value == null || value.isBlank() ? null : requireText(value, what, maxChars);
    }

    static String requireLink(String link) {
        String clean = requireText(link, "evidence link", MAX_LINK);
        try {
            URI uri = new URI(clean);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
            // "//host/x" is relative to the scheme only: browsers open it on another host. ("/\\host/x", which
            // browsers read the same way, is no valid URI and refused below.)
            boolean relative = scheme.isEmpty() && clean.startsWith("/") && uri.getRawAuthority() == null;
            if (!web && !relative) {
                throw new IllegalArgumentException("evidence link must be an http(s) URL or a path starting with "
                        + "'/', got '" + truncate(clean, 80) + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("evidence link is not a valid URL: '" + truncate(clean, 80) + "'");
        }
        return clean;
    }

    static String truncate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    static Progress progress(List<ItemView> group) {
        return new Progress((int) group.stream().filter(ItemView::closed).count(), group.size());
    }

    static ItemView toView(ItemEntity i, LocalDate today) {
        boolean overdue = !i.getStatus().isClosed() && i.getDueDate().isBefore(today);
        return new ItemView(i.getId(), i.getReleaseId(), i.getKey(), i.getPhase(), i.getSection(), i.getText(),
                i.getPosition(),
                i.getOwner(), i.getStatus(), i.getReason(), i.isRequired(), i.getWindow(), i.getDueDate(), overdue,
                i.isRegressed(), i.getNote(), i.getEvidenceLink(), i.getEvidenceSummary(), i.getChangedBy(),
                i.getChangedAt(), i.getCommentCount());
    }
}
