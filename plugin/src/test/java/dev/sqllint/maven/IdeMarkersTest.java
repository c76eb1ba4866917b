package dev.sqllint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.engine.AnalysisConfig;
import dev.sqllint.engine.Finding;
import dev.sqllint.rules.Severity;
import java.io.File;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.codehaus.plexus.util.Scanner;
import org.junit.jupiter.api.Test;
import org.sonatype.plexus.build.incremental.BuildContext;
import org.sonatype.plexus.build.incremental.DefaultBuildContext;
import org.sonatype.plexus.build.incremental.ThreadBuildContext;

/** What Eclipse shows for a run's findings, and that the command line gets nothing twice. */
class IdeMarkersTest {

    private static final Path PROJECT = Path.of("/work/shop");
    private static final Path SOURCES = PROJECT.resolve("src/main/java");
    private static final Path TRACK_DAO = SOURCES.resolve("com/acme/TrackDao.java");
    private static final Path REVIEW_DAO = SOURCES.resolve("com/acme/ReviewDao.java");
    private static final Path FIXED_DAO = SOURCES.resolve("com/acme/FixedDao.java");

    private static final Finding OR_ACROSS_PATHS = new Finding("OrAcrossAccessPaths", Severity.WARNING, TRACK_DAO, 16, 42,
            "t.owner_id = ? OR t.track_id IN (...): an OR across two access paths defeats the index", "JdbcTemplate.queryForList",
            "TrackDao.tracks", "SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN (SELECT ...)", false, null);

    @Test
    void eachFindingBecomesAMarkerOnItsLineWithTheFix() {
        EclipseContext eclipse = new EclipseContext(false);

        new IdeMarkers(eclipse).show(List.of(OR_ACROSS_PATHS), List.of(TRACK_DAO));

        assertEquals(List.of("remove TrackDao.java",
                "WARNING TrackDao.java:16:42 [OrAcrossAccessPaths] t.owner_id = ? OR t.track_id IN (...): an OR across two "
                        + "access paths defeats the index (fix: fetch the subquery's ids first and test them with = ANY(?) "
                        + "(a BitmapOr of two indexes), or UNION two queries)"), eclipse.calls);
    }

    @Test
    void everyScannedFileLosesItsOldMarkersSoAFixedFindingsMarkerGoes() {
        EclipseContext eclipse = new EclipseContext(false);

        new IdeMarkers(eclipse).show(List.of(OR_ACROSS_PATHS), List.of(FIXED_DAO, REVIEW_DAO, TRACK_DAO));

        assertEquals(List.of("remove FixedDao.java", "remove ReviewDao.java", "remove TrackDao.java"), eclipse.calls.subList(0, 3));
        assertEquals(4, eclipse.calls.size());
    }

    @Test
    void anErrorSeverityFindingIsAnErrorMarker() {
        EclipseContext eclipse = new EclipseContext(false);

        new IdeMarkers(eclipse).show(List.of(OR_ACROSS_PATHS.withSeverity(Severity.ERROR)), List.of(TRACK_DAO));

        assertTrue(eclipse.calls.get(1).startsWith("ERROR TrackDao.java:16:42 "), eclipse.calls.get(1));
    }

    @Test
    void aSuppressedFindingHasNoMarker() {
        EclipseContext eclipse = new EclipseContext(false);

        new IdeMarkers(eclipse).show(List.of(OR_ACROSS_PATHS.withSuppression("// sqllint:ignore OrAcrossAccessPaths")),
                List.of(TRACK_DAO));

        assertEquals(List.of("remove TrackDao.java"), eclipse.calls);
    }

    @Test
    void onTheCommandLineNothingIsSentSoNoFindingIsLoggedTwice() {
        RecordingDefaultContext commandLine = new RecordingDefaultContext();
        IdeMarkers markers = new IdeMarkers(commandLine);

        markers.show(List.of(OR_ACROSS_PATHS), List.of(TRACK_DAO));

        assertFalse(markers.active());
        assertEquals(List.of(), commandLine.calls);
    }

