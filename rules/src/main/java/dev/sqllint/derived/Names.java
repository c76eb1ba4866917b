package dev.sqllint.derived;

/** {@code java.beans.Introspector.decapitalize}, which Spring Data uses to turn a name part into a property. */
final class Names {

    private Names() {
    }

    /** {@code Name} becomes {@code name}; {@code URL} stays {@code URL} (two capitals: an acronym). */
    static String decapitalize(String name) {
        if (name.isEmpty()) return name;
        if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isUpperCase(name.charAt(1))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
