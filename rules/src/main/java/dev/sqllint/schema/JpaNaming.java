package dev.sqllint.schema;

import java.util.Locale;

/**
 * How Hibernate turns a mapping into table and column names. A logical name (the explicit
 * {@code @Table(name)}, {@code @Column(name)} or {@code @JoinColumn(name)}, or the implicit one derived from
 * the entity, field or association) becomes the physical name by the configured physical naming strategy.
 * Names quoted in the annotation ({@code "\"Order\""}, {@code "`order`"}) are kept as written by both.
 */
public enum JpaNaming {

    /**
     * Spring Boot's default: {@code CamelCaseToUnderscoresNamingStrategy} (Hibernate's
     * {@code PhysicalNamingStrategySnakeCaseImpl}) with {@code SpringImplicitNamingStrategy}. Every unquoted
     * name, explicit ones included, becomes snake case in lower case: {@code publishedRun} →
     * {@code published_run}, entity {@code ReviewRequest} → table {@code review_request}. A default join table
     * is {@code <owner table>_<property>}.
     */
    SPRING {
        @Override
        String physicalUnquoted(String name) {
            StringBuilder b = new StringBuilder(name.replace('.', '_'));
            for (int i = 1; i < b.length() - 1; i++) {
                if (underscoreBefore(b.charAt(i - 1), b.charAt(i), b.charAt(i + 1))) b.insert(i++, '_');
            }
            return b.toString().toLowerCase(Locale.ROOT);
        }

        @Override
        String implicitJoinTable(String ownerTable, String property, String targetTable) {
            return ownerTable + "_" + property;
        }
    },

    /**
     * Plain JPA / Hibernate defaults ({@code PhysicalNamingStrategyStandardImpl},
     * {@code ImplicitNamingStrategyJpaCompliantImpl}): names as written, entity {@code ReviewRequest} → table
     * {@code ReviewRequest}; databases fold case, so compare case-insensitively (the {@link Schema} does). A
     * default join table is {@code <owner table>_<target table>}.
     */
    JPA {
        @Override
        String physicalUnquoted(String name) {
            return name;
        }

        @Override
        String implicitJoinTable(String ownerTable, String property, String targetTable) {
            return ownerTable + "_" + targetTable;
        }
    };

    /** The physical name of a table or column from its logical name, explicit or implicit. */
    public String physical(String logicalName) {
        String trimmed = logicalName.trim();
        return isQuoted(trimmed) ? unquote(trimmed) : physicalUnquoted(trimmed);
    }

    abstract String physicalUnquoted(String name);

    /** The logical name of a join table nobody named, from the owner's and target's physical table names. */
    abstract String implicitJoinTable(String ownerTable, String property, String targetTable);

    /** Hibernate's rule: {@code aB} and {@code 1B} get an underscore when a lower case letter or digit follows. */
    private static boolean underscoreBefore(char before, char current, char after) {
        return (Character.isLowerCase(before) || Character.isDigit(before))
                && Character.isUpperCase(current)
                && (Character.isLowerCase(after) || Character.isDigit(after));
    }

    static boolean isQuoted(String name) {
        return name.length() >= 2
                && (name.startsWith("\"") && name.endsWith("\"") || name.startsWith("`") && name.endsWith("`"));
    }

    /** The name without the quotes or backticks around it. */
    static String unquote(String name) {
        String n = name.trim();
        return isQuoted(n) ? n.substring(1, n.length() - 1) : n;
    }
}