    @Test
    void theThreadContextIsTheIdesOnlyWhenTheIdeSetOne() {
        IdeMarkers markers = new IdeMarkers(new ThreadBuildContext());
        assertFalse(markers.active(), "no build context for this thread: the command line's default");

        ThreadBuildContext.setThreadBuildContext(new EclipseContext(false));
        try {
            assertTrue(markers.active());
        } finally {
            ThreadBuildContext.setThreadBuildContext(null);
        }
    }

    @Test
    void anIncrementalBuildThatTouchedNoSourceOrSchemaNeedsNoNewAnalysis() {
        AnalysisConfig config = AnalysisConfig.of(PROJECT, List.of(SOURCES))
                .withSchema(List.of(PROJECT.resolve("src/main/resources")), List.of(), List.of(), "spring");
        File pom = PROJECT.resolve("pom.xml").toFile();

        assertTrue(new IdeMarkers(new EclipseContext(true)).inputsUnchanged(config, pom));
        assertFalse(new IdeMarkers(new EclipseContext(true, SOURCES)).inputsUnchanged(config, pom));
        assertFalse(new IdeMarkers(new EclipseContext(true, PROJECT.resolve("src/main/resources"))).inputsUnchanged(config, pom));
        assertFalse(new IdeMarkers(new EclipseContext(true, PROJECT.resolve("pom.xml"))).inputsUnchanged(config, pom));
        assertFalse(new IdeMarkers(new EclipseContext(false)).inputsUnchanged(config, pom), "a full build always runs");
        assertFalse(new IdeMarkers(new RecordingDefaultContext()).inputsUnchanged(config, pom), "the command line always runs");
    }

    private static String describe(File file, int line, int column, String message, int severity) {
        String level = severity == BuildContext.SEVERITY_ERROR ? "ERROR" : "WARNING";
        return level + " " + file.getName() + ":" + line + ":" + column + " " + message;
    }

    /** What m2e's build context does with markers, recorded; changed folders as an incremental build sees them. */
    private static final class EclipseContext implements BuildContext {
        final List<String> calls = new ArrayList<>();
        private final boolean incremental;
        private final Set<Path> changed;

        EclipseContext(boolean incremental, Path... changed) {
            this.incremental = incremental;
            this.changed = Set.of(changed);
        }

        @Override
        public void addMessage(File file, int line, int column, String message, int severity, Throwable cause) {
            calls.add(describe(file, line, column, message, severity));
        }

        @Override
        public void removeMessages(File file) {
            calls.add("remove " + file.getName());
        }

        @Override
        public boolean isIncremental() {
            return incremental;
        }

        @Override
        public boolean hasDelta(File file) {
            return changed.contains(file.toPath());
        }

        @Override
        public boolean hasDelta(String relpath) {
            throw new UnsupportedOperationException();
        }

        @Override
        @SuppressWarnings("rawtypes")
        public boolean hasDelta(List relpaths) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void refresh(File file) {
        }

        @Override
        public OutputStream newFileOutputStream(File file) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Scanner newScanner(File basedir) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Scanner newDeleteScanner(File basedir) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Scanner newScanner(File basedir, boolean ignoreDelta) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setValue(String key, Object value) {
        }

        @Override
        public Object getValue(String key) {
            return null;
        }

        @Override
        public void addWarning(File file, int line, int column, String message, Throwable cause) {
            addMessage(file, line, column, message, SEVERITY_WARNING, cause);
        }

        @Override
        public void addError(File file, int line, int column, String message, Throwable cause) {
            addMessage(file, line, column, message, SEVERITY_ERROR, cause);
        }

        @Override
        public boolean isUptodate(File target, File source) {
            return false;
        }
    }

    /** The command line's context, which would log every marker beside the console report. */
    private static final class RecordingDefaultContext extends DefaultBuildContext {
        final List<String> calls = new ArrayList<>();

        @Override
        public void addMessage(File file, int line, int column, String message, int severity, Throwable cause) {
            calls.add(describe(file, line, column, message, severity));
        }

        @Override
        public void removeMessages(File file) {
            calls.add("remove " + file.getName());
        }
    }
}
