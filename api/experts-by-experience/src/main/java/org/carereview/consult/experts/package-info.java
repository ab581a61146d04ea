/**
 * Channel 2: the Experts by Experience group's application window, applications, anonymised scoring, selection and membership.
 * (Built in its own issue; this module holds only its package until then.)
 */
package org.carereview.consult.experts;
