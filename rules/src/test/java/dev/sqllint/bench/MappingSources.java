package dev.sqllint.bench;

import static dev.sqllint.bench.SqlUnit.concatenation;
import static dev.sqllint.bench.SqlUnit.declarations;
import static dev.sqllint.bench.SqlUnit.describe;
import static dev.sqllint.bench.SqlUnit.isQuery;
import static dev.sqllint.bench.SqlUnit.params;
import static dev.sqllint.bench.SqlUnit.quote;
import static dev.sqllint.bench.SqlUnit.textBlock;

import dev.sqllint.bench.SqlShape.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The units that go through a mapping layer: JPA's {@code EntityManager} (JPQL and native), Spring Data
 * repositories ({@code @Query} and derived query methods), MyBatis XML mappers with dynamic tags, and jOOQ's
 * DSL over generated table constants that are not in the source tree. Also each module's JPA entities,
 * some with a Hibernate {@code @Formula} and a {@code @NamedQuery}.
 */
final class MappingSources {

    private MappingSources() {
    }

    static void write(SqlUnit u, CorpusWriter out) {
        switch (u.kind()) {
            case ENTITY_MANAGER -> entityManager(u, out);
            case SPRING_DATA -> springData(u, out);
            case MYBATIS_XML -> myBatisXml(u, out);
            case JOOQ -> jooq(u, out);
            default -> throw new IllegalArgumentException(u.kind().name());
        }
    }

    private static String domainPkg(Domain d) {
        return d.pkg() + ".domain";
    }

    // ------------------------------------------------------------------------------------------- entities

