// Integration test harness: findings and diagnostics of the plugin bound to `verify` in a plain-JDBC project
// that also holds Java that does not parse and SQL that JSqlParser rejects.
import groovy.json.JsonSlurper

def run = new JsonSlurper().parse(new File(basedir, 'target/sqllint/sqllint.sarif')).runs[0]
def findings = run.results.collect { r ->
    def loc = r.locations[0].physicalLocation
    "${r.ruleId} ${loc.artifactLocation.uri}:${loc.region.startLine}:${loc.region.startColumn}".toString()
}
assert findings == ['OrAcrossAccessPaths src/main/java/com/acme/billing/InvoiceDao.java:65:65']
assert run.results[0].message.text.contains('InvoiceSql.')
// no migrations or entities here: the keys come from naming conventions
assert run.results[0].properties.precision == 'medium'

def notes = run.invocations[0].toolExecutionNotifications
def broken = notes.find { it.descriptor.id == 'JAVA_NOT_PARSED' }
assert broken.locations[0].physicalLocation.artifactLocation.uri == 'src/main/java/com/acme/billing/Broken.java'
def rejected = notes.findAll { it.descriptor.id == 'SQL_NOT_PARSED' }
assert rejected.size() == 1 && rejected[0].message.text.contains('Statement.executeQuery')

def log = new File(basedir, 'build.log').text
assert log.contains('sqllint-maven-plugin:0.1.0-SNAPSHOT:check (default)')
assert log =~ /1 not parsed/
assert log.contains('BUILD SUCCESS')
return true
