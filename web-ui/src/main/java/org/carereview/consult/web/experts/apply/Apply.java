package org.carereview.consult.web.experts.apply;

/** Where the application journey's pages live. */
final class Apply {

    static final String BASE = "/experts-by-experience";

    private Apply() {
    }
}
