package org.carereview.consult.core.redaction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One labelled answer: the text as written, and the personal details in it. In the files each detail is marked
 * inline, {@code my sw [[NAME:sarah]] rang me on [[PHONE:07700 900123]]}; {@code DOB} stands for a date of birth.
 */
record LabelledAnswer(String text, List<Found> details, int line) {

    private static final Pattern MARK = Pattern.compile("\\[\\[([A-Z]+):([^\\]]+)]]");

    static LabelledAnswer parse(String marked, int line) {
        StringBuilder text = new StringBuilder();
        List<Found> details = new ArrayList<>();
        Matcher m = MARK.matcher(marked);
        int at = 0;
        while (m.find()) {
            text.append(marked, at, m.start());
            Kind kind = m.group(1).equals("DOB") ? Kind.DATE_OF_BIRTH : Kind.valueOf(m.group(1));
            details.add(new Found(kind, text.length(), text.length() + m.group(2).length()));
            text.append(m.group(2));
            at = m.end();
        }
        text.append(marked.substring(at));
        if (text.indexOf("[[") >= 0 || text.indexOf("]]") >= 0) {
            throw new IllegalArgumentException("line " + line + ": a mark is not closed: " + marked);
        }
        return new LabelledAnswer(text.toString(), details, line);
    }

    static List<LabelledAnswer> parseAll(String file) {
        List<LabelledAnswer> answers = new ArrayList<>();
        String[] lines = file.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                answers.add(parse(line, i + 1));
            }
        }
        return answers;
    }

    static List<LabelledAnswer> resource(String name) {
        try (InputStream in = LabelledAnswer.class.getClassLoader().getResourceAsStream(name)) {
            return parseAll(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
