/**
 * The staff queue over every channel: filter, full-text search, read (audited), assign, tag, set status,
 * notes, bulk actions, safeguarding actions, and streamed CSV and ODS exports, over the common submission
 * record. Channels are reached only through core's {@code ChannelContent}. Pages and the JSON API both call
 * the public services here: {@link org.carereview.consult.triage.TriageQueue},
 * {@link org.carereview.consult.triage.TriageDetails}, {@link org.carereview.consult.triage.TriageActions},
 * {@link org.carereview.consult.triage.TriageExport}.
 */
package org.carereview.consult.triage;
