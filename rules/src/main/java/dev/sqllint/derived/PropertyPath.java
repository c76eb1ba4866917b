package dev.sqllint.derived;

import dev.sqllint.schema.JpaModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A property named in a method name, resolved against the JPA mapping the way Spring Data's
 * {@code PropertyPath.from} does: {@code _} splits explicitly; within a piece the longest prefix that is a
 * property wins and the rest is resolved on that property's type ({@code targetGroupsName} is
 * {@code targetGroups.name} when {@code targetGroupsName} is not itself a property), with no backtracking
 * once a prefix matched. Embedded groups are folded into the column's dotted path: they need no join.
 *
 * @param steps the association hops, in order, then at most one column step
 */
record PropertyPath(String source, List<Step> steps) {

    /**
     * One step: {@code property} of {@code entity}, a column ({@code association} null, {@code property} may be
     * dotted through embedded groups) or an association to follow.
     */
    record Step(String entity, String property, JpaModel.Association association) {
        boolean isAssociation() {
            return association != null;
        }
    }

    /** Spring Data's rule for where a piece may be cut: before a capital followed by lower-case letters, at the end. */
    private static final Pattern LAST_WORD = Pattern.compile("\\p{Lu}\\p{Ll}*$");

    public PropertyPath {
        steps = List.copyOf(steps);
    }

    Step leaf() {
        return steps.get(steps.size() - 1);
    }

    /** Resolves {@code source} ({@code ownerName}, {@code owner_Name}) on the entity; throws when it names nothing mapped. */
    static PropertyPath resolve(JpaModel model, String entity, String source) {
        List<Step> steps = new ArrayList<>();
        Context context = new Context(entity, "");
        for (String piece : source.split("_")) {
            if (piece.isEmpty()) continue;
            context = resolvePiece(model, piece, 0, context, steps, source);
        }
        if (context.entity() != null && !context.prefix().isEmpty()) {
            throw new NotDerivedException("property " + source + " ends on an embedded group");
        }
        if (steps.isEmpty()) throw new NotDerivedException("no property in " + source);
        return new PropertyPath(source, steps);
    }

    /** Where the next name is looked up: an entity, inside an embedded group of it ({@code prefix}), or nowhere. */
    private record Context(String entity, String prefix) {
        static final Context TERMINAL = new Context(null, "");
    }

    private static Context resolvePiece(JpaModel model, String piece, int from, Context context, List<Step> steps,
                                        String source) {
        for (int end : cuts(piece, from)) {
            String name = Names.decapitalize(piece.substring(from, end));
            Optional<Context> next = step(model, context, name, steps);
            if (next.isEmpty()) continue;
            return end == piece.length() ? next.get() : resolvePiece(model, piece, end, next.get(), steps, source);
        }
        String name = Names.decapitalize(piece.substring(from));
        throw new NotDerivedException("no property " + name
                + (context.entity() == null ? " below a column" : " on " + context.entity())
                + (name.equals(source) ? "" : " (in " + source + ")"));
    }

    /** The end positions to try for the name starting at {@code from}: the whole rest first, then one word shorter each. */
    private static List<Integer> cuts(String piece, int from) {
        List<Integer> out = new ArrayList<>();
        int end = piece.length();
        out.add(end);
        while (true) {
            Matcher m = LAST_WORD.matcher(piece.substring(from, end));
            if (!m.find() || m.start() == 0) break;
            end = from + m.start();
            out.add(end);
        }
        return out;
    }

    private static Optional<Context> step(JpaModel model, Context context, String name, List<Step> steps) {
        if (context.entity() == null) return Optional.empty();
        String path = context.prefix() + name;
        if (!model.hasProperty(context.entity(), path)) return Optional.empty();
        if (context.prefix().isEmpty()) {
            Optional<JpaModel.Association> association = model.association(context.entity(), name);
            if (association.isPresent()) {
                if (model.entityByName(association.get().target()).isEmpty()) return Optional.empty();
                steps.add(new Step(context.entity(), name, association.get()));
                return Optional.of(new Context(association.get().target(), ""));
            }
        }
        if (model.columnOf(context.entity(), path).isPresent()) {
            steps.add(new Step(context.entity(), path, null));
            return Optional.of(Context.TERMINAL);
        }
        return Optional.of(new Context(context.entity(), path + "."));
    }
}
