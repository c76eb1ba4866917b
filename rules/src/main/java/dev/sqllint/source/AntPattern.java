package dev.sqllint.source;

import java.util.regex.Pattern;

/**
 * An Ant-style path pattern as Maven users write them in includes and excludes: {@code **} matches any
 * number of directories, {@code *} any characters within one name, {@code ?} one character. A pattern
 * ending in {@code /} matches everything below that directory.
 */
public final class AntPattern {

    private final Pattern regex;
    /**
     * For a pattern of the form {@code **}{@code /*.java}, the fixed end every match has and nothing else needs:
     * the default include, tested on every file of the tree, without a regular expression; else null.
     */
    private final String suffix;

    private AntPattern(Pattern regex, String suffix) {
        this.regex = regex;
        this.suffix = suffix;
    }

    public static AntPattern compile(String pattern) {
        String p = pattern.trim().replace('\\', '/');
        if (p.endsWith("/")) p = p + "**";
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*' && i + 1 < p.length() && p.charAt(i + 1) == '*') {
                boolean slashFollows = i + 2 < p.length() && p.charAt(i + 2) == '/';
                re.append(slashFollows ? "(?:.*/)?" : ".*");
                i += slashFollows ? 2 : 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        String rest = p.startsWith("**/*") ? p.substring(4) : null;
        boolean fixed = rest != null && !rest.isEmpty() && rest.chars().noneMatch(ch -> ch == '*' || ch == '?' || ch == '/');
        return new AntPattern(Pattern.compile(re.toString()), fixed ? rest : null);
    }

    /** Matches a path relative to a source root, with {@code /} separators. */
    public boolean matches(String relativePath) {
        if (suffix != null) return relativePath.endsWith(suffix);
        return regex.matcher(relativePath.replace('\\', '/')).matches();
    }
}
