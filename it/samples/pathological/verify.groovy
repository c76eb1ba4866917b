// Integration test harness: every pathological input is reported with its file and reason and never stops the
// run; the findings in the other files keep their exact lines and columns; nothing is fetched or read through XML.
import groovy.json.JsonSlurper

// the build is over: stop the canary server prebuild.groovy started (what it saw is in canary-requests.log)
new Socket(InetAddress.loopbackAddress, new File(basedir, 'canary.port').text as int).withCloseable { it.outputStream << 'STOP\n' }

def sarif = { String module -> new JsonSlurper().parse(new File(basedir, "${module}/target/sqllint/sqllint.sarif")).runs[0] }
def findingsOf = { run ->
    run.results.collect { r ->
        def loc = r.locations[0].physicalLocation
        "${r.ruleId} ${loc.artifactLocation.uri}:${loc.region.startLine}:${loc.region.startColumn}".toString()
    }
}
def notesOf = { run ->
    run.invocations[0].toolExecutionNotifications.collect { n ->
        def loc = n.locations[0].physicalLocation
        "${n.descriptor.id} ${loc.artifactLocation.uri}:${loc.region.startLine} ${n.message.text}".toString()
    }
}
def log = new File(basedir, 'build.log').text
def abs = { String path -> new File(basedir, path).absolutePath }
def symlinks = new File(basedir, 'symlinks.txt').text == 'created'

// --- app: the findings, each at its exact line and column -------------------------------------------------------
def lib = 'app/src/main/java/com/acme/library'
def app = sarif('app')
assert findingsOf(app) == [
    // \u0022 and \u00e9 escapes earlier on the line count as the six characters an editor shows
    "OrAcrossAccessPaths ${lib}/ExportFormat.java:25:157",
    // Java 21: sealed types, records, record patterns in a switch, a text block
    "OrAcrossAccessPaths ${lib}/ReleaseEvents.java:49:20",
    // 500 levels deep: found inside the innermost parentheses
    "OrAcrossAccessPaths ${lib}/SeedData.java:24:582",
    // after the 1 MB statement on line 12
    "OrAcrossAccessPaths ${lib}/SeedData.java:28:81",
    "OrAcrossAccessPaths ${lib}/TrackDao.java:19:81",
    // byte-order mark, CRLF, non-ASCII text before the OR on the same line (in a text block, in a literal)
    "OrAcrossAccessPaths ${lib}/WindowsDao.java:24:70",
    "OrAcrossAccessPaths ${lib}/WindowsDao.java:31:112",
    // the mapper whose DOCTYPE names an external DTD: read without it
    'OrAcrossAccessPaths app/src/main/resources/mapper/AlbumMapper.xml:11:8',
]*.toString()
def sqlAt = { run, String file -> run.results.findAll { it.locations[0].physicalLocation.artifactLocation.uri.endsWith(file) }*.properties*.sql }
assert sqlAt(app, 'ExportFormat.java')[0].contains("t.genre = 'café'")
assert sqlAt(app, 'WindowsDao.java')[0].contains("p.name <> 'Café — archivé'")
assert sqlAt(app, 'WindowsDao.java')[1].contains("a.title <> 'Été'")
// the good changelog proves the albums index although its hostile neighbour was skipped
def provedByChangelog = app.results.findAll { it.message.text.contains('albums_label_id_idx on albums(label_id) (01-albums.xml:22 (changeSet 1))') }
assert provedByChangelog*.properties*.owner == ['ReleaseEvents.managedAlbums', 'SeedData.deeplyNested', 'com.acme.library.AlbumMapper.labelAlbums']
assert provedByChangelog*.properties*.precision.unique() == ['very-high']

// --- app: every input that was not analysed, with its file and reason ---------------------------------------------
def expectedNotes = [
    // a merge conflict: the line JavaParser stopped on, the last token it could read
    "JAVA_NOT_PARSED ${lib}/Broken.java:18 java not parsed: Java does not parse: Parse error. Found \"<<\", expected \"}\"",
    "FILE_SKIPPED ${lib}/Thumbnail.java:1 file skipped: binary content, not Java source",
    "FILE_SKIPPED ${lib}/generated/RegionCatalog.java:1 file skipped: larger than the size limit (${new File(basedir, lib + '/generated/RegionCatalog.java').length()} > 2097152 bytes)",
    "FILE_SKIPPED ${lib}/loop:1 file skipped: symbolic link to ../../.. not followed: it leads back into its own folder (a loop)",
    'SCHEMA_SKIPPED app/src/main/resources/db/changelog/changes/02-external-entity.xml:4 schema skipped: changelog skipped: it declares a DOCTYPE, and DTDs and entities are never loaded or expanded',
    'FILE_SKIPPED app/src/main/resources/mapper/ExternalEntityMapper.xml:5 file skipped: MyBatis mapper not read: declares the external entity %remote: entity declarations are refused, none is loaded',
    'FILE_SKIPPED app/src/main/resources/mapper/LaughsMapper.xml:4 file skipped: MyBatis mapper not read: declares the entity lol: entity declarations are refused, none is expanded',
]*.toString()
if (!symlinks) expectedNotes.removeAll { it.contains('/loop:') }
assert notesOf(app) == expectedNotes

