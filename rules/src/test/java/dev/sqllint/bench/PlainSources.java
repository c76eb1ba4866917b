package dev.sqllint.bench;

import static dev.sqllint.bench.Words.cap;
import static dev.sqllint.bench.Words.message;
import static dev.sqllint.bench.Words.pick;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The ~95 % of the project that issues no SQL: services, controllers, records and DTOs, enums, exceptions,
 * interfaces, utilities, configuration, listeners, jobs, and constants classes that hold messages, not SQL.
 * A file grows member by member until it reaches the size it was given, so the corpus has the size spread
 * of a real code base.
 */
final class PlainSources {

    enum Kind {
        RECORD("api"), ENUM("model"), EXCEPTION("error"), INTERFACE("spi"), CONSTANTS("support"), POJO("model"),
        CONFIG("config"), LISTENER("events"), SERVICE("service"), CONTROLLER("web"), UTILS("util"), JOB("jobs");

        final String subPackage;

        Kind(String subPackage) {
            this.subPackage = subPackage;
        }
    }

    /** A class the file may depend on: a DAO or repository of its module, by package and simple name. */
    record Collaborator(String pkg, String simpleName) {
    }

    private static final List<String> AREAS = List.of("Billing", "Notification", "Export", "Import", "Sync", "Audit",
            "Pricing", "Scheduling", "Reporting", "Approval", "Search", "Lifecycle", "Reminder", "Archive", "Quota",
            "Onboarding", "Settlement", "Dispatch", "Forecast", "Review");

    private static final List<String> COMMON_TYPES = List.of("Shared", "Platform", "Core", "Web", "Mail", "Money",
            "Text", "Time", "Security", "Tenant");

    private static final List<String> JAVA_IMPORTS = List.of("java.math.BigDecimal", "java.math.RoundingMode",
            "java.time.Duration", "java.time.Instant", "java.time.LocalDate", "java.util.ArrayList",
            "java.util.Collection", "java.util.Collections", "java.util.Comparator", "java.util.LinkedHashMap",
            "java.util.List", "java.util.Locale", "java.util.Map", "java.util.Objects", "java.util.Optional",
            "java.util.TreeMap", "java.util.UUID", "java.util.concurrent.CompletableFuture",
            "java.util.concurrent.Executor", "java.util.function.Function", "java.util.function.Predicate",
            "java.util.function.Supplier", "java.util.stream.Collectors");

    private static final java.util.Locale ROOT = java.util.Locale.ROOT;

    private PlainSources() {
    }

    /** The kind of class a file of about {@code bytes} bytes usually is. */
    static Kind kindFor(int bytes, Random rnd) {
        int r = rnd.nextInt(100);
        if (bytes < 1000) {
            return r < 35 ? Kind.RECORD : r < 55 ? Kind.ENUM : r < 75 ? Kind.EXCEPTION : Kind.INTERFACE;
        }
        if (bytes < 3500) {
            return r < 15 ? Kind.RECORD : r < 25 ? Kind.ENUM : r < 37 ? Kind.CONSTANTS : r < 55 ? Kind.POJO
                    : r < 63 ? Kind.CONFIG : r < 73 ? Kind.INTERFACE : r < 83 ? Kind.LISTENER : r < 90 ? Kind.UTILS
                    : r < 95 ? Kind.CONTROLLER : Kind.EXCEPTION;
        }
        return r < 40 ? Kind.SERVICE : r < 55 ? Kind.CONTROLLER : r < 70 ? Kind.UTILS : r < 80 ? Kind.POJO
                : r < 88 ? Kind.JOB : r < 95 ? Kind.LISTENER : Kind.CONSTANTS;
    }

    /** The type-name stem of a module's classes ({@code Invoice}), or a project-wide one for shared code. */
    static String stem(Domain d, Random rnd) {
        return d != null ? d.type() : pick(rnd, COMMON_TYPES);
    }

