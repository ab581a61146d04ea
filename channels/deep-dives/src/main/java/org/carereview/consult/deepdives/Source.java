package org.carereview.consult.deepdives;

/** How a feedback card reached the review. */
enum Source {
    /** The participant, through a link. */
    LINK,
    /** A facilitator, one card. */
    FACILITATOR,
    /** A facilitator, many cards on one page or in one request. */
    BULK,
    /** A facilitator, from a CSV file. */
    CSV
}
