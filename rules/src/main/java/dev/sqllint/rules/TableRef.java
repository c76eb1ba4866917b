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

    /** A JPQL association path as the query writes it ({@code conceptJoin.names conceptNameJoin}), for messages. */
    String writtenPath() {
        String path = table != null && table.getSchemaName() != null ? table.getFullyQualifiedName() : pathOwner + "." + name;
        String written = table != null && table.getAlias() != null ? table.getAlias().getName() : alias;
        return written == null ? path : path + " " + written;
    }

    boolean isAssociationPath() {
        return pathOwner != null;
    }

    String display() {
        // a name glued to a template piece the extraction could not read (${prefix}ACT_RU_TASK) is shown without it
        String written = table == null || table.getName() == null ? name : table.getName().replace("\"", "").replace("`", "");
        String shownName = Advice.withoutUnknownPieces(written);
        // the alias as written (RES, not res): a rewrite pasted back must keep the user's spelling
        String writtenAlias = table != null && table.getAlias() != null && alias != null
                && table.getAlias().getName().equalsIgnoreCase(alias) ? table.getAlias().getName() : alias;
        String shownAlias = Advice.withoutUnknownPieces(writtenAlias);
        if (shownName == null || shownName.isEmpty()) return shownAlias == null || shownAlias.isEmpty() ? "the table" : shownAlias;
        boolean synthetic = alias != null && alias.startsWith("sqllint_"); // a link table the JPQL translation joined
        return alias != null && !alias.equals(name) && !synthetic ? shownName + " " + shownAlias : shownName;
    }
}