    /** A class name for the kind, such as {@code InvoiceBillingService}. */
    static String className(Kind kind, String stem, Random rnd) {
        return stem + switch (kind) {
            case RECORD -> pick(rnd, List.of("Summary", "Request", "Response", "Details", "View", "Filter", "Criteria",
                    "Command", "Result", "Snapshot", "Line", "Totals")) + (rnd.nextBoolean() ? "Dto" : "");
            case ENUM -> pick(rnd, List.of("Status", "Kind", "Priority", "Channel", "Stage", "Reason", "Source", "Visibility"));
            case EXCEPTION -> pick(rnd, List.of("NotFound", "Validation", "Conflict", "Quota", "State", "Access")) + "Exception";
            case INTERFACE -> pick(rnd, List.of("Gateway", "Client", "Policy", "Strategy", "Port", "Notifier", "Resolver"));
            case CONSTANTS -> pick(rnd, List.of("Messages", "Constants", "Keys", "Defaults", "Labels"));
            case POJO -> cap(pick(rnd, Words.OBJECTS)) + pick(rnd, List.of("", "Info", "Plan", "Entry", "Rule"));
            case CONFIG -> pick(rnd, List.of("Config", "Properties", "Configuration"));
            case LISTENER -> pick(rnd, AREAS) + pick(rnd, List.of("Listener", "EventHandler", "Subscriber"));
            case SERVICE -> pick(rnd, AREAS) + "Service";
            case CONTROLLER -> pick(rnd, AREAS) + "Controller";
            case UTILS -> pick(rnd, List.of("Utils", "Formatter", "Calculator", "Validator", "Parser", "Normalizer", "Helper"));
            case JOB -> pick(rnd, AREAS) + "Job";
        };
    }

    /** Writes one class of about {@code target} bytes. */
    static SourceText write(Kind kind, String pkg, String name, String stem, int target, Random rnd,
                            List<Collaborator> collaborators) {
        SourceText t = new SourceText();
        t.line("package " + pkg + ";").blank();
        switch (kind) {
            case RECORD -> record(t, name, stem, target, rnd);
            case ENUM -> enumeration(t, name, target, rnd);
            case EXCEPTION -> exception(t, name, target, rnd);
            case INTERFACE -> iface(t, name, stem, target, rnd);
            case CONSTANTS -> constants(t, name, stem, target, rnd);
            case POJO -> pojo(t, name, stem, target, rnd);
            default -> component(t, kind, name, stem, target, rnd, collaborators);
        }
        return t;
    }

    private static void imports(SourceText t, List<String> extra) {
        for (String i : JAVA_IMPORTS) t.line("import " + i + ";");
        if (!extra.isEmpty()) t.blank();
        for (String i : extra) t.line("import " + i + ";");
        t.blank();
    }

    private static void methodsUntil(SourceText t, int target, Random rnd, String modifier, String stem, String dependency) {
        SqlUnit.Names names = new SqlUnit.Names();
        do {
            PlainMethods.write(t, rnd, rnd.nextInt(PlainMethods.KINDS), names.unique(PlainMethods.name(rnd)), modifier, stem, dependency);
        } while (t.length() < target - 2);
    }

    // ------------------------------------------------------------------------------------------- small types