    /** The module's two entities; {@code formula}: the main one carries a {@code @Formula} and a {@code @NamedQuery}. */
    static void entities(Domain d, boolean formula, CorpusWriter out) {
        String pkg = domainPkg(d);
        SourceText t = new SourceText();
        t.line("package " + pkg + ";").blank();
        for (String i : List.of("java.time.Instant", "java.util.ArrayList", "java.util.HashSet", "java.util.List",
                "java.util.Set", "", "com.acme.common.domain.Label", "com.acme.common.domain.UserAccount", "",
                "jakarta.persistence.Column", "jakarta.persistence.Entity", "jakarta.persistence.FetchType",
                "jakarta.persistence.GeneratedValue", "jakarta.persistence.GenerationType", "jakarta.persistence.Id",
                "jakarta.persistence.JoinColumn", "jakarta.persistence.JoinTable", "jakarta.persistence.ManyToMany",
                "jakarta.persistence.ManyToOne", "jakarta.persistence.NamedQuery", "jakarta.persistence.OneToMany",
                "jakarta.persistence.Table")) {
            t.line(i.isEmpty() ? "" : "import " + i + ";");
        }
        if (formula) t.blank().line("import org.hibernate.annotations.Formula;");
        t.blank().line("/**").line(" * A " + d.noun().replace('_', ' ') + ", owned by one user, labelled, and worked on through its tasks.").line(" */");
        t.line("@Entity").line("@Table(name = " + quote(d.table()) + ")");
        if (formula) {
            t.line("@NamedQuery(name = " + quote(d.type() + ".byOwner") + ",");
            t.line("        query = \"select x from " + d.type() + " x where x.owner.id = :ownerId order by x.createdAt desc\")");
        }
        t.open("public class " + d.type() + " {").blank();
        t.line("@Id").line("@GeneratedValue(strategy = GenerationType.IDENTITY)").line("private Long id;").blank();
        t.line("@Column(name = \"tenant_id\", nullable = false)").line("private Long tenantId;").blank();
        t.line("@ManyToOne(fetch = FetchType.LAZY)").line("@JoinColumn(name = \"owner_id\")").line("private UserAccount owner;").blank();
        t.line("@Column(nullable = false)").line("private String title;").blank();
        t.line("@Column(nullable = false, length = 20)").line("private String status;").blank();
        t.line("@Column(name = \"created_at\", nullable = false, updatable = false)").line("private Instant createdAt;").blank();
        t.line("@Column(name = \"updated_at\")").line("private Instant updatedAt;").blank();
        t.line("@ManyToMany");
        t.line("@JoinTable(name = " + quote(d.labels()) + ",");
        t.line("        joinColumns = @JoinColumn(name = " + quote(d.fk()) + "),");
        t.line("        inverseJoinColumns = @JoinColumn(name = \"label_id\"))");
        t.line("private Set<Label> labels = new HashSet<>();").blank();
        t.line("@OneToMany(mappedBy = " + quote(d.var()) + ")").line("private List<" + d.type() + "Task> tasks = new ArrayList<>();").blank();
        if (formula) {
            t.line("/** Tasks not done yet, computed by the database on load. */");
            t.line("@Formula(\"(SELECT count(*) FROM " + d.tasks() + " t WHERE t." + d.fk() + " = id AND t.state <> 'DONE')\")");
            t.line("private int openTasks;").blank();
        }
        t.open("protected " + d.type() + "() {").close().blank();
        t.open("public " + d.type() + "(Long tenantId, UserAccount owner, String title) {");
        t.line("this.tenantId = tenantId;").line("this.owner = owner;").line("this.title = title;");
        t.line("this.status = \"OPEN\";").line("this.createdAt = Instant.now();").close().blank();
        getter(t, "Long", "id");
        getter(t, "Long", "tenantId");
        getter(t, "UserAccount", "owner");
        getter(t, "String", "title");
        getter(t, "String", "status");
        getter(t, "Instant", "createdAt");
        getter(t, "Set<Label>", "labels");
        getter(t, "List<" + d.type() + "Task>", "tasks");
        if (formula) getter(t, "int", "openTasks");
        t.open("public void rename(String title) {").line("this.title = title;").line("this.updatedAt = Instant.now();").close().blank();
        t.open("public void changeStatus(String status) {").line("this.status = status;").line("this.updatedAt = Instant.now();").close();
        t.close();
        out.java("src/main/java/" + pkg.replace('.', '/') + "/" + d.type() + ".java", t, formula);

        SourceText k = new SourceText();
        k.line("package " + pkg + ";").blank();
        for (String i : List.of("java.time.Instant", "", "jakarta.persistence.Column", "jakarta.persistence.Entity",
                "jakarta.persistence.FetchType", "jakarta.persistence.GeneratedValue", "jakarta.persistence.GenerationType",
                "jakarta.persistence.Id", "jakarta.persistence.JoinColumn", "jakarta.persistence.ManyToOne",
                "jakarta.persistence.Table")) {
            k.line(i.isEmpty() ? "" : "import " + i + ";");
        }
        k.blank().line("/** A piece of work on a " + d.noun().replace('_', ' ') + ". */");
        k.line("@Entity").line("@Table(name = " + quote(d.tasks()) + ")");
        k.open("public class " + d.type() + "Task {").blank();
        k.line("@Id").line("@GeneratedValue(strategy = GenerationType.IDENTITY)").line("private Long id;").blank();
        k.line("@ManyToOne(optional = false, fetch = FetchType.LAZY)").line("@JoinColumn(name = " + quote(d.fk()) + ")");
        k.line("private " + d.type() + " " + d.var() + ";").blank();
        k.line("@Column(nullable = false, length = 20)").line("private String state;").blank();
        k.line("@Column(name = \"assignee_id\")").line("private Long assigneeId;").blank();
        k.line("@Column(name = \"due_at\")").line("private Instant dueAt;").blank();
        k.open("protected " + d.type() + "Task() {").close().blank();
        getter(k, "Long", "id");
        getter(k, d.type(), d.var());
        getter(k, "String", "state");
        getter(k, "Long", "assigneeId");
        getter(k, "Instant", "dueAt");
        k.open("public boolean isOverdue(Instant now) {").line("return dueAt != null && dueAt.isBefore(now) && !\"DONE\".equals(state);").close();
        k.close();
        out.java("src/main/java/" + pkg.replace('.', '/') + "/" + d.type() + "Task.java", k, false);
    }

