package org.carereview.consult.core.safeguarding;

import java.util.ArrayList;
import java.util.List;

/**
 * One labelled text of the shipped training set ({@link LearnedConfiguration#EXAMPLE_FILES}: label, category,
 * voice, text, separated by tabs, with a header line): DISCLOSURE or ORDINARY.
 */
record LabelledText(boolean disclosure, String category, String voice, String text) {

    static List<LabelledText> parse(String tsv, String name) {
        List<LabelledText> list = new ArrayList<>();
        int number = 0;
        for (String line : tsv.split("\\R")) {
            number++;
            if (line.isBlank() || line.startsWith("#") || line.startsWith("label\t")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 4 || !(f[0].equals("DISCLOSURE") || f[0].equals("ORDINARY")) || f[3].isBlank()) {
                throw new IllegalStateException(name + ", line " + number + ": expected label, category, voice, text");
            }
            list.add(new LabelledText(f[0].equals("DISCLOSURE"), f[1], f[2], f[3]));
        }
        return list;
    }

    /** Every shipped example, all the files in order. */
    static List<LabelledText> shipped() {
        List<LabelledText> all = new ArrayList<>();
        for (String file : LearnedConfiguration.EXAMPLE_FILES.split(",")) {
            all.addAll(resource(file));
        }
        return all;
    }

    static List<LabelledText> resource(String resource) {
        return parse(ShippedText.read(resource, "Labelled examples"), resource);
    }
}
