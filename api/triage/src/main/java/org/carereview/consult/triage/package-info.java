/**
 * The staff queue over every channel: assign, tag, status, notes, search and export, reading the common submission record.
 * (Built in its own issue; this module holds only its package until then.)
 */
package org.carereview.consult.triage;
