/**
 * Channel 3: the ten deep-dive areas, their sessions, feedback per area and comparisons across areas.
 * (Built in its own issue; this module holds only its package until then.)
 */
package org.carereview.consult.deepdives;
