package org.carereview.consult.triage.campaigns;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Made-up submissions for measuring campaign grouping: campaign templates copied with edits (words changed,
 * dropped or added, a sentence of the sender's own before or after), among one-off texts written from the same
 * words and the same common phrases ("my social worker", "I think that"), so that one-off texts overlap each other
 * and the templates the way real answers do. Seeded: the same set every run.
 */
final class PlantedCampaigns {

    /** One text, and the campaign it copies (-1 for a one-off). */
    record Text(String text, int campaign) {
    }

    private static final String[] WORDS = ("care foster home placement school social worker children young people "
            + "family carer kinship adoption support listen moved moving stable change review council money time "
            + "help safe unsafe police court decision meeting plan leaving leaver housing mental health service "
            + "waiting list friends siblings brother sister contact visits trust respect voice heard ignored "
            + "independent advocate therapy education teacher college job future rights promise stability "
            + "relationship key worker residential unit manager local authority funding cuts staff turnover "
            + "agency night day week month year always never often sometimes really very more less better worse")
            .split(" ");
    private static final String[] PHRASES = {"I think that", "my social worker", "in care", "the review should",
        "children in care", "it would be good if", "we need more", "I was moved", "nobody listened to me",
        "the local authority", "I feel that", "young people leaving care", "there should be", "a lot of"};

    private final Random random;

    PlantedCampaigns(long seed) {
        this.random = new Random(seed);
    }

    /** {@code campaigns} templates with copies from 50 to 2,000 each, then one-off texts up to {@code total}. */
    List<Text> make(int total, int campaigns) {
        List<Text> texts = new ArrayList<>();
        for (int c = 0; c < campaigns; c++) {
            String template = prose(60 + random.nextInt(90));
            int copies = campaigns == 1 ? 50 : 50 + c * (2000 - 50) / (campaigns - 1);
            for (int i = 0; i < copies && texts.size() < total; i++) {
                texts.add(new Text(edited(template), c));
            }
        }
        while (texts.size() < total) {
            texts.add(new Text(prose(15 + random.nextInt(120)), -1));
        }
        java.util.Collections.shuffle(texts, random);
        return texts;
    }

    /** A copy of the template with 2 to 10 words in a hundred changed, and sometimes a sentence of one's own. */
    String edited(String template) {
        double rate = 0.02 + random.nextDouble() * 0.08;
        StringBuilder out = new StringBuilder();
        if (random.nextInt(10) < 3) {
            out.append(prose(8 + random.nextInt(12))).append(". ");
        }
        for (String word : template.split(" ")) {
            double roll = random.nextDouble();
            if (roll < rate / 2) {
                out.append(word(random)).append(' ');
            } else if (roll < rate * 3 / 4) {
                continue;
            } else if (roll < rate) {
                out.append(word).append(' ').append(word(random)).append(' ');
            } else {
                out.append(word).append(' ');
            }
        }
        if (random.nextInt(10) < 2) {
            out.append(". ").append(prose(6 + random.nextInt(10)));
        }
        return out.toString().strip();
    }

    /** Text of about {@code words} words from the shared words and common phrases. */
    String prose(int words) {
        StringBuilder out = new StringBuilder();
        int written = 0;
        while (written < words) {
            if (random.nextInt(5) == 0) {
                String phrase = PHRASES[random.nextInt(PHRASES.length)];
                out.append(phrase).append(' ');
                written += phrase.split(" ").length;
            } else {
                out.append(word(random)).append(' ');
                written++;
            }
        }
        return out.toString().strip();
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }
}
