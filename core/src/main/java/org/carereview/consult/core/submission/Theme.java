package org.carereview.consult.core.submission;

/** The review's seven themes (seeded in the {@code theme} table with the same codes). */
public enum Theme {
    SUPPORT("Support"),
    STRENGTHENING_FAMILIES("Strengthening families"),
    SAFETY("Safety"),
    CARE("Care"),
    DELIVERY("Delivery"),
    SUSTAINABILITY("Sustainability"),
    ACCOUNTABILITY("Accountability");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
