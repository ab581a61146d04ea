package org.carereview.consult.core.redaction;

import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds personal details in a free-text answer and replaces each with its placeholder ({@code [name]},
 * {@code [phone]}, ...): emails, UK phone numbers and postcodes, house-number addresses, dates given as a date of
 * birth, school and placement names, and people's names (ADR 17). Rules and word lists only; nothing leaves the
 * process. Place names, roles and institutions ("my social worker", "Ofsted", "Leeds") are kept.
 */
@Singleton
public class Redactor {

    /** When two findings overlap, the longer wins; at equal length, the kind listed first. */
    private static final Comparator<Found> PREFERRED = Comparator.comparingInt(Found::length).reversed()
            .thenComparing(Found::kind).thenComparingInt(Found::start);

    public Redaction redact(String text) {
        return redact(text, List.of());
    }

    /** Redacts, then applies staff corrections in order; a correction whose text is no longer there is ignored. */
    public Redaction redact(String text, List<Correction> corrections) {
        if (text == null || text.isEmpty()) {
            return new Redaction(text == null ? "" : text, List.of());
        }
        List<Found> found = new ArrayList<>(find(text));
        for (Correction correction : corrections) {
            if (!correction.appliesTo(text)) {
                continue;
            }
            found.removeIf(f -> f.overlaps(correction.start(), correction.end()));
            if (correction.redact()) {
                found.add(new Found(correction.kind(), correction.start(), correction.end()));
            }
        }
        found.sort(Comparator.comparingInt(Found::start));
        return new Redaction(replace(text, found), found);
    }

    /**
     * Every detail the rules find, overlaps resolved, in order of position. The text's digits are counted and its
     * lower-case form made once here, for the rules that skip their searches by them.
     */
    static List<Found> find(String text) {
        int digits = digits(text);
        String lower = text.toLowerCase(Locale.ROOT);
        List<Found> candidates = new ArrayList<>();
        candidates.addAll(Contacts.find(text, digits));
        candidates.addAll(BirthDates.find(text, lower, digits));
        candidates.addAll(Places.find(text, lower, digits));
        candidates.addAll(Names.find(text));
        candidates.sort(PREFERRED);
        List<Found> kept = new ArrayList<>();
        for (Found candidate : candidates) {
            if (kept.stream().noneMatch(k -> k.overlaps(candidate.start(), candidate.end()))) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparingInt(Found::start));
        return kept;
    }

    /** How many ASCII digits the text has: what the rules' {@code \d} matches (numbers, addresses, dates). */
    static int digits(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                n++;
            }
        }
        return n;
    }

    private static String replace(String text, List<Found> found) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Found f : found) {
            out.append(text, at, f.start()).append(f.kind().placeholder());
            at = f.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
