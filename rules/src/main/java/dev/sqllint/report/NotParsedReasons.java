package dev.sqllint.report;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Diagnostic;
import dev.sqllint.sql.Placeholders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements that were not analysed, grouped by why: the parser stopped on a part of the SQL sqllint could
 * not know (a {@code ${...}} or a method's result where SQL syntax must be), on a token it does not take
 * ({@code JSqlParser stops at "FORCESEEK"}), at the end of the text, or timed out; or the statement was read with
 * a gap. A user sees which spelling costs the most statements, and the examples under {@code -X} say where.
 */
public final class NotParsedReasons {

    /** Examples listed per reason under {@code -X}. */
    static final int EXAMPLES = 3;
    private static final Pattern ENCOUNTERED = Pattern.compile("Encountered: (?:<[A-Z_]+>|\"[^\"]*\") / \"([^\"]{1,40})\"");

    private NotParsedReasons() {
    }

    /** Why one statement did not parse, in a few words that group alike failures. */
    static String reasonOf(Diagnostic d) {
        String r = d.reason();
        if (r.contains("names no <sql> fragment") || r.contains("includes itself")) return "an <include> that names no fragment read";
        if (r.contains("is not well-formed XML")) return "a <script> that is not well-formed XML";
        if (r.contains("could not analyse this statement")) return "a rule failed on the statement";
        if (r.contains("parser time-out")) return "parser time-out";
        Matcher m = ENCOUNTERED.matcher(r);
        if (m.find()) {
            String token = m.group(1);
            if (token.toLowerCase(Locale.ROOT).startsWith(Placeholders.DYNAMIC)) {
                return "unknown text (a ${...} or a method's result) where SQL syntax must be";
            }
            return "JSqlParser stops at \"" + token.toUpperCase(Locale.ROOT) + "\"";
        }
        if (r.contains("<EOF>")) return "the statement ends where more SQL must follow";
        if (r.contains("empty statement") || r.contains("no statement found")) return "no statement in the text";
        return "rejected by JSqlParser";
    }

    /** Statements not analysed per reason, most frequent first. */
    public static Map<String, List<Diagnostic>> perReason(AnalysisResult r) {
        Map<String, List<Diagnostic>> grouped = new TreeMap<>();
        for (Diagnostic d : r.diagnostics()) {
            if (d.kind() == Diagnostic.Kind.SQL_NOT_PARSED) grouped.computeIfAbsent(reasonOf(d), k -> new ArrayList<>()).add(d);
        }
        Map<String, List<Diagnostic>> out = new LinkedHashMap<>();
        grouped.entrySet().stream().sorted((a, b) -> b.getValue().size() - a.getValue().size())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** {@code 120 unknown text ..., 80 JSqlParser stops at "FORCESEEK"}; empty when everything parsed. */
    public static String summary(AnalysisResult r) {
        List<String> parts = new ArrayList<>();
        perReason(r).forEach((reason, list) -> parts.add(list.size() + " " + reason));
        return String.join(", ", parts);
    }

    /** Under {@code -X}: each reason with its count and a few statements, where they are. */
    public static List<String> listing(AnalysisResult r) {
        Map<String, List<Diagnostic>> per = perReason(r);
        if (per.isEmpty()) return List.of();
        List<String> lines = new ArrayList<>();
        lines.add("sqllint: statements not analysed, per reason (examples):");
        per.forEach((reason, list) -> {
            lines.add(String.format("  %5d  %s", list.size(), reason));
            for (Diagnostic d : list.subList(0, Math.min(EXAMPLES, list.size()))) {
                String text = d.reason().length() > 300 ? d.reason().substring(0, 299) + "…" : d.reason();
                lines.add("           " + d.file().toAbsolutePath() + (d.line() > 0 ? ":[" + d.line() + ",1] " : " ") + text);
            }
        });
        return lines;
    }
}