    /** The project-wide entities every module refers to: users and labels. */
    static void sharedEntities(CorpusWriter out) {
        SourceText u = new SourceText();
        u.line("package com.acme.common.domain;").blank();
        u.line("import java.time.Instant;").blank();
        for (String i : List.of("Column", "Entity", "GeneratedValue", "GenerationType", "Id", "Table")) u.line("import jakarta.persistence." + i + ";");
        u.blank().line("/** A person who signs in. */").line("@Entity").line("@Table(name = \"users\")");
        u.open("public class UserAccount {").blank();
        u.line("@Id").line("@GeneratedValue(strategy = GenerationType.IDENTITY)").line("private Long id;").blank();
        u.line("@Column(nullable = false, unique = true, length = 100)").line("private String username;").blank();
        u.line("@Column(nullable = false)").line("private String email;").blank();
        u.line("@Column(name = \"created_at\", nullable = false)").line("private Instant createdAt;").blank();
        getter(u, "Long", "id");
        getter(u, "String", "username");
        getter(u, "String", "email");
        u.close();
        out.java("src/main/java/com/acme/common/domain/UserAccount.java", u, false);

        SourceText l = new SourceText();
        l.line("package com.acme.common.domain;").blank();
        for (String i : List.of("Column", "Entity", "Id", "Table")) l.line("import jakarta.persistence." + i + ";");
        l.blank().line("/** A tag users put on anything, such as \"urgent\" or \"from support\". */").line("@Entity").line("@Table(name = \"labels\")");
        l.open("public class Label {").blank();
        l.line("@Id").line("private Long id;").blank();
        l.line("@Column(nullable = false, unique = true)").line("private String name;").blank();
        getter(l, "Long", "id");
        getter(l, "String", "name");
        l.close();
        out.java("src/main/java/com/acme/common/domain/Label.java", l, false);
    }

    private static void getter(SourceText t, String type, String field) {
        String prefix = type.equals("boolean") ? "is" : "get";
        t.open("public " + type + " " + prefix + Character.toUpperCase(field.charAt(0)) + field.substring(1) + "() {");
        t.line("return " + field + ";").close().blank();
    }

    // ------------------------------------------------------------------------------------------- EntityManager

    private static void entityManager(SqlUnit u, CorpusWriter out) {
        Random rnd = new Random(u.seed());
        Domain d = u.domain();
        SourceText t = new SourceText();
        t.line("package " + u.pkg() + ";").blank();
        for (String i : List.of("java.util.List", "", domainPkg(d) + "." + d.type(), domainPkg(d) + "." + d.type() + "Task", "",
                "jakarta.persistence.EntityManager", "jakarta.persistence.PersistenceContext", "",
                "org.springframework.stereotype.Repository", "org.springframework.transaction.annotation.Transactional")) {
            t.line(i.isEmpty() ? "" : "import " + i + ";");
        }
        t.blank().line("/** JPA queries over " + d.type() + " that Spring Data's method names cannot express. */");
        t.line("@Repository").line("@Transactional(readOnly = true)");
        t.open("public class " + u.className() + " {").blank();
        t.line("@PersistenceContext").line("private EntityManager entityManager;").blank();
        SqlUnit.Names names = new SqlUnit.Names();
        for (SqlShape s : u.statements(rnd, true)) {
            String method = names.unique(s.method(d));
            List<String> ps = params(s);
            boolean query = isQuery(s);
            String first = s.lines().get(0);
            String entity = first.startsWith("select x ") ? d.type() : first.startsWith("select t ") ? d.type() + "Task" : null;
            String returns = !query ? "int" : entity != null ? "List<" + entity + ">" : "List<?>";
            t.line("/** " + describe(method) + " */");
            if (!query) t.line("@Transactional");
            t.open("public " + returns + " " + method + "(" + declarations(ps) + ") {");
            String create = s.jpql() ? "createQuery(" : "createNativeQuery(";
            String typed = entity != null ? ", " + entity + ".class)" : ")";
            if (!s.jpql() && rnd.nextBoolean()) textBlock(t, "return entityManager." + create, s, Style.NAMED, typed);
            else concatenation(t, "return entityManager." + create, s, Style.NAMED, typed);
            t.in().in();
            for (String p : ps) t.line(".setParameter(" + quote(p) + ", " + p + ")");
            t.line(query ? ".getResultList();" : ".executeUpdate();");
            t.out().out();
            t.close().blank();
        }
        t.close();
        out.java(u.javaPath(u.pkg(), u.className()), t, true);
    }

