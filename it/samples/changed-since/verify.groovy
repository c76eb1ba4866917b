// Integration test harness: changed-files mode reports the findings of the edited and the untracked file,
// counts the unchanged file's finding, and still reads the unchanged file the edited one takes its SQL from.
import groovy.json.JsonSlurper

def run = new JsonSlurper().parse(new File(basedir, 'target/sqllint/sqllint.sarif')).runs[0]
def findings = run.results.collect { r ->
    def loc = r.locations[0].physicalLocation
    "${r.ruleId} ${loc.artifactLocation.uri}:${loc.region.startLine}:${loc.region.startColumn}".toString()
}.sort()
assert findings == [
    'OrAcrossAccessPaths src/main/java/com/acme/TopicDao.java:15:91',
    'OrAcrossAccessPaths src/main/java/com/acme/TrackDao.java:16:42',
]
// the SQL comes from the unchanged TrackSql: the whole tree was read
assert run.results.find { it.locations[0].physicalLocation.artifactLocation.uri.endsWith('TrackDao.java') }
        .message.text.contains('TrackSql.OWNED_OR_SHARED')

def log = new File(basedir, 'build.log').text
assert log.contains('sqllint: 2 findings in 2 changed files (changedSince=HEAD); 1 in unchanged files not reported')
assert log.contains('4 files scanned')
assert !log.contains('ReviewDao.java:[')
assert log.contains('BUILD SUCCESS')
return true
