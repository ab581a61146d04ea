package org.carereview.consult.web;

import io.micronaut.core.annotation.Introspected;

/**
 * The models of "save and come back later"'s pages ({@code drafts/*}), each with the journey it belongs to (its
 * places, and the name of its own words).
 */
final class DraftPages {

    private DraftPages() {
    }

    /** The resume code, the day the answers go, and where "Continue" goes ({@code drafts/saved}). */
    @Introspected
    record Saved(SavedDrafts.Journey journey, String code, String expires, String continuePath) {
    }

    /** Resuming by code ({@code drafts/resume}): the code as typed. */
    @Introspected
    record Code(SavedDrafts.Journey journey, String code) {
    }

    /** Emailing a link ({@code drafts/saved-email}, {@code drafts/link-sent}): the address as typed. */
    @Introspected
    record Email(SavedDrafts.Journey journey, String email) {
    }

    /** The button that uses an emailed link ({@code drafts/resume-link}): the link's token, posted back. */
    @Introspected
    record Link(SavedDrafts.Journey journey, String token) {
    }

    /** A page with nothing of its own but the journey ({@code drafts/link-expired}). */
    @Introspected
    record Journeyed(SavedDrafts.Journey journey) {
    }

    /** After "forget my answers on this device" ({@code drafts/forgotten}): how many days a draft is kept. */
    @Introspected
    record Forgotten(SavedDrafts.Journey journey, long days) {
    }
}
