package dev.sqllint.rules;

import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.Join;

/**
 * A table in a FROM clause: its name and the alias columns refer to it by. {@code join} is null for the
 * first FROM item. {@code pathOwner} is set for JPQL association joins ({@code JOIN o.items i}), whose
 * "table" is a property of the owner alias.
 */
record TableRef(String name, String alias, Table table, Join join, String pathOwner) {

    String key() {
        return alias != null ? alias : name;
    }

    boolean isAssociationPath() {
        return pathOwner != null;
    }

    String display() {
        boolean synthetic = alias != null && alias.startsWith("sqllint_"); // a link table the JPQL translation joined
        return alias != null && !alias.equals(name) && !synthetic ? name + " " + alias : name;
    }
}
