package dev.sqllint.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sqllint rules that {@code @SuppressWarnings} turns off somewhere in the code: {@code "sqllint"} turns
 * off every rule, {@code "sqllint:RuleName"} one rule. Other values ({@code "unchecked"}) are none of ours.
 * A rule name is taken as written: a name no rule has suppresses nothing.
 *
 * @param all   true when {@code "sqllint"} is in effect
 * @param rules the names of the rules suppressed one by one
 */
public record Suppressions(boolean all, Set<String> rules) {

    public static final Suppressions NONE = new Suppressions(false, Set.of());

    private static final String PREFIX = "sqllint";

    public Suppressions {
        rules = Set.copyOf(rules);
    }

    public boolean isEmpty() {
        return !all && rules.isEmpty();
    }

    public boolean covers(String rule) {
        return all || rules.contains(rule);
    }

    /** How the rule was suppressed, as the code says it; the rule-specific form wins over the blanket one. */
    public String describe(String rule) {
        return rules.contains(rule) ? "@SuppressWarnings(\"sqllint:" + rule + "\")" : "@SuppressWarnings(\"sqllint\")";
    }

    public Suppressions and(Suppressions other) {
        if (other.isEmpty()) return this;
        if (isEmpty()) return other;
        Set<String> both = new TreeSet<>(rules);
        both.addAll(other.rules);
        return new Suppressions(all || other.all, both);
    }

    /** What the declarations around {@code node} (and {@code node} itself, when it is one) suppress. */
    public static Suppressions enclosing(Node node) {
        Suppressions out = NONE;
        for (Node n = node; n != null; n = n.getParentNode().orElse(null)) out = out.and(declaredOn(n));
        return out;
    }

    /** What the {@code @SuppressWarnings} on this one declaration (class, method, field, local variable) says. */
    public static Suppressions declaredOn(Node node) {
        if (!(node instanceof NodeWithAnnotations<?> annotated)) return NONE;
        Suppressions out = NONE;
        for (AnnotationExpr a : annotated.getAnnotations()) out = out.and(of(a));
        return out;
    }

    /** The sqllint values of one annotation; {@link #NONE} for any other annotation. */
    public static Suppressions of(AnnotationExpr annotation) {
        String name = annotation.getNameAsString();
        if (!name.equals("SuppressWarnings") && !name.equals("java.lang.SuppressWarnings")) return NONE;
        boolean all = false;
        Set<String> rules = new TreeSet<>();
        for (String value : values(annotation)) {
            String v = value.strip();
            if (v.equals(PREFIX)) all = true;
            else if (v.startsWith(PREFIX + ":") && v.length() > PREFIX.length() + 1) rules.add(v.substring(PREFIX.length() + 1).strip());
        }
        return all || !rules.isEmpty() ? new Suppressions(all, rules) : NONE;
    }

    private static List<String> values(AnnotationExpr a) {
        Expression value = null;
        if (a instanceof SingleMemberAnnotationExpr single) value = single.getMemberValue();
        if (a instanceof NormalAnnotationExpr normal) {
            for (MemberValuePair p : normal.getPairs()) if (p.getNameAsString().equals("value")) value = p.getValue();
        }
        if (value instanceof StringLiteralExpr s) return List.of(s.asString());
        if (value instanceof ArrayInitializerExpr array) {
            return array.getValues().stream().filter(StringLiteralExpr.class::isInstance)
                    .map(e -> ((StringLiteralExpr) e).asString()).toList();
        }
        return List.of();
    }
}
