/**
 * "You said, we did" (ADR 0037): staff compose a public summary of one channel (its counts by theme, suppressed as
 * on the dashboards, quotes from people who agreed to be quoted, taken from the redacted text and approved by a
 * second member of staff, and what the review did), preview, publish and unpublish it; publishing the first time
 * emails the people of that channel who agreed to be contacted. {@link
 * org.carereview.consult.triage.summaries.PublicSummaries} is for staff, {@link
 * org.carereview.consult.triage.summaries.PublishedSummaries} for the public page.
 */
package org.carereview.consult.triage.summaries;
