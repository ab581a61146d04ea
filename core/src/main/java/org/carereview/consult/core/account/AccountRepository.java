package org.carereview.consult.core.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AccountRepository extends CrudRepository<Account, UUID> {

    Optional<Account> findByEmail(String email);

    @Query(value = "SELECT role FROM account_role WHERE account_id = :accountId ORDER BY role", nativeQuery = true)
    List<String> findRoles(UUID accountId);

    @Query(value = "SELECT EXISTS (SELECT 1 FROM account_role r JOIN account a ON a.id = r.account_id "
            + "WHERE r.role = 'ADMIN' AND NOT a.disabled)", nativeQuery = true)
    boolean anyActiveAdministrator();

    @Query(value = "SELECT a.* FROM account a WHERE EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id "
            + "AND r.role IN ('REVIEWER', 'ADMIN', 'SAFEGUARDING_LEAD')) ORDER BY a.email", nativeQuery = true)
    List<Account> findStaff();
}