    private static void record(SourceText t, String name, String stem, int target, Random rnd) {
        imports(t, List.of());
        List<String> components = new ArrayList<>(List.of("long id", "String title"));
        for (int i = 0, n = 1 + rnd.nextInt(5); i < n; i++) {
            String type = pick(rnd, Words.FIELD_TYPES);
            String field = pick(rnd, Words.OBJECTS) + (i == 0 ? "" : i);
            components.add(type + " " + field);
        }
        t.line("/**").line(" * What the API returns for a " + stem.toLowerCase(ROOT) + ": " + Words.pick(rnd, Words.MESSAGES).replace("%s", "item").toLowerCase(ROOT) + ".").line(" */");
        t.open("public record " + name + "(" + String.join(", ", components) + ") {").blank();
        t.open("public " + name + " {");
        t.line("Objects.requireNonNull(title, \"title\");");
        t.open("if (id < 0) {").line("throw new IllegalArgumentException(\"id must not be negative: \" + id);").close();
        t.close().blank();
        t.open("public " + name + " withTitle(String newTitle) {");
        List<String> args = new ArrayList<>();
        for (String c : components) args.add(c.substring(c.lastIndexOf(' ') + 1));
        t.line("return new " + name + "(" + String.join(", ", args).replace("title", "newTitle") + ");").close().blank();
        if (t.length() < target) methodsUntil(t, target, rnd, "public static ", stem, null);
        t.close();
    }

    private static void enumeration(SourceText t, String name, int target, Random rnd) {
        t.line("import java.util.Arrays;").line("import java.util.Locale;").line("import java.util.Optional;").blank();
        t.line("/** The states a " + name.toLowerCase(ROOT) + " can be in, with the label the UI shows. */");
        t.open("public enum " + name + " {").blank();
        List<String> constants = new ArrayList<>();
        int n = 3 + rnd.nextInt(4) + Math.max(0, (target - 1200) / 90);
        SqlUnit.Names names = new SqlUnit.Names();
        for (int i = 0; i < n; i++) {
            String c = names.unique((pick(rnd, Words.ADJECTIVES) + (rnd.nextBoolean() ? "_" + pick(rnd, Words.OBJECTS) : "")).toUpperCase(ROOT));
            constants.add(c + "(\"" + c.toLowerCase(ROOT) + "\", " + message(rnd, pick(rnd, Words.OBJECTS)) + ")");
        }
        for (int i = 0; i < constants.size(); i++) t.line(constants.get(i) + (i == constants.size() - 1 ? ";" : ","));
        t.blank().line("private final String code;").line("private final String label;").blank();
        t.open(name + "(String code, String label) {").line("this.code = code;").line("this.label = label;").close().blank();
        t.open("public String code() {").line("return code;").close().blank();
        t.open("public String label() {").line("return label;").close().blank();
        t.open("public static Optional<" + name + "> fromCode(String code) {");
        t.line("return Arrays.stream(values()).filter(v -> v.code.equalsIgnoreCase(code)).findFirst();").close().blank();
        t.open("public boolean isFinal() {");
        t.line("return switch (this) {").in();
        t.line("case " + constants.get(0).substring(0, constants.get(0).indexOf('(')) + " -> true;");
        t.line("default -> code.toLowerCase(Locale.ROOT).startsWith(\"" + pick(rnd, Words.ADJECTIVES) + "\");").out();
        t.line("};").close();
        t.close();
    }

    private static void exception(SourceText t, String name, int target, Random rnd) {
        t.line("/** Thrown when " + pick(rnd, Words.MESSAGES).replace("%s", "request").toLowerCase(ROOT) + ". */");
        t.open("public class " + name + " extends RuntimeException {").blank();
        t.line("private static final long serialVersionUID = " + (1 + rnd.nextInt(1_000_000)) + "L;").blank();
        t.line("private final String code;").blank();
        t.open("public " + name + "(String message) {").line("this(\"" + name.replace("Exception", "").toLowerCase(ROOT) + "\", message, null);").close().blank();
        t.open("public " + name + "(String code, String message, Throwable cause) {").line("super(message, cause);").line("this.code = code;").close().blank();
        t.open("public String code() {").line("return code;").close();
        while (t.length() < target - 200) {
            String f = pick(rnd, Words.OBJECTS) + cap(pick(rnd, Words.ADJECTIVES)) + t.lineNumber();
            t.blank().open("public static " + name + " " + f + "(Object subject) {");
            t.line("return new " + name + "(\"" + f + "\", String.format(" + message(rnd, "%s") + ", subject), null);").close();
        }
        t.close();
    }

