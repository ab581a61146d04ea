package org.carereview.consult.experts;

/**
 * The scoring rubric: each criterion scored 1 (little evidence) to 5 (strong evidence), from what the
 * applicant wrote about their experience and why they want to join; never from who they are.
 */
public enum Criterion {
    EXPERIENCE("experience", "What their experience of social care could bring to the group"),
    MOTIVATION("motivation", "Why they want to join, and what they hope to change"),
    PERSPECTIVE("perspective", "A point of view the group would otherwise lack"),
    COMMITMENT("commitment", "How they would take part, given the time the group needs");

    private final String key;
    private final String label;

    Criterion(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }
}
