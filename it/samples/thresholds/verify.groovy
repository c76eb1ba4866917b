// Integration test harness: the six builds of invoker.properties, in order. invoker checks each build's result;
// this checks that each passed or failed for the reason intended, from the gate line each printed.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def gates = (log =~ /sqllint: gate: .*/).collect { it }
assert gates == [
    'sqllint: gate: 0 findings at or above error, 0 allowed; 3 below error: passes',
    'sqllint: gate: 3 findings at or above info, 3 allowed: passes',
    'sqllint: gate: 3 findings at or above info, 2 allowed: fails',
    'sqllint: gate: 2 findings at or above info, 2 allowed: passes',
    'sqllint: gate: 1 finding at or above info, 0 allowed: fails',
    'sqllint: gate: 1 finding at or above error, 0 allowed; 2 below error: fails',
    'sqllint: gate: 1 finding at or above error, 0 allowed; 2 below error: would fail (failOnViolation=false, so the build goes on)',
]
assert log.contains('sqllint found 3 slow query shapes, more than the 2 allowed')
// the disabled rules did not run: their statements were parsed, but reported nothing
assert log =~ /3 statements parsed, 0 not parsed, 0 files skipped, 2 findings/
assert log =~ /3 statements parsed, 0 not parsed, 0 files skipped, 1 finding \(/
// findings below failOnSeverity are still printed (builds 1, 2, 3, 6 and 7 run JoinForScalarOnly)
assert (log =~ /\[WARNING\] \S+HomePageDao\.java:\[\d+,\d+\] \[JoinForScalarOnly\]/).size() == 5

// the last build: DistinctOnHistoryScan raised to error in the pom; the SARIF levels say so
def run = new JsonSlurper().parse(new File(basedir, 'target/sqllint/sqllint.sarif')).runs[0]
assert run.results.collect { "${it.ruleId} ${it.level}".toString() } == [
    'DistinctOnHistoryScan error', 'OrAcrossAccessPaths warning', 'JoinForScalarOnly warning']
// build 7 only reports: its gate line says "would fail", and it prints no failure
def failure = log.substring(log.lastIndexOf('sqllint found'), log.lastIndexOf('would fail'))
assert failure.startsWith('sqllint found 1 slow query shape (')
assert failure =~ /HomePageDao\.java:\[\d+,\d+\] \[DistinctOnHistoryScan\]/
return true
