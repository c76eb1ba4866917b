package dev.sqllint.extract.jdbi;

import dev.sqllint.extract.java.Variants;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The variants of a SQL template with conditional sections (FreeMarker {@code <#if>}, StringTemplate
 * {@code <if(x)>}), as edits on the template text: tags are removed, unchosen branches are removed, template
 * expressions become placeholders. Every variant is the template with one set of edits applied through
 * {@link SqlText#replace}, so each remaining character keeps the origin it had in the template.
 */
final class TemplateBranches {

    /** Replace {@code [start, end)} of the template with {@code replacement}. */
    record Edit(int start, int end, String replacement) {
    }

    /** A piece of a template's structure: an edit always made, or a choice among branches. */
    sealed interface Part permits Fixed, Choice {
    }

    record Fixed(Edit edit) implements Part {
    }

    /** Exactly one branch is taken; each branch is its own list of parts (first: the one with the most text). */
    record Choice(List<List<Part>> branches) implements Part {
    }

    private TemplateBranches() {
    }

    /** The template's variants, at most {@link Variants#MAX}, the ones taking the first branches first. */
    static List<SqlText> apply(SqlText template, List<Part> parts) {
        List<SqlText> out = new ArrayList<>();
        for (List<Edit> edits : alternatives(parts)) out.add(edited(template, edits));
        return Variants.distinct(out);
    }

    private static SqlText edited(SqlText template, List<Edit> edits) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).reversed());
        SqlText out = template;
        int limit = template.length();
        for (Edit e : sorted) {
            if (e.end() > limit || e.start() > e.end()) continue; // overlapping edits cannot come from a parse; stay safe
            if (out.length() == 0) break;
            out = out.replace(e.start(), e.end(), e.replacement());
            limit = e.start();
        }
        return out;
    }

    private static List<List<Edit>> alternatives(List<Part> parts) {
        List<List<Edit>> combos = new ArrayList<>();
        combos.add(List.of());
        for (Part p : parts) {
            List<List<Edit>> options = new ArrayList<>();
            if (p instanceof Fixed f) {
                options.add(List.of(f.edit()));
            } else if (p instanceof Choice c) {
                for (List<Part> branch : c.branches()) options.addAll(alternatives(branch));
            }
            List<List<Edit>> next = new ArrayList<>();
            for (List<Edit> combo : combos) {
                for (List<Edit> option : options) {
                    if (next.size() >= Variants.MAX) break;
                    List<Edit> joined = new ArrayList<>(combo);
                    joined.addAll(option);
                    next.add(joined);
                }
            }
            combos = next;
        }
        return combos;
    }

    /**
     * Builds the parts of an if/elseif/else section spanning {@code [start, end)}: each branch keeps its body
     * (and its own nested parts) and loses the rest of the section; without an else, one more branch drops it all.
     */
    static Choice section(int start, int end, List<Branch> branches, boolean hasElse) {
        List<List<Part>> out = new ArrayList<>();
        for (Branch b : branches) {
            List<Part> parts = new ArrayList<>();
            parts.add(new Fixed(new Edit(start, b.bodyStart(), "")));
            parts.addAll(b.parts());
            parts.add(new Fixed(new Edit(b.bodyEnd(), end, "")));
            out.add(parts);
        }
        if (!hasElse) out.add(List.of(new Fixed(new Edit(start, end, ""))));
        return new Choice(out);
    }

    /** One branch of a section: where its body is, and the parts found inside it. */
    record Branch(int bodyStart, int bodyEnd, List<Part> parts) {
    }
}
