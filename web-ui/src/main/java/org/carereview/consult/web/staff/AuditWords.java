package org.carereview.consult.web.staff;

import org.carereview.consult.core.audit.AuditAction;

/** Each audit action in plain English, for the administrators' audit page. */
final class AuditWords {

    private AuditWords() {
    }

    static String of(AuditAction action) {
        return switch (action) {
            case VIEW -> "Viewed a record";
            case LIST -> "Listed or searched";
            case CHANGE -> "Changed a record";
            case NOTE -> "Added a note";
            case BULK_CHANGE -> "Changed several records";
            case EXPORT -> "Exported";
            case RELEASE -> "Released from quarantine";
            case DELETE -> "Deleted";
            case SAFEGUARDING_ACTION -> "Recorded a safeguarding action";
            case PHRASE_CHANGE -> "Changed a safeguarding phrase";
            case EXAMPLE_CHANGE -> "Changed a safeguarding example";
            case ERASE -> "Erased a person's data";
            case SUBJECT_ACCESS -> "Gave a person a copy of their data";
            case REDACTION_CHANGE -> "Corrected a redaction";
            case SETTING_CHANGE -> "Changed a setting";
            case SIGN_IN_THROTTLED -> "Sign-in refused after too many attempts";
            case SECOND_FACTOR -> "Sign-in code set up, refused, reset or recovery code used";
            case ORGANISATION_SIGN_IN -> "Organisation sign-in linked to an account, or refused";
            case PUBLIC_SUMMARY -> "Public summary written, quoted, approved, published or unpublished";
        };
    }
}
