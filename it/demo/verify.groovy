// Integration test harness (maven-invoker-plugin): asserts the exact findings of `mvn sqllint:check` on the demo.
import groovy.json.JsonSlurper

def sarifFile = new File(basedir, 'target/sqllint/sqllint.sarif')
assert sarifFile.isFile() : 'no SARIF report written'
def run = new JsonSlurper().parse(sarifFile).runs[0]

def findings = run.results.collect { r ->
    def loc = r.locations[0].physicalLocation
    "${r.ruleId} ${loc.artifactLocation.uri}:${loc.region.startLine}:${loc.region.startColumn}".toString()
}.sort()
def src = 'src/main/java/com/example/demo'
def mapper = 'src/main/resources/mapper/TrackSearchMapper.xml'
def expected = [
    "DistinctOnHistoryScan ${src}/workflow/RecentWorkflowDao.java:31:35",
    "OrAcrossAccessPaths ${src}/tracks/TrackRepository.java:19:17",
    "ExistsWhereJoinFits ${src}/tasks/TaskRunCountDao.java:31:30",
    "ExistsWhereJoinFits ${src}/tasks/TaskRunStatsRepository.java:32:18",
    "DistinctOverFanOutJoin ${src}/reviews/ReviewRequestDao.java:20:21",
    "DistinctOverFanOutJoin ${src}/reviews/ReviewRequestRepository.java:22:25",
    "DistinctOverFanOutJoin ${src}/reviews/ReviewRequestSearchDao.java:36:28",
    "JoinForScalarOnly ${src}/topics/TopicTrackingDao.java:21:22",
    "OrAcrossAccessPaths ${mapper}:17:12",
    "OrAcrossAccessPaths ${mapper}:54:8",
    "NotInSubquery ${src}/topics/TopicTrackingDao.java:84:30",
    "CountForExistence ${src}/topics/TopicTrackingDao.java:97:56",
    "NonSargablePredicate ${src}/topics/TopicTrackingDao.java:110:76",
    "CollectionFetchPagination ${src}/reviews/ReviewRequestRepository.java:46:51",
    "QueryInLoop ${src}/topics/TopicTrackingDao.java:129:46",
]*.toString().sort()
assert findings == expected

// the demo's Flyway migrations prove every key the rules rely on
assert run.results.every { it.properties.precision == 'very-high' }
assert run.results.find { it.ruleId == 'OrAcrossAccessPaths' }.message.text.contains('tracks_owner_id_idx on tracks(owner_id) (V3__tracks.sql:10)')
assert run.results.find { it.ruleId == 'JoinForScalarOnly' }.message.text.contains('user_stats.user_id is the primary key (V1__workspaces_and_users.sql:17)')
// QueryInLoop: the outer query, the loop's line, and the fix in the user's own names
assert run.results.find { it.ruleId == 'QueryInLoop' }.message.text.startsWith('SELECT t.title FROM topics t WHERE t.id = ? runs once per row of '
        + 'SELECT tu.topic_id FROM topic_users tu WHERE tu.user_id = ? (the loop at line 128)')
assert run.results.find { it.ruleId == 'QueryInLoop' }.message.text.contains('t.id = ANY(?)')

// MyBatis XML mapper: the finding sits at the OR in the XML; the look-alike under <!-- sqllint:ignore --> stays
// in the report, suppressed in source with the comment's reason
def inXml = run.results.findAll { it.locations[0].physicalLocation.artifactLocation.uri == mapper }
assert inXml*.properties*.api == ['mapper.xml <select id="searchLibrary">', 'mapper.xml <select id="exportLibrary">']
assert inXml*.properties*.owner == ['com.example.demo.tracks.TrackSearchMapper.searchLibrary',
                                    'com.example.demo.tracks.TrackSearchMapper.exportLibrary']
assert !inXml[0].suppressions
assert inXml[1].suppressions*.kind == ['inSource']
assert inXml[1].suppressions[0].justification == 'admin export: runs nightly on the read replica, where a full scan is fine'
assert run.results.count { it.suppressions } == 1

// a Spring Data derived query is judged as the SQL Spring Data JPA derives from its name, reported at the method name
def derived = run.results.find { it.locations[0].physicalLocation.artifactLocation.uri.endsWith('ReviewRequestRepository.java') }
assert derived.properties.api == 'derived query findDistinctByStatusAndTargetGroupsNameIn'
assert derived.properties.owner == 'ReviewRequestRepository.findDistinctByStatusAndTargetGroupsNameIn'
assert derived.properties.sql == 'SELECT DISTINCT r1_0.* FROM review_requests r1_0' +
        ' LEFT JOIN review_request_target_groups t1_0 ON r1_0.id = t1_0.review_request_id' +
        ' LEFT JOIN review_groups t1_1 ON t1_0.group_id = t1_1.id WHERE r1_0.status = ? AND t1_1.name IN (?)'