// the console lists each of them as a warning with the file (and line, when there is one), and counts them
assert log.contains("[WARNING] ${abs(lib + '/Broken.java')}:[18,1] skipped (java not parsed): Java does not parse: Parse error. Found \"<<\", expected \"}\"")
assert log.contains("[WARNING] ${abs(lib + '/Thumbnail.java')} skipped (file skipped): binary content, not Java source")
assert log.contains("[WARNING] ${abs(lib + '/generated/RegionCatalog.java')} skipped (file skipped): larger than the size limit (")
assert !symlinks || log.contains("[WARNING] ${abs(lib + '/loop')} skipped (file skipped): symbolic link to ../../.. not followed")
assert log.contains("[WARNING] ${abs('app/src/main/resources/db/changelog/changes/02-external-entity.xml')}:[4,1] skipped (schema skipped): changelog skipped: it declares a DOCTYPE")
assert log.contains("[WARNING] ${abs('app/src/main/resources/mapper/ExternalEntityMapper.xml')}:[5,1] skipped (file skipped): MyBatis mapper not read: declares the external entity %remote")
assert log.contains("[WARNING] ${abs('app/src/main/resources/mapper/LaughsMapper.xml')}:[4,1] skipped (file skipped): MyBatis mapper not read: declares the entity lol")
assert log.contains("[WARNING] ${abs(lib + '/SeedData.java')}:[28,81] [OrAcrossAccessPaths]")
assert log.contains("[WARNING] ${abs(lib + '/WindowsDao.java')}:[24,70] [OrAcrossAccessPaths]")
// 8 .java files (the link is none) and 3 mappers; the 1 MB and the 500-level statements both parsed
assert log =~ /sqllint: 11 files scanned, 9 SQL sites found, 9 statements parsed, 0 not parsed, ${symlinks ? 6 : 5} files skipped, 8 findings \(\d+ ms\)/
assert log.contains('sqllint: schema: 2 tables, 2 keys, 0 foreign keys, 1 indexes from Liquibase db.changelog-master.xml')

// --- legacy-latin1: read as ISO-8859-1, as the module's project.build.sourceEncoding says -------------------------
def latin1 = sarif('legacy-latin1')
assert findingsOf(latin1) == ['OrAcrossAccessPaths legacy-latin1/src/main/java/com/acme/legacy/KundenDao.java:22:138']
assert latin1.results[0].properties.owner == 'KundenDao.zähleRechnungen'
assert latin1.results[0].properties.sql.contains("r.notiz <> 'Müller & Söhne'")
assert notesOf(latin1).isEmpty()

// --- generated-code: the same 10 MB class under a raised maxFileBytes, analysed to its last line in bounded time --
def generated = sarif('generated-code')
assert findingsOf(generated) == ['OrAcrossAccessPaths generated-code/src/main/java/com/acme/regions/RegionCatalog.java:260015:81']
assert notesOf(generated).isEmpty()
def bigRun = (log =~ /sqllint: 1 file scanned, 1041 SQL sites found, 1041 statements parsed, 0 not parsed, 0 files skipped, 1 finding \((\d+) ms\)/)
assert bigRun.find()
assert (bigRun.group(1) as long) < 240_000 : 'a 10 MB source must be analysed in minutes, not hours'

// --- slow-sql: the statement the parser cannot finish within the module's 1 ms time-out ------------------------
def slow = sarif('slow-sql')
assert findingsOf(slow).isEmpty()
def timedOut = notesOf(slow)
assert timedOut.size() == 1
assert timedOut[0].startsWith('SQL_NOT_PARSED slow-sql/src/main/java/com/acme/reports/ReportQueries.java:18 sql not parsed: '
        + 'JdbcTemplate.queryForList: parser time-out in: SELECT a.id FROM albums a WHERE (((')
assert log =~ /sqllint: 1 file scanned, 1 SQL site found, 0 statements parsed, 1 not parsed \(reasons under -X and in the SARIF report\), 0 files skipped, 0 findings/

// --- nothing was fetched, and no entity was expanded: the canary saw no request, its secret appears nowhere ----
def requests = new File(basedir, 'canary-requests.log')
assert !requests.exists() : "fetched during the build: ${requests.text}"
def outputs = [new File(basedir, 'build.log')] + ['app', 'legacy-latin1', 'generated-code', 'slow-sql'].collect {
    new File(basedir, "${it}/target/sqllint/sqllint.sarif")
}
outputs.each { f -> assert !f.text.contains('CANARY-') : "canary content in ${f}" }
assert log.contains('BUILD SUCCESS')
return true
