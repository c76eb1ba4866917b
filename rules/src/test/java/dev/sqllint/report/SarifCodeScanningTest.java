package dev.sqllint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Finding;
import dev.sqllint.rules.Severity;
import dev.sqllint.testing.LintTestHelper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What GitHub code scanning reads from the SARIF: rule metadata, fingerprints, and paths from the reactor root. */
class SarifCodeScanningTest {

    @Test
    void everyRuleHasDescriptionsHelpTagsPrecisionAndProblemSeverity() {
        LintTestHelper project = ReportFixtures.project();
        List<Map<?, ?>> rules = list(driver(SarifWriter.sarif(project.run(), project.root(), "1.2.3")).get("rules"));

        assertEquals(dev.sqllint.rules.Rules.all().size(), rules.size());
        for (Map<?, ?> rule : rules) {
            String id = (String) rule.get("id");
            assertFalse(text(rule, "shortDescription").isBlank(), id);
            assertFalse(text(rule, "fullDescription").isBlank(), id);
            assertTrue(text(rule, "fullDescription").length() <= 1000, id + ": GitHub shows about 1000 characters");
            Map<?, ?> help = (Map<?, ?>) rule.get("help");
            assertTrue(help.get("text").toString().contains("Before:\n"), id);
            dev.sqllint.rules.RuleInfo info = dev.sqllint.rules.Rules.named(id).orElseThrow().info();
            String examples = info.exampleEntities().isEmpty() ? info.exampleLanguage() : "java";
            assertTrue(help.get("markdown").toString().contains("```" + examples), id);
            Map<?, ?> properties = (Map<?, ?>) rule.get("properties");
            assertEquals(List.of("performance", "sql"), properties.get("tags"), id);
            assertTrue(List.of("error", "warning", "recommendation").contains(properties.get("problem.severity")), id);
            assertNull(properties.get("security-severity"), id + ": a slow query is not a vulnerability");
        }
    }

    @Test
    void problemSeverityFollowsTheRuleSeverity() {
        assertEquals("error", SarifWriter.problemSeverity(Severity.ERROR));
        assertEquals("warning", SarifWriter.problemSeverity(Severity.WARNING));
        assertEquals("recommendation", SarifWriter.problemSeverity(Severity.INFO));
    }

    @Test
    void precisionIsVeryHighOnlyWhenASchemaProvedEveryFindingOfTheRule() {
        Finding proved = finding("OrAcrossAccessPaths", "TrackDao.tracks", "SELECT 1", true);
        Finding inferred = finding("OrAcrossAccessPaths", "TrackDao.other", "SELECT 2", false);

        assertEquals("very-high", SarifWriter.precision("OrAcrossAccessPaths", List.of(proved)));
        assertEquals("medium", SarifWriter.precision("OrAcrossAccessPaths", List.of(proved, inferred)));
        assertEquals("medium", SarifWriter.precision("JoinForScalarOnly", List.of(proved)), "no finding: no proof");
    }

    @Test
    void urisAreRelativeToTheReactorRootAndEachModuleHasItsOwnCategory() {
        LintTestHelper project = ReportFixtures.project();
        AnalysisResult result = project.run();
        Path module = project.root();
        Path reactorRoot = module.getParent();
        Map<String, Object> sarif = SarifWriter.sarif(result, module, reactorRoot, "1.2.3");
        Map<?, ?> run = run(sarif);

        Map<?, ?> srcRoot = (Map<?, ?>) ((Map<?, ?>) run.get("originalUriBaseIds")).get("%SRCROOT%");
        assertEquals(reactorRoot.toUri().toString(), srcRoot.get("uri"));
        assertTrue(srcRoot.get("uri").toString().endsWith("/"));
        String moduleName = module.getFileName().toString();
        for (Map<?, ?> r : list(run.get("results"))) {
            Map<?, ?> artifact = artifactLocation(r);
            assertEquals("%SRCROOT%", artifact.get("uriBaseId"));
            assertTrue(artifact.get("uri").toString().startsWith(moduleName + "/src/main/java/com/acme/"), artifact.toString());
        }
        Map<?, ?> notification = list(((Map<?, ?>) list(run.get("invocations")).get(0)).get("toolExecutionNotifications")).get(0);
        assertEquals("%SRCROOT%", artifactLocation(notification).get("uriBaseId"));
        assertEquals(Map.of("id", "sqllint/" + moduleName + "/"), run.get("automationDetails"));
    }

    @Test
    void aSingleModuleBuildLeavesTheCategoryToTheUploader() {
        LintTestHelper project = ReportFixtures.project();
        Map<?, ?> run = run(SarifWriter.sarif(project.run(), project.root(), project.root(), "1.2.3"));

        assertNull(run.get("automationDetails"));
        assertEquals(List.of("src/main/java/com/acme/stats/StatsDao.java", "src/main/java/com/acme/topics/TopicTrackingDao.java",
                        "src/main/java/com/acme/tracks/TrackDao.java"),
                list(run.get("results")).stream().map(r -> artifactLocation(r).get("uri")).toList());
    }

