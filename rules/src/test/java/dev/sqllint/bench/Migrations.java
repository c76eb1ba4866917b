package dev.sqllint.bench;

import java.util.List;

/**
 * The Flyway migrations under {@code db/migration}: the shared users, per-user settings and labels first,
 * then one migration per module declaring its five tables with every key, foreign key and index, so that
 * every planted finding is proved by the schema, not guessed from names.
 */
final class Migrations {

    private Migrations() {
    }

    static void write(List<Domain> domains, CorpusWriter out) {
        SourceText v1 = new SourceText();
        for (String line : """
                -- Accounts, one settings row per user, and the labels every module shares.
                CREATE TABLE users (
                    id         BIGSERIAL PRIMARY KEY,
                    username   VARCHAR(100) NOT NULL UNIQUE,
                    email      VARCHAR(320) NOT NULL,
                    created_at TIMESTAMP NOT NULL DEFAULT now()
                );

                CREATE TABLE user_settings (
                    user_id      BIGINT PRIMARY KEY REFERENCES users (id),
                    digest_since TIMESTAMP NOT NULL,
                    locale       VARCHAR(20)
                );

                CREATE TABLE labels (
                    id   BIGINT PRIMARY KEY,
                    name VARCHAR(100) NOT NULL UNIQUE
                );
                """.split("\n")) {
            v1.line(line);
        }
        out.resource("src/main/resources/db/migration/V1__users_and_labels.sql", v1, false);
        for (Domain d : domains) {
            SourceText t = new SourceText();
            String main = d.table();
            t.line("-- " + Words.cap(d.noun().replace('_', ' ')) + "s: owned by one user, shared with members, labelled, worked on in tasks.");
            t.line("CREATE TABLE " + main + " (");
            t.line("    id         BIGSERIAL PRIMARY KEY,");
            t.line("    tenant_id  BIGINT NOT NULL,");
            t.line("    owner_id   BIGINT NOT NULL REFERENCES users (id),");
            t.line("    title      VARCHAR(300) NOT NULL,");
            t.line("    status     VARCHAR(20) NOT NULL DEFAULT 'OPEN',");
            t.line("    created_at TIMESTAMP NOT NULL DEFAULT now(),");
            t.line("    updated_at TIMESTAMP");
            t.line(");");
            t.line("CREATE INDEX " + main + "_owner_id_idx ON " + main + " (owner_id);");
            t.line("CREATE INDEX " + main + "_tenant_status_idx ON " + main + " (tenant_id, status);").blank();
            t.line("CREATE TABLE " + d.members() + " (");
            t.line("    " + d.fk() + " BIGINT NOT NULL REFERENCES " + main + " (id),");
            t.line("    user_id BIGINT NOT NULL REFERENCES users (id),");
            t.line("    role    VARCHAR(20) NOT NULL,");
            t.line("    PRIMARY KEY (" + d.fk() + ", user_id)");
            t.line(");");
            t.line("CREATE INDEX " + d.members() + "_user_idx ON " + d.members() + " (user_id);").blank();
            t.line("CREATE TABLE " + d.tasks() + " (");
            t.line("    id          BIGSERIAL PRIMARY KEY,");
            t.line("    " + d.fk() + " BIGINT NOT NULL REFERENCES " + main + " (id),");
            t.line("    state       VARCHAR(20) NOT NULL,");
            t.line("    assignee_id BIGINT REFERENCES users (id),");
            t.line("    due_at      TIMESTAMP");
            t.line(");");
            t.line("CREATE INDEX " + d.tasks() + "_parent_idx ON " + d.tasks() + " (" + d.fk() + ");").blank();
            t.line("CREATE TABLE " + d.labels() + " (");
            t.line("    " + d.fk() + " BIGINT NOT NULL REFERENCES " + main + " (id),");
            t.line("    label_id BIGINT NOT NULL REFERENCES labels (id),");
            t.line("    PRIMARY KEY (" + d.fk() + ", label_id)");
            t.line(");").blank();
            t.line("-- Append-only: one row per change, millions for a busy tenant.");
            t.line("CREATE TABLE " + d.events() + " (");
            t.line("    id         BIGSERIAL PRIMARY KEY,");
            t.line("    tenant_id  BIGINT NOT NULL,");
            t.line("    " + d.fk() + " BIGINT NOT NULL REFERENCES " + main + " (id),");
            t.line("    kind       VARCHAR(40) NOT NULL,");
            t.line("    created_at TIMESTAMP NOT NULL DEFAULT now()");
            t.line(");");
            t.line("CREATE INDEX " + d.events() + "_tenant_idx ON " + d.events() + " (tenant_id, created_at);");
            out.resource("src/main/resources/db/migration/V" + (d.index() + 2) + "__" + d.noun() + ".sql", t, false);
        }
    }
}
