package dev.sqllint.rules;

import dev.sqllint.sql.Dialect;
import dev.sqllint.sql.Placeholders;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;

/**
 * How a finding speaks to the user (issue 14): its advice says which database it is for and is worded for that
 * one where databases differ; the incident behind a rule is evidence, named "a production incident" (the user
 * never read the write-ups we started from; the rule's page tells it); and SQL in a message is the user's own,
 * with their tables, columns and aliases, so a rewrite can be pasted back ({@code OR d.doc_id = ANY(?)}, never {@code OR doc_id = ANY(?)}).
 */
final class Advice {

    /** How messages name the incident a rule was written from. */
    static final String INCIDENT = "a production incident";

    private Advice() {
    }

    /** {@code "Advice for PostgreSQL: " + text}: advice that reads the same on every database. */
    static String forDatabase(Dialect dialect, String text) {
        return forDatabase(dialect, text, text, text);
    }

    /**
     * {@code "Advice for MySQL: " + mysql}: the wording for the project's database. MariaDB takes the MySQL
     * wording, SQL Server its own, every other database the PostgreSQL one (standard SQL).
     */
    static String forDatabase(Dialect dialect, String postgres, String mysql, String sqlServer) {
        Dialect d = dialect == null ? Dialect.POSTGRESQL : dialect;
        String text = switch (d) {
            case MYSQL, MARIADB -> mysql;
            case SQLSERVER -> sqlServer;
            default -> postgres;
        };
        return "Advice for " + d.displayName() + ": " + text;
    }

    /** {@code "(in a production incident: 42k rows hashed, 91 ms)"}: the incident's numbers as evidence. */
    static String incident(String numbers) {
        return "(in " + INCIDENT + ": " + numbers + ")";
    }

    /** SQL as the user wrote it (qualifiers and aliases kept), whitespace collapsed, at most {@code max} characters. */
    static String sql(Object node, int max) {
        return withoutUnknownPieces(Expressions.brief(node, max));
    }

    /**
     * The text without the marker of template pieces the extraction could not read where the marker is glued to a
     * name: {@code ${prefix}ACT_HI_TASKINST} is parsed as {@code sqllint_dynACT_HI_TASKINST} and shown as
     * {@code ACT_HI_TASKINST}, the name the user recognises.
     */
    static String withoutUnknownPieces(String text) {
        return text == null ? null : text.replaceAll("(?i)" + Placeholders.DYNAMIC + "(?=\\w)", "");
    }

    /** The table as the query names it: {@code documents d}, or {@code documents} when it has no alias. */
    static String table(TableRef t) {
        return t.display();
    }

    /** The column as the query names it, with its qualifier: {@code d.doc_id}. */
    static String column(Column c) {
        return withoutUnknownPieces(Expressions.brief(c, 200));
    }

    /**
     * {@code whole} printed with {@code part} (a node inside it, by identity) printed as {@code replacement}:
     * the rewrite of a condition in the user's own names ({@code t.updated_at >= ?} for
     * {@code t.updated_at >= us.first_unread_at}).
     */
    static String replacing(Expression whole, Expression part, String replacement, int max) {
        String out;
        if (whole instanceof BinaryExpression b && (b.getLeftExpression() == part || b.getRightExpression() == part)) {
            String left = b.getLeftExpression() == part ? replacement : Expressions.brief(b.getLeftExpression(), max);
            String right = b.getRightExpression() == part ? replacement : Expressions.brief(b.getRightExpression(), max);
            out = left + " " + b.getStringExpression() + " " + right;
        } else {
            String all = Expressions.brief(whole, Integer.MAX_VALUE / 2);
            String piece = Expressions.brief(part, Integer.MAX_VALUE / 2);
            int at = all.lastIndexOf(piece);
            out = at < 0 ? all : all.substring(0, at) + replacement + all.substring(at + piece.length());
        }
        return out.length() <= max ? out : out.substring(0, max - 1) + "…";
    }
}