    // ------------------------------------------------------------------------------------------- Spring Data

    private static void springData(SqlUnit u, CorpusWriter out) {
        Random rnd = new Random(u.seed());
        Domain d = u.domain();
        boolean derivedIncident = SqlShape.DISTINCT_FAN_OUT.equals(u.incident()) && rnd.nextBoolean();
        SqlUnit asText = derivedIncident
                ? new SqlUnit(u.index(), u.kind(), d, u.className(), null, u.lookAlike(), u.seed()) : u;
        SourceText t = new SourceText();
        t.line("package " + u.pkg() + ";").blank();
        for (String i : List.of("java.time.Instant", "java.util.Collection", "java.util.List", "",
                domainPkg(d) + "." + d.type(), domainPkg(d) + "." + d.type() + "Task", "", "org.springframework.data.jpa.repository.JpaRepository",
                "org.springframework.data.jpa.repository.Modifying", "org.springframework.data.jpa.repository.Query",
                "org.springframework.data.repository.query.Param")) {
            t.line(i.isEmpty() ? "" : "import " + i + ";");
        }
        t.blank().line("/** Spring Data repository of " + d.type() + ". */");
        t.open("public interface " + u.className() + " extends JpaRepository<" + d.type() + ", Long> {").blank();
        List<String> derived = new ArrayList<>(List.of(
                "List<" + d.type() + "> findByTenantIdAndStatus(Long tenantId, String status);",
                "long countByStatus(String status);",
                "List<" + d.type() + "> findTop10ByOwnerIdOrderByCreatedAtDesc(Long ownerId);",
                "boolean existsByTitle(String title);",
                "List<" + d.type() + "> findByOwnerUsername(String username);",
                "List<" + d.type() + "> findByCreatedAtBetween(Instant from, Instant to);"));
        java.util.Collections.shuffle(derived, rnd);
        for (String m : derived.subList(0, 2 + rnd.nextInt(4))) {
            t.line("/** Derived from the method name. */").line(m).blank();
        }
        if (derivedIncident) {
            t.line("/** Labelled with any of the names, each once: Spring Data joins the labels and folds the rows with DISTINCT. */");
            t.expect(SqlShape.DISTINCT_FAN_OUT)
                    .line("List<" + d.type() + "> findDistinctByStatusAndLabelsNameIn(String status, Collection<String> names);").blank();
        }
        SqlUnit.Names names = new SqlUnit.Names();
        for (SqlShape s : asText.statements(rnd, true)) {
            String method = names.unique(s.method(d));
            boolean query = isQuery(s);
            List<String> ps = new ArrayList<>();
            for (String p : params(s)) ps.add("@Param(" + quote(p) + ") " + SqlUnit.javaType(p).replace("long", "Long") + " " + p);
            String first = s.lines().get(0);
            String returns = !query ? "int" : first.startsWith("select x ") ? "List<" + d.type() + ">"
                    : first.startsWith("select t ") ? "List<" + d.type() + "Task>"
                    : first.startsWith("select count") ? "long" : "List<Object[]>";
            t.line("/** " + describe(method) + " */");
            if (!query) t.line("@Modifying");
            if (s.jpql()) concatenation(t, "@Query(", s, Style.NAMED, ")");
            else concatenation(t, "@Query(value = ", s, Style.NAMED, ", nativeQuery = true)");
            t.line(returns + " " + method + "(" + String.join(", ", ps) + ");").blank();
        }
        t.close();
        out.java(u.javaPath(u.pkg(), u.className()), t, true);
    }

    // ------------------------------------------------------------------------------------------- MyBatis XML

