/**
 * Channel 2: the Experts by Experience group: the application window (data set by administrators, enforced
 * against the injected clock), applications, anonymised scoring, selection and membership.
 */
package org.carereview.consult.experts;
