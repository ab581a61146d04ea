package org.carereview.consult.triage;

import org.carereview.consult.core.export.CsvCells;

/**
 * Export cells: a value a spreadsheet could read as a formula (starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return) gets a leading apostrophe, so it is shown as the text it is.
 */
final class Cells {

    private Cells() {
    }

    static String neutralise(String value) {
        return CsvCells.neutralise(value);
    }

    /** Characters XML 1.0 cannot carry (most control characters) are dropped. */
    static String xmlSafe(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || Character.isSurrogate(c) || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            } else if (ok && out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }
}
