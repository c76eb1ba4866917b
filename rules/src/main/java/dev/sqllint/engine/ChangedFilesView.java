package dev.sqllint.engine;

import dev.sqllint.source.ChangedFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Changed-files mode: a pull request's review is told only about the files the pull request changed. The
 * whole tree is still analysed (a changed DAO's SQL may come from an unchanged constant, its keys from an
 * old migration); this view keeps the findings whose file changed and counts the others, so the summary
 * says what was left out rather than hiding it.
 *
 * @param result       the run with only the changed files' findings (what is printed, written and gated)
 * @param ref          the git ref the change is measured from
 * @param changedFiles how many of the scanned source files changed
 * @param notReported  findings in unchanged files, left out
 */
public record ChangedFilesView(AnalysisResult result, String ref, int changedFiles, int notReported) {

    /** Keeps {@code full}'s findings in {@code changed} files; {@code scanned} are the source files the run read. */
    public static ChangedFilesView of(AnalysisResult full, ChangedFiles changed, List<Path> scanned) {
        return of(full, changed.ref(), changed::contains, scanned);
    }

    /** Keeps {@code full}'s findings in files {@code changed} accepts. */
    public static ChangedFilesView of(AnalysisResult full, String ref, Predicate<Path> changed, List<Path> scanned) {
        List<Finding> kept = new ArrayList<>();
        for (Finding f : full.findings()) if (changed.test(f.file())) kept.add(f);
        int changedScanned = (int) scanned.stream().filter(changed).count();
        return new ChangedFilesView(full.withFindings(kept), ref, changedScanned, full.findings().size() - kept.size());
    }

    /** The summary line: {@code sqllint: 2 findings in 3 changed files (changedSince=main); 5 in unchanged files not reported}. */
    public String summary() {
        int reported = result.findings().size();
        return String.format("sqllint: %d %s in %d changed %s (changedSince=%s); %d in unchanged files not reported",
                reported, reported == 1 ? "finding" : "findings", changedFiles, changedFiles == 1 ? "file" : "files",
                ref, notReported);
    }
}
