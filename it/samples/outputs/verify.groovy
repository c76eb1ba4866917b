// Integration test harness: the report files a CI uploads, from a two-module build run at its top.
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def modules = ['billing', 'catalog']
def expected = [
    billing: ['InvoiceDao.java:18:86 sqllint.OrAcrossAccessPaths', 'InvoiceDao.java:23:50 sqllint.DistinctOverFanOutJoin'],
    catalog: ['TrackDao.java:18:81 sqllint.OrAcrossAccessPaths'],
]
def sources = [billing: 'billing/src/main/java/com/acme/billing/InvoiceDao.java',
               catalog: 'catalog/src/main/java/com/acme/catalog/TrackDao.java']

// checkstyle XML (reviewdog -f=checkstyle, Jenkins warnings-ng): absolute file names, line, column, severity, source
modules.each { m ->
    def xml = new File(basedir, "${m}/target/sqllint/checkstyle-result.xml")
    assert xml.isFile() : "no checkstyle report in ${m}"
    def checkstyle = new XmlSlurper().parse(xml)
    assert checkstyle.name() == 'checkstyle'
    assert checkstyle.file.size() == 1
    def file = checkstyle.file[0]
    assert file.@name.text() == new File(basedir, sources[m]).absolutePath
    def errors = file.error.collect { e -> "${new File(file.@name.text()).name}:${e.@line}:${e.@column} ${e.@source}".toString() }
    assert errors == expected[m]
    assert file.error.every { it.@severity.text() == 'warning' && it.@message.text().contains(' Fix: ') }
}
// markup in a message is escaped, and reads back as written
def distinct = new XmlSlurper().parse(new File(basedir, 'billing/target/sqllint/checkstyle-result.xml')).file.error
        .find { it.@source.text() == 'sqllint.DistinctOverFanOutJoin' }
assert distinct.@message.text().contains('i.paid_at < CURRENT_DATE)')

// SARIF: paths from the top of the build under %SRCROOT%, one category per module, stable fingerprints
def runs = modules.collectEntries { m -> [m, new JsonSlurper().parse(new File(basedir, "${m}/target/sqllint/sqllint.sarif")).runs[0]] }
def fingerprints = []
modules.each { m ->
    def run = runs[m]
    def root = run.originalUriBaseIds['%SRCROOT%'].uri
    assert root.endsWith('/')
    assert new File(new URI(root)).canonicalPath == basedir.canonicalPath
    assert run.automationDetails.id == "sqllint/${m}/".toString()
    run.results.each { r ->
        def artifact = r.locations[0].physicalLocation.artifactLocation
        assert artifact.uri == sources[m]
        assert artifact.uriBaseId == '%SRCROOT%'
        assert r.partialFingerprints.primaryLocationLineHash ==~ /[0-9a-f]{16}:1/
        fingerprints << r.partialFingerprints.primaryLocationLineHash
    }
    def or = run.tool.driver.rules.find { it.id == 'OrAcrossAccessPaths' }
    assert or.properties.tags == ['performance', 'sql']
    assert or.properties['problem.severity'] == 'warning'
    assert or.properties.precision == 'medium' // no migrations here: keys from naming conventions
    assert !or.properties.containsKey('security-severity')
    assert or.help.markdown.contains('```sql')
}
assert fingerprints.size() == 3 && fingerprints.unique(false).size() == 3
// the top project analyses no sources; its run is the reactor root itself, so it leaves the category to the uploader
def top = new JsonSlurper().parse(new File(basedir, 'target/sqllint/sqllint.sarif')).runs[0]
assert top.results.isEmpty() && top.automationDetails == null

// sqllint:report alone: each module's page lists its findings per rule and per file
def billingPage = new File(basedir, 'billing/target/site/sqllint.html').text
assert billingPage.contains('2 findings in 1 file.')
assert billingPage.contains('<h3>src/main/java/com/acme/billing/InvoiceDao.java</h3>')
assert billingPage.contains('in InvoiceDao.visibleInvoices') && billingPage.contains('in InvoiceDao.payingCustomers')
def catalogPage = new File(basedir, 'catalog/target/site/sqllint.html').text
assert catalogPage.contains('<h3>src/main/java/com/acme/catalog/TrackDao.java</h3>')
assert catalogPage.contains('<h3>OrAcrossAccessPaths</h3>') && !catalogPage.contains('<h3>DistinctOverFanOutJoin</h3>')

def log = new File(basedir, 'build.log').text
assert log.contains("sqllint: checkstyle report ${new File(basedir, 'billing/target/sqllint/checkstyle-result.xml').absolutePath}")
assert log.contains('BUILD SUCCESS')
return true
