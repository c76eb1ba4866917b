package dev.sqllint.maven;

import dev.sqllint.engine.AnalysisConfig;
import dev.sqllint.engine.Finding;
import dev.sqllint.report.ConsoleReport;
import dev.sqllint.rules.Severity;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sonatype.plexus.build.incremental.BuildContext;
import org.sonatype.plexus.build.incremental.DefaultBuildContext;
import org.sonatype.plexus.build.incremental.ThreadBuildContext;

/**
 * Findings as Eclipse problem markers, through the {@link BuildContext} m2e hands a Mojo (plexus-build-api):
 * a warning or error on the finding's line, in the editor and the Problems view.
 *
 * <p>On the command line Maven injects plexus' {@link DefaultBuildContext}, which has no markers and only
 * logs each message, so every finding would print twice; there this class does nothing and the console
 * report stands alone.
 */
final class IdeMarkers {

    private final BuildContext context;

    IdeMarkers(BuildContext context) {
        this.context = context;
    }

    /** True inside an IDE build (m2e), false on the command line. */
    boolean active() {
        BuildContext actual = context instanceof ThreadBuildContext ? ThreadBuildContext.getContext() : context;
        return actual != null && !(actual instanceof DefaultBuildContext);
    }

    /**
     * True in an incremental IDE build that touched none of sqllint's inputs (a save in another folder, the
     * compiler's output): the markers already shown are current, so the analysis need not run again.
     */
    boolean inputsUnchanged(AnalysisConfig config, File pom) {
        if (!active() || !context.isIncremental()) return false;
        List<Path> inputs = new ArrayList<>(config.sourceRoots());
        inputs.addAll(config.resourceRoots());
        inputs.addAll(config.schemaLocations());
        for (Path input : inputs) if (context.hasDelta(input.toFile())) return false;
        return !context.hasDelta(pom);
    }

    /**
     * Replaces the markers: clears those of every scanned file (a fixed finding's marker must go too), then
     * adds one per finding. Suppressed findings get none: the code already says why they stay.
     */
    void show(List<Finding> findings, List<Path> scanned) {
        if (!active()) return;
        Set<Path> files = new LinkedHashSet<>(scanned);
        for (Finding f : findings) files.add(f.file());
        for (Path file : files) context.removeMessages(file.toFile());
        for (Finding f : findings) {
            if (f.isSuppressed()) continue;
            context.addMessage(f.file().toFile(), f.line(), f.column(), message(f), severity(f.severity()), null);
        }
    }

    /** What the marker says: the rule, the finding and the fix, as the console does on two lines. */
    static String message(Finding f) {
        String fix = ConsoleReport.fixHint(f).strip();
        return "[" + f.rule() + "] " + f.message() + (fix.isEmpty() ? "" : " (" + fix + ")");
    }

    static int severity(Severity severity) {
        return severity == Severity.ERROR ? BuildContext.SEVERITY_ERROR : BuildContext.SEVERITY_WARNING;
    }
}
