package dev.sqllint.derived;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A repository method name read with Spring Data's {@code PartTree} grammar, before any property is looked up:
 * <pre>(find|read|get|query|search|stream|count|exists|delete|remove)[Distinct][First|Top[N]]…By
 *     predicate (And|Or predicate)* [AllIgnoreCase] [OrderBy property (Asc|Desc)?…]</pre>
 * The regular expressions are Spring Data's, so a name splits exactly where Spring Data splits it: {@code Or}
 * and {@code And} only before a capital ({@code findByOrderNumber} is one property), {@code OrderBy} once.
 *
 * @param or         the predicate: alternatives ({@code Or}) of conjunctions ({@code And}); empty for {@code findAllBy}
 * @param maxResults the {@code First}/{@code Top} limit, or null
 */
record PartTree(Kind kind, boolean distinct, Integer maxResults, List<List<Part>> or, List<Order> orders) {

    /** What the query returns; {@code delete} runs the select, then removes each entity it loaded. */
    enum Kind { FIND, COUNT, EXISTS, DELETE }

    enum IgnoreCase { NEVER, ALWAYS, WHEN_POSSIBLE }

    /** One predicate: the property source as written ({@code targetGroupsName}, {@code owner_Name}) and its keyword. */
    record Part(String property, PartType type, IgnoreCase ignoreCase) {
    }

    record Order(String property, boolean descending) {
    }

    private static final String KEYWORD_TEMPLATE = "(%s)(?=(\\p{Lu}|\\P{InBASIC_LATIN}))";
    private static final String QUERY = "find|read|get|query|search|stream";
    private static final Pattern PREFIX = Pattern.compile("^(" + QUERY + "|count|exists|delete|remove)((\\p{Lu}.*?))??By");
    private static final Pattern LIMITED = Pattern.compile("^(" + QUERY + ")(Distinct)?(First|Top)(\\d*)?(\\p{Lu}.*?)??By");
    private static final Pattern ALL_IGNORE_CASE = Pattern.compile("AllIgnor(ing|e)Case");
    private static final Pattern IGNORE_CASE = Pattern.compile("Ignor(ing|e)Case");
    private static final String ORDER_BLOCK_SPLIT = "(?<=Asc|Desc)(?=\\p{Lu})";
    private static final Pattern ORDER_DIRECTION = Pattern.compile("(.+?)(Asc|Desc)?$");

    public PartTree {
        or = List.copyOf(or);
        orders = List.copyOf(orders);
    }

    /** Parses a method name; throws {@link NotDerivedException} when it is not a derived query name. */
    static PartTree parse(String methodName) {
        Matcher prefix = PREFIX.matcher(methodName);
        if (!prefix.find()) throw new NotDerivedException("not a find…By, count…By, exists…By or delete…By name");
        String subject = prefix.group(0);
        Kind kind = switch (prefix.group(1)) {
            case "count" -> Kind.COUNT;
            case "exists" -> Kind.EXISTS;
            case "delete", "remove" -> Kind.DELETE;
            default -> Kind.FIND;
        };
        Integer max = null;
        Matcher limited = LIMITED.matcher(subject);
        if (limited.find()) max = limited.group(4) == null || limited.group(4).isEmpty() ? 1 : limit(limited.group(4));

        String predicate = methodName.substring(subject.length());
        boolean allIgnoreCase = false;
        Matcher all = ALL_IGNORE_CASE.matcher(predicate);
        if (all.find()) {
            allIgnoreCase = true;
            predicate = predicate.substring(0, all.start()) + predicate.substring(all.end());
        }
        List<String> sections = split(predicate, "OrderBy");
        if (sections.size() > 2) throw new NotDerivedException("OrderBy more than once");
        List<List<Part>> or = new ArrayList<>();
        String where = sections.isEmpty() ? "" : sections.get(0);
        for (String alternative : split(where, "Or")) {
            if (alternative.isBlank()) continue;
            List<Part> and = new ArrayList<>();
            for (String part : split(alternative, "And")) {
                if (!part.isBlank()) and.add(part(part, allIgnoreCase));
            }
            or.add(and);
        }
        List<Order> orders = sections.size() == 2 ? orders(sections.get(1)) : List.of();
        return new PartTree(kind, subject.contains("Distinct"), max, or, orders);
    }

    private static int limit(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new NotDerivedException("a limit too large: " + digits);
        }
    }

    private static Part part(String source, boolean allIgnoreCase) {
        IgnoreCase ignoreCase = IgnoreCase.NEVER;
        String part = source;
        Matcher m = IGNORE_CASE.matcher(part);
        if (m.find()) {
            ignoreCase = IgnoreCase.ALWAYS;
            part = part.substring(0, m.start()) + part.substring(m.end());
        }
        if (allIgnoreCase && ignoreCase != IgnoreCase.ALWAYS) ignoreCase = IgnoreCase.WHEN_POSSIBLE;
        PartType type = PartType.of(part);
        String property = type.property(part);
        if (property.isEmpty()) throw new NotDerivedException("a predicate without a property: " + source);
        return new Part(property, type, ignoreCase);
    }

    private static List<Order> orders(String clause) {
        List<Order> out = new ArrayList<>();
        for (String block : clause.split(ORDER_BLOCK_SPLIT)) {
            Matcher m = ORDER_DIRECTION.matcher(block);
            if (!m.find() || (m.group(2) == null && (block.equals("Asc") || block.equals("Desc")))) {
                throw new NotDerivedException("invalid OrderBy: " + block);
            }
            out.add(new Order(m.group(1), "Desc".equals(m.group(2))));
        }
        return out;
    }

    private static List<String> split(String text, String keyword) {
        return Arrays.asList(Pattern.compile(String.format(KEYWORD_TEMPLATE, keyword)).split(text));
    }
}