    private static void myBatisXml(SqlUnit u, CorpusWriter out) {
        Random rnd = new Random(u.seed());
        Domain d = u.domain();
        String a = d.alias();
        List<SqlShape> statements = u.statements(rnd, false);
        SqlUnit.Names names = new SqlUnit.Names();
        List<String> methods = new ArrayList<>();
        for (SqlShape s : statements) methods.add(names.unique(s.method(d)));

        SourceText j = new SourceText();
        j.line("package " + u.pkg() + ";").blank();
        j.line("import java.util.List;").line("import java.util.Map;").blank();
        j.line("import org.apache.ibatis.annotations.Mapper;").line("import org.apache.ibatis.annotations.Param;").blank();
        j.line("/** Search over " + d.table() + "; the statements are in " + u.className() + ".xml. */");
        j.line("@Mapper");
        j.open("public interface " + u.className() + " {").blank();
        j.line("List<Map<String, Object>> search(@Param(\"status\") String status, @Param(\"ownerId\") Long ownerId,");
        j.line("        @Param(\"labelIds\") List<Long> labelIds, @Param(\"sort\") String sort);").blank();
        j.line("int updateTitle(@Param(\"id\") long id, @Param(\"title\") String title, @Param(\"status\") String status);").blank();
        for (int i = 0; i < statements.size(); i++) {
            SqlShape s = statements.get(i);
            List<String> ps = new ArrayList<>();
            for (String p : params(s)) ps.add("@Param(" + quote(p) + ") " + SqlUnit.javaType(p) + " " + p);
            ps.add("@Param(\"detailed\") boolean detailed");
            j.line((isQuery(s) ? "List<Map<String, Object>>" : "int") + " " + methods.get(i) + "(" + String.join(", ", ps) + ");").blank();
        }
        j.close();
        out.java(u.javaPath(u.pkg(), u.className()), j, false);

        SourceText x = new SourceText();
        x.line("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>");
        x.line("<!DOCTYPE mapper PUBLIC \"-//mybatis.org//DTD Mapper 3.0//EN\" \"http://mybatis.org/dtd/mybatis-3-mapper.dtd\">");
        x.open("<mapper namespace=\"" + u.pkg() + "." + u.className() + "\">").blank();
        x.line("<sql id=\"columns\">" + a + ".id, " + a + ".title, " + a + ".status, " + a + ".created_at</sql>").blank();
        x.line("<!-- The list screen: every filter is optional. -->");
        x.open("<select id=\"search\" resultType=\"map\">");
        x.line("SELECT <include refid=\"columns\"/>").line("FROM " + d.table() + " " + a);
        x.open("<where>");
        x.line("<if test=\"status != null\">AND " + a + ".status = #{status}</if>");
        x.line("<if test=\"ownerId != null\">AND " + a + ".owner_id = #{ownerId}</if>");
        x.open("<if test=\"labelIds != null and labelIds.size() > 0\">");
        x.line("AND " + a + ".id IN (SELECT l." + d.fk() + " FROM " + d.labels() + " l WHERE l.label_id IN");
        x.line("<foreach collection=\"labelIds\" item=\"labelId\" open=\"(\" separator=\",\" close=\")\">#{labelId}</foreach>)");
        x.close("</if>");
        x.close("</where>");
        x.open("<choose>");
        x.line("<when test=\"sort == 'title'\">ORDER BY " + a + ".title</when>");
        x.line("<otherwise>ORDER BY " + a + ".created_at DESC</otherwise>");
        x.close("</choose>");
        x.close("</select>").blank();
        x.open("<update id=\"updateTitle\">");
        x.line("UPDATE " + d.table());
        x.open("<set>");
        x.line("<if test=\"title != null\">title = #{title},</if>");
        x.line("<if test=\"status != null\">status = #{status},</if>");
        x.line("updated_at = now()");
        x.close("</set>");
        x.line("WHERE id = #{id}");
        x.close("</update>");
        for (int i = 0; i < statements.size(); i++) {
            SqlShape s = statements.get(i);
            String tag = s.lines().get(0).trim().split(" ")[0].toLowerCase(java.util.Locale.ROOT);
            x.blank().open("<" + tag + " id=\"" + methods.get(i) + "\"" + (tag.equals("select") ? " resultType=\"map\"" : "") + ">");
            for (int k = 0; k < s.lines().size(); k++) {
                String line = xml(Style.MYBATIS.apply(s.lines().get(k)));
                // an optional condition keeps its line, so the finding's line does not move
                if (k > 0 && line.startsWith("AND ") && rnd.nextBoolean()) line = "<if test=\"detailed\">" + line + "</if>";
                x.expect(s.ruleAt(k)).line(line);
            }
            x.close("</" + tag + ">");
        }
        x.close("</mapper>");
        out.resource("src/main/resources/mapper/" + d.noun() + "/" + u.className() + ".xml", x, true);
    }

