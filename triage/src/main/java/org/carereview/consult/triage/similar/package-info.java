/**
 * "More like this" (ADR 0036): each node's in-memory index of one vector per submission (the mean of its answers'
 * sentence vectors, int8), whose candidates are always checked again in the database through
 * {@code core.access.Visibility} for the person asking. The staff page and the JSON API call
 * {@link org.carereview.consult.triage.similar.SimilarSubmissions}.
 */
package org.carereview.consult.triage.similar;
