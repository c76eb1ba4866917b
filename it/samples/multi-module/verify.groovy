// Integration test harness: the four-module build ran twice (invoker.properties), serially into target/ and with
// -T 4 into target-parallel/. The parallel build must write the same report files, byte for byte, and print the
// same findings; and both must hold the findings each module's own settings call for.
import groovy.json.JsonSlurper

def modules = ['catalog', 'billing', 'reports', 'search']
def reportFiles = ['sqllint/sqllint.sarif', 'sqllint/checkstyle-result.xml']

// every report file of every project (the parent too), serial against parallel
(['.'] + modules).each { m ->
    reportFiles.each { r ->
        def serial = new File(basedir, "${m}/target/${r}")
        def parallel = new File(basedir, "${m}/target-parallel/${r}")
        assert serial.isFile() && parallel.isFile() : "${m}: ${r} missing"
        assert serial.bytes == parallel.bytes : "${m}/${r} differs between the serial and the parallel build"
    }
}

// the findings, so that two equally wrong builds cannot pass: each module's own configuration applies to it
// alone (billing raises DistinctOverFanOutJoin to error, reports declares plays a history table, search disables
// OrAcrossAccessPaths), and the catalog's migrations prove its keys
def findings = modules.collectMany { m ->
    def run = new JsonSlurper().parse(new File(basedir, "${m}/target/sqllint/sqllint.sarif")).runs[0]
    assert run.invocations[0].toolExecutionNotifications.isEmpty()
    run.results.collect { r ->
        def loc = r.locations[0].physicalLocation
        "${r.ruleId} ${r.level} ${loc.artifactLocation.uri}:${loc.region.startLine}:${loc.region.startColumn} ${r.properties.precision}".toString()
    }
}
assert findings == [
    'OrAcrossAccessPaths warning catalog/src/main/java/com/acme/catalog/TrackDao.java:21:65 very-high',
    'DistinctOverFanOutJoin error billing/src/main/java/com/acme/billing/InvoiceDao.java:21:79 medium',
    'ExistsWhereJoinFits warning billing/src/main/java/com/acme/billing/InvoiceDao.java:32:20 medium',
    'OrAcrossAccessPaths warning billing/src/main/resources/mapper/InvoiceMapper.xml:9:8 medium',
    'DistinctOnHistoryScan warning reports/src/main/java/com/acme/reports/PlayReportDao.java:31:24 medium',
    'JoinForScalarOnly warning search/src/main/java/com/acme/search/UnreadTopicsDao.java:15:22 medium',
]
def reportsRun = new JsonSlurper().parse(new File(basedir, 'reports/target/sqllint/sqllint.sarif')).runs[0]
assert reportsRun.results[0].message.text.contains('DISTINCT ON (p.track_id) over plays p (plays is configured as a history table)')

// the console: build.log holds both builds. With -T 4 the modules' lines interleave, so the two are compared as
// sorted lists of sqllint's lines (findings with their fix hints, summaries, report paths), timings and the
// build folder left out.
// Colour codes are removed first: Maven may start a line with one (ESC[0m before "[INFO] Scanning for projects").
def ansi = /\u001B\[[0-9;?]*[A-Za-z]/
def builds = new File(basedir, 'build.log').text.replaceAll(ansi, '')
        .split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).toList().tail()
assert builds.size() == 2
def (serialLog, parallelLog) = builds
assert !serialLog.contains('MultiThreadedBuilder')
assert parallelLog.contains('Using the MultiThreadedBuilder implementation with a thread count of 4')
assert !parallelLog.contains('not marked as thread-safe') // Maven's warning naming every plugin that is not
// Only the plugin's own lines are kept (its "sqllint: " lines, its mojo headers, findings and fix hints), never
// "every line that mentions sqllint": Maven's own lines carry the clone's path, and a clone in a folder named
// sqllint must not drag Maven's warnings into the comparison.
def sqllintLines = { String buildLog ->
    buildLog.readLines()
            .findAll { it =~ /^\[\w+\] sqllint: / || it =~ /^\[\w+\] --- sqllint-maven-plugin:/
                    || it =~ /^\[\w+\] \/.*:\[\d+,\d+\] \[\w+\] / || it.startsWith('[WARNING]   fix: ') }
            .collect { it.replace('/target-parallel/', '/target/').replaceAll(/\(\d+ ms\)/, '(ms)') }
            .sort()
}
def serialLines = sqllintLines(serialLog)
assert serialLines == sqllintLines(parallelLog)
def findingLines = serialLines.findAll { it ==~ /\[WARNING\] \/.*:\[\d+,\d+\] \[\w+\] .*/ }
        .collect { it.replace(basedir.absolutePath + '/', '').replaceAll(/\] \[(\w+)\] .*/, '] [$1]') }
assert findingLines == [
    '[WARNING] billing/src/main/java/com/acme/billing/InvoiceDao.java:[21,79] [DistinctOverFanOutJoin]',
    '[WARNING] billing/src/main/java/com/acme/billing/InvoiceDao.java:[32,20] [ExistsWhereJoinFits]',
    '[WARNING] billing/src/main/resources/mapper/InvoiceMapper.xml:[9,8] [OrAcrossAccessPaths]',
    '[WARNING] catalog/src/main/java/com/acme/catalog/TrackDao.java:[21,65] [OrAcrossAccessPaths]',
    '[WARNING] reports/src/main/java/com/acme/reports/PlayReportDao.java:[31,24] [DistinctOnHistoryScan]',
    '[WARNING] search/src/main/java/com/acme/search/UnreadTopicsDao.java:[15,22] [JoinForScalarOnly]',
]
assert serialLines.count { it.startsWith('[INFO] sqllint: ') && it =~ / files? scanned, / } == 5 // "1 file scanned" too
assert builds.every { it.contains('BUILD SUCCESS') }
return true
