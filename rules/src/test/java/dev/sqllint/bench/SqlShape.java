package dev.sqllint.bench;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One statement the generator writes, as the lines it is split into in the source, with the line that holds
 * the token a planted finding points at. {@code rule} is the rule it trips (null: clean); a look-alike is a
 * statement that resembles an incident but is right (the demo's fixes), and must stay quiet.
 *
 * <p>Parameters are written {@code :name}; {@link Style} turns them into what each API binds.
 */
record SqlShape(List<String> lines, String rule, int hotLine, boolean jpql, String label) {

    static final String DISTINCT_ON_HISTORY = "DistinctOnHistoryScan";
    static final String OR_ACROSS = "OrAcrossAccessPaths";
    static final String EXISTS_JOIN = "ExistsWhereJoinFits";
    static final String DISTINCT_FAN_OUT = "DistinctOverFanOutJoin";
    static final String JOIN_SCALAR = "JoinForScalarOnly";
    static final List<String> RULES = List.of(DISTINCT_ON_HISTORY, OR_ACROSS, EXISTS_JOIN, DISTINCT_FAN_OUT, JOIN_SCALAR);

    /** How parameters are written: JDBC {@code ?}, named {@code :name}, MyBatis {@code #{name}}. */
    enum Style {
        POSITIONAL, NAMED, MYBATIS;

        private static final Pattern PARAM = Pattern.compile(":(\\w+)");

        String apply(String line) {
            return switch (this) {
                case NAMED -> line;
                case POSITIONAL -> PARAM.matcher(line).replaceAll("?");
                case MYBATIS -> PARAM.matcher(line).replaceAll(m -> Matcher.quoteReplacement("#{" + m.group(1) + "}"));
            };
        }
    }

    /** The rule whose finding sits on line {@code i}, or null. */
    String ruleAt(int i) {
        return i == hotLine ? rule : null;
    }

    /** The method name a DAO would give it. */
    String method(Domain d) {
        return label.replace("#", d.type());
    }

    // ---------------------------------------------------------------- incidents and their look-alikes

    static SqlShape incident(String rule, Domain d) {
        String a = d.alias();
        return switch (rule) {
            case DISTINCT_ON_HISTORY -> new SqlShape(List.of(
                    "SELECT DISTINCT ON (e." + d.fk() + ") e." + d.fk() + ", e.kind, e.created_at",
                    "FROM " + d.events() + " e",
                    "WHERE e.tenant_id = :tenantId",
                    "ORDER BY e." + d.fk() + ", e.created_at DESC",
                    "LIMIT 5"), rule, 0, false, "recentlyActive#s");
            case OR_ACROSS -> new SqlShape(List.of(
                    "SELECT " + a + ".id, " + a + ".title, " + a + ".status",
                    "FROM " + d.table() + " " + a,
                    "WHERE " + a + ".owner_id = :userId",
                    "OR " + a + ".id IN (SELECT m." + d.fk() + " FROM " + d.members() + " m WHERE m.user_id = :userId)",
                    "ORDER BY " + a + ".updated_at DESC"), rule, 3, false, "visible#s");
            case EXISTS_JOIN -> new SqlShape(List.of(
                    "SELECT count(*) FROM " + d.tasks() + " t",
                    "WHERE t.state = :state",
                    "AND EXISTS (SELECT 1 FROM " + d.table() + " " + a + " WHERE " + a + ".id = t." + d.fk()
                            + " AND " + a + ".tenant_id = :tenantId)"), rule, 2, false, "countTasksInTenant");
            case DISTINCT_FAN_OUT -> new SqlShape(List.of(
                    "SELECT DISTINCT " + a + ".id, " + a + ".title",
                    "FROM " + d.table() + " " + a,
                    "JOIN " + d.labels() + " l ON l." + d.fk() + " = " + a + ".id",
                    "WHERE " + a + ".tenant_id = :tenantId AND l.label_id IN (:labelIds)"), rule, 0, false, "labelled#s");
            case JOIN_SCALAR -> new SqlShape(List.of(
                    "SELECT " + a + ".id, " + a + ".title, " + a + ".updated_at",
                    "FROM " + d.table() + " " + a,
                    "JOIN user_settings us ON us.user_id = :userId",
                    "WHERE " + a + ".owner_id = :userId AND " + a + ".updated_at >= us.digest_since"), rule, 2, false,
                    "changedSinceDigest");
            default -> throw new IllegalArgumentException(rule);
        };
    }

    /** The right way to ask nearly the same question: the rule must stay quiet. */
    static SqlShape lookAlike(String rule, Domain d) {
        String a = d.alias();
        List<String> lines = switch (rule) {
            // DISTINCT ON over the history for a given set of keys, within a time window: the window bounds the rows
            // read (without it, this is the latest-row-per-key shape the rule reports)
            case DISTINCT_ON_HISTORY -> List.of(
                    "SELECT DISTINCT ON (e." + d.fk() + ") e." + d.fk() + ", e.kind, e.created_at",
                    "FROM " + d.events() + " e",
                    "WHERE e." + d.fk() + " IN (:ids) AND e.created_at >= :since",
                    "ORDER BY e." + d.fk() + ", e.created_at DESC");
            // OR of two plain column tests: a BitmapOr of two indexes
            case OR_ACROSS -> List.of(
                    "SELECT " + a + ".id, " + a + ".title",
                    "FROM " + d.table() + " " + a,
                    "WHERE " + a + ".owner_id = :userId",
                    "AND (" + a + ".status = 'OPEN' OR " + a + ".status = 'REVIEW')",
                    "AND " + a + ".id IN (SELECT m." + d.fk() + " FROM " + d.members() + " m WHERE m.role = :role)");
            // EXISTS over the to-many side: right, it stops at the first match
            case EXISTS_JOIN -> List.of(
                    "SELECT " + a + ".id, " + a + ".title FROM " + d.table() + " " + a,
                    "WHERE " + a + ".tenant_id = :tenantId",
                    "AND EXISTS (SELECT 1 FROM " + d.tasks() + " t WHERE t." + d.fk() + " = " + a + ".id AND t.state = 'OVERDUE')");
            // DISTINCT over a to-one join: nothing was multiplied
            case DISTINCT_FAN_OUT -> List.of(
                    "SELECT DISTINCT u.username",
                    "FROM " + d.table() + " " + a,
                    "JOIN users u ON u.id = " + a + ".owner_id",
                    "WHERE " + a + ".tenant_id = :tenantId");
            // the pinned row's column is selected too: the join does real work
            case JOIN_SCALAR -> List.of(
                    "SELECT " + a + ".id, " + a + ".title, us.digest_since",
                    "FROM " + d.table() + " " + a,
                    "JOIN user_settings us ON us.user_id = :userId",
                    "WHERE " + a + ".owner_id = :userId AND " + a + ".updated_at >= us.digest_since");
            default -> throw new IllegalArgumentException(rule);
        };
        String label = switch (rule) {
            case DISTINCT_ON_HISTORY -> "latestEvents";
            case OR_ACROSS -> "ownedInReview";
            case EXISTS_JOIN -> "withOverdueTasks";
            case DISTINCT_FAN_OUT -> "ownerNames";
            default -> "changedWithDigest";
        };
        return new SqlShape(lines, null, -1, false, label);
    }

    // ---------------------------------------------------------------- everyday statements

    private static final int CLEAN_SHAPES = 10;

    static SqlShape clean(Domain d, Random rnd) {
        return clean(d, rnd.nextInt(CLEAN_SHAPES));
    }

    static SqlShape clean(Domain d, int which) {
        String a = d.alias();
        return switch (which) {
            case 0 -> shape("find#ById",
                    "SELECT " + a + ".id, " + a + ".title, " + a + ".status, " + a + ".created_at",
                    "FROM " + d.table() + " " + a,
                    "WHERE " + a + ".id = :id");
            case 1 -> shape("pageByStatus",
                    "SELECT " + a + ".id, " + a + ".title FROM " + d.table() + " " + a,
                    "WHERE " + a + ".tenant_id = :tenantId AND " + a + ".status = :status",
                    "ORDER BY " + a + ".created_at DESC",
                    "LIMIT 50");
            case 2 -> shape("updateStatus",
                    "UPDATE " + d.table() + " SET status = :status, updated_at = now()",
                    "WHERE id = :id");
            case 3 -> shape("recordEvent",
                    "INSERT INTO " + d.events() + " (tenant_id, " + d.fk() + ", kind, created_at)",
                    "VALUES (:tenantId, :id, :kind, now())");
            case 4 -> shape("removeMember",
                    "DELETE FROM " + d.members() + " WHERE " + d.fk() + " = :id AND user_id = :userId");
            case 5 -> shape("countTasks",
                    "SELECT count(*) FROM " + d.tasks() + " t",
                    "WHERE t." + d.fk() + " = :id AND t.state = :state");
            case 6 -> shape("overdueTasks",
                    "SELECT t.id, t.state, t.due_at FROM " + d.tasks() + " t",
                    "JOIN " + d.table() + " " + a + " ON " + a + ".id = t." + d.fk(),
                    "WHERE " + a + ".owner_id = :userId AND t.due_at < now()",
                    "ORDER BY t.due_at");
            case 7 -> shape("eventKinds",
                    "SELECT e.kind, count(*) AS n FROM " + d.events() + " e",
                    "WHERE e." + d.fk() + " = :id",
                    "GROUP BY e.kind");
            case 8 -> shape("addMember",
                    "INSERT INTO " + d.members() + " (" + d.fk() + ", user_id, role)",
                    "VALUES (:id, :userId, :role)");
            default -> shape("closeTasks",
                    "UPDATE " + d.tasks() + " SET state = 'DONE'",
                    "WHERE " + d.fk() + " = :id AND state <> 'DONE'");
        };
    }

    private static SqlShape shape(String label, String... lines) {
        return new SqlShape(List.of(lines), null, -1, false, label);
    }

    // ---------------------------------------------------------------- JPQL, judged through the entity mappings

    static SqlShape jpqlIncident(String rule, Domain d) {
        String e = d.type();
        return switch (rule) {
            case EXISTS_JOIN -> new SqlShape(List.of(
                    "select count(t) from " + e + "Task t where t.state = :state",
                    "and exists (select 1 from " + e + " x where x.id = t." + d.var() + ".id and x.tenantId = :tenantId)"),
                    rule, 1, true, "countTasksInTenant");
            case DISTINCT_FAN_OUT -> new SqlShape(List.of(
                    "select distinct x from " + e + " x join x.labels l",
                    "where l.name in :names"), rule, 0, true, "labelled#s");
            default -> throw new IllegalArgumentException("no JPQL shape for " + rule);
        };
    }

    static SqlShape jpqlLookAlike(String rule, Domain d) {
        String e = d.type();
        return switch (rule) {
            case EXISTS_JOIN -> new SqlShape(List.of(
                    "select x from " + e + " x where x.tenantId = :tenantId",
                    "and exists (select 1 from " + e + "Task t where t." + d.var() + ".id = x.id and t.state = 'OVERDUE')"),
                    null, -1, true, "withOverdueTasks");
            case DISTINCT_FAN_OUT -> new SqlShape(List.of(
                    "select distinct o.username from " + e + " x join x.owner o",
                    "where x.status = :status"), null, -1, true, "ownerNames");
            default -> throw new IllegalArgumentException("no JPQL shape for " + rule);
        };
    }

    static SqlShape jpqlClean(Domain d, int which) {
        String e = d.type();
        return switch (which % 4) {
            case 0 -> new SqlShape(List.of("select x from " + e + " x where x.status = :status",
                    "order by x.createdAt desc"), null, -1, true, "byStatus");
            case 1 -> new SqlShape(List.of("select count(x) from " + e + " x where x.tenantId = :tenantId"),
                    null, -1, true, "countInTenant");
            case 2 -> new SqlShape(List.of("select t from " + e + "Task t where t." + d.var() + ".id = :id",
                    "and t.state = :state"), null, -1, true, "tasksInState");
            default -> new SqlShape(List.of("update " + e + " x set x.status = :status where x.id = :id"),
                    null, -1, true, "changeStatus");
        };
    }

    static final List<String> JPQL_RULES = List.of(EXISTS_JOIN, DISTINCT_FAN_OUT);
}
