/**
 * Channel 3: deep dives. The ten areas the review visited (administrators edit their attributes), sessions
 * held there, participant links (printed as QR codes), feedback cards given through a link or entered by a
 * facilitator (one, many at once, or from a CSV file), and dashboards per area and across areas, with
 * small counts suppressed ({@link org.carereview.consult.core.counts.Suppression}).
 */
package org.carereview.consult.deepdives;
