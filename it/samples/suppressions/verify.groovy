// Integration test harness: suppressed findings stay in the report, marked inSource; only the one finding that
// no suppression covers fails the build.
import groovy.json.JsonSlurper

def run = new JsonSlurper().parse(new File(basedir, 'target/sqllint/sqllint.sarif')).runs[0]
def outcome = { r ->
    def loc = r.locations[0].physicalLocation
    def how = r.suppressions ? r.suppressions[0].properties.suppressedBy : 'reported'
    "${r.ruleId} ${loc.artifactLocation.uri - 'src/main/java/com/acme/reports/'}:${loc.region.startLine} ${how}".toString()
}
assert run.results.collect(outcome) == [
    'DistinctOnHistoryScan ArchiveReportDao.java:18 @SuppressWarnings("sqllint")',                       // class
    'OrAcrossAccessPaths TrackReportDao.java:20 @SuppressWarnings("sqllint:OrAcrossAccessPaths")',        // field
    'OrAcrossAccessPaths TrackReportDao.java:28 // sqllint:ignore OrAcrossAccessPaths',                   // same line
    'OrAcrossAccessPaths TrackReportDao.java:34 // sqllint:ignore OrAcrossAccessPaths support users collaborate on at most 3 tracks', // line above
    'OrAcrossAccessPaths TrackReportDao.java:40 reported',                                                // another rule suppressed
    'OrAcrossAccessPaths WorkflowReportDao.java:17 @SuppressWarnings("sqllint:OrAcrossAccessPaths")',     // constructor, in an array
    'DistinctOnHistoryScan WorkflowReportDao.java:23 @SuppressWarnings("sqllint:DistinctOnHistoryScan")', // the constant, in ReportSql
    'DistinctOnHistoryScan WorkflowReportDao.java:28 @SuppressWarnings("sqllint:DistinctOnHistoryScan")', // method
    'DistinctOnHistoryScan WorkflowReportDao.java:35 @SuppressWarnings("sqllint")',                       // local variable
]
def suppressed = run.results.findAll { it.suppressions }
assert suppressed.every { it.suppressions.size() == 1 && it.suppressions[0].kind == 'inSource' }
assert suppressed.collect { it.suppressions[0].justification }.findAll() == ['support users collaborate on at most 3 tracks']

def log = new File(basedir, 'build.log').text
// suppressed findings are printed at INFO with how they were suppressed; the one left is a WARNING
assert (log =~ /\[INFO\] \S+\.java:\[\d+,\d+\] \[\w+\] .*\(suppressed by /).size() == 8
assert (log =~ /\[WARNING\] \S+TrackReportDao\.java:\[40,34\] \[OrAcrossAccessPaths\]/).size() == 1
assert log.contains('sqllint: 8 suppressed in the code (@SuppressWarnings, // sqllint:ignore), 1 not suppressed')
assert log.contains('sqllint: gate: 1 finding at or above info, 0 allowed; 8 suppressed: fails')
assert log.contains('sqllint found 1 slow query shape')
assert log =~ /TrackReportDao\.java:\[40,34\] \[OrAcrossAccessPaths\]\s+\[ERROR\] -> \[Help 1\]/
assert log.contains('BUILD FAILURE')
return true
