package org.carereview.consult.core.submission;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SubmissionRepository extends CrudRepository<Submission, UUID> {

    boolean existsByReference(String reference);

    /** The text as the channel gave it, kept for search snippets and exports (erased on withdrawal by a trigger). */
    @Query("UPDATE submission SET search_vector = to_tsvector('english', :text), search_text = :text WHERE id = :id")
    void updateSearchText(UUID id, String text);
}