    private static void iface(SourceText t, String name, String stem, int target, Random rnd) {
        imports(t, List.of());
        t.line("/**").line(" * Talks to the " + pick(rnd, Words.OBJECTS) + " provider. Implementations select the endpoint from the").line(" * configuration and update their cache in order.").line(" */");
        t.open("public interface " + name + " {").blank();
        SqlUnit.Names names = new SqlUnit.Names();
        do {
            String m = names.unique(PlainMethods.name(rnd));
            if (rnd.nextInt(4) == 0) {
                t.line("/** Like the others, with the defaults. */");
                t.open("default Optional<String> " + m + "(String key) {").line("return Optional.ofNullable(key).map(String::strip);").close().blank();
            } else {
                t.line("/**").line(" * " + cap(m.replaceAll("([A-Z])", " $1").toLowerCase(ROOT)) + ".").line(" *")
                        .line(" * @param " + "request what the caller selected").line(" * @return the result, never null").line(" */");
                t.line(pick(rnd, List.of("List<String>", "Optional<" + stem + "Summary>", "Map<String, Integer>", "boolean", "BigDecimal"))
                        + " " + m + "(" + pick(rnd, Words.FIELD_TYPES) + " request);").blank();
            }
        } while (t.length() < target - 2);
        t.close();
    }

    private static void constants(SourceText t, String name, String stem, int target, Random rnd) {
        t.line("import java.time.Duration;").line("import java.util.List;").blank();
        t.line("/** Texts and defaults of the " + stem + " screens; none of this is SQL, even where it reads like it. */");
        t.open("public final class " + name + " {").blank();
        t.line("public static final String SELECT_PROMPT = \"Select an item from the list to update its order\";");
        t.line("public static final String ORDER_BY_NEWEST = \"newest\";");
        t.line("public static final String UPDATE_FAILED = \"Could not update the " + stem.toLowerCase(ROOT) + " from %s\";");
        t.line("public static final String FROM_ADDRESS = \"noreply@acme.example\";");
        t.line("public static final String DELETE_CONFIRM = \"Delete the selected items from your order?\";");
        t.line("public static final String WHERE_TO_FIND = \"Find it where you left it: select Recent from the menu\";").blank();
        SqlUnit.Names names = new SqlUnit.Names();
        while (t.length() < target - 60) {
            String c = names.unique((pick(rnd, Words.ADJECTIVES) + "_" + pick(rnd, Words.OBJECTS)).toUpperCase(ROOT));
            switch (rnd.nextInt(5)) {
                case 0 -> t.line("public static final int " + c + "_LIMIT = " + rnd.nextInt(10_000) + ";");
                case 1 -> t.line("public static final Duration " + c + "_TIMEOUT = Duration.ofSeconds(" + (1 + rnd.nextInt(600)) + ");");
                case 2 -> t.line("public static final List<String> " + c + "_COLUMNS = List.of(\"" + pick(rnd, Words.OBJECTS)
                        + "\", \"" + pick(rnd, Words.OBJECTS) + "\", \"order\", \"from\");");
                default -> t.line("public static final String " + c + "_MESSAGE = " + message(rnd, pick(rnd, Words.OBJECTS)) + ";");
            }
        }
        t.blank().open("private " + name + "() {").close();
        t.close();
    }