    private static String xml(String sql) {
        return sql.replace("&", "&amp;").replace("<", "&lt;");
    }

    // ------------------------------------------------------------------------------------------- jOOQ

    private static void jooq(SqlUnit u, CorpusWriter out) {
        Random rnd = new Random(u.seed());
        Domain d = u.domain();
        SourceText t = new SourceText();
        t.line("package " + u.pkg() + ";").blank();
        t.line("import static com.acme.db.Tables.*;");
        t.line("import static org.jooq.impl.DSL.noCondition;").line("import static org.jooq.impl.DSL.select;")
                .line("import static org.jooq.impl.DSL.selectOne;").blank();
        t.line("import java.util.Collection;").line("import java.util.List;").blank();
        t.line("import org.jooq.Condition;").line("import org.jooq.DSLContext;")
                .line("import org.springframework.stereotype.Repository;").blank();
        t.line("/**").line(" * " + d.type() + " queries written with jOOQ. The {@code Tables} it imports are generated from the")
                .line(" * migrations at build time, under {@code target/}, and are not in the source tree.").line(" */");
        t.line("@Repository");
        t.open("public class " + u.className() + " {").blank();
        t.line("private final DSLContext dsl;").blank();
        t.open("public " + u.className() + "(DSLContext dsl) {").line("this.dsl = dsl;").close().blank();
        List<Runnable> methods = new ArrayList<>();
        List<Integer> clean = new ArrayList<>(List.of(0, 1, 2, 3, 4));
        java.util.Collections.shuffle(clean, rnd);
        for (int i = 0; i < 2 + rnd.nextInt(3); i++) {
            int which = clean.get(i);
            methods.add(() -> jooqClean(t, d, which));
        }
        if (u.incident() != null) methods.add(rnd.nextInt(methods.size() + 1), () -> jooqIncident(t, d, u.incident()));
        if (u.lookAlike() != null) methods.add(rnd.nextInt(methods.size() + 1), () -> jooqLookAlike(t, d, u.lookAlike()));
        methods.forEach(Runnable::run);
        t.close();
        out.java(u.javaPath(u.pkg(), u.className()), t, true);
    }

