package dev.sqllint.extract.sinks;

import java.util.regex.Pattern;

/**
 * Whether a string reads like a SQL statement. Used only where the receiver's type cannot be read, so the
 * bar is a statement's skeleton (SELECT ... FROM, INSERT INTO, UPDATE ... SET), not a leading keyword:
 * "Select a file to upload" is not SQL.
 */
public final class SqlLooks {

    private static final Pattern SELECT = Pattern.compile("(?is)^\\s*(\\(\\s*)*(select|with)\\b.*\\bfrom\\b.*");
    private static final Pattern INSERT = Pattern.compile("(?is)^\\s*(insert|merge|upsert|replace)\\s+into\\b.*");
    private static final Pattern UPDATE = Pattern.compile("(?is)^\\s*update\\s+[\\w.\"`]+(\\s+\\w+)?\\s+set\\b.*");
    private static final Pattern DELETE = Pattern.compile("(?is)^\\s*delete\\s+from\\b.*");

    private SqlLooks() {
    }

    public static boolean likeSql(String text) {
        String s = stripLeadingComments(text);
        if (s.length() < 10) return false;
        return SELECT.matcher(s).matches() || INSERT.matcher(s).matches() || UPDATE.matcher(s).matches()
                || DELETE.matcher(s).matches();
    }

    private static String stripLeadingComments(String text) {
        String s = text.stripLeading();
        while (true) {
            if (s.startsWith("--")) {
                int nl = s.indexOf('\n');
                s = nl < 0 ? "" : s.substring(nl + 1).stripLeading();
            } else if (s.startsWith("/*")) {
                int close = s.indexOf("*/");
                s = close < 0 ? "" : s.substring(close + 2).stripLeading();
            } else {
                return s;
            }
        }
    }
}
