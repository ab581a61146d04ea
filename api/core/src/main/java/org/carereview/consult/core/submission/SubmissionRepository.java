package org.carereview.consult.core.submission;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SubmissionRepository extends CrudRepository<Submission, UUID> {

    boolean existsByReference(String reference);

    @Query("UPDATE submission SET search_vector = to_tsvector('english', :text) WHERE id = :id")
    void updateSearchText(UUID id, String text);

    /** The same text, kept for search snippets and exports (erased by a trigger when the person withdraws). */
    @Query("INSERT INTO submission_text (submission_id, body) VALUES (:id, :text)")
    void saveText(UUID id, String text);
}
