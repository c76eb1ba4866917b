// Integration test harness: SQL from sources beyond JDBC/Spring/JPA (a Jdbi classpath .sql file, Commons
// DbUtils, Vert.x, a Hibernate @Formula) is found, analysed and reported where it is written.
import groovy.json.JsonSlurper

def run = new JsonSlurper().parse(new File(basedir, 'target/sqllint/sqllint.sarif')).runs[0]
def findings = run.results.collect { r ->
    def loc = r.locations[0].physicalLocation
    "${r.ruleId} ${loc.artifactLocation.uri}:${loc.region.startLine}:${loc.region.startColumn}".toString()
}
assert findings == [
        'DistinctOverFanOutJoin src/main/java/com/acme/shop/OrderQueries.java:20:40',
        // the finding is in the resource file that holds the statement
        'DistinctOverFanOutJoin src/main/resources/com/acme/shop/CustomerDao/buyers.sql:2:8']
assert !run.invocations[0].toolExecutionNotifications.any { it.descriptor.id == 'SQL_NOT_PARSED' }

def log = new File(basedir, 'build.log').text
assert log.contains('sqllint: sources: JPA/Hibernate 1, Jdbi 2, Vert.x SQL client 1, Commons DbUtils 1; '
        + '5 variants analysed, 5 parsed (100.0%); 1 site unresolved (per kind and reasons under -X)')
// under -X: the listing per source kind and every unresolved site with its reason
assert log.contains('[DEBUG] sqllint: SQL per source kind (sites, statement variants, parsed):')
assert log =~ /\[DEBUG\]   Jdbi +2 sites +2 variants +2 parsed \(100\.0%\)/
assert log.contains('[DEBUG]       1  entirely dynamic argument')
assert log.contains(new File(basedir, 'src/main/java/com/acme/shop/OrderQueries.java').absolutePath
        + ':[30,32] QueryRunner.query: entirely dynamic argument')
assert log.contains('BUILD SUCCESS')
return true
