package dev.sqllint.engine;

import com.github.javaparser.Range;
import com.github.javaparser.ast.comments.BlockComment;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.comments.LineComment;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.sqllint.extract.IgnoreComment;
import dev.sqllint.extract.IgnoreComments;
import dev.sqllint.extract.JavaFile;
import dev.sqllint.rules.Rule;
import dev.sqllint.rules.Rules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Rule names in suppressions that no rule has: {@code @SuppressWarnings("sqllint:JoinForScalarOnlyy")} or
 * {@code // sqllint:ignore OrAccrossAccessPaths}. Such a suppression suppresses nothing, so it is said out loud,
 * at the name, with the rule the writer most likely meant.
 */
final class UnknownRuleNames {

    private static final String PREFIX = "sqllint:";

    private UnknownRuleNames() {
    }

    /** The unknown names in one Java file's {@code @SuppressWarnings} values and ignore comments. */
    static List<Diagnostic> in(JavaFile file) {
        List<Diagnostic> out = new ArrayList<>();
        if (!JavaSyntax.maySaySqllint(file.unit())) return out; // nothing to check: not a walk of the whole tree
        for (AnnotationExpr a : file.findAll(AnnotationExpr.class)) {
            String name = a.getNameAsString();
            if (!name.equals("SuppressWarnings") && !name.equals("java.lang.SuppressWarnings")) continue;
            for (StringLiteralExpr value : a.findAll(StringLiteralExpr.class)) {
                String v = value.asString();
                if (!v.startsWith(PREFIX) || value.getRange().isEmpty()) continue;
                String rule = v.substring(PREFIX.length()).strip();
                Range at = value.getRange().get();
                // the name inside the literal: after the quote and the prefix (escapes in a rule name are unheard of)
                check(rule, "@SuppressWarnings(\"" + v + "\")", file.path(), at.begin.line,
                        at.begin.column + 1 + v.indexOf(rule, PREFIX.length()), out);
            }
        }
        for (Comment c : file.unit().getAllComments()) {
            if (!(c instanceof LineComment) && !(c instanceof BlockComment) || c.getRange().isEmpty()) continue;
            Range at = c.getRange().get();
            String content = c.getContent();
            String written = c instanceof LineComment ? "// " + content.strip() : "/* " + content.strip() + " */";
            IgnoreComment.parse(content, written).ifPresent(ic -> ic.rules().stream().sorted().forEach(rule -> {
                int offset = content.indexOf(rule);
                // a comment on one line: the name's own column; else the comment's start
                int column = at.begin.line == at.end.line && offset >= 0 ? at.begin.column + 2 + offset : at.begin.column;
                check(rule, written, file.path(), at.begin.line, column, out);
            }));
        }
        out.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        return out;
    }

    /** The unknown names in the ignore comments of a file that is not Java (a MyBatis mapper), by line. */
    static List<Diagnostic> in(Path file, IgnoreComments comments) {
        List<Diagnostic> out = new ArrayList<>();
        for (IgnoreComments.Placed p : comments.placed()) {
            p.comment().rules().stream().sorted().forEach(rule -> check(rule, p.comment().text(), file, p.firstLine(), 0, out));
        }
        return out;
    }

    private static void check(String rule, String written, Path file, int line, int column, List<Diagnostic> out) {
        if (rule.isEmpty() || Rules.named(rule).isPresent()) return;
        String hint = closest(rule).map(r -> "did you mean " + r + "?")
                .orElse("rule names: " + String.join(", ", Rules.all().stream().map(r -> r.info().name()).toList()));
        out.add(new Diagnostic(Diagnostic.Kind.UNKNOWN_RULE_NAME, file, line, column,
                "no rule is named " + rule + ", so " + written + " suppresses nothing; " + hint));
    }

    /** The rule whose name is nearest to {@code name} (case ignored), when it is near enough to be a typo. */
    static Optional<String> closest(String name) {
        String lower = name.toLowerCase();
        return Rules.all().stream().map(Rule::info).map(i -> i.name())
                .min(Comparator.comparingInt(n -> distance(lower, n.toLowerCase())))
                .filter(n -> distance(lower, n.toLowerCase()) <= Math.max(2, n.length() / 4));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
