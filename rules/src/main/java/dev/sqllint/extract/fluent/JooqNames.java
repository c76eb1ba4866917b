package dev.sqllint.extract.fluent;

import java.util.List;
import java.util.Locale;

/**
 * The SQL names behind jOOQ's generated identifiers, read from the identifiers alone: the generated
 * {@code Tables}/{@code Keys} classes usually live under {@code target/} and are not in the source tree.
 * jOOQ's generator writes {@code book_store} as {@code BOOK_STORE} and {@code author_id} as
 * {@code AUTHOR_ID}, so lower-casing gives the name back.
 */
final class JooqNames {

    private JooqNames() {
    }

    /** {@code BOOK_STORE} → {@code book_store}; a camelCase name ({@code authorId}) → {@code author_id}. */
    static String sqlName(String javaName) {
        if (isConstantName(javaName)) return javaName.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && javaName.charAt(i - 1) != '_') out.append('_');
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    /** An UPPER_SNAKE identifier: a generated table ({@code BOOK}), column ({@code AUTHOR_ID}) or key. */
    static boolean isConstantName(String name) {
        if (name.isEmpty() || !Character.isUpperCase(name.charAt(0))) return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isUpperCase(c) || Character.isDigit(c) || c == '_')) return false;
        }
        return true;
    }

    /** A type name as written: {@code Tables}, {@code Book}, {@code DSL}'s peers; not a constant. */
    static boolean isTypeName(String name) {
        return !name.isEmpty() && Character.isUpperCase(name.charAt(0)) && !isConstantName(name);
    }

    private static final java.util.Set<String> RESERVED = java.util.Set.of("from", "to", "select", "where", "order",
            "group", "by", "having", "limit", "offset", "union", "join", "on", "as", "and", "or", "not", "in", "is",
            "null", "case", "when", "then", "else", "end", "distinct", "all", "any", "exists", "between", "like");

    /** A word SQL reserves, which cannot stand as a plain alias. */
    static boolean isReserved(String word) {
        return RESERVED.contains(word.toLowerCase(Locale.ROOT));
    }

    /** An alias as SQL: quoted when it is not a plain identifier ({@code .as("Sales Rep")}, {@code .as("from")}). */
    static String alias(String alias) {
        boolean plain = alias.matches("[A-Za-z_][A-Za-z0-9_$]*") && !RESERVED.contains(alias.toLowerCase(Locale.ROOT));
        return plain ? alias : "\"" + alias.replace("\"", "") + "\"";
    }

    /** The column names a foreign key to {@code table} is conventionally called: {@code author_id} for {@code author(s)}. */
    static List<String> foreignKeyColumns(String table) {
        String singular = singular(table);
        return singular.equals(table) ? List.of(table + "_id") : List.of(singular + "_id", table + "_id");
    }

    static String singular(String table) {
        if (table.endsWith("ies") && table.length() > 3) return table.substring(0, table.length() - 3) + "y";
        if (table.endsWith("ses") || table.endsWith("xes")) return table.substring(0, table.length() - 2);
        if (table.endsWith("s") && !table.endsWith("ss") && table.length() > 1) return table.substring(0, table.length() - 1);
        return table;
    }
}