    private static void jooqIncident(SourceText t, Domain d, String rule) {
        String main = Domain.constant(d.table());
        String tasks = Domain.constant(d.tasks());
        String fk = Domain.constant(d.fk());
        switch (rule) {
            case SqlShape.EXISTS_JOIN -> {
                t.line("/** Tasks in a state, in one tenant. */");
                t.open("public int countTasksInTenant(String state, long tenantId) {");
                t.line("return dsl.selectCount()").in().in();
                t.line(".from(" + tasks + ")");
                t.expect(rule).line(".whereExists(selectOne()");
                t.line("        .from(" + main + ")");
                t.line("        .where(" + main + ".ID.eq(" + tasks + "." + fk + "))");
                t.line("        .and(" + main + ".TENANT_ID.eq(tenantId)))");
                t.line(".and(" + tasks + ".STATE.eq(state))");
                t.line(".fetchOne(0, int.class);").out().out();
            }
            case SqlShape.OR_ACROSS -> {
                String members = Domain.constant(d.members());
                t.line("/** What the user owns or is a member of, most recently changed first. */");
                t.open("public List<?> visible" + d.type() + "s(long userId) {");
                t.line("return dsl.select(" + main + ".ID, " + main + ".TITLE)").in().in();
                t.line(".from(" + main + ")");
                t.line(".where(" + main + ".OWNER_ID.eq(userId))");
                t.expect(rule).line(".or(" + main + ".ID.in(select(" + members + "." + fk + ")");
                t.line("        .from(" + members + ")");
                t.line("        .where(" + members + ".USER_ID.eq(userId))))");
                t.line(".orderBy(" + main + ".UPDATED_AT.desc())");
                t.line(".fetch();").out().out();
            }
            case SqlShape.DISTINCT_FAN_OUT -> {
                String labels = Domain.constant(d.labels());
                t.line("/** Carrying any of the labels, each once. */");
                t.open("public List<?> labelled" + d.type() + "s(long tenantId, Collection<Long> labelIds) {");
                t.expect(rule).line("return dsl.selectDistinct(" + main + ".ID, " + main + ".TITLE)").in().in();
                t.line(".from(" + main + ")");
                t.line(".join(" + labels + ").on(" + labels + "." + fk + ".eq(" + main + ".ID))");
                t.line(".where(" + main + ".TENANT_ID.eq(tenantId))");
                t.line(".and(" + labels + ".LABEL_ID.in(labelIds))");
                t.line(".fetch();").out().out();
            }
            case SqlShape.DISTINCT_ON_HISTORY -> {
                String events = Domain.constant(d.events());
                t.line("/** The five most recently active, from the event history. */");
                t.open("public List<?> recentlyActive" + d.type() + "s(long tenantId) {");
                t.expect(rule).line("return dsl.selectDistinct(" + events + "." + fk + ", " + events + ".CREATED_AT)").in().in();
                t.line(".on(" + events + "." + fk + ")");
                t.line(".from(" + events + ")");
                t.line(".where(" + events + ".TENANT_ID.eq(tenantId))");
                t.line(".orderBy(" + events + "." + fk + ", " + events + ".CREATED_AT.desc())");
                t.line(".limit(5)");
                t.line(".fetch();").out().out();
            }
            default -> {
                t.line("/** Changed since the user's last digest. */");
                t.open("public List<?> changedSinceDigest(long userId) {");
                t.line("return dsl.select(" + main + ".ID, " + main + ".TITLE)").in().in();
                t.line(".from(" + main + ")");
                t.expect(rule).line(".join(USER_SETTINGS).on(USER_SETTINGS.USER_ID.eq(userId))");
                t.line(".where(" + main + ".OWNER_ID.eq(userId))");
                t.line(".and(" + main + ".UPDATED_AT.ge(USER_SETTINGS.DIGEST_SINCE))");
                t.line(".fetch();").out().out();
            }
        }
        t.close().blank();
    }

