// Integration test harness: the six builds of invoker.properties, read from their shared build.log, then the
// baseline file they kept and the SARIF report of the last check that ran (build 5).
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

// every build starts with Maven's "Scanning for projects..."; what comes before the first is not a build
def builds = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert builds.size() == 6 : "expected six builds, found ${builds.size()}"
def dao = { String name -> new File(basedir, "src/main/java/com/acme/$name").absolutePath }
def trackDao = dao('catalog/TrackDao.java')
def taskRunDao = dao('jobs/TaskRunDao.java')

// 1. sqllint:baseline wrote the file to commit, at the project base directory
assert builds[0].contains('sqllint: baseline of 2 findings (2 entries) written to ' + new File(basedir, 'sqllint-baseline.xml').absolutePath)
assert builds[0].contains('BUILD SUCCESS')
def baseline = new XmlSlurper().parse(new File(basedir, 'sqllint-baseline.xml'))
assert baseline.name() == 'sqllint-baseline' && baseline.@version == '1'
def entries = baseline.finding.collect { "${it.@rule} ${it.@file} ${it.@owner} ${it.@count}".toString() }
assert entries == [
        'OrAcrossAccessPaths src/main/java/com/acme/catalog/TrackDao.java TrackDao.visibleTo 1',
        'ExistsWhereJoinFits src/main/java/com/acme/jobs/TaskRunDao.java TaskRunDao.countForFlow 1'] : entries
assert baseline.finding.every { it.@sqlHash.text() ==~ /[0-9a-f]{16}/ }
assert baseline.finding[0].@sql.text().startsWith('SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN')

// 2. check with the baseline: both findings reported as baselined, none new, the build passes
assert builds[1].contains("[INFO] ${trackDao}:[13,") && builds[1] =~ /\[OrAcrossAccessPaths\] .*\(baselined\)/
assert builds[1].contains("[INFO] ${taskRunDao}:[20,") && builds[1] =~ /\[ExistsWhereJoinFits\] .*\(baselined\)/
assert builds[1].contains('sqllint: 2 baselined, 0 new (baseline ')
assert !builds[1].contains('[WARNING] ' + trackDao)
assert builds[1].contains('BUILD SUCCESS')

// 3. TrackDao reformatted and its query moved down: same entry, still baselined
assert builds[2].contains("[INFO] ${trackDao}:[28,") : 'the finding moved from line 13 to 28'
assert builds[2].contains('sqllint: 2 baselined, 0 new (baseline ')
assert !builds[2].contains('stale')
assert builds[2].contains('BUILD SUCCESS')

// 4. TaskRunDao's query fixed: its entry is stale, with the command that tidies the file
assert builds[3].contains('sqllint: 1 baselined, 0 new (baseline ')
assert builds[3].contains('[WARNING] sqllint: 1 baseline entry matches no finding any more (fixed, suppressed or removed); run mvn sqllint:baseline to drop it')
assert builds[3].contains('[WARNING]   stale: [ExistsWhereJoinFits] src/main/java/com/acme/jobs/TaskRunDao.java TaskRunDao.countForFlow sql: SELECT count(*)')
assert builds[3].contains('BUILD SUCCESS')

// 5. a new finding: the build fails listing it, and only it
assert builds[4].contains('sqllint: 1 baselined, 1 new (baseline ')
assert builds[4] =~ /\[WARNING\] .*TrackDao\.java:\[35,\d+\] \[OrAcrossAccessPaths\]/
def failure = builds[4].readLines().dropWhile { !it.contains('sqllint found 1 slow query shape') }.take(3)
assert failure.size() == 3 : builds[4]
assert failure[1].contains(trackDao + ':[35,') && failure[1].endsWith('[OrAcrossAccessPaths]')
assert failure[2].contains('(new: not in the baseline ') && failure[2].contains('which accepts 1 more)')
assert builds[4].contains('BUILD FAILURE')

// ... and SARIF marks every result: the moved query unchanged, the new one new
def results = new JsonSlurper().parse(new File(basedir, 'target/sqllint/sqllint.sarif')).runs[0].results
def states = results.collect { "${it.properties.owner} ${it.baselineState}".toString() }
assert states == ['TrackDao.visibleTo unchanged', 'TrackDao.draftsVisibleTo new'] : states

// 6. a configured baselineFile that does not exist fails with its name
assert builds[5].contains('sqllint: the baselineFile ' + new File(basedir, 'config/sqllint-baseline.xml').absolutePath
        + ' does not exist; create it with mvn sqllint:baseline')
assert builds[5].contains('BUILD FAILURE')
return true
