package dev.sqllint.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a Liquibase changelog, whichever format it came from, so the change types are read once.
 * XML attributes and YAML scalar entries become {@code attributes}; XML child elements, YAML mappings and
 * YAML list items become {@code children} (a YAML list under a key is a child named after the key, whose
 * children are the items: {@code changes}, {@code columns}). {@code text} is an XML element's own text or
 * a YAML scalar; {@code line} is where the element starts and {@code textLine} where its text starts
 * (0 when not known).
 */
record ChangeNode(String name, Map<String, String> attributes, List<ChangeNode> children, String text, int line,
                  int textLine) {

    String attribute(String key) {
        String value = attributes.get(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    boolean flag(String key) {
        String value = attribute(key);
        return value != null && value.toLowerCase(Locale.ROOT).equals("true");
    }

    Optional<ChangeNode> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    /** Children named {@code childName}, directly or inside a YAML list wrapper named {@code wrapper}. */
    List<ChangeNode> children(String childName, String wrapper) {
        List<ChangeNode> found = new ArrayList<>();
        for (ChangeNode c : children) {
            if (c.name.equals(childName)) found.add(c);
            if (c.name.equals(wrapper)) c.children.stream().filter(i -> i.name.equals(childName)).forEach(found::add);
        }
        return found;
    }

    /** The own text, or in YAML the entry of the same name ({@code - sql: {sql: "..."}}). */
    Optional<String> body() {
        if (text != null && !text.isBlank()) return Optional.of(text);
        return Optional.ofNullable(attributes.get(name)).filter(s -> !s.isBlank());
    }
}
