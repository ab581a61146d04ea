package org.carereview.consult.advice;

/** Who is responding to the call for advice. */
public enum RespondentType {
    CARE_EXPERIENCED("I am care-experienced"),
    PARENT_OR_FAMILY("Parent or family member"),
    FOSTER_OR_KINSHIP_CARER("Foster or kinship carer"),
    PRACTITIONER("Social worker or other practitioner"),
    ORGANISATION("Responding for an organisation"),
    OTHER("Other");

    private final String label;

    RespondentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
