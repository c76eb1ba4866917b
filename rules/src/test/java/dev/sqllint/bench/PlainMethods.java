package dev.sqllint.bench;

import static dev.sqllint.bench.Words.cap;
import static dev.sqllint.bench.Words.message;
import static dev.sqllint.bench.Words.pick;

import java.util.List;
import java.util.Random;

/**
 * Method bodies of ordinary business code, none of which issues SQL: streams and lambdas, loops over money,
 * switch expressions and statements, exceptions, logging, string building, generics, text blocks of HTML and
 * JSON. Their messages use SQL's words as English.
 */
final class PlainMethods {

    static final int KINDS = 16;

    private PlainMethods() {
    }

    /**
     * Writes one method. {@code modifier} is {@code "public "} or {@code "public static "}; {@code dependency} a
     * field the method may call (null: none); {@code type} the module's type name, used in parameter types.
     */
    static void write(SourceText t, Random rnd, int kind, String name, String modifier, String type, String dependency) {
        String obj = pick(rnd, Words.OBJECTS);
        String adj = pick(rnd, Words.ADJECTIVES);
        boolean instance = !modifier.contains("static");
        switch (kind) {
            case 0 -> {
                t.line("/** Collects the " + adj + " " + obj + " keys of the given items, without duplicates. */");
                t.open(modifier + "List<String> " + name + "(List<" + type + "Summary> items, String region) {");
                t.open("if (items == null || items.isEmpty()) {").line("return List.of();").close();
                t.line("return items.stream()").in().in();
                t.line(".filter(Objects::nonNull)");
                t.line(".map(item -> item.toString().trim())");
                t.line(".filter(key -> region == null || key.startsWith(region))");
                t.line(".distinct()");
                t.line(".sorted(Comparator.naturalOrder())");
                t.line(".limit(" + (20 + rnd.nextInt(200)) + ")");
                t.line(".collect(Collectors.toList());").out().out();
            }
            case 1 -> {
                t.line("/** The " + obj + " of the amounts, less the discount, rounded to cents. */");
                t.open(modifier + "BigDecimal " + name + "(List<BigDecimal> amounts, BigDecimal discount) {");
                t.line("BigDecimal total = BigDecimal.ZERO;");
                t.open("for (BigDecimal amount : amounts) {");
                t.open("if (amount == null || amount.signum() < 0) {");
                if (instance) t.line("log.warn(\"Skipping invalid amount {} from {}\", amount, \"" + name + "\");");
                t.line("continue;").close();
                t.line("total = total.add(amount);").close();
                t.open("if (discount != null && discount.compareTo(total) < 0) {").line("total = total.subtract(discount);").close();
                t.line("return total.setScale(2, RoundingMode.HALF_UP);");
            }
            case 2 -> {
                t.line("/** How urgent a " + obj + " in this state is; 0 when unknown. */");
                t.open(modifier + "int " + name + "(String status) {");
                t.line("return switch (status == null ? \"\" : status.toLowerCase(Locale.ROOT)) {").in();
                t.line("case \"pending\", \"draft\" -> " + (1 + rnd.nextInt(3)) + ";");
                t.line("case \"" + adj + "\" -> " + (3 + rnd.nextInt(3)) + ";");
                t.open("case \"overdue\" -> {");
                if (instance) t.line("log.debug(\"Order {} moved from {} to {}\", status, \"active\", \"overdue\");");
                t.line("yield " + (6 + rnd.nextInt(4)) + ";").close();
                t.line("default -> 0;").out();
                t.line("};");
            }
            case 3 -> {
                t.line("/** Refreshes the " + obj + "; empty when the remote side refuses. */");
                t.open(modifier + "Optional<String> " + name + "(String key, Duration timeout) {");
                t.open("try {");
                t.line("String value = key.strip();");
                t.open("if (value.isEmpty()) {").line("throw new IllegalStateException(" + message(rnd, obj) + ");").close();
                t.line("return Optional.of(value + \":\" + timeout.toMillis());");
                t.close("} catch (IllegalStateException e) {").in();
                if (instance) t.line("log.warn(\"Could not update the " + obj + " from the remote service: {}\", e.getMessage());");
                t.line("return Optional.empty();");
                t.close("} finally {").in();
                t.line("Thread.yield();");
                t.close();
            }
            case 4 -> {
                t.line("/** A one-line summary for the activity feed. */");
                t.open(modifier + "String " + name + "(Map<String, Integer> counts) {");
                t.line("StringBuilder message = new StringBuilder(\"Selected \");");
                t.line("message.append(counts.size()).append(\" " + obj + " groups from the batch\");");
                t.open("for (Map.Entry<String, Integer> entry : counts.entrySet()) {");
                t.line("message.append(\", \").append(entry.getKey()).append('=').append(entry.getValue());").close();
                t.open("if (counts.isEmpty()) {").line("message.append(\" (nothing to update)\");").close();
                t.line("return message.toString();");
            }
            case 5 -> {
                t.line("/** Explains why the " + obj + " cannot change in this period. */");
                t.open(modifier + "String " + name + "(String name, LocalDate from, LocalDate to) {");
                t.line("String range = String.format(\"from %s to %s\", from, to);");
                t.line("return String.format(\"Could not update %s %s: the order is closed\", name, range);");
            }
            case 6 -> {
                t.line("/** Counts the keys by their two-letter prefix, dropping the rare ones. */");
                t.open(modifier + "Map<String, Long> " + name + "(List<String> keys) {");
                t.line("Map<String, Long> byPrefix = keys.stream()").in().in();
                t.line(".filter(k -> k != null && k.length() > 2)");
                t.line(".collect(Collectors.groupingBy(k -> k.substring(0, 2), TreeMap::new, Collectors.counting()));").out().out();
                t.line("byPrefix.entrySet().removeIf(e -> e.getValue() < " + (2 + rnd.nextInt(5)) + ");");
                t.line("return byPrefix;");
            }
            case 7 -> {
                t.line("/** The {@code n} greatest values, greatest first. */");
                t.open(modifier.replace("public ", "public ") + "<T extends Comparable<? super T>> List<T> " + name + "(Collection<T> values, int n) {");
                t.line("List<T> sorted = new ArrayList<>(values);");
                t.line("sorted.sort(Comparator.reverseOrder());");
                t.line("return sorted.subList(0, Math.min(n, sorted.size()));");
            }
            case 8 -> {
                t.line("/** Checks a request before anything is stored. */");
                t.open(modifier + "void " + name + "(String name, Integer quantity, LocalDate date) {");
                t.line("Objects.requireNonNull(name, \"name\");");
                t.open("if (name.isBlank()) {").line("throw new IllegalArgumentException(" + message(rnd, obj) + ");").close();
                t.open("if (quantity == null || quantity <= 0) {")
                        .line("throw new IllegalArgumentException(\"Quantity must be positive, got \" + quantity);").close();
                t.open("if (date != null && date.isBefore(LocalDate.now())) {")
                        .line("throw new IllegalArgumentException(\"Order date \" + date + \" is in the past\");").close();
            }
            case 9 -> {
                boolean html = rnd.nextBoolean();
                t.line("/** The " + (html ? "e-mail" : "webhook") + " body for a " + obj + " change. */");
                t.open(modifier + "String " + name + "(String customer, String item) {");
                t.line("String template = \"\"\"").in().in();
                if (html) {
                    t.line("<p>Dear %s,</p>");
                    t.line("<p>your order from our store was updated: %s is ready.</p>");
                    t.line("<p>Select a pickup slot from the app, or update your " + obj + " where you like.</p>");
                } else {
                    t.line("{");
                    t.line("  \"customer\": \"%s\",");
                    t.line("  \"select\": [\"" + obj + "\", \"" + adj + "\"],");
                    t.line("  \"order\": \"desc\", \"from\": \"%s\"");
                    t.line("}");
                }
                t.line("\"\"\";").out().out();
                t.line("return template.formatted(customer, item);");
            }
            case 10 -> {
                t.line("/** A display value for anything the form sent. */");
                t.open(modifier + "String " + name + "(Object value) {");
                t.open("if (value instanceof String s && !s.isBlank()) {").line("return s.trim();");
                t.close("} else if (value instanceof Number n) {").in();
                t.line("return n.longValue() < 0 ? \"0\" : String.valueOf(n);").close();
                t.line("int attempts = 0;");
                t.open("while (attempts < " + (2 + rnd.nextInt(4)) + ") {").line("attempts++;");
                t.open("if (value != null) {").line("return value.toString();").close().close();
                t.line("return \"\";");
            }
            case 11 -> {
                t.line("/** Tidies the items on the executor. */");
                t.open(modifier + "CompletableFuture<List<String>> " + name + "(List<String> items, Executor executor) {");
                t.line("Function<String, String> tidy = s -> s.replace('\\t', ' ').trim();");
                t.line("Supplier<List<String>> work = () -> items.stream().map(tidy).filter(Predicate.not(String::isEmpty)).toList();");
                t.line("return CompletableFuture.supplyAsync(work, executor)").in().in();
                t.open(".whenComplete((result, error) -> {");
                t.open("if (error != null) {");
                t.line(instance ? "log.error(\"Publishing the " + obj + " from the queue failed\", error);" : "error.printStackTrace();");
                t.close().close("});").out().out();
            }
            case 12 -> {
                t.line("/** Adds the update to the current " + obj + " values. */");
                t.open(modifier + "Map<String, Integer> " + name + "(Map<String, Integer> current, Map<String, Integer> update) {");
                t.line("Map<String, Integer> merged = new LinkedHashMap<>(current);");
                t.line("update.forEach((key, value) -> merged.merge(key, value, Integer::sum));");
                t.line("merged.computeIfAbsent(\"" + adj + "\", k -> 0);");
                t.line("return Collections.unmodifiableMap(merged);");
            }
            case 13 -> {
                t.line("/** Scores lines of a note; lines starting with a hash are comments. */");
                t.open(modifier + "int " + name + "(List<String> lines) {");
                t.line("int score = 0;");
                t.line("outer:");
                t.open("for (String line : lines) {");
                t.open("for (char c : line.toCharArray()) {");
                t.open("switch (c) {");
                t.line("case '#':").in().line("continue outer;").out();
                t.line("case '!':").in().line("score += " + (2 + rnd.nextInt(3)) + ";").line("break;").out();
                t.line("default:").in().line("score++;").out();
                t.close().close().close();
                t.line("return score;");
            }
            case 14 -> {
                t.line("/** Moves the " + obj + " to a new status and tells the owner. */");
                t.open(modifier + "void " + name + "(long id, String status, String reason) {");
                if (instance) t.line("log.info(\"" + pick(rnd, Words.LOG_LINES) + "\", id, status, reason);");
                t.open("if (status == null || status.isBlank()) {").line("throw new IllegalArgumentException(" + message(rnd, obj) + ");").close();
                if (dependency != null) {
                    t.line(dependency + "." + pick(rnd, List.of("updateStatus", "changeStatus", "markDirty", "touch")) + "(id, status);");
                }
                t.line("String note = reason == null ? \"" + cap(adj) + " " + obj + " update\" : reason;");
                t.open("if (note.length() > " + (80 + rnd.nextInt(200)) + ") {").line("note = note.substring(0, 80) + \"...\";").close();
                if (instance) t.line("log.debug(\"" + pick(rnd, Words.LOG_LINES) + "\", note, id);");
            }
            default -> {
                t.line("/** The keys, heaviest first; ties by name. */");
                t.open(modifier + "List<String> " + name + "(Map<String, Integer> weights) {");
                t.open("record Entry(String key, int weight) {").close();
                t.line("var entries = new ArrayList<Entry>();");
                t.line("weights.forEach((k, w) -> entries.add(new Entry(k, w)));");
                t.line("entries.sort(Comparator.comparingInt(Entry::weight).reversed().thenComparing(Entry::key));");
                t.line("return entries.stream().map(Entry::key).toList();");
            }
        }
        t.close().blank();
    }

    /** A method name such as {@code reconcileOverdueBalance}. */
    static String name(Random rnd) {
        return pick(rnd, Words.VERBS) + (rnd.nextBoolean() ? cap(pick(rnd, Words.ADJECTIVES)) : "") + cap(pick(rnd, Words.OBJECTS));
    }
}
