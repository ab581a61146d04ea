package org.carereview.consult.notifications;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;

/**
 * {@code consult.changes.database-url} ({@code CONSULT_CHANGES_DATABASE_URL}): where a node listens for table
 * changes, when not where its pool connects ({@link TableChangeStore}). Read at start-up, so an address that is not
 * PostgreSQL's stops the start with a message instead of leaving the node deaf to other nodes' changes.
 */
@Context
class ListenAddress {

    private final String url;

    ListenAddress(@Value("${consult.changes.database-url:}") String url) {
        this.url = url.strip();
        if (!this.url.isEmpty() && !this.url.startsWith("jdbc:postgresql:")) {
            throw new ConfigurationException("CONSULT_CHANGES_DATABASE_URL is not a PostgreSQL address: give it as "
                    + "jdbc:postgresql://host:5432/database, or leave it unset to listen where the pool connects");
        }
    }

    /** The address, or empty: listen where the pool connects. */
    String url() {
        return url;
    }
}
