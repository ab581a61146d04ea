package org.carereview.consult.web.staff;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.privacy.HeldData;

/** The models of the pages administrators answer a person's data requests on, each with the person as typed. */
final class RequestPages {

    private RequestPages() {
    }

    /**
     * The search ({@code staff/requests}): what is held for the person once found (null before), and after an
     * erasure how many submissions it removed and how many it kept for safeguarding (null when none was made).
     */
    @Introspected
    record Search(String email, String reference, @Nullable HeldData held, @Nullable String erased,
                  @Nullable String kept) {
    }

    /** What an export holds, on the page ({@code staff/request-export}). */
    @Introspected
    record Export(String email, String reference, HeldData held) {
    }

    /** Asks to confirm an erasure ({@code staff/request-erase}), with why it was refused if it was. */
    @Introspected
    record Erase(String email, String reference, @Nullable String refused) {
    }
}