// the constant from another class is named in the message reported at the call site
// jOOQ: the chain is translated without the generated Tables; the finding points at .whereExists(
def jooq = run.results.find { it.locations[0].physicalLocation.artifactLocation.uri.endsWith('TaskRunStatsRepository.java') }
assert jooq.message.text.contains('EXISTS over flow_run correlated on flow_run.id = task_run.flow_run_id')
assert jooq.message.text.contains('flow_run.id is the primary key (V2__workflows.sql:26)')
// JPA Criteria: the query the method builds is judged as its JPQL, through the mappings; the finding points at .distinct(true)
def criteria = run.results.find { it.locations[0].physicalLocation.artifactLocation.uri.endsWith('ReviewRequestSearchDao.java') }
assert criteria.properties.api == 'JPA Criteria query'
assert criteria.properties.owner == 'ReviewRequestSearchDao.search'
assert criteria.properties.sql == 'SELECT DISTINCT request FROM review_requests request' +
        ' JOIN review_request_target_groups sqllint_link1 ON sqllint_link1.review_request_id = request.id' +
        ' JOIN review_groups group_ ON group_.id = sqllint_link1.group_id' +
        ' WHERE request.status = ? AND group_.name IN (?) ORDER BY request.id DESC LIMIT ?'
// JPQL join fetch of a collection, paged by a Pageable: the message says which annotation proved the collection
def paged = run.results.find { it.ruleId == 'CollectionFetchPagination' }
assert paged.message.text.contains('ReviewRequest.targetGroups is @ManyToMany (ReviewRequest.java:45)')
assert paged.message.text.contains('the query is paged (`Pageable pageable` (line 49))')
def history = run.results.find { it.ruleId == 'DistinctOnHistoryScan' }
assert history.message.text.contains('WorkflowQueries.RECENT_WORKFLOWS')
assert run.tool.driver.rules*.id == ['DistinctOnHistoryScan', 'OrAcrossAccessPaths', 'ExistsWhereJoinFits',
                                     'DistinctOverFanOutJoin', 'JoinForScalarOnly', 'NotInSubquery',
                                     'CountForExistence', 'NonSargablePredicate', 'CollectionFetchPagination',
                                     'QueryInLoop']
assert run.invocations[0].toolExecutionNotifications.isEmpty()
// GitHub code scanning: the demo is its own reactor root (%SRCROOT%), each result has a fingerprint, and every
// rule with findings is very-high precision because the migrations proved its keys
assert new File(new URI(run.originalUriBaseIds['%SRCROOT%'].uri)).canonicalPath == basedir.canonicalPath
assert run.results.every { it.locations[0].physicalLocation.artifactLocation.uriBaseId == '%SRCROOT%' }
assert run.results*.partialFingerprints*.primaryLocationLineHash.unique().size() == 15
assert run.tool.driver.rules.every { it.properties.precision == 'very-high' && it.properties['problem.severity'] == 'warning' }

// console: one clickable line per finding, a summary, and the failed build listing them
def log = new File(basedir, 'build.log').text
assert log.contains("[WARNING] ${new File(basedir, src + '/topics/TopicTrackingDao.java').absolutePath}:[21,22] [JoinForScalarOnly]")
assert log =~ /sqllint: 22 files scanned, 54 SQL sites found, 72 statements parsed, 0 not parsed/
assert log.contains('sqllint: 1 suppressed in the code')
assert log.contains("[INFO] ${new File(basedir, mapper).absolutePath}:[54,8] [OrAcrossAccessPaths]")
assert log.contains("[WARNING] ${new File(basedir, mapper).absolutePath}:[17,12] [OrAcrossAccessPaths]")
assert log.contains('sqllint: schema: 16 tables, 18 keys, 15 foreign keys, 7 indexes from 5 SQL scripts, 3 JPA entities')
assert log.contains('sqllint found 14 slow query shapes')
assert log.contains('BUILD FAILURE')

// the README shows this run's first JoinForScalarOnly line and its fix, eliding only the path and the middle
def top = basedir.canonicalFile
while (top != null && !(new File(top, 'README.md').isFile() && new File(top, 'it/demo').isDirectory())) top = top.parentFile
assert top : 'the repository holding the demo (the invoker runs a copy under it/target)'
def readme = new File(top, 'README.md').text
def shown = readme.readLines().find { it.startsWith('[WARNING] /…/it/demo/') && it.contains('[JoinForScalarOnly]') }
assert shown : 'the README shows a finding of the demo'
def findingLine = log.readLines().find { it.contains('TopicTrackingDao.java:[21,22] [JoinForScalarOnly]') }
shown.substring('[WARNING] /…/it/demo/'.length()).split('…').each { part -> assert findingLine.contains(part.trim()) : part }
def fixShown = readme.readLines().find { it.startsWith('[WARNING]   fix: ') }
assert log.readLines()[log.readLines().indexOf(findingLine) + 1] == fixShown
return true