    private static void jooqLookAlike(SourceText t, Domain d, String rule) {
        String main = Domain.constant(d.table());
        String fk = Domain.constant(d.fk());
        switch (rule) {
            case SqlShape.EXISTS_JOIN -> {
                String tasks = Domain.constant(d.tasks());
                t.line("/** With an overdue task: EXISTS over the to-many side stops at the first. */");
                t.open("public List<?> withOverdueTasks(long tenantId) {");
                t.line("return dsl.select(" + main + ".ID)").in().in();
                t.line(".from(" + main + ")");
                t.line(".where(" + main + ".TENANT_ID.eq(tenantId))");
                t.line(".andExists(selectOne()");
                t.line("        .from(" + tasks + ")");
                t.line("        .where(" + tasks + "." + fk + ".eq(" + main + ".ID))");
                t.line("        .and(" + tasks + ".STATE.eq(\"OVERDUE\")))");
                t.line(".fetch();").out().out();
            }
            case SqlShape.OR_ACROSS -> {
                t.line("/** Owned, or in the list the caller read first: two index lookups. */");
                t.open("public List<?> ownedOrListed(long userId, Collection<Long> ids) {");
                t.line("return dsl.select(" + main + ".ID, " + main + ".TITLE)").in().in();
                t.line(".from(" + main + ")");
                t.line(".where(" + main + ".OWNER_ID.eq(userId).or(" + main + ".ID.in(ids)))");
                t.line(".fetch();").out().out();
            }
            case SqlShape.DISTINCT_FAN_OUT -> {
                t.line("/** Owner names: the join is to-one, DISTINCT folds nothing it made. */");
                t.open("public List<?> ownerNames(long tenantId) {");
                t.line("return dsl.selectDistinct(USERS.USERNAME)").in().in();
                t.line(".from(" + main + ")");
                t.line(".join(USERS).on(USERS.ID.eq(" + main + ".OWNER_ID))");
                t.line(".where(" + main + ".TENANT_ID.eq(tenantId))");
                t.line(".fetch();").out().out();
            }
            case SqlShape.DISTINCT_ON_HISTORY -> {
                String events = Domain.constant(d.events());
                t.line("/** The latest event of each of the given ones since a time: the window bounds the rows read. */");
                t.open("public List<?> latestEvents(Collection<Long> ids, java.time.OffsetDateTime since) {");
                t.line("return dsl.selectDistinct(" + events + "." + fk + ", " + events + ".KIND, " + events + ".CREATED_AT)").in().in();
                t.line(".on(" + events + "." + fk + ")");
                t.line(".from(" + events + ")");
                t.line(".where(" + events + "." + fk + ".in(ids).and(" + events + ".CREATED_AT.ge(since)))");
                t.line(".orderBy(" + events + "." + fk + ", " + events + ".CREATED_AT.desc())");
                t.line(".fetch();").out().out();
            }
            default -> {
                t.line("/** Changed since the digest, with the digest time: the joined row's column is selected. */");
                t.open("public List<?> changedWithDigest(long userId) {");
                t.line("return dsl.select(" + main + ".ID, USER_SETTINGS.DIGEST_SINCE)").in().in();
                t.line(".from(" + main + ")");
                t.line(".join(USER_SETTINGS).on(USER_SETTINGS.USER_ID.eq(userId))");
                t.line(".where(" + main + ".UPDATED_AT.ge(USER_SETTINGS.DIGEST_SINCE))");
                t.line(".fetch();").out().out();
            }
        }
        t.close().blank();
    }

    private static void jooqClean(SourceText t, Domain d, int which) {
        String main = Domain.constant(d.table());
        String tasks = Domain.constant(d.tasks());
        String fk = Domain.constant(d.fk());
        switch (which) {
            case 0 -> {
                t.line("/** One by id. */");
                t.open("public Object find" + d.type() + "(long id) {");
                t.line("return dsl.selectFrom(" + main + ").where(" + main + ".ID.eq(id)).fetchOne();");
            }
            case 1 -> {
                t.line("/** A page of one status, newest first. */");
                t.open("public List<?> pageByStatus(long tenantId, String status) {");
                t.line("return dsl.select(" + main + ".ID, " + main + ".TITLE)").in().in();
                t.line(".from(" + main + ")");
                t.line(".where(" + main + ".TENANT_ID.eq(tenantId))");
                t.line(".and(" + main + ".STATUS.eq(status))");
                t.line(".orderBy(" + main + ".CREATED_AT.desc())");
                t.line(".limit(50)");
                t.line(".fetch();").out().out();
            }
            case 2 -> {
                t.line("/** Open tasks of one. */");
                t.open("public int countOpenTasks(long id) {");
                t.line("return dsl.selectCount()").in().in();
                t.line(".from(" + tasks + ")");
                t.line(".where(" + tasks + "." + fk + ".eq(id))");
                t.line(".and(" + tasks + ".STATE.ne(\"DONE\"))");
                t.line(".fetchOne(0, int.class);").out().out();
            }
            case 3 -> {
                t.line("/** The search screen: each filter is optional. */");
                t.open("public List<?> search(String status, Long ownerId) {");
                t.line("Condition condition = noCondition();");
                t.open("if (status != null) {").line("condition = condition.and(" + main + ".STATUS.eq(status));").close();
                t.open("if (ownerId != null) {").line("condition = condition.and(" + main + ".OWNER_ID.eq(ownerId));").close();
                t.line("return dsl.selectFrom(" + main + ").where(condition).orderBy(" + main + ".CREATED_AT.desc()).fetch();");
            }
            default -> {
                t.line("/** Changes the status. */");
                t.open("public int changeStatus(long id, String status) {");
                t.line("return dsl.update(" + main + ").set(" + main + ".STATUS, status).where(" + main + ".ID.eq(id)).execute();");
            }
        }
        t.close().blank();
    }
}
