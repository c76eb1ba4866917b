// Integration test harness: the m2e set-up runs check in process-sources; on the command line (plexus'
// DefaultBuildContext) each finding is printed once, not again as a marker; and the plugin jar carries the
// m2e lifecycle mapping that makes Eclipse run the goal on every build.
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
assert log.contains('sqllint-maven-plugin:0.1.0-SNAPSHOT:check (sqllint) @ eclipse-m2e')
assert log.findAll(/\[OrAcrossAccessPaths\] r.author_id/).size() == 1 : 'the finding is printed once, not again as a marker'
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/sqllint/sqllint.sarif').isFile()

def jar = new File(localRepositoryPath, 'dev/sqllint/sqllint-maven-plugin/0.1.0-SNAPSHOT/sqllint-maven-plugin-0.1.0-SNAPSHOT.jar')
assert jar.isFile()
new ZipFile(jar).withCloseable { zip ->
    def entry = zip.getEntry('META-INF/m2e/lifecycle-mapping-metadata.xml')
    assert entry != null : 'no m2e lifecycle mapping in the plugin jar'
    def mapping = new groovy.xml.XmlSlurper().parse(zip.getInputStream(entry))
    def execution = mapping.pluginExecutions.pluginExecution
    assert execution.pluginExecutionFilter.goals.goal*.text() == ['check']
    assert execution.action.execute.runOnIncremental.text() == 'true'
    assert execution.action.execute.runOnConfiguration.text() == 'true'
}
return true
