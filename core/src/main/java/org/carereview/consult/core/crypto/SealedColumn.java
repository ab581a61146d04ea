package org.carereview.consult.core.crypto;

/**
 * Every column that holds special-category data sealed by {@link FieldCipher} (migration V017, ADR 0018). Each
 * channel seals and opens its own columns with {@link #purpose()}; the rotation command walks them all. All
 * tables are in the one schema (ADR 0001), keyed by a uuid.
 */
public enum SealedColumn {
    EQUALITY_ANSWERS("ebe_equality", "submission_id", "answers"),
    DATE_OF_BIRTH("ebe_application", "submission_id", "date_of_birth"),
    ACCESS_NEEDS("ebe_application", "submission_id", "access_needs"),
    SUPPORT_NEEDS("ebe_application", "submission_id", "support_needs"),
    SAFEGUARDING_ACTION("safeguarding_action", "id", "action"),
    SAFEGUARDING_MATCHED("safeguarding_flag", "submission_id", "matched"),
    SESSION_NOTES("deep_dive_session", "id", "notes"),
    SUBMISSION_NOTE("submission_note", "id", "body"),
    /** Not special-category data but a credential: a member of staff's TOTP secret (ADR 25), and one being set up. */
    SECOND_FACTOR_SECRET("second_factor", "account_id", "secret"),
    SECOND_FACTOR_PENDING("second_factor", "account_id", "pending_secret");

    private final String table;
    private final String key;
    private final String column;

    SealedColumn(String table, String key, String column) {
        this.table = table;
        this.key = key;
        this.column = column;
    }

    /** The associated data a value of this column is sealed with: {@code table.column}. */
    public String purpose() {
        return table + "." + column;
    }

    String table() {
        return table;
    }

    String key() {
        return key;
    }

    String column() {
        return column;
    }
}
