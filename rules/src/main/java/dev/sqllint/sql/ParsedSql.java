package dev.sqllint.sql;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statement;

/** A statement JSqlParser accepted, the normalised text it came from, and node-to-offset arithmetic. */
public final class ParsedSql {

    private final Statement statement;
    private final SqlText text;
    private final int[] lineStarts;
    private SqlTree tree;

    ParsedSql(Statement statement, SqlText text) {
        this.statement = statement;
        this.text = text;
        this.lineStarts = lineStarts(text.text());
    }

    private static int[] lineStarts(String s) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\n') starts.add(i + 1);
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public Statement statement() {
        return statement;
    }

    public SqlText text() {
        return text;
    }

    public String sql() {
        return text.text();
    }

    public SqlTree tree() {
        if (tree == null) tree = SqlTree.of(statement);
        return tree;
    }

    /** Offset of the node's first character, or -1 when JSqlParser kept no position for it. */
    public int start(Object node) {
        Token t = token(node, true);
        return t == null ? -1 : offset(t.beginLine, t.beginColumn);
    }

    /** Offset just past the node's last character, or -1. */
    public int end(Object node) {
        Token t = token(node, false);
        return t == null ? -1 : offset(t.endLine, t.endColumn) + 1;
    }

    /** The earliest known start among the node and its descendants (for nodes kept without a position). */
    public int earliestStart(Object node) {
        int best = start(node);
        if (best >= 0) return best;
        for (Object n : SqlTree.within(node, Object.class, null)) {
            int s = start(n);
            if (s >= 0 && (best < 0 || s < best)) best = s;
        }
        return best;
    }

    private static Token token(Object node, boolean first) {
        if (!(node instanceof ASTNodeAccess access)) return null;
        Node n = access.getASTNode();
        if (n == null) return null;
        return first ? n.jjtGetFirstToken() : n.jjtGetLastToken();
    }

    private int offset(int line, int column) {
        if (line < 1 || line > lineStarts.length) return -1;
        return Math.min(lineStarts[line - 1] + column - 1, text.length());
    }
}
