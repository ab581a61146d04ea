package org.carereview.consult.experts;

import org.carereview.consult.core.export.CsvCells;

import java.util.List;

/**
 * The current members as CSV for administrators. Cells that a spreadsheet would run as a formula (starting
 * with =, +, -, @, tab or carriage return) are neutralised with a leading apostrophe.
 */
final class MembersCsv {

    static final String HEADER = "reference,name,preferred_name,region,age_band,experiences,status,effective_date";

    private MembersCsv() {
    }

    static String of(List<Member> members) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Member m : members) {
            if (m.status() == MemberStatus.STEPPED_DOWN) {
                continue;
            }
            csv.append(String.join(",", cell(m.reference()), cell(m.name()), cell(m.preferredName()), cell(m.region()),
                    cell(m.ageBand()), cell(String.join(";", m.experiences())), cell(m.status().name()),
                    cell(m.effectiveDate().toString()))).append("\r\n");
        }
        return csv.toString();
    }

    static String cell(String value) {
        return CsvCells.quoted(value);
    }
}