    private static void pojo(SourceText t, String name, String stem, int target, Random rnd) {
        imports(t, List.of());
        t.line("/** A " + name.replaceAll("([A-Z])", " $1").trim().toLowerCase(ROOT) + " as the " + stem + " screens edit it. */");
        t.open("public class " + name + " {").blank();
        List<String[]> fields = new ArrayList<>();
        SqlUnit.Names names = new SqlUnit.Names();
        int n = 2 + rnd.nextInt(4) + Math.max(0, Math.min(30, (target - 2500) / 900));
        for (int i = 0; i < n; i++) {
            fields.add(new String[] {pick(rnd, Words.FIELD_TYPES), names.unique(pick(rnd, Words.OBJECTS))});
        }
        for (String[] f : fields) t.line("private " + f[0] + " " + f[1] + ";");
        t.blank();
        for (String[] f : fields) {
            t.open("public " + f[0] + " get" + cap(f[1]) + "() {").line("return " + f[1] + ";").close().blank();
            t.open("public void set" + cap(f[1]) + "(" + f[0] + " " + f[1] + ") {").line("this." + f[1] + " = " + f[1] + ";").close().blank();
        }
        t.line("@Override");
        t.open("public boolean equals(Object o) {");
        t.open("if (this == o) {").line("return true;").close();
        t.open("if (!(o instanceof " + name + " other)) {").line("return false;").close();
        List<String> eq = new ArrayList<>();
        for (String[] f : fields) eq.add("Objects.equals(" + f[1] + ", other." + f[1] + ")");
        t.line("return " + String.join("\n                && ", eq) + ";");
        t.close().blank();
        List<String> names2 = new ArrayList<>();
        for (String[] f : fields) names2.add(f[1]);
        t.line("@Override").open("public int hashCode() {").line("return Objects.hash(" + String.join(", ", names2) + ");").close().blank();
        t.line("@Override").open("public String toString() {");
        t.line("return \"" + name + "{\" + " + String.join(" + \", \" + ", names2.stream().map(f -> "\"" + f + "=\" + " + f).toList()) + " + \"}\";");
        t.close().blank();
        if (t.length() < target) methodsUntil(t, target, rnd, "public static ", stem, null);
        t.close();
    }

    // ------------------------------------------------------------------------------------------- Spring components

