package dev.safespeak.moderation.engine;

import dev.safespeak.moderation.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a model's per-token contributions into character spans of the original text: the strongest
 * positive tokens, each scored relative to the strongest (which gets the attribute's score), with
 * neighbouring tokens merged into one span.
 */
final class SpanExplainer {

    /** At most this many tokens per attribute become spans; more would highlight whole texts. */
    static final int MAX_TOKENS = 8;
    /** Tokens weaker than this share of the strongest token are noise, not explanation. */
    static final double MIN_RELATIVE_WEIGHT = 0.25;

    private SpanExplainer() {
    }

    static List<Span> spans(List<Token> tokens, List<TokenContribution> contributions, double attributeScore) {
        List<TokenContribution> positive = new ArrayList<>();
        for (TokenContribution c : contributions) {
            if (c.weight() > 0) {
                positive.add(c);
            }
        }
        if (positive.isEmpty()) {
            return List.of();
        }
        positive.sort(Comparator.comparingDouble(TokenContribution::weight).reversed());
        double strongest = positive.get(0).weight();
        Map<Token, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            index.put(tokens.get(i), i);
        }
        // Token position -> span score, for the chosen tokens.
        double[] chosen = new double[tokens.size()];
        boolean any = false;
        List<int[]> foreign = new ArrayList<>();
        List<Double> foreignScores = new ArrayList<>();
        for (int k = 0; k < Math.min(MAX_TOKENS, positive.size()); k++) {
            TokenContribution c = positive.get(k);
            double relative = c.weight() / strongest;
            if (relative < MIN_RELATIVE_WEIGHT) {
                break;
            }
            double score = attributeScore * relative;
            Integer at = index.get(c.token());
            if (at == null) {
                at = indexByValue(tokens, c.token());
            }
            if (at == null) {
                // A token the model derived itself (for example a bigram): keep its own range.
                foreign.add(new int[] {c.token().begin(), c.token().end()});
                foreignScores.add(score);
                continue;
            }
            chosen[at] = Math.max(chosen[at], score);
            any = true;
        }
        List<Span> spans = new ArrayList<>();
        if (any) {
            int i = 0;
            while (i < tokens.size()) {
                if (chosen[i] <= 0) {
                    i++;
                    continue;
                }
                int begin = tokens.get(i).begin();
                int end = tokens.get(i).end();
                double score = chosen[i];
                int j = i + 1;
                while (j < tokens.size() && chosen[j] > 0) {
                    end = Math.max(end, tokens.get(j).end());
                    score = Math.max(score, chosen[j]);
                    j++;
                }
                spans.add(new Span(begin, end, score));
                i = j;
            }
        }
        for (int k = 0; k < foreign.size(); k++) {
            spans.add(new Span(foreign.get(k)[0], foreign.get(k)[1], foreignScores.get(k)));
        }
        spans.sort(Comparator.comparingInt(Span::begin));
        return mergeOverlapping(spans);
    }

    private static Integer indexByValue(List<Token> tokens, Token token) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).equals(token)) {
                return i;
            }
        }
        return null;
    }

    private static List<Span> mergeOverlapping(List<Span> sorted) {
        if (sorted.size() < 2) {
            return sorted;
        }
        List<Span> merged = new ArrayList<>();
        Span current = sorted.get(0);
        for (int i = 1; i < sorted.size(); i++) {
            Span next = sorted.get(i);
            if (next.begin() <= current.end()) {
                current = new Span(current.begin(), Math.max(current.end(), next.end()),
                        Math.max(current.score(), next.score()));
            } else {
                merged.add(current);
                current = next;
            }
        }
        merged.add(current);
        return merged;
    }
}