    @Test
    void urisArePercentEncoded() {
        assertEquals("src/main/java/com/acme/My%20Dao.java", SarifWriter.encodedUri("src/main/java/com/acme/My Dao.java"));
        assertEquals("src/main/java/com/acme/%C3%9Cbung.java", SarifWriter.encodedUri("src/main/java/com/acme/Übung.java"));
        assertEquals("src/main/java/com/acme/TrackDao.java", SarifWriter.encodedUri("src/main/java/com/acme/TrackDao.java"));
    }

    /** Plain paths skip the URI parser; every path still encodes as java.net.URI encodes it. */
    @Test
    void plainPathsEncodeAsTheUriClassWould() throws java.net.URISyntaxException {
        String[] pieces = {"a", "Z", "0", "-", ".", "_", "~", "/", " ", "#", "%", "é", "?", ":", "@", "+", "[", "//"};
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder path = new StringBuilder();
            for (int k = random.nextInt(8); k > 0; k--) path.append(pieces[random.nextInt(pieces.length)]);
            String p = path.toString();
            String expected;
            try {
                expected = new java.net.URI(null, null, p, null).toASCIIString();
            } catch (java.net.URISyntaxException e) {
                expected = p;
            }
            assertEquals(expected, SarifWriter.encodedUri(p), p);
        }
    }

    @Test
    void everyResultHasAPrimaryLocationLineHash() {
        LintTestHelper project = ReportFixtures.project();
        List<Map<?, ?>> results = list(run(SarifWriter.sarif(project.run(), project.root(), "1.2.3")).get("results"));

        assertEquals(3, results.size());
        for (Map<?, ?> r : results) {
            String hash = (String) ((Map<?, ?>) r.get("partialFingerprints")).get("primaryLocationLineHash");
            assertTrue(hash.matches("[0-9a-f]{16}:1"), hash);
        }
        assertEquals(3, results.stream().map(r -> r.get("partialFingerprints")).distinct().count());
    }

    @Test
    void fingerprintSurvivesTheFindingMovingDownTheFile() {
        String before = fingerprintOfOnlyFinding(ReportFixtures.TRACK_DAO);
        String moved = fingerprintOfOnlyFinding(ReportFixtures.TRACK_DAO
                .replace("import org.springframework.jdbc.core.JdbcTemplate;\n",
                        "import java.util.List;\nimport org.springframework.jdbc.core.JdbcTemplate;\n\n// tracks a user can open\n"));

        assertEquals(before, moved);
    }

    @Test
    void fingerprintChangesWithTheSql() {
        String before = fingerprintOfOnlyFinding(ReportFixtures.TRACK_DAO);
        String otherSql = fingerprintOfOnlyFinding(ReportFixtures.TRACK_DAO.replace("t.owner_id = ?", "t.creator_id = ?"));

        assertNotEquals(before, otherSql);
    }

    @Test
    void identicalFindingsAreNumberedLikeGitHubDoes() {
        Finding first = finding("OrAcrossAccessPaths", "TrackDao.tracks", "SELECT t.* FROM tracks t", true);
        Finding second = new Finding(first.rule(), first.severity(), first.file(), 40, 9, first.message(), first.api(),
                first.owner(), first.sql(), true, null);
        Finding other = finding("OrAcrossAccessPaths", "TrackDao.mine", "SELECT t.* FROM tracks t", true);

        List<String> hashes = SarifFingerprints.primaryLocationLineHashes(List.of(first, second, other), Path.of("/repo"));

        String hash = hashes.get(0).substring(0, 16);
        assertEquals(List.of(hash + ":1", hash + ":2"), hashes.subList(0, 2));
        assertTrue(hashes.get(2).endsWith(":1"));
        assertNotEquals(hash, hashes.get(2).substring(0, 16), "another member: another alert");
    }

    private static String fingerprintOfOnlyFinding(String trackDao) {
        LintTestHelper project = LintTestHelper.forAllRules().addSource("src/main/java/com/acme/tracks/TrackDao.java", trackDao);
        List<Map<?, ?>> results = list(run(SarifWriter.sarif(project.run(), project.root(), "1.2.3")).get("results"));
        assertEquals(1, results.size());
        return (String) ((Map<?, ?>) results.get(0).get("partialFingerprints")).get("primaryLocationLineHash");
    }

    static Finding finding(String rule, String owner, String sql, boolean proved) {
        return new Finding(rule, Severity.WARNING, Path.of("/repo/src/main/java/com/acme/TrackDao.java"), 12, 9,
                "message", "JdbcTemplate.queryForList", owner, sql, proved, null);
    }

    private static Map<?, ?> run(Map<String, Object> sarif) {
        return (Map<?, ?>) ((List<?>) sarif.get("runs")).get(0);
    }

    private static Map<?, ?> driver(Map<String, Object> sarif) {
        return (Map<?, ?>) ((Map<?, ?>) run(sarif).get("tool")).get("driver");
    }

    private static Map<?, ?> artifactLocation(Map<?, ?> resultOrNotification) {
        Map<?, ?> location = list(resultOrNotification.get("locations")).get(0);
        return (Map<?, ?>) ((Map<?, ?>) location.get("physicalLocation")).get("artifactLocation");
    }

    private static String text(Map<?, ?> rule, String key) {
        return ((Map<?, ?>) rule.get(key)).get("text").toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> list(Object o) {
        return (List<Map<?, ?>>) o;
    }
}
