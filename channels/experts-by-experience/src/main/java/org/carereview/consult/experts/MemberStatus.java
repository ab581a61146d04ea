package org.carereview.consult.experts;

/** Membership of the group over the life of the review. */
public enum MemberStatus {
    ACTIVE, PAUSED, STEPPED_DOWN
}
