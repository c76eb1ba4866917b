package dev.sqllint.extract.jdbi.templates;

import dev.sqllint.sql.SqlText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A StringTemplate body cut into what rendering needs: plain text (escapes {@code \<}, {@code \>} undone,
 * comments {@code <! ... !>} gone), expressions {@code <...>}, and {@code <if(c)>...<elseif(d)>...<else>...<endif>}
 * sections. A {@code <} that cannot start an expression (followed by a blank, {@code =}, {@code >}) is SQL's
 * less-than. Unbalanced sections are closed at the end of the body.
 */
final class TemplateNodes {

    sealed interface Node permits Text, Expr, If {
    }

    record Text(SqlText text) implements Node {
    }

    /** {@code inner}: the expression without its brackets; {@code at}: where it is written. */
    record Expr(String inner, SqlText at) implements Node {
    }

    /** A branch's condition is null for {@code <else>}. */
    record Branch(String condition, List<Node> body) {
    }

    record If(List<Branch> branches) implements Node {
    }

    private TemplateNodes() {
    }

    static List<Node> parse(SqlText body) {
        String s = body.text();
        Deque<List<Branch>> open = new ArrayDeque<>();
        Deque<List<Node>> lists = new ArrayDeque<>();
        lists.push(new ArrayList<>());
        int textStart = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '<' || s.charAt(i + 1) == '>')) {
                text(lists.peek(), body, textStart, i);
                textStart = i + 1; // the escape goes, the bracket stays
                i += 2;
                continue;
            }
            if (c != '<') {
                i++;
                continue;
            }
            char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
            if (next == '!') {
                text(lists.peek(), body, textStart, i);
                int close = s.indexOf("!>", i + 2);
                i = textStart = close < 0 ? s.length() : close + 2;
                continue;
            }
            if (!(Character.isJavaIdentifierStart(next) || next == '(' || next == '{')) {
                i++;
                continue;
            }
            text(lists.peek(), body, textStart, i);
            int end = TemplateExpressions.end(s, i);
            String inner = s.substring(i + 1, Math.max(i + 1, end - 1)).strip();
            SqlText at = slice(body, i, end);
            if (starts(inner, "if")) {
                List<Branch> branches = new ArrayList<>();
                List<Node> first = new ArrayList<>();
                branches.add(new Branch(condition(inner), first));
                lists.peek().add(new If(branches));
                open.push(branches);
                lists.push(first);
            } else if (starts(inner, "elseif") && !open.isEmpty()) {
                List<Node> next2 = new ArrayList<>();
                open.peek().add(new Branch(condition(inner), next2));
                lists.pop();
                lists.push(next2);
            } else if (inner.equals("else") && !open.isEmpty()) {
                List<Node> next2 = new ArrayList<>();
                open.peek().add(new Branch(null, next2));
                lists.pop();
                lists.push(next2);
            } else if (inner.equals("endif") && !open.isEmpty()) {
                open.pop();
                lists.pop();
            } else if (!inner.equals("endif") && !inner.equals("else") && !starts(inner, "elseif")) {
                lists.peek().add(new Expr(inner, at));
            }
            i = textStart = end;
        }
        text(lists.peek(), body, textStart, s.length());
        while (lists.size() > 1) lists.pop();
        return lists.pop();
    }

    private static boolean starts(String inner, String word) {
        if (!inner.startsWith(word)) return false;
        String rest = inner.substring(word.length()).stripLeading();
        return rest.startsWith("(");
    }

    /** {@code if(x && !y)}: {@code x && !y}. */
    private static String condition(String inner) {
        int open = inner.indexOf('(');
        int close = inner.lastIndexOf(')');
        return close > open ? inner.substring(open + 1, close).strip() : "";
    }

    private static void text(List<Node> into, SqlText body, int from, int to) {
        if (from < to) into.add(new Text(slice(body, from, to)));
    }

    static SqlText slice(SqlText t, int from, int to) {
        if (from >= to) return SqlText.empty();
        SqlText out = to < t.length() ? t.replace(to, t.length(), "") : t;
        return from > 0 ? out.replace(0, from, "") : out;
    }
}
