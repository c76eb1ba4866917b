package dev.sqllint.mybatis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code <sql id>} fragments of every mapper read, by qualified id ({@code namespace.id}), so an
 * {@code <include refid>} resolves within its mapper or, qualified, across mappers. With several fragments of
 * one id (one per {@code databaseId}) the first in file order is taken.
 */
final class SqlFragments {

    /** A fragment and the mapper it is written in. */
    record Fragment(String id, XmlElement element, MapperFile file) {
    }

    static final SqlFragments NONE = new SqlFragments(List.of());

    private final Map<String, Fragment> byId = new HashMap<>();

    SqlFragments(List<MapperFile> files) {
        for (MapperFile f : files) {
            for (XmlElement sql : f.root().elements("sql")) {
                String id = sql.attribute("id");
                if (id == null || id.isBlank()) continue;
                String qualified = qualify(id.strip(), f.namespace());
                byId.putIfAbsent(qualified, new Fragment(qualified, sql, f));
            }
        }
    }

    /**
     * As MyBatis resolves a reference: a refid with a dot is already qualified, any other is in
     * {@code namespace}.
     */
    static String qualify(String refid, String namespace) {
        if (refid.contains(".") || namespace == null || namespace.isEmpty()) return refid;
        return namespace + "." + refid;
    }

    Optional<Fragment> get(String qualifiedId) {
        return Optional.ofNullable(byId.get(qualifiedId));
    }
}
