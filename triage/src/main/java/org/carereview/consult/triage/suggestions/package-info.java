/**
 * Theme and dilemma suggestions for an untagged answer (issue 16, ADR 35): each code of the coding frame ranked with
 * a confidence, the answer's sentence that matched it and the most similar answers staff already tagged with it.
 * Pure Java over the sentence model's vectors; no database. {@link org.carereview.consult.triage.suggestions.Suggester}
 * is the one entry point. A person always decides: nothing here tags anything.
 */
package org.carereview.consult.triage.suggestions;