    private static void component(SourceText t, Kind kind, String name, String stem, int target, Random rnd,
                                  List<Collaborator> collaborators) {
        List<String> extra = new ArrayList<>(List.of("org.slf4j.Logger", "org.slf4j.LoggerFactory"));
        Collaborator dep = kind == Kind.SERVICE || kind == Kind.JOB || kind == Kind.LISTENER
                ? (collaborators.isEmpty() || rnd.nextInt(3) == 0 ? null : collaborators.get(rnd.nextInt(collaborators.size()))) : null;
        if (dep != null) extra.add(dep.pkg() + "." + dep.simpleName());
        switch (kind) {
            case SERVICE -> extra.addAll(List.of("org.springframework.stereotype.Service",
                    "org.springframework.transaction.annotation.Transactional"));
            case CONTROLLER -> extra.addAll(List.of("org.springframework.http.ResponseEntity",
                    "org.springframework.web.bind.annotation.GetMapping", "org.springframework.web.bind.annotation.PathVariable",
                    "org.springframework.web.bind.annotation.PostMapping", "org.springframework.web.bind.annotation.RequestBody",
                    "org.springframework.web.bind.annotation.RequestMapping", "org.springframework.web.bind.annotation.RequestParam",
                    "org.springframework.web.bind.annotation.RestController"));
            case CONFIG -> extra.addAll(List.of("org.springframework.beans.factory.annotation.Value",
                    "org.springframework.context.annotation.Bean", "org.springframework.context.annotation.Configuration"));
            case LISTENER -> extra.addAll(List.of("org.springframework.context.event.EventListener",
                    "org.springframework.stereotype.Component"));
            case JOB -> extra.addAll(List.of("org.springframework.scheduling.annotation.Scheduled",
                    "org.springframework.stereotype.Component"));
            default -> {
            }
        }
        imports(t, extra);
        t.line("/**");
        t.line(" * " + switch (kind) {
            case SERVICE -> "Business rules of " + stem + ": " + pick(rnd, Words.MESSAGES).replace("%s", "item").toLowerCase(ROOT) + ".";
            case CONTROLLER -> "REST endpoints of " + stem + "; validation happens here, the rules in the services.";
            case CONFIG -> "Wiring of the " + stem + " module.";
            case LISTENER -> "Reacts to " + stem + " events: updates the read models from the published changes in order.";
            case JOB -> "Scheduled work of " + stem + "; selects what is due from the queue.";
            default -> "Helpers for " + stem + " values; no state.";
        });
        t.line(" */");
        switch (kind) {
            case SERVICE -> t.line("@Service");
            case CONTROLLER -> t.line("@RestController").line("@RequestMapping(\"/api/" + stem.toLowerCase(ROOT) + "s\")");
            case CONFIG -> t.line("@Configuration");
            case LISTENER, JOB -> t.line("@Component");
            default -> {
            }
        }
        boolean utility = kind == Kind.UTILS;
        t.open("public " + (utility ? "final " : "") + "class " + name + " {").blank();
        t.line("private static final Logger log = LoggerFactory.getLogger(" + name + ".class);").blank();
        String field = null;
        if (dep != null) {
            field = Character.toLowerCase(dep.simpleName().charAt(0)) + dep.simpleName().substring(1);
            t.line("private final " + dep.simpleName() + " " + field + ";").blank();
            t.open("public " + name + "(" + dep.simpleName() + " " + field + ") {").line("this." + field + " = " + field + ";").close().blank();
        } else if (utility) {
            t.open("private " + name + "() {").close().blank();
        }
        switch (kind) {
            case CONTROLLER -> {
                String path = pick(rnd, Words.OBJECTS);
                t.line("@GetMapping(\"/{id}/" + path + "\")");
                t.open("public ResponseEntity<String> " + path + "(@PathVariable long id, @RequestParam(defaultValue = \"desc\") String order) {");
                t.open("if (!\"asc\".equals(order) && !\"desc\".equals(order)) {");
                t.line("return ResponseEntity.badRequest().body(\"order must be asc or desc, select one from the list\");").close();
                t.line("log.debug(\"" + pick(rnd, Words.LOG_LINES) + "\", id, order);");
                t.line("return ResponseEntity.ok(\"" + path + " of \" + id);").close().blank();
                t.line("@PostMapping(\"/{id}/" + pick(rnd, Words.VERBS) + "\")");
                t.open("public ResponseEntity<Void> update(@PathVariable long id, @RequestBody Map<String, Object> body) {");
                t.open("if (body.isEmpty()) {").line("return ResponseEntity.unprocessableEntity().build();").close();
                t.line("log.info(\"Updating {} from {}\", id, body.keySet());");
                t.line("return ResponseEntity.noContent().build();").close().blank();
            }
            case CONFIG -> {
                t.line("@Value(\"${acme." + stem.toLowerCase(ROOT) + ".batch-size:" + (10 + rnd.nextInt(500)) + "}\")");
                t.line("private int batchSize;").blank();
                t.line("@Bean");
                t.open("public Executor " + Character.toLowerCase(stem.charAt(0)) + stem.substring(1) + "Executor() {");
                t.line("return java.util.concurrent.Executors.newFixedThreadPool(Math.max(2, batchSize / 50));").close().blank();
            }
            case LISTENER -> {
                t.line("@EventListener");
                t.open("public void on" + cap(pick(rnd, Words.OBJECTS)) + "Changed(Object event) {");
                t.line("log.info(\"" + pick(rnd, Words.LOG_LINES) + "\", event, \"" + stem + "\");").close().blank();
            }
            case JOB -> {
                t.line("@Scheduled(cron = \"0 " + rnd.nextInt(60) + " " + rnd.nextInt(24) + " * * *\")");
                t.open("public void run() {");
                t.line("log.info(\"Selected {} due items from the queue\", 0);").close().blank();
            }
            default -> {
            }
        }
        methodsUntil(t, target, rnd, utility ? "public static " : "public ", stem, field);
        t.close();
    }
}
