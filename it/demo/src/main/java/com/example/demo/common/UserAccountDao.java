package com.example.demo.common;

import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Jdbi SQL object for account lookups during sign-in.
 */
@RegisterConstructorMapper(UserAccount.class)
public interface UserAccountDao {

    @SqlQuery("SELECT id, email FROM users WHERE email = :email")
    Optional<UserAccount> findByEmail(@Bind("email") String email);

    @SqlUpdate("UPDATE users SET last_login_at = now() WHERE id = :id")
    void touchLogin(@Bind("id") long id);
}
