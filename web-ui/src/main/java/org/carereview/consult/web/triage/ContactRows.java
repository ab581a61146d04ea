package org.carereview.consult.web.triage;

import org.carereview.consult.core.submission.Contact;
import org.carereview.consult.triage.TriageSubmission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.carereview.consult.web.pages.GovukItems.row;

/**
 * "How to reach them" as rows {@code {key, value?, href?, lines?}}: a row with {@code href} is a link (mailto: or
 * tel:), one with {@code lines} a short list. Only built for the lead and administrators, who alone see contact details.
 */
final class ContactRows {

    private ContactRows() {
    }

    static List<Map<String, Object>> of(TriageSubmission.ContactDetails c) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("Agreed to be contacted", c.consentToContact() == null
                ? "Not asked (they gave these details with what they sent)" : yesNo(c.consentToContact())));
        // An owner account means they were signed in, or gave an email address (which makes them an account).
        rows.add(row("Signed in or has an account", c.signedIn()
                ? "Yes: they can sign in with their email address to see what they sent" : "No"));
        if (c.email() != null) {
            rows.add(link("Email address", c.email(), "mailto:" + c.email()));
        }
        if (c.accountEmail() != null) {
            rows.add(link("Email address they signed in with (they gave no other)", c.accountEmail(),
                    "mailto:" + c.accountEmail()));
        }
        if (c.phone() != null) {
            rows.add(link("Phone number", c.phone(), "tel:" + dialable(c.phone())));
        }
        Contact.TrustedAdult adult = c.trustedAdult();
        if (adult != null) {
            trustedAdult(adult, rows);
        }
        return rows;
    }

    private static void trustedAdult(Contact.TrustedAdult adult, List<Map<String, Object>> rows) {
        List<String> lines = new ArrayList<>();
        if (adult.name() != null) {
            lines.add(adult.name());
        }
        if (adult.relationship() != null) {
            lines.add("How they know them: " + adult.relationship());
        }
        if (adult.consentToContact() != null) {
            lines.add(adult.consentToContact() ? "They agreed we may contact this adult"
                    : "They did not agree that we may contact this adult");
        }
        rows.add(row("Trusted adult", lines));
        if (adult.email() != null) {
            rows.add(link("Trusted adult's email address", adult.email(), "mailto:" + adult.email()));
        }
        if (adult.phone() != null) {
            rows.add(link("Trusted adult's phone number", adult.phone(), "tel:" + dialable(adult.phone())));
        }
    }

    private static Map<String, Object> link(String key, String text, String href) {
        Map<String, Object> row = new HashMap<>(row(key, text));
        row.put("href", href);
        return row;
    }

    /** A phone number as a tel: link wants it: digits and a leading +, nothing else. */
    static String dialable(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        return phone.strip().startsWith("+") ? "+" + digits : digits;
    }

    static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }
}
